"""The Qt binding must not lose references to None when Qt calls into Python.

PySide6 6.12.0 dropped one reference to None on every call from Qt into a Python slot (and on
every `processEvents()`): a session of typing and timers aborted Python after some 20,000 calls
("Fatal Python error: none_dealloc"). pyproject.toml excludes that release; this test catches
any release that brings the bug back, before an agent loses a session to it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

CALLS = 1_000  # few enough that a leaking binding fails here instead of aborting


class _Ticker(QObject):
    ticked = Signal()


def test_slot_calls_keep_none_alive(qapp: QApplication) -> None:
    ticker = _Ticker()
    calls: list[int] = []
    ticker.ticked.connect(lambda: calls.append(1))
    before = sys.getrefcount(None)

    for _ in range(CALLS):
        ticker.ticked.emit()

    assert len(calls) == CALLS
    assert sys.getrefcount(None) > before - CALLS // 2
