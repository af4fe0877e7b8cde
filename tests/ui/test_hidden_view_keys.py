"""Keyboard review, round two: keys that acted on the Drill view while it was hidden, replies
lost to a re-import, a retry or a quit, and History's Retry on a removed pack.

Each test drives the real window on a real SQLite file in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from listen_drill.ui.history_view import AttemptDialog
from listen_drill.ui.main_window import MainWindow
from tests.ui.pack_files import import_and_wait
from tests.ui.windows import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
PACKS = Path(__file__).parent.parent / "data" / "reimport"
REPLY = "So the dinner came an hour late and cold; how disappointing. What would help now?"


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
    """A key pressed where the keyboard is, as the agent would."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def saved_count(window: MainWindow) -> int:
    return len(window.store.attempt_rows(window.profile.id, with_response=False))


def test_submit_and_next_from_history_do_not_act_out_of_sight(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    drill = window.session.drill.id
    qtbot.keyClicks(window.response_edit, "So the dinner came")
    for tab_key in (Qt.Key.Key_2, Qt.Key.Key_3):
        for key in (Qt.Key.Key_Return, Qt.Key.Key_N):
            press(qtbot, tab_key)
            assert window.tabs.currentIndex() != 0
            press(qtbot, key)
            assert window.tabs.currentIndex() == 0, "the key brings the Drill view back"
            assert saved_count(window) == 0, "nothing is saved from a hidden view"
            assert window.session.drill.id == drill, "the hidden drill does not move on"
            assert window.response_edit.toPlainText() == "So the dinner came"
    window.response_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # now, in sight, it submits
    assert saved_count(window) == 1


def test_go_to_keys_show_the_drill_view_first(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    for key, target in ((Qt.Key.Key_E, window.response_edit), (Qt.Key.Key_L, window.pack_list)):
        press(qtbot, Qt.Key.Key_2)
        assert window.tabs.currentIndex() == 1
        press(qtbot, key)
        assert window.tabs.currentIndex() == 0
        assert target.hasFocus() and target.isVisible()


def test_reimport_removing_the_drill_keeps_the_typed_reply(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    import_and_wait(qtbot, window, PACKS / "refunds-v1.toml")
    window.next_drill()
    assert window.session is not None and window.session.drill.id == "partial-refund"
    window.response_edit.setPlainText("So only half came back")
    v1 = (PACKS / "refunds-v1.toml").read_text(encoding="utf-8")
    without = v1.split('[[drills]]\nid = "partial-refund"')[0].replace(
        'version = "1"', 'version = "3"'
    )
    path = tmp_path / "refunds-v3.toml"
    path.write_text(without, encoding="utf-8")
    import_and_wait(qtbot, window, path)
    assert window.session.drill.id == "late-refund"
    assert window.response_edit.toPlainText() == "So only half came back"
    message = window.statusBar().currentMessage()
    assert "removed" in message and "kept" in message


def test_reimport_rewording_the_drill_says_so(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    import_and_wait(qtbot, window, PACKS / "refunds-v1.toml")
    window.next_drill()
    window.response_edit.setPlainText("So only half came back")
    import_and_wait(qtbot, window, PACKS / "refunds-v2.toml")
    assert window.response_edit.toPlainText() == "So only half came back"
    assert "statement for this drill changed" in window.statusBar().currentMessage()


def test_history_tab_leaves_the_table_and_search_has_a_key(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.response_edit.setPlainText(REPLY)
    window.submit()
    window.tabs.setCurrentIndex(1)
    view = window.history_view
    qtbot.waitUntil(lambda: view.ready and view.table.model().rowCount() == 1)
    view.focus_table()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus(), "Tab leaves the table"
    label = view.findChild(QLabel, "historySearchLabel")
    assert label is not None and label.buddy() is view.search and "&" in label.text()


def test_retry_from_history_on_a_removed_pack_keeps_the_agent_in_place(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    import_and_wait(qtbot, window, PACKS / "refunds-v1.toml")
    assert window.current_pack_id() == "refunds-team"
    window.response_edit.setPlainText(REPLY)
    window.submit()
    window.store.remove_pack("refunds-team")
    window.reload_packs()
    window.pack_list.setCurrentRow(1)
    window.next_drill()
    window.next_drill()
    assert window.session is not None
    where = (window.session.pack.id, window.session.drill.id)
    window.tabs.setCurrentIndex(1)
    view = window.history_view
    qtbot.waitUntil(lambda: view.ready and view.table.model().rowCount() == 1)
    dialog = view.open_attempt(view.table.model().index(0, 0))
    assert isinstance(dialog, AttemptDialog)
    assert not dialog.retry_button.isEnabled(), "no retry offered for a removed pack"
    dialog.close()
    window.go_to_drill("refunds-team", "late-refund")
    assert (window.session.pack.id, window.session.drill.id) == where
    assert window.current_pack_id() == where[0]


def test_retry_then_next_is_not_a_draft(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    window.response_edit.setPlainText(REPLY)
    window.submit()
    window.retry()
    window.next_drill()
    assert not window.has_unsent_reply()
    window.session.index -= 1
    window._show_current_drill()  # back on the retried drill
    assert window.retrying is not None, "still retrying: the old feedback is the previous one"
    assert window.feedback_panel.previous  # shown, marked as the previous attempt
    assert "Previous attempt" in window.feedback_panel.overall_label.text()
    window.next_drill()
    assert not window.has_unsent_reply()


def test_new_profile_takes_down_the_only_profile_message(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.profile_menu.choose()
    assert "only profile" in window.statusBar().currentMessage()
    window.profile_menu.create("Tom")
    assert window.profile.name == "Tom"
    assert "only profile" not in window.statusBar().currentMessage()


def test_ctrl_q_with_an_unsent_reply_asks_and_enter_keeps_working(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    qtbot.keyClicks(window.response_edit, "half typed")
    press(qtbot, Qt.Key.Key_Q)
    box = window.quit_box
    assert box is not None and box.isVisible() and window.isVisible()
    assert box.text() == "Quit and discard the unsent reply?"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert not box.isVisible() and window.isVisible()
    assert window.response_edit.toPlainText() == "half typed"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Q, CTRL)
    box = window.quit_box
    assert box is not None
    discard = box.findChild(QWidget, "discardAndQuitButton")
    assert discard is not None
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_ctrl_q_without_an_unsent_reply_quits_at_once(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    press(qtbot, Qt.Key.Key_Q)
    assert not window.isVisible() and window.quit_box is None
