"""File > Export... when the data folder has become read-only while the app runs (a machine
locked down, a folder's rights changed): exporting only reads, so it still writes the file."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from listen_drill.ui import export_dialog
from listen_drill.ui.export_dialog import ExportDialog
from tests.core.store_helpers import sample_attempt
from tests.ui.windows import keep_picture, open_window
from tests.unwritable import as_unprivileged_user, make_folder_read_only, reachable_folder


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_from_a_folder_that_became_read_only(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    real = export_dialog.run_export

    def in_a_read_only_world(*args: Any) -> Any:
        # Capabilities belong to a thread: the export runs on a pool thread, so lower them there.
        with as_unprivileged_user():
            return real(*args)

    monkeypatch.setattr(export_dialog, "run_export", in_a_read_only_world)
    boxes: list[str] = []

    def close_boxes() -> None:
        """A failed export shows a modal box, which would hold the test: note it and close it."""
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box.text())
            box.done(0)

    closer = QTimer()
    closer.timeout.connect(close_boxes)
    closer.start(50)
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            profile = store.current_profile()
            for index in range(6):
                store.record_attempt(sample_attempt(profile.id, index))
        window = open_window(qtbot, data_dir)
        out_dir = root / "out"
        out_dir.mkdir()
        make_folder_read_only(data_dir)

        qtbot.keyClick(
            window,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        dialog = window.findChild(ExportDialog)
        assert dialog is not None and dialog.isVisible()
        output = out_dir / f"progress.{fmt}"
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        dialog.output_edit.setText(str(output))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
        closer.stop()

        assert boxes == []
        assert dialog.result_path == output and output.stat().st_size > 0
        assert str(output) in window.statusBar().currentMessage()
        if fmt == "json":
            keep_picture(window, "export_read_only_folder.png")
        window.close()
