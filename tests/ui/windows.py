"""The main window as an agent meets it, for the UI tests: created, shown and active; and
pictures of widgets kept for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget
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


#: Set to a folder to keep the pictures the UI tests take, to look at; unset, none is written.
SHOTS_VARIABLE = "LISTEN_DRILL_SHOTS"


def shots_folder() -> Path | None:
    """Where to keep pictures (made when needed), or None when nobody asked for them."""
    folder = os.environ.get(SHOTS_VARIABLE)
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def keep_picture(widget: QWidget, name: str) -> None:
    """Save `widget` as `name` (a .png file name) in the shots folder, when one is asked for."""
    folder = shots_folder()
    if folder is not None:
        widget.grab().save(str(folder / name))
