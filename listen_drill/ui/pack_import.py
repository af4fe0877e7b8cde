"""File > Import Pack... and dropping a pack file on the window.

Reading and checking a pack (the slow part for a big file: parsing and scoring every model
reply) runs in a worker thread with a Cancel button; the write to the store then happens on the
window's thread, in one transaction. A refused pack opens a dialog that lists every problem;
nothing is written.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from listen_drill.core.packs.importer import import_pack
from listen_drill.core.packs.problems import Problem
from listen_drill.core.packs.validate import (
    PACK_SUFFIXES,
    Validation,
    validate_file,
)
from listen_drill.core.store import StoreError
from listen_drill.core.wording import plural

if TYPE_CHECKING:
    from listen_drill.ui.main_window import MainWindow


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries, of any kind."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def pack_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local .toml and .csv files a drag carries."""
    return [path for path in local_paths(event) if path.name.lower().endswith(PACK_SUFFIXES)]


def refusal_status(paths: list[Path]) -> str:
    """The status bar's short line for a drag of files that are not packs.

    The full message (the fix: save as CSV UTF-8, or rename) is a few hundred characters, cut
    off at the window's edge in the status bar; the drop shows it in the problems dialog.
    """
    first = paths[0]
    others = f" (and {plural(len(paths) - 1, 'other file')})" if len(paths) > 1 else ""
    return f"{first.name}{others} is not a .toml or .csv pack: drop it to see what to do."


class ProblemsDialog(QDialog):
    """Every problem with a pack file, errors first, each on its own row; copyable as text."""

    def __init__(self, parent: QWidget, path: Path, problems: list[Problem], imported: str) -> None:
        super().__init__(parent)
        self.setObjectName("packProblemsDialog")
        errors = [problem for problem in problems if not problem.warning]
        warnings = [problem for problem in problems if problem.warning]
        self.problems = problems
        # The heading is rich text (bold); a title or file name such as "Q&A: refunds <beta>"
        # must show as written, so every text from the file is escaped.
        if imported:
            self.setWindowTitle("Pack imported with warnings")
            text = (
                f"<b>{html.escape(imported)}</b><br>"
                f"{plural(len(warnings), 'warning')} to check: the pack works as it is, and "
                "fixing them makes it teach better."
            )
        else:
            self.setWindowTitle("Pack not imported")
            counts = plural(len(errors), "error")
            if warnings:
                counts += f" and {plural(len(warnings), 'warning')}"
            text = (
                f"<b>{html.escape(path.name)} was not imported</b>: {counts}. Nothing in your "
                "library changed. Fix the file and import it again."
            )
        heading = QLabel(text)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setObjectName("packProblemsHeading")
        heading.setWordWrap(True)

        self.list = QListWidget()
        self.list.setObjectName("packProblemsList")
        self.list.setAccessibleName("Problems with the pack file")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            place = f"Line {problem.line}" if problem.line else "File"
            where = f" · {problem.where}" if problem.where else ""
            item = QListWidgetItem(f"{place}{where}\n{problem.message}")
            item.setIcon(warning_icon if problem.warning else error_icon)
            item.setToolTip(str(problem))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("&Copy all", QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copyProblemsButton")
        copy.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def text(self) -> str:
        """The problems as `FILE:LINE: where: message` lines, as `pack validate` prints them."""
        return "\n".join(str(problem) for problem in self.problems)

    @Slot()
    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class _ValidateWorker(QObject):
    done = Signal(object)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    @Slot()
    def run(self) -> None:
        self.done.emit(validate_file(self.path))


class PackImporter(QObject):
    """Adds File > Import Pack... (Ctrl+O) and file drops to the main window."""

    finished = Signal(bool)  # True when a pack was imported

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ProblemsDialog | None = None  # the last problems dialog, kept open
        self.busy = False
        self._thread: QThread | None = None
        self._worker: _ValidateWorker | None = None
        self._progress: QProgressDialog | None = None
        self._cancelled = False

        self.action = QAction("&Import Pack...", window)
        self.action.setObjectName("importPackAction")
        self.action.setShortcut(QKeySequence("Ctrl+O"))
        self.action.setStatusTip("Add or update a drill pack from a .toml or .csv file")
        self.action.triggered.connect(self.choose_file)
        window.addAction(self.action)
        menu = window.file_menu
        existing = menu.actions()
        if existing:
            menu.insertAction(existing[0], self.action)
            menu.insertSeparator(existing[0])
        else:
            menu.addAction(self.action)

        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- entry points ---------------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import a drill pack", "", "Drill packs (*.toml *.csv);;All files (*)"
        )
        if name:
            self.import_file(Path(name))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Any local file is taken, not only .toml and .csv: a drag the window refuses never
        # delivers its drop, so the fix for a .xlsx (or a CSV pack saved as .txt) would only
        # ever be a status line cut off at the window's edge. The drop reads the file like
        # Ctrl+O and shows the same problems dialog, with the same content-aware message.
        if watched is self.window:
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                assert isinstance(event, QDragEnterEvent | QDropEvent)
                files = local_paths(event)
                if files:
                    event.acceptProposedAction()
                    if event.type() == QEvent.Type.DragEnter and not pack_paths(event):
                        self.window.statusBar().showMessage(refusal_status(files), 15000)
                    return True
            elif event.type() == QEvent.Type.Drop:
                assert isinstance(event, QDropEvent)
                paths = pack_paths(event) or local_paths(event)
                if paths:
                    event.acceptProposedAction()
                    self.import_file(paths[0])
                    return True
        return super().eventFilter(watched, event)

    def import_file(self, path: Path) -> None:
        """Check `path` in a worker thread, then import it or show its problems."""
        if self.busy:
            self.window.statusBar().showMessage("An import is already running.", 5000)
            return
        self.busy = True
        self._cancelled = False
        self.window.statusBar().showMessage(f"Checking {path.name}...")
        progress = QProgressDialog(f"Checking {path.name}...", "Cancel", 0, 0, self.window)
        progress.setObjectName("packImportProgress")
        progress.setWindowTitle("Import Pack")
        progress.setMinimumDuration(400)
        progress.canceled.connect(self._cancel)
        self._progress = progress

        thread = QThread(self)
        worker = _ValidateWorker(path)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._validated)
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot()
    def _cancel(self) -> None:
        self._cancelled = True

    @Slot(object)
    def _validated(self, validation: Validation) -> None:
        thread = self._thread
        if thread is not None:  # the worker is done: end its thread before going on
            thread.quit()
            thread.wait()
        self._thread = self._worker = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.busy = False
        path = Path(validation.source)
        status = self.window.statusBar()
        if self._cancelled:
            status.showMessage(f"Import of {path.name} cancelled; nothing changed.", 8000)
            self.finished.emit(False)
            return
        if validation.pack is None or validation.errors:
            status.showMessage(f"{path.name} was not imported: see the problems.", 8000)
            self._show_problems(path, validation.problems, "")
            self.finished.emit(False)
            return
        try:
            report = import_pack(
                self.window.store, validation.pack, str(path), tuple(validation.warnings)
            )
        except StoreError as error:
            self._show_problems(path, [Problem(str(path), "", str(error))], "")
            self.finished.emit(False)
            return
        self.window.reload_packs(select=report.pack.id)
        status.showMessage(report.summary(), 10000)
        if report.warnings:
            self._show_problems(path, list(report.warnings), report.summary())
        self.finished.emit(True)

    def _show_problems(self, path: Path, problems: list[Problem], imported: str) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ProblemsDialog(self.window, path, problems, imported)
        self.dialog.show()
        self.dialog.list.setFocus()
