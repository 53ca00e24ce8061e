"""Every audit action that app/ writes has a name in the audit log viewer."""

from __future__ import annotations

import re
from pathlib import Path

from ui.admin.audit_table_model import _ACTIONS

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = re.compile(r'append_audit\(.*?"([a-z_]+(?:\.[a-z_]+)?)"')
PASSED_IN = {"login", "unlock"}  # AuthService.login(action=...) writes these


def test_every_written_action_has_a_name() -> None:
    written: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        written.update(WRITTEN.findall(path.read_text(encoding="utf-8")))
    assert {"account.changed", "personal_data.viewed", "demo.loaded"} <= written
    assert (written | PASSED_IN) - set(_ACTIONS) == set()
