"""The ``gashall`` command: command line, --self-test, start-up, crashes, languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.common.translator import install_translators, pick_language
from ui.crash_handler import handle_exception

ROOT = Path(__file__).resolve().parents[2]

DISPATCH = """
import sys, types
fake = types.ModuleType("app.cli")
fake.main = lambda argv: print("cli got", argv) or 7
sys.modules["app.cli"] = fake
from ui.main import main
code = main(["accounts", "search", "13812345678"])
print("pyside6 imported:", any(name.startswith("PySide6") for name in sys.modules))
sys.exit(code)
"""


def run(args: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "GASHALL_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                   **env}
    environment.pop("GASHALL_DB_URL", None)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, text=True,
                          capture_output=True, timeout=120, check=False)


def test_arguments_go_to_the_command_line_without_loading_qt(tmp_path: Path) -> None:
    result = run(["-c", DISPATCH], tmp_path)
    assert result.returncode == 7, result.stderr
    assert "cli got ['accounts', 'search', '13812345678']" in result.stdout
    assert "pyside6 imported: False" in result.stdout


def test_self_test_opens_a_database_and_renders_a_chinese_pdf(tmp_path: Path) -> None:
    result = run(["-m", "ui.main", "--self-test"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("self-test ok")
    assert "database: SQLite gashall.db" in result.stdout
    assert (tmp_path / "data" / "gashall.db").is_file()


def test_the_program_starts_to_the_login_window_and_logs(tmp_path: Path) -> None:
    result = run(["-m", "ui.main"], tmp_path, GASHALL_EXIT_WHEN_SHOWN="1")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "logs" / "gashall.log").is_file()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_an_unexpected_error_is_logged_and_shown_not_fatal(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update(text=box.text(), info=box.informativeText(), details=box.detailedText())
        keep = next(b for b in box.buttons() if b.text() == "Keep working")
        keep.click()

    QTimer.singleShot(0, answer)
    try:
        raise ValueError("boom")
    except ValueError as error:
        handle_exception(ValueError, error, error.__traceback__, tmp_path / "gashall.log")
    assert seen["text"].startswith("Something went wrong that GasHall did not expect.")
    assert str(tmp_path / "gashall.log") in seen["info"]
    assert "ValueError: boom" in seen["details"]
    assert "unexpected error" in caplog.text and "ValueError: boom" in caplog.text


def test_language_follows_the_setting_then_the_system() -> None:
    assert pick_language("en", QLocale("zh_CN")) == "en"
    assert pick_language("zh_CN", QLocale("en_US")) == "zh_CN"
    assert pick_language("", QLocale("zh_TW")) == "zh_CN"  # the one Chinese we ship
    assert pick_language("", QLocale("de_DE")) == "en"
    assert pick_language("fr", QLocale("en_US")) == "en"  # unknown setting: the system's


def test_chinese_loads_qts_own_translation(qapp: QApplication) -> None:
    default = QLocale()
    installed = install_translators(qapp, "zh_CN")
    try:
        assert QLocale().name() == "zh_CN"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # button texts
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(default)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
