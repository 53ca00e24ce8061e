"""The layers point one way: ui -> app.services -> app.domain; app never imports Qt or ui."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_OR_UI = ("PySide6", "qtawesome", "shiboken6", "ui")
NOT_IN_DOMAIN = ("sqlalchemy", "alembic", "reportlab", "pandas", "openpyxl", "app.persistence",
                 "app.services")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_app_never_imports_qt_or_ui() -> None:
    assert offenders("app", QT_OR_UI) == []


def test_domain_imports_no_storage_printing_or_services() -> None:
    assert offenders("app/domain", NOT_IN_DOMAIN) == []


def test_services_never_import_the_ui() -> None:
    assert offenders("app/services", QT_OR_UI) == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy\n", encoding="utf-8")
    assert {"PySide6.QtCore", "sqlalchemy"} <= imported_modules(bad)
