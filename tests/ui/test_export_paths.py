"""The export dialog's output path: a folder is refused by name (not by the hidden temporary
file the rename failed on), and a typed path that names an existing file asks first."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.store import Store
from listen_drill.ui.export_dialog import ExportDialog
from tests.core.export_helpers import add_attempts


@contextmanager
def answering(answer: QMessageBox.StandardButton, seen: list[str]) -> Iterator[None]:
    """Note each message box's text and press `answer` (or close it), as a user would."""

    def close_boxes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            button = box.button(answer)
            if button is not None:
                button.click()
            else:
                box.done(0)

    timer = QTimer()
    timer.timeout.connect(close_boxes)
    timer.start(30)
    try:
        yield
    finally:
        timer.stop()


def dialog_for(qtbot: QtBot, store: Store, output: Path, fmt: int = 1) -> ExportDialog:
    add_attempts(store, store.current_profile(), 5)
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(fmt)  # JSON: one file
    dialog.output_edit.setText(str(output))
    return dialog


def test_a_folder_is_refused_by_its_own_name(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = dialog_for(qtbot, store, folder)
    seen: list[str] = []
    with answering(QMessageBox.StandardButton.Ok, seen):
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)  # before the export, or after it
    assert seen == [f"{folder} is a folder; give a file name."]
    assert dialog.task is None
    assert list(folder.iterdir()) == [] and list(tmp_path.glob(".*part*")) == []


def test_the_core_names_the_folder_not_the_temporary_file(tmp_path: Path) -> None:
    """The CLI writes through the same atomic rename: its message names the folder too."""
    try:
        with atomic_paths(tmp_path):
            raise AssertionError("a folder must be refused before writing")
    except IsADirectoryError as error:
        assert str(error) == f"{tmp_path} is a folder; give a file name."
        assert ".part" not in str(error)
    assert list(tmp_path.iterdir()) == []


def test_a_typed_path_asks_before_replacing_a_file(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    existing = tmp_path / "maya.json"
    existing.write_text("keep me", encoding="utf-8")
    dialog = dialog_for(qtbot, store, existing)

    seen: list[str] = []
    with answering(QMessageBox.StandardButton.No, seen):
        dialog.buttons.accepted.emit()
    assert len(seen) == 1 and str(existing) in seen[0] and "Replace" in seen[0]
    assert dialog.task is None
    assert existing.read_text(encoding="utf-8") == "keep me"

    seen.clear()
    with answering(QMessageBox.StandardButton.Yes, seen):
        dialog.buttons.accepted.emit()
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            pass
    assert len(seen) == 1
    assert existing.read_text(encoding="utf-8").startswith("{")


def test_a_new_file_is_written_without_a_question(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    output = tmp_path / "new.json"
    dialog = dialog_for(qtbot, store, output)
    seen: list[str] = []
    with answering(QMessageBox.StandardButton.No, seen):
        dialog.buttons.accepted.emit()
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            pass
    assert seen == [] and output.exists()
