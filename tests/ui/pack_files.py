"""Drill packs written on the spot for the UI tests, and importing them through the window."""

from __future__ import annotations

from pathlib import Path

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


def import_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Import `path` as File > Import Pack... does, and wait until it is in the pack list."""
    with qtbot.waitSignal(window.pack_importer.finished, timeout=20000) as blocker:
        window.pack_importer.import_file(path)
    assert blocker.args == [True], window.statusBar().currentMessage()
    dialog = window.pack_importer.dialog
    if dialog is not None:  # warnings about the made-up drills: not what these tests are about
        dialog.close()
