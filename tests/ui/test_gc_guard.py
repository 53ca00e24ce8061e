"""Garbage is collected on the GUI thread by a timer, never by a worker thread."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject

from ui.common.gc_guard import MainThreadGarbageCollector, collect_due


class Node:
    """Half of a reference cycle."""

    other: Node | None = None


def test_automatic_collection_is_off_and_the_timer_collects(qapp: object) -> None:
    owner = QObject()
    MainThreadGarbageCollector(owner, interval_ms=10)
    assert not gc.isenabled()
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    assert gone() is not None  # nothing collected it by itself
    kept = [Node() for _ in range(gc.get_threshold()[0] + 1)]  # past generation 0's threshold
    collect_due()
    assert gone() is None and kept
