"""File > Export... and the team view, driven like a user with pytest-qt."""

from __future__ import annotations

import csv
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from listen_drill.core.export.filters import ExportFilter
from listen_drill.core.export.progress_file import export_progress_file
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.stats import skill_averages
from listen_drill.core.store import Store
from listen_drill.core.team import merge_progress_files
from listen_drill.ui import export_dialog
from listen_drill.ui.app import create_window
from listen_drill.ui.export_dialog import ExportDialog
from listen_drill.ui.export_menu import show_team
from listen_drill.ui.team_view import TeamView
from tests.core.export_helpers import add_attempts, team_file_of


@pytest.fixture
def filled_store(library_store: Store) -> Store:
    add_attempts(library_store, library_store.current_profile(), 400, every=timedelta(hours=5))
    add_attempts(library_store, library_store.create_profile("Tom"), 50)
    return library_store


def test_export_runs_in_the_background_with_progress(
    qtbot: QtBot, filled_store: Store, tmp_path: Path
) -> None:
    dialog = ExportDialog(filled_store)
    qtbot.addWidget(dialog)
    output = tmp_path / "progress.csv"
    dialog.output_edit.setText(str(output))
    dialog.buttons.accepted.emit()
    assert dialog.task is not None
    seen: list[tuple[int, int]] = []
    dialog.task.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        pass
    assert dialog.result_path == output
    assert seen and seen[-1][0] == seen[-1][1]
    with output.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 450


def test_cancel_leaves_no_file(
    qtbot: QtBot, filled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = export_dialog.run_export

    def gated(*args: Any) -> Any:
        gate.wait(5)  # hold the worker until the user has pressed Cancel
        return real(*args)

    monkeypatch.setattr(export_dialog, "run_export", gated)
    dialog = ExportDialog(filled_store)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / "progress.json"
    dialog.output_edit.setText(str(output))
    dialog.buttons.accepted.emit()
    assert dialog.task is not None
    assert not dialog.buttons.isEnabled()
    cancel_button = dialog.task.dialog.findChild(QPushButton)
    assert cancel_button is not None
    with qtbot.waitSignal(dialog.task.cancelled, timeout=10_000):
        cancel_button.click()  # Cancel in the progress dialog
        gate.set()
    assert not output.exists()
    assert list(folder.iterdir()) == []
    assert dialog.buttons.isEnabled()


def test_team_view_compares_agents_and_imports_in_background(
    qtbot: QtBot, filled_store: Store, tmp_path: Path
) -> None:
    source = AttemptSource.for_store(filled_store)
    progress_file = export_progress_file(source, tmp_path / "all.json", ExportFilter()).path
    team_path = tmp_path / "team.db"
    merge_progress_files([], team_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 0
    view.merge([progress_file])
    assert view.task is not None
    with qtbot.waitSignal(view.task.finished, timeout=10_000):
        pass
    assert view.table.rowCount() == 2

    def text(row: int, column: int) -> str:
        item = view.table.item(row, column)
        assert item is not None
        return item.text()

    names = [text(r, 0) for r in range(2)]
    tom = next(p for p in filled_store.profiles() if p.name == "Tom")
    overall = skill_averages(filled_store.daily_totals(tom.id)).overall
    assert overall is not None
    row = names.index("Tom")
    assert text(row, 1) == "50"
    assert text(row, 2).split()[0] == f"{overall:.0f}"
    view.show()
    qtbot.waitExposed(view)
    view.grab().save(str(tmp_path / "team-view.png"))


def test_output_label_has_a_buddy_and_the_path_fits(qtbot: QtBot, filled_store: Store) -> None:
    dialog = ExportDialog(filled_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    label = dialog.findChild(QLabel, "exportOutputLabel")
    assert label is not None and label.buddy() is dialog.output_edit
    dialog.format_combo.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dialog.output_edit.hasFocus()
    typical = "/home/firstname.lastname/listen-drill-progress.csv"
    dialog.output_edit.setText(typical)
    needed = dialog.output_edit.fontMetrics().horizontalAdvance(typical)
    assert dialog.output_edit.width() >= needed
    assert dialog.output_edit.toolTip() == typical  # a longer one is whole in the tooltip


def test_export_says_where_the_file_went(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    window = create_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    output = tmp_path / "mine.json"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.output_edit.setText(str(output))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert output.exists()
    assert str(output) in window.statusBar().currentMessage()
    window.close()


def test_team_export_says_where_the_file_went(
    qtbot: QtBot, filled_store: Store, tmp_path: Path
) -> None:
    team_path = team_file_of(filled_store, tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    view = show_team(window, team_path)
    assert view is not None
    output = tmp_path / "team.csv"
    view.export("csv", output)
    assert view.task is not None
    with qtbot.waitSignal(view.task.finished, timeout=10_000):
        pass
    assert output.exists()
    assert str(output) in view.status.text() and view.status.isVisible()
    assert str(output) in window.statusBar().currentMessage()
    view.grab().save(str(tmp_path / "team-exported.png"))


def test_clicking_a_team_header_sorts_by_number(
    qtbot: QtBot, filled_store: Store, tmp_path: Path
) -> None:
    for name, count in (("Ann", 9), ("Bob", 1200)):
        add_attempts(filled_store, filled_store.create_profile(name), count)
    team_path = team_file_of(filled_store, tmp_path)
    view = TeamView(team_path)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()

    def attempts() -> list[int]:
        column = []
        for row in range(view.table.rowCount()):
            item = view.table.item(row, 1)
            assert item is not None
            column.append(int(item.text().replace(",", "")))
        return column

    assert len(attempts()) == 4
    for _ in range(2):  # once each way: "1,200" < "400" < "50" < "9" as text, never as numbers
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2),
        )
        assert header.sortIndicatorSection() == 1
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert attempts() == sorted(attempts(), reverse=descending)
    view.refresh()  # new numbers keep the chosen order
    assert attempts() == sorted(attempts(), reverse=descending)
