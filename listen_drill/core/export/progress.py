"""Progress and Cancel for long exports, without any user interface.

The caller passes a `progress(done, total)` callable and a `cancel()` check; the export calls
`Steps.advance` as it goes, which reports and raises `ExportCancelledError` once Cancel was pressed.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class ExportCancelledError(Exception):
    """The user pressed Cancel; the export left no file behind."""


class Steps:
    """Counts work done against a total, reporting at most every `every` steps."""

    def __init__(
        self,
        total: int,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        *,
        every: int = 200,
    ) -> None:
        self.total = max(0, total)
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._every = max(1, every)
        self._next_report = 0

    def check(self) -> None:
        """Raise ExportCancelledError when the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise ExportCancelledError("export cancelled")

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.done >= self._next_report or self.done >= self.total:
            self._next_report = self.done + self._every
            self.check()
            if self._progress is not None:
                self._progress(min(self.done, self.total), self.total)

    def grow(self, extra: int) -> None:
        """Add work discovered on the way (e.g. the summary after the attempts)."""
        self.total += max(0, extra)

    def finish(self) -> None:
        self.check()
        if self._progress is not None:
            self._progress(self.total, self.total)
