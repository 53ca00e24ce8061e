"""The task runner hands results back on the GUI thread, and never to a page already closed."""

from __future__ import annotations

import threading
from functools import partial

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.common.task_runner import TaskRunner


class _Page(QLabel):
    def shown(self, tag: str, result: object) -> None:
        self.setText(f"{tag}: {result}")


def test_a_result_reaches_its_page(qtbot: QtBot) -> None:
    runner = TaskRunner()
    page = _Page()
    qtbot.addWidget(page)
    runner.run(lambda: 42, partial(page.shown, "answer"), lambda error: None)
    qtbot.waitUntil(lambda: page.text() == "answer: 42")
    assert runner.wait_idle()


def test_a_result_for_a_page_deleted_meanwhile_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    page = _Page()
    release = threading.Event()
    seen: list[object] = []
    runner.run(lambda: release.wait(5), partial(page.shown, "late"), seen.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page))
    release.set()
    assert runner.wait_idle()
    runner.run(lambda: "after", seen.append, seen.append)  # a plain callback still runs
    qtbot.waitUntil(lambda: seen == ["after"])


def _alive(widget: QLabel) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))
