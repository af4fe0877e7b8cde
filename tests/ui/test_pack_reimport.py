"""Importing a new version of the pack being drilled: the Drill view moves to it at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from listen_drill.ui.app import create_window
from listen_drill.ui.main_window import MainWindow

PACKS = Path(__file__).parent.parent / "data" / "reimport"


def import_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.pack_importer.finished, timeout=20000) as blocker:
        window.pack_importer.import_file(path)
    assert blocker.args == [True]


def test_reimporting_the_drilled_pack_shows_its_new_drills(qtbot: QtBot, data_dir: Path) -> None:
    window = create_window(data_dir)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    import_and_wait(qtbot, window, PACKS / "refunds-v1.toml")
    window.next_drill()  # on "partial-refund", drill 2 of 2
    assert window.session is not None and window.session.drill.id == "partial-refund"

    import_and_wait(qtbot, window, PACKS / "refunds-v2.toml")
    session = window.session
    assert session is not None and session.pack.version == "2"
    assert session.drill.id == "partial-refund", "the current drill is kept, by id"
    assert session.position == (2, 3)
    statement = window.findChild(QLabel, "statementView")
    assert statement is not None and "restocking fee" in statement.text()
    assert window.pack_list.currentItem().text().endswith("(3)")

    window.next_drill()
    assert session.drill.id == "refund-card-expired", "the new drill can be reached"
    session.go_to("partial-refund")
    window.response_edit.setPlainText("So only half came back and nobody mentioned a fee?")
    window.submit()
    assert window.last_attempt is not None and window.last_attempt.id is not None
    saved = window.store.attempt(window.last_attempt.id)
    assert "restocking fee" in saved.statement and saved.pack_version == "2"


def test_selecting_the_same_pack_again_keeps_the_reply(qtbot: QtBot, data_dir: Path) -> None:
    window = create_window(data_dir)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    import_and_wait(qtbot, window, PACKS / "refunds-v1.toml")
    window.response_edit.setPlainText("half typed")
    window.reload_packs()  # nothing changed: nothing the agent typed is cleared
    assert window.response_edit.toPlainText() == "half typed"
