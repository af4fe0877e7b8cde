"""At start, a damaged data file leads to a clear message and an offer to restore a backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from listen_drill.core.backup import DAMAGED_DIR, BackupInfo, latest_good_backup
from listen_drill.core.backup import restore_latest_backup as restore_backup
from listen_drill.core.store import DamagedStoreError, StoreError


def build_restore_box(
    error: DamagedStoreError, backup: BackupInfo, data_dir: Path, parent: QWidget | None = None
) -> QMessageBox:
    """The question: what happened, what a restore does, and what it keeps."""
    box = QMessageBox(parent)
    box.setObjectName("restoreBackupBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("listen-drill: history file damaged")
    box.setText("Your history file is damaged, so listen-drill cannot open it.")
    box.setInformativeText(
        f"The newest good backup is from {backup.taken_at:%A %d %B %Y, %H:%M}. "
        "Restore it? Attempts made after that time are not in the backup.\n\n"
        f"The damaged file is not deleted: it is moved to {data_dir / DAMAGED_DIR}."
    )
    box.setDetailedText(str(error))
    restore = box.addButton("&Restore backup", QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreButton")
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(restore)
    box.setEscapeButton(quit_button)
    box.setAccessibleName("History file damaged")
    return box


def offer_restore(
    error: DamagedStoreError,
    data_dir: Path,
    ask: Callable[[QMessageBox], bool] | None = None,
) -> str | None:
    """Ask to restore the newest good backup; returns None when restored, else what to tell.

    `ask` shows the box and says whether the agent chose to restore (tests pass their own).
    """
    backup = latest_good_backup(data_dir)
    if backup is None:
        return f"{error}\n\nThere is no backup to restore from."
    box = build_restore_box(error, backup, data_dir)
    chosen = (ask or _ask_modally)(box)
    if not chosen:
        return str(error)
    try:
        restore_backup(data_dir)
    except StoreError as restore_error:
        return str(restore_error)
    return None


def _ask_modally(box: QMessageBox) -> bool:
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "restoreButton")
