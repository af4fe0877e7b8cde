"""Windows sized to fit the screen they open on: a 600 px screen must still show every button."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left round a window fitted to the screen, for its frame and title bar.
SCREEN_FRAME_ALLOWANCE = QSize(16, 48)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width x height, or smaller, so its frame fits the available screen.

    Windows were given fixed sizes (1180x760, 760x640...) that reach past a 600 px screen,
    where their buttons cannot be seen; each asks for its size through this instead.
    """
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry().size() - SCREEN_FRAME_ALLOWANCE
    widget.resize(max(1, min(width, room.width())), max(1, min(height, room.height())))
