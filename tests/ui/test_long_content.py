"""A trainer's pack at the limits: a 120-character title, a 2,000-character statement, and
statements written over several lines, on the smallest window we support.

A long title scrolled the pack list sideways and hid its drill count (Qt never elides while it
may scroll); a long statement made the window 1231x1485 at 800x600, Submit off the screen, and
it never shrank back; line breaks in a statement were run together into one paragraph.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from listen_drill.ui.main_window import MainWindow
from tests.ui.pack_files import import_and_wait, toml_pack, write_pack
from tests.ui.test_window_size import KEY_WIDGETS, SMALLEST, assert_fully_shown, open_at_smallest

LONG_TITLE = (
    "Refunds, returns and exchanges for the Northern region contact centre: level 2, "
    "written by the training team"
)
SENTENCE = "I sent the jacket back three weeks ago and the money still has not come back to me. "


def long_statement() -> str:
    text = (SENTENCE * 40)[:1990].rstrip()
    assert 1980 <= len(text) <= 1990
    return text


def test_a_long_pack_title_is_cut_short_and_its_count_stays(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    assert len(LONG_TITLE) <= 120  # the longest title a pack may have
    window = open_at_smallest(qtbot, data_dir)
    text = toml_pack("refunds-north", LONG_TITLE, ["Late again.", "Only half came back."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "north.toml", text))
    qtbot.wait(50)
    packs = window.pack_list
    assert not packs.horizontalScrollBar().isVisible(), "the list never scrolls sideways"
    item = packs.currentItem()
    assert item.toolTip().startswith(LONG_TITLE), "the whole title is in the tooltip"
    rect = packs.visualItemRect(item)
    assert rect.right() < packs.viewport().width()

    option = QStyleOptionViewItem()
    option.rect = rect
    option.fontMetrics = packs.fontMetrics()
    option.font = packs.font()
    window.pack_delegate.initStyleOption(option, packs.indexFromItem(item))
    drawn = option.text
    assert drawn.endswith("(2)"), drawn
    assert drawn.startswith("Refunds, returns") and "…" in drawn
    assert packs.fontMetrics().horizontalAdvance(drawn) <= rect.width()
    assert (window.width(), window.height()) == SMALLEST
    window.grab().save(str(data_dir.parent / "long-title-800x600.png"))
    window.close()


def test_a_long_statement_scrolls_in_the_card_and_the_window_keeps_its_size(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_at_smallest(qtbot, data_dir)
    text = toml_pack("long-one", "Long one", [long_statement(), "Late again."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "long.toml", text))
    assert window.session is not None and window.session.drill.id == "d1"
    qtbot.wait(50)
    assert_stays_on_screen(window)
    for name in ("submitButton", "nextButton", "responseEdit", "drillSkills", "drillPosition"):
        assert_fully_shown(window, name)
    scroll = window.card.statement_scroll
    assert scroll.height() <= window.card.statement_cap()
    assert scroll.verticalScrollBar().maximum() > 0, "the rest of the statement scrolls"
    assert window.response_edit.height() >= 3 * window.response_edit.fontMetrics().height()
    window.grab().save(str(data_dir.parent / "long-statement-800x600.png"))

    window.response_edit.setFocus()  # the keyboard reaches the rest: Shift+Tab, Page Down
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Backtab)
    assert scroll.hasFocus()
    qtbot.keyClick(scroll, Qt.Key.Key_PageDown)
    assert scroll.verticalScrollBar().value() > 0

    window.resize(*SMALLEST)  # asked again: it must not have grown meanwhile
    qtbot.wait(20)
    assert (window.width(), window.height()) == SMALLEST
    long_height = scroll.height()
    window.next_drill()  # a short statement after the long one gives the room back
    qtbot.wait(50)
    assert scroll.height() < long_height / 2
    assert scroll.verticalScrollBar().maximum() == 0
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus, "nothing to scroll: Tab skips it"
    assert (window.width(), window.height()) == SMALLEST
    for name in KEY_WIDGETS:
        assert_fully_shown(window, name)
    window.close()


def test_a_long_statement_fits_a_full_hd_screen_too(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_at_smallest(qtbot, data_dir)
    text = toml_pack("long-one", "Long one", [long_statement()])
    import_and_wait(qtbot, window, write_pack(tmp_path, "long.toml", text))
    window.resize(1920, 1080)
    qtbot.wait(50)
    assert (window.width(), window.height()) == (1920, 1080), "it never grows by itself"
    for name in ("submitButton", "nextButton", "responseEdit"):
        assert_fully_shown(window, name)
    window.close()


def assert_stays_on_screen(window: MainWindow) -> None:
    """No taller or wider than the screen it is on, nor than it was asked to be."""
    screen = window.screen().availableGeometry()
    assert window.minimumSizeHint().height() <= min(screen.height(), SMALLEST[1])
    assert window.minimumSizeHint().width() <= SMALLEST[0]
    assert window.height() <= max(screen.height(), SMALLEST[1])
    assert window.width() <= max(screen.width(), SMALLEST[0])


def test_a_statement_written_over_lines_keeps_its_lines(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_at_smallest(qtbot, data_dir)
    toml = toml_pack("lines", "Lines", ["First the parcel was late.\nThen it was the wrong one."])
    import_and_wait(qtbot, window, write_pack(tmp_path, "lines.toml", toml))
    shown = window.card.statement_view.text()
    assert "First the parcel was late.<br>Then it was the wrong one." in shown
    window.grab().save(str(data_dir.parent / "multi-line-800x600.png"))

    csv = (
        "pack_id,pack_title,pack_version,id,statement,emotions,exemplars\n"
        'lines-csv,Lines CSV,1,d1,"Hello.\nI rang twice.\nNobody called back.",frustrated,'
        '"So you rang twice and nobody called you back. What happened when you rang?"\n'
    )
    import_and_wait(qtbot, window, write_pack(tmp_path, "lines.csv", csv))
    assert window.session is not None and window.session.pack.id == "lines-csv"
    assert "Hello.<br>I rang twice.<br>Nobody called back." in window.card.statement_view.text()
    window.close()


def test_every_text_of_a_drill_at_its_longest_keeps_the_window_at_800_by_600(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """The longest title, channel, customer, situation and statement a pack may hold."""
    customer = ("A long-standing customer who has written to us several times " * 4)[:200]
    situation = ("Third contact about the same refund, each time promised a call back " * 5)[:300]
    text = (
        f'[pack]\nid = "longest"\ntitle = "{LONG_TITLE}"\nversion = "1"\n\n'
        f'[[drills]]\nid = "d1"\nstatement = """{long_statement()}"""\n'
        f'context = {{ channel = "{("Email " * 10)[:60]}", customer = "{customer}", '
        f'situation = "{situation}" }}\n'
        'emotions = ["frustrated"]\n'
        'exemplars = ["So the refund is late and you feel fed up. What happened when you asked?"]\n'
    )
    window = open_at_smallest(qtbot, data_dir)
    import_and_wait(qtbot, window, write_pack(tmp_path, "longest.toml", text))
    assert window.session is not None and window.session.pack.id == "longest"
    qtbot.wait(50)
    window.resize(*SMALLEST)
    qtbot.wait(20)
    assert (window.width(), window.height()) == SMALLEST
    assert_stays_on_screen(window)
    for name in ("submitButton", "nextButton", "responseEdit", "drillSkills", "drillPosition"):
        assert_fully_shown(window, name)
    window.grab().save(str(data_dir.parent / "longest-drill-800x600.png"))
    window.close()
