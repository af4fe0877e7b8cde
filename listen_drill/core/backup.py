"""Daily copies of the data file, and the way back when the file is damaged.

Backups are made with SQLite's online backup API from a connection of their own, so they are
consistent even while the app (or a second copy) writes, and can run in a worker thread. Each is
written under a temporary name, checked, and only then given its final name: a crash half-way
never leaves a broken file that looks like a backup. The newest `KEEP` backups are kept.
Two processes may back up at the same moment (two copies of the app starting together, the app
and `listen-drill backup`): each writes its own temporary file, and the final name is claimed
with `os.link`, which fails instead of replacing a backup another process named first.

A damaged data file is never deleted: `restore_latest_backup` moves it (with its WAL journal)
into `<data>/damaged/` and puts the newest backup that passes `PRAGMA integrity_check` in its
place.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from listen_drill.core.integrity import check_file
from listen_drill.core.lock import DataLock, LockBusyError
from listen_drill.core.paths import database_path
from listen_drill.core.store import DataFolderNotWritableError, StoreError, is_writable

BACKUP_DIR = "backups"
DAMAGED_DIR = "damaged"
KEEP = 7
_PREFIX = "listen-drill-"
_STAMP = "%Y%m%d-%H%M%S"
# `listen-drill-20240304-090000.db`, or `...-090000-2.db` for a second backup in that second.
_NAME_RE = re.compile(r"listen-drill-(\d{8}-\d{6})(?:-([1-9]\d*))?")
_JOURNAL_SUFFIXES = ("-wal", "-shm")
# A temporary copy older than this was left by a backup that crashed: no backup takes so long.
_STALE_PARTIAL_SECONDS = 3600.0
# Names tried before giving up; each failure means another backup took the name meanwhile.
_CLAIM_ATTEMPTS = 100


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file and when it was taken (local time, from its name)."""

    path: Path
    taken_at: datetime


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: which backup it used and where the damaged file now is."""

    backup: BackupInfo
    damaged_copy: Path | None


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Backups in `<data>/backups/`, newest first; files with other names are ignored.

    Backups taken within one second share a time and differ by a number after it; the higher
    number is the newer, so pruning and restore both see them in the order they were taken.
    """
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found: list[tuple[datetime, int, BackupInfo]] = []
    for path in folder.glob(f"{_PREFIX}*.db"):
        match = _NAME_RE.fullmatch(path.stem)
        if match is None:
            continue
        try:
            taken = datetime.strptime(match.group(1), _STAMP)
        except ValueError:
            continue
        found.append((taken, int(match.group(2) or 0), BackupInfo(path, taken)))
    found.sort(key=lambda entry: entry[:2], reverse=True)
    return [info for _taken, _number, info in found]


def backup_now(data_dir: Path, *, now: datetime | None = None, keep: int = KEEP) -> BackupInfo:
    """Copy the data file into `<data>/backups/` with the backup API, check it, prune old ones."""
    source_path = database_path(data_dir)
    if not source_path.is_file():
        raise StoreError(f"{source_path}: there is no data file to back up yet.")
    taken = (now or datetime.now()).replace(microsecond=0)
    folder = backups_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only data folder: say so, not a traceback
        raise DataFolderNotWritableError.from_os_error(data_dir, error) from error
    if not is_writable(folder):
        raise DataFolderNotWritableError(
            folder, "no file can be created in it", what="backup folder"
        )
    _remove_stale_partials(folder)
    # A name of its own: another process backing up this second must not write the same file.
    partial = folder / f"{_PREFIX}{taken.strftime(_STAMP)}.{uuid.uuid4().hex}.partial"
    try:
        source = sqlite3.connect(str(source_path), timeout=5.0)
        try:
            target = sqlite3.connect(str(partial))
            try:
                source.backup(target)
                # A standalone file: restoring it must not depend on a WAL journal beside it.
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{source_path}: the backup could not be made ({error}).") from error
    problems = check_file(partial, thorough=False)
    if problems:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"{source_path}: the backup copy failed its check ({problems[0]}); "
            "the older backups are kept."
        )
    try:
        final = _claim_name(folder, taken, partial)
    finally:
        partial.unlink(missing_ok=True)
    prune_backups(data_dir, keep=keep)
    return BackupInfo(final, taken)


