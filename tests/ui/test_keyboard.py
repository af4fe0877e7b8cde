"""Keyboard use of the real windows: Tab moves on, Enter presses, F1 lists every shortcut."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from listen_drill.ui.shortcuts_help import shortcuts_help
from listen_drill.ui.team_view import TeamView
from tests.core.export_helpers import add_attempts, team_file_of
from tests.ui.windows import open_window

REPLY = "So the parcel was late again; that sounds frustrating. What would help most?"


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tab_leaves_the_reply_box_for_the_buttons(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.response_edit.setFocus()
    qtbot.keyClicks(window.response_edit, "That sounds hard.")
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Tab)
    assert "\t" not in window.response_edit.toPlainText()
    widget = focused()
    assert widget is not None and widget.objectName() == "submitButton"
    qtbot.keyClick(widget, Qt.Key.Key_Backtab)
    assert window.response_edit.hasFocus()
    window.close()


def test_enter_on_next_drill_moves_on(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    first = window.session.drill.id
    window.response_edit.setFocus()
    qtbot.keyClicks(window.response_edit, REPLY)
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return)  # a new line, not a submit
    assert window.last_attempt is None and window.response_edit.toPlainText().endswith("\n")
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.last_attempt is not None
    assert window.next_button.hasFocus()
    qtbot.keyClick(window.next_button, Qt.Key.Key_Return)
    assert window.session.drill.id != first
    assert window.response_edit.hasFocus() and window.response_edit.toPlainText() == ""
    window.close()


def test_tab_walks_through_the_history_filters_to_the_table(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.tabs.setCurrentIndex(1)
    view = window.history_view
    qtbot.waitUntil(lambda: view.ready)
    assert view.since_edit.text() == "any"
    view.since_edit.setFocus()
    order = []
    for _ in range(3):
        widget = focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        after = focused()
        assert after is not None
        order.append(after.objectName())
    assert order == ["historyUntil", "historySearch", "historyTable"]
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Backtab)
    qtbot.keyClick(view.search, Qt.Key.Key_Backtab)
    assert view.until_edit.hasFocus()
    window.close()


def test_tab_leaves_the_team_table_for_the_buttons(
    qtbot: QtBot, library_store: Store, tmp_path: Path
) -> None:
    add_attempts(library_store, library_store.current_profile(), 20)
    add_attempts(library_store, library_store.create_profile("Tom"), 5)
    team_path = team_file_of(library_store, tmp_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.table.rowCount() == 2
    view.table.setFocus()
    view.table.setCurrentCell(0, 0)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)  # not to the next cell: on to the buttons
    widget = focused()
    assert widget is not None and widget.objectName() == "teamImport"
    view.close()


def test_f1_lists_every_registered_shortcut(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    box = window.shortcuts_box()  # what F1 shows
    text = box.text()
    assert text == shortcuts_help(window)
    keys = {
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    }
    assert {"Ctrl+Shift+S", "Ctrl+Shift+I", "Ctrl+Shift+T", "Ctrl+O", "F1"} <= keys
    for key in keys:
        assert f"{key}<" in text or f"{key} /" in text, key  # each listed as itself
    window.close()


def test_retry_tooltip_says_the_reply_is_kept(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.response_edit.setPlainText(REPLY)
    window.submit()
    window.retry_button.click()
    assert window.response_edit.toPlainText() == REPLY  # what the tooltip must not deny
    tip = window.retry_button.toolTip()
    assert "Clear" not in tip and "keeping your reply" in tip
    window.close()
    with Store.open(data_dir) as store:
        assert len(store.attempts()) == 1
