"""The main window as an agent meets it, for the UI tests: created, shown and active."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from listen_drill.ui.app import create_window
from listen_drill.ui.main_window import MainWindow


def open_window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    """The real window on `data_dir`, active, so window shortcuts reach it."""
    window = create_window(data_dir)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