def _claim_name(folder: Path, taken: datetime, partial: Path) -> Path:
    """Give the checked copy the first free backup name, never replacing another backup.

    Two processes backing up in the same second both see the same free name; checking, then
    renaming, would let the later one replace the earlier backup. `os.link` creates the name
    only if nothing has it, atomically, so the process that comes second takes the next number.
    Where the file system has no hard links, an empty file created with O_EXCL reserves the
    name and the copy is renamed onto it. The caller removes `partial` afterwards.
    """
    for _attempt in range(_CLAIM_ATTEMPTS):
        final = _free_name(folder, taken)
        try:
            os.link(partial, final)
            return final
        except FileExistsError:
            continue  # another process named its backup first: take the next number
        except OSError:  # no hard links on this file system (FAT, some network shares)
            pass
        try:
            os.close(os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            continue
        try:
            partial.replace(final)
        except OSError:
            final.unlink(missing_ok=True)  # an empty reserved name must not pass for a backup
            raise
        return final
    raise StoreError(f"{folder}: no free name for a backup after {_CLAIM_ATTEMPTS} tries.")


def _remove_stale_partials(folder: Path) -> None:
    """Delete temporary copies that crashed backups left (each has a name of its own, so none
    is ever reused); a copy another process is writing now is recent and stays."""
    cutoff = time.time() - _STALE_PARTIAL_SECONDS
    for path in folder.glob(f"{_PREFIX}*.partial"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:  # gone already, or not ours to remove: it harms nothing
            continue


def _free_name(folder: Path, taken: datetime) -> Path:
    """A backup name no file has: a second backup within the same second must not replace
    the first, so it gets `-1`, `-2`... after the time, above every number of that second
    (a name freed by pruning is not reused: it would sort as the oldest and be pruned next)."""
    stamp = taken.strftime(_STAMP)
    numbers = [
        int(match.group(2) or 0)
        for path in folder.glob(f"{_PREFIX}{stamp}*.db")
        if (match := _NAME_RE.fullmatch(path.stem)) and match.group(1) == stamp
    ]
    if not numbers:
        return folder / f"{_PREFIX}{stamp}.db"
    return folder / f"{_PREFIX}{stamp}-{max(numbers) + 1}.db"


def prune_backups(data_dir: Path, *, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was removed."""
    removed = [info.path for info in list_backups(data_dir)[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def daily_backup(
    data_dir: Path, *, now: datetime | None = None, keep: int = KEEP
) -> BackupInfo | None:
    """Back up unless a backup was already taken today (local date); returns the new one.

    Call it only after the data file passed its integrity check at start, so a damaged file
    never pushes good backups out of the seven kept.
    """
    moment = now or datetime.now()
    newest = list_backups(data_dir)
    if newest and newest[0].taken_at.date() == moment.date():
        return None
    return backup_now(data_dir, now=moment, keep=keep)


def latest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup that passes `PRAGMA integrity_check`, or None."""
    for info in list_backups(data_dir):
        if not check_file(info.path, thorough=True):
            return info
    return None


def restore_latest_backup(data_dir: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace the data file with the newest good backup, keeping the damaged file aside.

    Refuses (StoreError) while another copy of the app has the data open, when the data folder
    cannot be written, and when no backup passes its check; then nothing is moved.
    """
    db_path = database_path(data_dir)
    try:
        lock = DataLock(db_path, exclusive=True).acquire()
    except LockBusyError as error:
        raise StoreError(
            f"{db_path}: the data is in use by another copy of listen-drill. "
            "Close it, then restore again."
        ) from error
    except OSError as error:
        raise DataFolderNotWritableError.from_os_error(data_dir, error) from error
    try:
        backup = latest_good_backup(data_dir)
        if backup is None:
            raise StoreError(_nothing_to_restore(db_path, data_dir))
        damaged_copy = _move_aside(db_path, data_dir / DAMAGED_DIR, now or datetime.now())
        incoming = db_path.with_name(db_path.name + ".restoring")
        shutil.copyfile(backup.path, incoming)
        incoming.replace(db_path)
        return RestoreResult(backup, damaged_copy)
    finally:
        lock.release()


def _nothing_to_restore(db_path: Path, data_dir: Path) -> str:
    """Why no restore happened, told as it is: no backups at all is not "none passes"."""
    folder = backups_dir(data_dir)
    if list_backups(data_dir):
        return (
            f"{db_path}: no backup in {folder} passes its check, so nothing was restored and "
            "the data file is left as it is."
        )
    if not db_path.exists():
        return (
            f"There is no data file ({db_path}) and no backup in {folder} yet, so there is "
            "nothing to restore. listen-drill starts with an empty history."
        )
    return (
        f"There are no backups in {folder} yet (one is made each day the app starts), so "
        f"nothing was restored and {db_path} is left as it is."
    )


def _move_aside(db_path: Path, folder: Path, now: datetime) -> Path | None:
    """Move the data file and its journal files into `folder`; None when there was no file."""
    if not db_path.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{now.strftime(_STAMP)}{db_path.suffix}"
    counter = 1
    while target.exists():
        target = folder / f"{db_path.stem}-{now.strftime(_STAMP)}-{counter}{db_path.suffix}"
        counter += 1
    try:
        for suffix in _JOURNAL_SUFFIXES:
            journal = db_path.with_name(db_path.name + suffix)
            if journal.exists():
                journal.replace(target.with_name(target.name + suffix))
        db_path.replace(target)
    except PermissionError as error:  # Windows: another process holds the file open
        raise StoreError(
            f"{db_path}: the data is in use by another program, so it cannot be moved aside. "
            "Close other copies of listen-drill, then restore again."
        ) from error
    return target
