"""An advisory lock beside the data file, so a restore never replaces a file another copy uses.

Every open `Store` holds a shared lock; `restore_latest_backup` needs the exclusive one. Two copies
of the app therefore share the data (SQLite's WAL journal and a busy timeout keep their writes
apart), while a restore says clearly that the data is in use instead of pulling the file from
under the other copy.

POSIX systems use `fcntl.flock`, which the kernel releases when the process dies, so a crash
never leaves a stale lock. A reader that may not write the folder (an export from a read-only
copy) takes the shared lock through a read-only descriptor when the lock file is there, and goes
without it when it is not: no copy of the app can hold it then either. Windows has no shared
file locks in the standard library; there the lock is a no-op and the restore relies on Windows
refusing to rename a file that SQLite holds open, which fails with the same clear message.
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
        return self._hold(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644))

    def acquire_for_reading(self) -> DataLock:
        """Take the shared lock without needing to write the folder, or go on without it.

        An export only reads, so a read-only data folder must not stop it. `flock` works on a
        descriptor opened read-only, so an existing lock file still keeps a restore (by someone
        who may write the folder) from replacing the file mid-export. When the lock file can be
        neither created nor opened, no copy of the app holds it either: it would have made it.
        Raises LockBusyError while a restore holds the exclusive lock.
        """
        if self.exclusive:
            raise ValueError("only the shared lock can be taken for reading")
        if fcntl is None:  # pragma: no cover - Windows
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            try:
                fd = os.open(self.path, os.O_RDONLY)
            except OSError:
                return self  # nothing to lock: `release` is then a no-op
        return self._hold(fd)

    def _hold(self, fd: int) -> DataLock:
        """Lock the open lock file `fd` (shared or exclusive) without waiting and keep it.

        One place for both ways in, so the lock is taken and given up alike: on a conflict
        the descriptor is closed (it would otherwise leak) and LockBusyError raised.
        """
        assert fcntl is not None  # only reached where flock exists
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
