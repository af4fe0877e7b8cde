"""An advisory lock beside the data file, so a restore never replaces a file another copy uses.

Every open `Store` holds a shared lock; `restore_latest_backup` needs the exclusive one. Two copies
of the app therefore share the data (SQLite's WAL journal and a busy timeout keep their writes
apart), while a restore says clearly that the data is in use instead of pulling the file from
under the other copy.

POSIX systems use `fcntl.flock`, which the kernel releases when the process dies, so a crash
never leaves a stale lock. Windows has no shared file locks in the standard library; there the
lock is a no-op and the restore relies on Windows refusing to rename a file that SQLite holds
open, which fails with the same clear message.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockBusyError(Exception):
    """Another process holds the lock in a way that conflicts with the one asked for."""


class DataLock:
    """A shared or exclusive advisory lock on `<data file>.lock`, taken without waiting."""

    def __init__(self, db_path: Path, *, exclusive: bool) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.exclusive = exclusive
        self._fd: int | None = None

    def acquire(self) -> DataLock:
        """Take the lock now or raise LockBusyError; never blocks.

        Raises OSError (read-only disk, permission denied, a file where the folder should be)
        when the lock file cannot be created or opened for writing: `Store` turns that into
        DataFolderNotWritableError, which names the folder instead of a raw traceback.
        """
        if fcntl is None:  # pragma: no cover - Windows
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        mode = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError as error:
            os.close(fd)
            raise LockBusyError(str(self.path)) from error
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __enter__(self) -> DataLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
