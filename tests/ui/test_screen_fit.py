"""Windows and dialogs fit the screen they open on (offscreen: 800x600), and a long pack
title does not widen the window past 800 px after a submit.

The main window always asked for 1180x760, the F1 box stood 698 px tall, History's attempt box
asked for 760x640 and the team view for 980x460: on a 600 px screen their buttons were off it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from listen_drill.core.team import merge_progress_files
from listen_drill.ui.history_view import AttemptDialog
from listen_drill.ui.team_view import TeamView
from tests.ui.pack_files import import_and_wait, toml_pack, write_pack
from tests.ui.test_long_content import long_statement
from tests.ui.windows import open_window

LONG_TITLE = "A very long pack title that a trainer typed in full, running on to seventy-nine"
REPLY = "I have passed this on to the billing team and they will look at your account."


def assert_on_screen(widget: QWidget) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.width() <= 1000, "the offscreen test screen is small"
    frame = widget.frameGeometry()
    assert frame.width() <= available.width() and frame.height() <= available.height(), (
        f"{widget.objectName()} is {frame.width()}x{frame.height()} on "
        f"{available.width()}x{available.height()}"
    )


def test_main_window_and_f1_box_fit_the_screen(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert_on_screen(window)
    box = window.shortcuts_box()
    box.show()
    qtbot.waitExposed(box)
    assert_on_screen(box)
    assert box.browser.verticalScrollBar().maximum() > 0, "the list scrolls instead"
    box.close()


def test_attempt_box_fits_and_a_long_statement_scrolls(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    statement = long_statement()
    import_and_wait(
        qtbot, window, write_pack(tmp_path, "long.toml", toml_pack("long", "Long", [statement]))
    )
    window.response_edit.setPlainText(REPLY)
    window.submit()
    window.tabs.setCurrentIndex(1)
    view = window.history_view
    qtbot.waitUntil(lambda: view.ready and view.table.model().rowCount() == 1)
    dialog = view.open_attempt(view.table.model().index(0, 0))
    assert isinstance(dialog, AttemptDialog)
    qtbot.waitExposed(dialog)
    assert_on_screen(dialog)
    assert dialog.statement_area.verticalScrollBar().maximum() > 0, "the statement scrolls"
    assert dialog.retry_button.visibleRegion().boundingRect() == dialog.retry_button.rect()
    qtbot.wait(30)
    dialog.close()


def test_team_view_fits_the_screen(qtbot: QtBot, library_store: Store, tmp_path: Path) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([], team_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert_on_screen(view)


def test_a_long_pack_title_keeps_the_window_at_800_after_a_submit(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    assert len(LONG_TITLE) == 79
    window = open_window(qtbot, data_dir)
    window.resize(800, 600)
    import_and_wait(
        qtbot, window, write_pack(tmp_path, "t.toml", toml_pack("t", LONG_TITLE, ["Late again."]))
    )
    window.response_edit.setPlainText(REPLY)
    window.submit()
    window.resize(800, 600)
    qtbot.wait(20)
    assert window.minimumSizeHint().width() <= 800
    assert window.width() == 800
