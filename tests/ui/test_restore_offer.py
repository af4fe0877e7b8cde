"""A damaged data file at start: the offer to restore, and what choosing it does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from listen_drill.core.backup import backup_now
from listen_drill.core.paths import database_path
from listen_drill.core.store import DamagedStoreError, Store
from listen_drill.ui.app import create_window
from listen_drill.ui.restore_offer import build_cannot_start_box, offer_restore
from tests.core.store_helpers import sample_attempt
from tests.ui.windows import keep_picture


def damaged_folder(data_dir: Path, *, with_backup: bool) -> DamagedStoreError:
    with Store.open(data_dir) as store:
        profile = store.current_profile()
        for index in range(300):
            store.record_attempt(sample_attempt(profile.id, index))
    if with_backup:
        backup_now(data_dir)
    path = database_path(data_dir)
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(b"\x5a" * 8192)
    with pytest.raises(DamagedStoreError) as caught:
        Store.open(data_dir)
    return caught.value


def test_choosing_restore_brings_the_history_back(qtbot: QtBot, data_dir: Path) -> None:
    error = damaged_folder(data_dir, with_backup=True)
    shown: list[QMessageBox] = []

    def choose_restore(box: QMessageBox) -> bool:
        shown.append(box)
        qtbot.addWidget(box)
        return True

    assert offer_restore(error, data_dir, ask=choose_restore) is None
    box = shown[0]
    assert box.objectName() == "restoreBackupBox"
    assert "damaged" in box.text()
    assert "not deleted" in box.informativeText()
    assert box.findChild(QPushButton, "restoreButton") is box.defaultButton()
    window = create_window(data_dir)
    qtbot.addWidget(window)
    with Store.open(data_dir) as store:
        assert store.attempt_count() == 300
    assert list((data_dir / "damaged").glob("*.db"))


def test_declining_or_no_backup_leaves_the_file_and_says_why(qtbot: QtBot, data_dir: Path) -> None:
    error = damaged_folder(data_dir, with_backup=False)
    problem = offer_restore(error, data_dir, ask=lambda box: True)
    assert problem is not None and "no backup" in problem.text
    backup_dir = data_dir / "backups"
    assert not backup_dir.exists()
    assert database_path(data_dir).exists()


def test_no_backup_says_plainly_what_to_do_with_diagnostics_folded_away(
    qtbot: QtBot, data_dir: Path
) -> None:
    error = damaged_folder(data_dir, with_backup=False)
    problem = offer_restore(error, data_dir, ask=lambda box: pytest.fail("nothing to offer"))
    assert problem is not None
    box = build_cannot_start_box(problem)
    qtbot.addWidget(box)
    shown = f"{box.text()}\n{box.informativeText()}"
    assert "damaged" in box.text() and "no backup" in box.text()
    assert "Restore the newest backup" not in shown, "there is none to restore"
    assert "move the file listen-drill.db" in box.informativeText()
    assert error.problems and all(problem not in shown for problem in error.problems)
    assert all(problem in box.detailedText() for problem in error.problems)
    box.show()
    keep_picture(box, "damaged_no_backup.png")


def test_quitting_keeps_everything_in_place(qtbot: QtBot, data_dir: Path) -> None:
    error = damaged_folder(data_dir, with_backup=True)
    before = database_path(data_dir).read_bytes()
    problem = offer_restore(error, data_dir, ask=lambda box: False)
    assert problem is not None and "damaged" in problem.text
    assert database_path(data_dir).read_bytes() == before
