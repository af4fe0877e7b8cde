"""Importing a pack from the window: File > Import Pack... and dropping a file on the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from listen_drill.ui.main_window import PACK_ID_ROLE
from tests.ui.pack_files import drop_on, file_mime, import_file
from tests.ui.windows import open_window

CORPUS = Path(__file__).parents[1] / "data" / "broken_packs"

GOOD = """[pack]
id = "refunds"
title = "Refunds"
version = "1"

[[drills]]
id = "late"
statement = "My refund is late and I am fed up."
emotions = ["frustrated"]
exemplars = ["So the refund is late and you feel fed up. What happened when you asked?"]
"""


def test_the_menu_has_import_pack_on_ctrl_o(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    action = window.pack_importer.action
    assert action in window.file_menu.actions()
    assert action.shortcut().toString() == "Ctrl+O"


def test_a_good_pack_imports_and_is_selected(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, data_dir)
    path = tmp_path / "refunds.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert import_file(qtbot, window, path)
    packs = window.findChild(QListWidget, "packList")
    assert packs is not None
    assert packs.currentItem().data(PACK_ID_ROLE) == "refunds"
    assert window.session is not None and window.session.pack.id == "refunds"
    assert "Imported 'Refunds'" in window.statusBar().currentMessage()
    assert window.pack_importer.dialog is None


def test_dropping_a_broken_pack_lists_every_problem_and_changes_nothing(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    before = window.store.pack_versions()
    path = tmp_path / "broken.toml"
    path.write_text(
        GOOD.replace('emotions = ["frustrated"]', 'emotions = ["angryish"]\nintensity = 7').replace(
            'version = "1"', 'version = "1"\ntitel = "x"'
        ),
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.pack_importer.finished, timeout=20000) as blocker:
        event = drop_on(window, file_mime(path))
    assert event.isAccepted() and blocker.args == [False]
    dialog = window.pack_importer.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    rows = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(rows) == 3
    assert rows[0].startswith("Line 5 · pack.titel\nunknown key 'titel'")
    assert "'angryish' is not a known emotion" in rows[1]
    assert "must be a whole number from 1 to 3" in rows[2]
    dialog.copy_all()
    assert QGuiApplication.clipboard().text().startswith(f"{path}:5: pack.titel: unknown key")
    assert window.store.pack_versions() == before
    dialog.grab().save(str(tmp_path / "problems.png"))


def test_a_csv_from_the_corpus_shows_its_line(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert not import_file(qtbot, window, CORPUS / "csv-bad-intensity.csv")
    dialog = window.pack_importer.dialog
    assert dialog is not None
    assert dialog.list.item(0).text().startswith("Line 3 · drills[1].intensity")
