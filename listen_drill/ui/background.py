"""Run a core job (export, merge) in a worker thread with a progress dialog and Cancel.

The job is a callable taking `progress(done, total)` and `cancel() -> bool`, as every core export
does. The dialog appears only after half a second, so quick exports do not flash one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from listen_drill.core.export.progress import CancelFn, ExportCancelledError, ProgressFn

Job = Callable[[ProgressFn, CancelFn], Any]
SHOW_AFTER_MS = 500


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.job = job
        self.signals = signals
        self.stop = stop

    def run(self) -> None:
        try:
            result = self.job(
                lambda done, total: self.signals.progress.emit(done, total), self.stop.is_set
            )
        except ExportCancelledError:
            self.signals.cancelled.emit()
        except Exception as error:  # shown to the user; the worker must never die silently
            self.signals.failed.emit(str(error))
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """One job in the global thread pool, with its QProgressDialog."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, label: str, job: Job) -> None:
        super().__init__(parent)
        self.stop = threading.Event()
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setObjectName("exportProgress")
        self.dialog.setAccessibleName("Export progress")
        self.dialog.setWindowTitle("listen-drill")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.signals = _Signals()
        self.signals.progress.connect(self._progress)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.signals.cancelled.connect(self._cancelled)
        self.running = False
        self._runnable = _Runnable(job, self.signals, self.stop)

    def start(self) -> None:
        self.running = True
        self.dialog.setValue(0)
        QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        self.stop.set()
        self.dialog.setLabelText("Cancelling…")

    def _progress(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()

    def _finished(self, result: object) -> None:
        self._close()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._close()
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._close()
        self.cancelled.emit()
