"""Drill packs written on the spot for the UI tests, and importing them through the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from listen_drill.ui.main_window import MainWindow

EXEMPLAR = "So the refund is late and you feel fed up. What happened when you asked?"


def toml_pack(pack_id: str, title: str, statements: list[str], *, version: str = "1") -> str:
    """A TOML pack whose drills say `statements` (written as multi-line basic strings)."""
    drills = "".join(
        f'\n[[drills]]\nid = "d{number}"\nstatement = """{text}"""\n'
        f'emotions = ["frustrated"]\nexemplars = ["{EXEMPLAR}"]\n'
        for number, text in enumerate(statements, start=1)
    )
    return f'[pack]\nid = "{pack_id}"\ntitle = "{title}"\nversion = "{version}"\n{drills}'


def write_pack(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def import_file(qtbot: QtBot, window: MainWindow, path: Path) -> bool:
    """Import `path` as File > Import Pack... does, wait for the outcome, and say whether the
    pack went in (a refused file leaves its problems dialog open)."""
    with qtbot.waitSignal(window.pack_importer.finished, timeout=20000) as blocker:
        window.pack_importer.import_file(path)
    return bool(blocker.args[0])


def import_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Import `path`, which must go in, and wait until it is in the pack list."""
    assert import_file(qtbot, window, path), window.statusBar().currentMessage()
    dialog = window.pack_importer.dialog
    if dialog is not None:  # warnings about the made-up drills: not what these tests are about
        dialog.close()


def file_mime(path: Path) -> QMimeData:
    """What a file manager puts on a drag of `path` (the event does not own it: keep it)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def drag_enter(window: MainWindow, mime: QMimeData) -> QDragEnterEvent:
    """A drag of `mime` entering the window, handed to the window's import handler."""
    event = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.pack_importer.eventFilter(window, event)
    return event


def drop_on(window: MainWindow, mime: QMimeData) -> QDropEvent:
    """`mime` dropped on the window. Offscreen Qt does not route a synthetic drop through
    QApplication, so it is handed to the window's drop handler as Qt would."""
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.pack_importer.eventFilter(window, event)
    return event
