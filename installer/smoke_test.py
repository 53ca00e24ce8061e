"""Run GasHall's ``--self-test`` (built GasHall.exe or ``python -m ui.main``) in an empty home."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 120
ROOT = Path(__file__).resolve().parent.parent


def command_for(executable: str | None) -> list[str]:
    """The command line that runs the self-test."""
    if not executable:
        return [sys.executable, "-m", "ui.main", "--self-test"]
    if Path(executable).exists():  # the program runs in the repository root: make it absolute
        executable = str(Path(executable).resolve())
    return [executable, "--self-test"]


def environment(home: Path) -> dict[str, str]:
    """This environment with an empty GASHALL_HOME; headless Linux gets Qt's offscreen platform."""
    env = {**os.environ, "GASHALL_HOME": str(home)}
    env.pop("GASHALL_DB_URL", None)  # the self-test must use the fresh home, not a real database
    headless = not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def logs_of(home: Path) -> str:
    """The log files the program wrote; a windowed exe has no console, so they are its output."""
    return "".join(
        f"\n--- {log} ---\n{log.read_text(encoding='utf-8', errors='replace')}"
        for log in sorted(home.rglob("*.log"))
    )


def _text(output: str | bytes | None) -> str:
    """Partial output of a timed-out run, which Python may hand over as bytes."""
    if isinstance(output, bytes):
        return output.decode("utf-8", errors="replace")
    return output or ""


def run(executable: str | None) -> int:
    """Run the self-test once; print what went wrong and return non-zero if it failed."""
    command = command_for(executable)
    with tempfile.TemporaryDirectory(prefix="gashall-smoke-") as folder:
        home = Path(folder)
        try:
            result = subprocess.run(
                command,
                cwd=ROOT,
                env=environment(home),
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired as expired:
            output = _text(expired.stdout) + _text(expired.stderr)
            print(f"FAILED: no exit after {TIMEOUT_SECONDS} s: {command}\n{output}{logs_of(home)}")
            return 1
        except OSError as error:
            print(f"FAILED: cannot start {command}: {error}")
            return 1
        if result.returncode != 0:
            print(f"FAILED: exit code {result.returncode}: {command}")
            print(f"{result.stdout}{result.stderr}{logs_of(home)}")
            return 1  # not the child's code: 256 or a Windows status would wrap to 0 on POSIX
    print(f"OK: {' '.join(command)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the self-test."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("executable", nargs="?", help="e.g. dist\\GasHall\\GasHall.exe")
    args = parser.parse_args(argv)
    return run(args.executable)


if __name__ == "__main__":
    sys.exit(main())
