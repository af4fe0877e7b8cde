"""The app on data it cannot write: a box that says so, and never a reply lost in silence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from listen_drill.ui.app import create_window, run
from listen_drill.ui.main_window import MainWindow
from tests.ui.windows import keep_picture
from tests.unwritable import (
    as_unprivileged_user,
    make_file_read_only,
    make_folder_read_only,
    reachable_folder,
)

REPLY = "So the parcel is late again, that is frustrating. What would help most now?"


def save_shot(box: QMessageBox, name: str) -> None:
    """A picture for a person to look at, when LISTEN_DRILL_SHOTS asks for one."""
    keep_picture(box, f"{name}.png")


def test_a_read_only_data_folder_gives_one_box_not_a_traceback(qtbot: QtBot) -> None:
    seen: list[QMessageBox] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, close_the_box)
            return
        seen.append(box)
        save_shot(box, "read_only_folder")
        box.done(0)

    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            store.current_profile()
        make_folder_read_only(data_dir)
        QTimer.singleShot(50, close_the_box)
        with as_unprivileged_user():
            assert run(data_dir) == 1
    box = seen[0]
    assert box.objectName() == "cannotStartBox"
    assert f"data folder {data_dir} is read-only" in box.text()
    assert "--data-dir" in box.text() and "LISTEN_DRILL_HOME" in box.text()
    assert "damaged" not in box.text()


def reply_and_submit(qtbot: QtBot, window: MainWindow) -> None:
    window.response_edit.setPlainText(REPLY)
    window.submit_button.click()


def test_a_read_only_file_warns_at_start_and_keeps_the_reply(qtbot: QtBot) -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        create_window(data_dir).close()  # a first start: packs installed, file closed
        db_path = make_file_read_only(data_dir)
        with as_unprivileged_user():
            window = create_window(data_dir)
            assert isinstance(window, MainWindow)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(lambda: window.save_problem_box is not None)
            warning = window.save_problem_box
            assert warning is not None and warning.isVisible()
            assert warning.text() == "Your replies cannot be saved."
            assert str(db_path) in warning.informativeText()
            save_shot(warning, "read_only_file_at_start")
            warning.done(0)

            reply_and_submit(qtbot, window)
            box = window.save_problem_box
            assert box is not None and box is not warning and box.isVisible()
            assert box.text() == "Your reply could not be saved."
            assert str(db_path) in box.informativeText()
            assert "read-only" in box.informativeText()
            save_shot(box, "reply_not_saved")
            box.done(0)
            reply = window.findChild(QPlainTextEdit, "responseEdit")
            assert reply is not None
            assert reply.toPlainText() == REPLY and not reply.isReadOnly()
            assert window.submit_button.isEnabled(), "Submit again once the file is writable"
            assert window.last_attempt is None
            window.close()
        with Store.open(data_dir) as store:
            assert store.attempt_count() == 0


def test_a_write_sqlite_refuses_keeps_the_reply_and_saves_on_retry(
    qtbot: QtBot, data_dir: Path
) -> None:
    """`query_only`: SQLite itself refuses the write ("attempt to write a readonly database")."""
    window = create_window(data_dir)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    window.store.db.execute("PRAGMA query_only=ON")
    reply_and_submit(qtbot, window)
    box = window.save_problem_box
    assert box is not None and box.isVisible()
    assert "readonly database" in box.informativeText()
    box.done(0)
    assert window.response_edit.toPlainText() == REPLY
    assert window.store.attempt_count() == 0

    window.store.db.execute("PRAGMA query_only=OFF")
    window.submit_button.click()
    assert window.last_attempt is not None
    assert window.store.attempt_count() == 1
