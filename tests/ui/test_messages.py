"""Every message key that app/ can raise has a text for the user, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from app.config import resource_path
from app.domain.errors import DomainError, Problem
from ui.common.messages import error_text, known_keys, problem_text

ROOT = Path(__file__).resolve().parents[2]
RAISED = re.compile(r'(?:DomainError\.of|Problem|StorageUnavailable)\(\s*"([a-z_]+\.[a-z_]+)"')


def raised_keys() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        keys.update(RAISED.findall(path.read_text(encoding="utf-8")))
    return keys


def test_every_raised_key_has_a_text() -> None:
    keys = raised_keys()
    assert len(keys) > 30  # the scan really finds them
    assert keys - known_keys() == set()


def test_texts_fill_in_values(qapp: object) -> None:
    text = problem_text(Problem("auth.bad_credentials_left", None, {"left": 3}))
    assert "3" in text and "{" not in text
    assert error_text(DomainError.of("no.such_key")) == "no.such_key"


def test_chinese_texts(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "gashall_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert problem_text(Problem("id_number.check_digit")) != (
            "The ID number's check digit is wrong; please check each digit."
        )
        assert "身份证" in problem_text(Problem("id_number.check_digit"))
    finally:
        QCoreApplication.removeTranslator(translator)
