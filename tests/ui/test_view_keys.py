"""Keys per view: where Ctrl+2 and Ctrl+3 put the keyboard, and Alt mnemonics that clash.

Ctrl+2 and Ctrl+3 left the focus on a filter box, where Enter does nothing, though README says
Enter reopens an attempt and opens a drill under "Practise next". In the Drill view "&Retry",
"Your &reply" and "P&rofile" all took Alt+R, so Alt+R did nothing; in History the From and
Until fields took Alt+F and Alt+T from the File and Team menus.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from listen_drill.ui.history_view import AttemptDialog
from listen_drill.ui.main_window import MainWindow
from listen_drill.ui.shortcuts_help import shortcuts_help
from tests.ui.windows import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
REPLY = "So the dinner came an hour late and stone cold; how disappointing. What would help now?"
VIEWS = ("Drill", "History", "Progress")


def mnemonic(text: str) -> str | None:
    """The Alt key a text's `&` marks, lower case; None without one ("&&" is a plain "&")."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def view_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(key, where) for the menu bar's menus and every visible control of the window."""
    keys: list[tuple[str, str]] = []

    def add(text: str, where: str) -> None:
        key = mnemonic(text)
        if key is not None:
            keys.append((key, f"{where} {text!r}"))

    for action in window.menuBar().actions():
        add(action.text(), "menu")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), "label")
        elif isinstance(widget, QAbstractButton):
            add(widget.text(), "button")
        elif isinstance(widget, QGroupBox):
            add(widget.title(), "group")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget.tabText(index), "tab")
    return keys


def submit(qtbot: QtBot, window: MainWindow) -> None:
    window.response_edit.setFocus()
    qtbot.keyClicks(window.response_edit, REPLY)
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return, CTRL)
    assert window.last_attempt is not None


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_ctrl_2_puts_the_keyboard_on_the_table_and_enter_reopens_an_attempt(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    submit(qtbot, window)
    view = window.history_view
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: view.ready)
    assert focused() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialogs = [d for d in view.findChildren(AttemptDialog) if d.isVisible()]
    assert len(dialogs) == 1, "Enter reopened the attempt"
    assert window.last_attempt is not None
    assert dialogs[0].windowTitle().startswith("Attempt of")
    dialogs[0].close()
    window.close()


def test_ctrl_3_puts_the_keyboard_on_practise_next_and_enter_opens_the_drill(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    submit(qtbot, window)
    drilled = window.last_attempt
    assert drilled is not None
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    practise = window.dashboard.practise_list
    assert focused() is practise
    qtbot.keyClick(practise, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    assert window.session is not None and window.session.drill.id == drilled.drill_id
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert focused() is window.response_edit
    window.close()


@pytest.mark.parametrize("view", range(len(VIEWS)), ids=VIEWS)
def test_every_alt_key_is_taken_once_per_view(qtbot: QtBot, data_dir: Path, view: int) -> None:
    window = open_window(qtbot, data_dir)
    submit(qtbot, window)  # Retry enabled, feedback shown: every control of the Drill view
    window.tabs.setCurrentIndex(view)
    if view == 1:
        qtbot.waitUntil(lambda: window.history_view.ready)
    keys = view_mnemonics(window)
    assert len(keys) >= 6  # the six menus at least
    counts = Counter(key for key, _where in keys)
    clashes = sorted(f"Alt+{key.upper()}: {where}" for key, where in keys if counts[key] > 1)
    assert not clashes, clashes
    window.close()


def test_every_menu_gives_each_item_its_own_key(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.profile_menu.create("Sam")
    window.profile_menu.rebuild()
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        keys = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        taken = [key for key in keys if key is not None]
        assert len(taken) == len(set(taken)), (top.text(), [a.text() for a in menu.actions()])
    window.close()


def test_alt_r_retries_and_alt_y_goes_to_the_reply(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    submit(qtbot, window)
    assert window.next_button.hasFocus()
    qtbot.keyClick(window.next_button, Qt.Key.Key_R, ALT)
    # A mnemonic "animates" the click: the button is pressed, then released a moment later.
    qtbot.waitUntil(lambda: window.last_attempt is None, timeout=2000)
    assert not window.response_edit.isReadOnly(), "retried: the reply is open to edit"
    window.next_button.setFocus()
    qtbot.keyClick(window.next_button, Qt.Key.Key_Y, ALT)
    assert window.response_edit.hasFocus()
    window.close()


def test_history_alt_m_and_alt_u_reach_the_date_fields(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.tabs.setCurrentIndex(1)
    view = window.history_view
    qtbot.waitUntil(lambda: view.ready)
    qtbot.keyClick(view.table, Qt.Key.Key_M, ALT)
    assert view.since_edit.hasFocus()
    qtbot.keyClick(view.since_edit, Qt.Key.Key_U, ALT)
    assert view.until_edit.hasFocus()
    window.close()


def test_ctrl_shift_p_switches_profile_from_a_list(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    agent = window.profile
    sam = window.profile_menu.create("Sam")
    assert sam is not None and window.profile.id == sam.id
    assert "Ctrl+Shift+P" in shortcuts_help(window)  # the F1 list, made from the actions
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.profile_menu.dialog
    assert dialog is not None and dialog.isVisible()

    def in_dialog() -> bool:
        widget = focused()
        return widget is not None and widget.window() is dialog

    qtbot.waitUntil(in_dialog)
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Home)  # "Agent" comes before "Sam"
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert window.profile.id == agent.id
    assert window.profile_label.text() == f"Profile: {agent.name}"
    window.close()


def test_the_readme_lists_the_switch_profile_key() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "| Ctrl+Shift+P |" in readme
