"""At start, a damaged data file leads to a clear message and an offer to restore a backup.

When the app cannot start at all (no backup to restore, a read-only data folder), the same
module builds the one box that says so: what is wrong and what the agent can do in the text,
SQLite's own diagnostics only under "Show Details".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from listen_drill.core.backup import DAMAGED_DIR, BackupInfo, backups_dir, latest_good_backup
from listen_drill.core.backup import restore_latest_backup as restore_backup
from listen_drill.core.store import DamagedStoreError, StoreError


@dataclass(frozen=True, slots=True)
class StartProblem:
    """Why the app cannot start: a headline, what to do, and raw details for support."""

    text: str
    informative: str = ""
    details: str = ""


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
    box.setDetailedText(error.details)
    restore = box.addButton("&Restore backup", QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreButton")
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(restore)
    box.setEscapeButton(quit_button)
    box.setAccessibleName("History file damaged")
    return box


def build_cannot_start_box(problem: StartProblem, parent: QWidget | None = None) -> QMessageBox:
    """The last word when the app cannot open: one box, details folded away."""
    box = QMessageBox(parent)
    box.setObjectName("cannotStartBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("listen-drill cannot start")
    box.setText(problem.text)
    if problem.informative:
        box.setInformativeText(problem.informative)
    if problem.details:
        box.setDetailedText(problem.details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAccessibleName("listen-drill cannot start")
    return box


def no_backup_problem(error: DamagedStoreError, data_dir: Path) -> StartProblem:
    """A damaged file and nothing to restore: say so plainly, and what is still possible."""
    return StartProblem(
        text="Your history file is damaged, so listen-drill cannot open it, and there is no "
        "backup to restore it from.",
        informative=f"To start again with an empty history, move the file {error.path.name} "
        f"out of {data_dir} (keep it: support may still recover attempts from it), then open "
        "listen-drill again.\n\n"
        f"From then on a backup is made each day you start the app, in {backups_dir(data_dir)}.",
        details=f"{error.path}\n{error.details}",
    )


def offer_restore(
    error: DamagedStoreError,
    data_dir: Path,
    ask: Callable[[QMessageBox], bool] | None = None,
) -> StartProblem | None:
    """Ask to restore the newest good backup; returns None when restored, else what to tell.

    `ask` shows the box and says whether the agent chose to restore (tests pass their own).
    """
    backup = latest_good_backup(data_dir)
    if backup is None:
        return no_backup_problem(error, data_dir)
    box = build_restore_box(error, backup, data_dir)
    chosen = (ask or _ask_modally)(box)
    if not chosen:
        return StartProblem(
            text="Your history file is damaged; it was left as it is.",
            informative="Open listen-drill again to restore the backup, or run "
            "`listen-drill restore`.",
            details=f"{error.path}\n{error.details}",
        )
    try:
        restore_backup(data_dir)
    except StoreError as restore_error:
        return StartProblem(text=str(restore_error), details=error.details)
    return None


def _ask_modally(box: QMessageBox) -> bool:
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "restoreButton")
