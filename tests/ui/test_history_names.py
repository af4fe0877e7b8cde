"""History names drills and packs as the agent knows them, and counts agree with their nouns.

The Drill column showed ids such as "para-cold-meal"; a pack re-imported with a new title kept
its old one in History and in its Pack filter; "1 attempts" and "streak 1 days".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from listen_drill.core.paths import DB_FILENAME
from listen_drill.core.store import Store
from listen_drill.ui.main_window import MainWindow
from tests.ui.pack_files import import_and_wait, toml_pack, write_pack
from tests.ui.windows import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
REPLY = "So the dinner came an hour late and stone cold; how disappointing. What would help now?"


def submit(qtbot: QtBot, window: MainWindow) -> None:
    window.response_edit.setFocus()
    qtbot.keyClicks(window.response_edit, REPLY)
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return, CTRL)
    assert window.last_attempt is not None


def open_history(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: window.history_view.ready)


def test_the_drill_column_shows_what_the_customer_said(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    submit(qtbot, window)
    open_history(qtbot, window)
    index = window.history_view.table.model().index(0, 2)
    assert str(index.data()).startswith("“I ordered dinner for my kids")
    tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole))
    assert "fundamentals / para-cold-meal" in tooltip, "the id is still there for trainers"
    window.resize(800, 600)
    window.grab().save(str(data_dir.parent / "history-drill-names-800x600.png"))
    window.close()


def test_a_reimported_title_shows_in_history_and_its_pack_filter(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    first = toml_pack("refunds", "Refunds", ["Late again."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds.toml", first))
    submit(qtbot, window)
    open_history(qtbot, window)
    view = window.history_view
    assert view.table.model().index(0, 1).data() == "Refunds"

    renamed = toml_pack("refunds", "Refunds and returns", ["Late again!"], version="2")
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds-2.toml", renamed))
    assert view.table.model().index(0, 1).data() == "Refunds and returns"
    choices = [view.pack_filter.itemText(i) for i in range(view.pack_filter.count())]
    assert choices == ["All packs", "Refunds and returns"]
    assert view.table.model().index(0, 2).data() == "“Late again.”", "the words answered"
    window.close()


def test_a_row_keeps_the_words_answered_after_a_rewording_and_a_removal(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """History named rows by the drill as installed now: a reworded drill listed older
    attempts under its new words, a removed one by its id, while the PDF report used the
    words each attempt answered."""
    window = open_window(qtbot, data_dir)
    first = toml_pack("refunds", "Refunds", ["My parcel is late again."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds.toml", first))
    submit(qtbot, window)
    reworded = toml_pack("refunds", "Refunds", ["Where on earth is my parcel?"], version="2")
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds-2.toml", reworded))
    open_history(qtbot, window)
    cell = window.history_view.table.model().index(0, 2)
    assert cell.data() == "“My parcel is late again.”"
    assert "My parcel is late again." in str(cell.data(Qt.ItemDataRole.ToolTipRole))
    window.close()

    with Store(data_dir / DB_FILENAME) as store:  # as `listen-drill pack remove` does
        store.remove_pack("refunds")
    window = open_window(qtbot, data_dir)
    open_history(qtbot, window)
    cell = window.history_view.table.model().index(0, 2)
    assert cell.data() == "“My parcel is late again.”", "words, not the id d1"
    window.close()


def test_a_new_attempt_on_a_reworded_drill_renames_its_rows(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """The Drill column names a drill by the words its latest attempt answered."""
    window = open_window(qtbot, data_dir)
    first = toml_pack("refunds", "Refunds", ["My parcel is late again."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds.toml", first))
    submit(qtbot, window)
    open_history(qtbot, window)
    reworded = toml_pack("refunds", "Refunds", ["Where on earth is my parcel?"], version="2")
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds-2.toml", reworded))
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    submit(qtbot, window)
    model = window.history_view.table.model()
    assert model.rowCount() == 2
    assert model.index(0, 2).data() == "“Where on earth is my parcel?”"
    window.close()


def test_one_attempt_and_one_day_are_singular(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    submit(qtbot, window)
    open_history(qtbot, window)
    assert window.history_view.count_label.text() == "1 attempt"
    window.history_view.search.setText("no such words")
    assert window.history_view.count_label.text() == "0 of 1 attempt"
    window.history_view.search.clear()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    summary = window.dashboard.summary_label.text()
    assert "<b>1</b> attempt ·" in summary and "streak <b>1</b> day ·" in summary
    window.close()
