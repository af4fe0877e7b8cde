"""The team view says what every merge did: a repeat that adds nothing must not look like no-op."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from listen_drill.core.team import merge_progress_files
from listen_drill.ui import export_menu
from listen_drill.ui.export_menu import show_team
from listen_drill.ui.team_view import HEADERS, TeamView
from tests.core.export_helpers import add_attempts, export_file
from tests.ui.windows import keep_picture, open_window


@pytest.fixture
def progress_files(store: Store, tmp_path: Path) -> tuple[Path, Path]:
    """Maya's file (40 attempts) and Sam's (12), as two agents would send them."""
    maya = store.current_profile()
    store.rename_profile(maya.id, "Maya")
    add_attempts(store, maya, 40)
    add_attempts(store, store.create_profile("Sam"), 12)
    return (
        export_file(store, tmp_path / "Maya.json", ("Maya",)),
        export_file(store, tmp_path / "Sam.json", ("Sam",)),
    )


def merge(qtbot: QtBot, view: TeamView, paths: list[Path]) -> None:
    view.merge(paths)
    assert view.task is not None
    with qtbot.waitSignal(view.task.finished, timeout=10_000):
        pass


def test_every_merge_says_what_each_file_added(
    qtbot: QtBot, progress_files: tuple[Path, Path], tmp_path: Path
) -> None:
    maya, sam = progress_files
    team_path = tmp_path / "team.db"
    merge_progress_files([], team_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)

    merge(qtbot, view, [maya])
    assert view.status.isVisible()
    assert view.status.text() == "Merged 1 file: Maya (+40 attempts)."

    merge(qtbot, view, [maya, sam])  # Maya again: nothing changes on screen but this line
    assert view.status.text() == (
        "Merged 2 files: Maya (already merged, nothing added), Sam (+12 attempts)."
    )
    assert view.table.rowCount() == 2
    keep_picture(view, "team_after_merge.png")


def test_a_failed_file_is_listed_with_what_did_merge(
    qtbot: QtBot, progress_files: tuple[Path, Path], tmp_path: Path
) -> None:
    maya, _sam = progress_files
    broken = tmp_path / "Priya.json"
    broken.write_text(maya.read_text(encoding="utf-8")[:200], encoding="utf-8")  # truncated
    team_path = tmp_path / "team.db"
    merge_progress_files([], team_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)

    boxes: list[str] = []

    def read_and_close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box.text())
            keep_picture(box, "team_merge_failed_box.png")
            box.accept()
        else:
            QTimer.singleShot(50, read_and_close_box)

    QTimer.singleShot(50, read_and_close_box)
    merge(qtbot, view, [broken, maya])
    qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
    for text in (boxes[0], view.status.text()):
        assert "Merged 1 file: Maya (+40 attempts)." in text
        assert "Not merged (1 file, nothing changed):" in text
        assert str(broken) in text
    keep_picture(view, "team_after_failed_merge.png")


def close_box_when_shown(boxes: list[str]) -> None:
    """Read and close the warning box a failed file brings up, once it is shown."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        boxes.append(box.text())
        box.accept()
    else:
        QTimer.singleShot(50, lambda: close_box_when_shown(boxes))


def test_the_main_window_says_what_a_merge_did_for_a_while(
    qtbot: QtBot,
    progress_files: tuple[Path, Path],
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the team view said it: a lead who closed it and went to another tab saw nothing."""
    monkeypatch.setattr(export_menu, "MERGE_MESSAGE_MS", 1_500)  # shortened
    maya, sam = progress_files
    broken = tmp_path / "Priya.json"
    broken.write_text(maya.read_text(encoding="utf-8")[:200], encoding="utf-8")  # truncated
    window = open_window(qtbot, data_dir)
    view = show_team(window, tmp_path / "team.db")  # Team > Open team file..., as a lead does
    assert view is not None

    merge(qtbot, view, [maya])
    status = window.statusBar()
    assert status.currentMessage() == "Merged 1 file into team.db: Maya (+40 attempts)."

    boxes: list[str] = []
    QTimer.singleShot(50, lambda: close_box_when_shown(boxes))
    merge(qtbot, view, [broken, maya, sam])
    qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
    view.accept()
    window.tabs.setCurrentWidget(window.history_view)  # the lead moves on
    assert status.currentMessage() == (
        "Merged 2 files into team.db: Maya (already merged, nothing added), Sam (+12 attempts)."
        " Not merged (1 file): Priya.json; see the team view."
    )
    keep_picture(window, "main_window_after_merge.png")
    qtbot.waitUntil(lambda: status.currentMessage() == "", timeout=5_000)  # briefly, then gone
    window.close()


def test_the_team_csv_names_the_columns_as_the_view_does(
    qtbot: QtBot, progress_files: tuple[Path, Path], tmp_path: Path
) -> None:
    """The view says "Feeling"; the CSV said "emotion", so a lead could not match them up."""
    team_path = tmp_path / "team.db"
    merge_progress_files(list(progress_files), team_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    output = tmp_path / "team.csv"
    view.export("csv", output)
    assert view.task is not None
    with qtbot.waitSignal(view.task.finished, timeout=10_000):
        pass
    with output.open(newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    figures = HEADERS[HEADERS.index("Overall") : HEADERS.index("Language") + 1]
    for title in figures:
        assert title.lower() in header and f"{title.lower()}_trend" in header
