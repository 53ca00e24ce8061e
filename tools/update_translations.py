"""Refresh the zh_CN translation: collect strings from ui/ (lupdate), then compile .qm (lrelease).

Run after changing user-visible strings: ``python tools/update_translations.py``. Then translate
every ``type="unfinished"`` entry in resources/translations/gashall_zh_CN.ts (Qt Linguist or a
text editor) and run it again to compile.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "gashall_zh_CN.ts"


def sources() -> list[str]:
    """Every Python file of the UI, relative to the project root, in a stable order."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    """Merge the UI's current strings into a .ts file, dropping strings no longer used."""
    subprocess.run(["pyside6-lupdate", *sources(), "-no-obsolete", "-locations", "none",
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile a .ts file to the binary .qm that the program loads."""
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], cwd=ROOT, check=True,
                   capture_output=True)


def main() -> int:
    """Update the .ts from the code, then compile it."""
    lupdate(TS)
    lrelease(TS, TS.with_suffix(".qm"))
    unfinished = TS.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS.name}: {unfinished} unfinished")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
