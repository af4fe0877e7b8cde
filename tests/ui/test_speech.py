"""Reading aloud, with Qt's built-in mock speech engine standing in for a real voice."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from listen_drill.ui.speech import StatementReader


def test_reader_speaks_and_stops_on_second_press(qtbot: QtBot) -> None:
    reader = StatementReader(engine="mock")
    assert reader.available
    reader.toggle("This is the third time my delivery has been late.")
    qtbot.waitUntil(lambda: reader.speaking)
    reader.toggle("ignored: pressing again stops")
    qtbot.waitUntil(lambda: not reader.speaking)


@pytest.mark.qt_log_ignore("is not supported")
def test_an_unknown_engine_leaves_the_reader_unavailable() -> None:
    reader = StatementReader(engine="no-such-engine")
    assert not reader.available
    reader.toggle("nothing happens and nothing raises")
    assert not reader.speaking


@pytest.mark.qt_log_ignore("is not supported")
def test_read_aloud_without_an_engine_says_what_to_install(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMainWindow

    from listen_drill.ui.speech import install_read_aloud

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("Drill")
    action = install_read_aloud(window, menu, lambda: "Hello", engine="no-such-engine")
    action.trigger()
    assert "speech-dispatcher" in window.statusBar().currentMessage()
