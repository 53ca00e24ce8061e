"""Start-up: process start to login window shown, as a ratio to a bare PySide6 QMainWindow.

Run: ``python tests/perf/bench_startup.py [--runs 7]``. Both programs run offscreen and print the
wall-clock time once their first window has been shown (the event loop has run after ``show()``);
the figure is that moment minus the moment of launch, median of the runs. GasHall starts on an
already-created SQLite database in a temporary GASHALL_HOME and opens it as usual.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to the child's "shown" line."""
    start = time.time()
    done = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    shown = next(line for line in done.stdout.splitlines() if line.startswith("shown "))
    return float(shown.split()[1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    home = tempfile.mkdtemp(prefix="gashall-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GASHALL_HOME=home,
               GASHALL_EXIT_WHEN_SHOWN="1")
    env.pop("GASHALL_DB_URL", None)
    subprocess.run([sys.executable, "-m", "app.cli", "db", "upgrade"], env=env, cwd=ROOT,
                   check=True, capture_output=True)
    gashall = [sys.executable, "-m", "ui.main"]
    bare = [sys.executable, "-c", BARE]
    timed(gashall, env), timed(bare, env)  # warm the file cache
    ours = statistics.median(timed(gashall, env) for _ in range(runs))
    base = statistics.median(timed(bare, env) for _ in range(runs))
    print(f"bare PySide6 QMainWindow: {base * 1000:.0f} ms")
    print(f"GasHall to login window:  {ours * 1000:.0f} ms")
    print(f"ratio: {ours / base:.2f} (target <= 2.0)")


if __name__ == "__main__":
    main()
