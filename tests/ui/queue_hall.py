"""A hall with queue categories, and a drained task runner, for the customer-facing windows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.clock import FixedClock
from app.persistence.db import Database
from app.services.auth_service import AuthService
from app.services.dto import Operator
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from tests.conftest import ADMIN_PASSWORD
from ui.common.task_runner import TaskRunner


class QueueHall:
    """东城营业厅 with A 缴费 (counters 1, 2), B 业务办理 (counter 2), C 报装维修 (inactive)."""

    def __init__(self, db: Database, clock: FixedClock) -> None:
        auth = AuthService(db, clock)
        auth.first_setup("东城营业厅", ADMIN_PASSWORD)
        self.db = db
        self.admin: Operator = auth.login("admin", ADMIN_PASSWORD)
        self.clock = clock
        self.queue = QueueService(db, clock)
        self.setup = QueueAdminService(db, clock)
        save = self.setup.save_category
        self.a = save(self.admin, None, "A", "缴费", 5, True, [1, 2]).id
        self.b = save(self.admin, None, "B", "业务办理", 15, True, [2]).id
        self.c = save(self.admin, None, "C", "报装维修", 20, False, [3]).id
        self.hall_id = self.admin.hall_id

    def issue(self, category: int, priority: bool = False) -> str:
        """Issue a ticket ten seconds after the last event; returns its number."""
        self.clock.advance(seconds=10)
        return self.queue.issue(self.hall_id, category, priority).number

    def call(self, counter: int) -> str:
        """Call next at ``counter``, first finishing what it serves; returns the number."""
        self.clock.advance(seconds=10)
        if self.queue.counter_state(self.hall_id, counter).current is not None:
            self.queue.finish(self.admin, counter)
        return self.queue.call_next(self.admin, counter).number

    def close_category(self, category: int) -> None:
        """Make a category inactive (as a manager would)."""
        info = next(c for c in self.setup.categories(self.hall_id) if c.id == category)
        self.setup.save_category(self.admin, info.id, info.prefix, info.name,
                                 info.time_limit_minutes, False, info.counters)


@pytest.fixture
def hall(db: Database, clock: FixedClock) -> QueueHall:
    """The queue hall on a fresh SQLite file."""
    return QueueHall(db, clock)


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    qapp.processEvents()
