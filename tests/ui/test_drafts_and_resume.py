"""Nothing typed is lost by looking elsewhere, and a pack picks up where the agent left off.

A reviewer typed a reply, pressed Ctrl+L and Down to look at another pack, and came back to an
empty box on drill 1: looking at a pack started it, and starting it cleared the reply. Importing
a pack or switching profile did the same. Every start began at drill 1 too, so an agent doing a
few drills a day met the same ones each day.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from listen_drill.ui.main_window import PACK_ID_ROLE, MainWindow
from tests.ui.pack_files import import_and_wait, toml_pack, write_pack
from tests.ui.windows import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
DRAFT = "So the meal came an hour late and cold"
REPLY = "So the dinner came an hour late and stone cold; how disappointing. What would help now?"


def type_reply(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.response_edit.setFocus()
    qtbot.keyClicks(window.response_edit, text)


def to_pack_list(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert window.pack_list.hasFocus()


def submit_by_keys(qtbot: QtBot, window: MainWindow, text: str) -> None:
    type_reply(qtbot, window, text)
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return, CTRL)
    assert window.last_attempt is not None


def test_a_reply_survives_looking_at_another_pack(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    pack, drill = window.session.pack.id, window.session.drill.id
    type_reply(qtbot, window, DRAFT)
    to_pack_list(qtbot, window)
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Down)
    assert window.session.pack.id != pack, "arrowing shows the next pack"
    assert window.response_edit.toPlainText() == "", "the other pack has no reply yet"
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Up)
    assert (window.session.pack.id, window.session.drill.id) == (pack, drill)
    assert window.response_edit.toPlainText() == DRAFT
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Return)  # Enter: on to the reply, to go on
    assert window.response_edit.hasFocus()
    window.close()


def test_looking_at_another_pack_keeps_the_round_and_the_feedback(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    submit_by_keys(qtbot, window, REPLY)
    saved = window.last_attempt
    assert saved is not None
    to_pack_list(qtbot, window)
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Down)
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Up)
    assert window.last_attempt == saved, "the submitted reply and its feedback are back"
    assert f"{saved.feedback.overall}" in window.feedback_panel.overall_label.text()
    assert window.response_edit.toPlainText() == REPLY and window.response_edit.isReadOnly()
    assert window.session.attempts == [saved], "the round goes on"
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.session.position[0] == 2, "on to drill 2, not drill 1 again"
    window.close()


def test_importing_a_pack_keeps_the_reply_being_typed(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    pack, drill = window.session.pack.id, window.session.drill.id
    type_reply(qtbot, window, DRAFT)
    path = write_pack(tmp_path, "refunds.toml", toml_pack("refunds", "Refunds", ["Late again."]))
    import_and_wait(qtbot, window, path)  # what Ctrl+O does once a file is chosen
    assert window.session.pack.id == "refunds", "the imported pack is shown"
    to_pack_list(qtbot, window)
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Home)  # back to the first pack
    assert (window.session.pack.id, window.session.drill.id) == (pack, drill)
    assert window.response_edit.toPlainText() == DRAFT
    window.close()


def test_switching_profile_and_back_keeps_each_agents_reply(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    first = window.profile
    type_reply(qtbot, window, DRAFT)
    sam = window.profile_menu.create("Sam")
    assert sam is not None and window.profile.id == sam.id
    assert window.response_edit.toPlainText() == "", "Sam does not see Agent's reply"
    type_reply(qtbot, window, "Sam's own words")
    window.set_profile(first)
    assert window.response_edit.toPlainText() == DRAFT
    window.set_profile(sam)
    assert window.response_edit.toPlainText() == "Sam's own words"
    window.close()


def test_one_click_on_a_pack_opens_it(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    packs = window.pack_list
    item = packs.item(2)
    rect = packs.visualItemRect(item)
    qtbot.mouseClick(packs.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session is not None
    assert window.session.pack.id == item.data(PACK_ID_ROLE)
    window.close()


def test_a_pack_resumes_at_the_first_drill_not_yet_attempted(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    submit_by_keys(qtbot, window, REPLY)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    submit_by_keys(qtbot, window, REPLY)
    window.close()

    again = open_window(qtbot, data_dir)
    assert again.session is not None
    assert again.session.position[0] == 3, "drills 1 and 2 were done yesterday"
    assert again.card.position_label.text().endswith("drill 3 of 30")
    again.close()


def test_the_last_pack_reopens_for_each_profile(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    first = window.profile
    to_pack_list(qtbot, window)
    qtbot.keyClick(window.pack_list, Qt.Key.Key_Down)
    agents_pack = window.current_pack_id()
    sam = window.profile_menu.create("Sam")
    assert sam is not None
    to_pack_list(qtbot, window)
    qtbot.keyClick(window.pack_list, Qt.Key.Key_End)
    sams_pack = window.current_pack_id()
    assert sams_pack != agents_pack
    window.set_profile(first)
    assert window.current_pack_id() == agents_pack, "each agent has a pack of their own"
    window.close()

    again = open_window(qtbot, data_dir)
    assert again.session is not None and again.session.pack.id == agents_pack
    again.set_profile(sam)
    assert again.session.pack.id == sams_pack
    again.close()


def test_a_pack_done_to_the_end_starts_again_at_drill_1(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    text = toml_pack("refunds", "Refunds", ["Late again.", "Half of it, no more."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "refunds.toml", text))
    assert window.session is not None and window.session.pack.id == "refunds"
    submit_by_keys(qtbot, window, REPLY)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    submit_by_keys(qtbot, window, REPLY)
    window.close()

    again = open_window(qtbot, data_dir)
    assert again.session is not None and again.session.pack.id == "refunds"
    assert again.session.position == (1, 2)
    again.close()
