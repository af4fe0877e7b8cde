"""`listen-drill check | backup | restore`: look after the data file from a terminal.

The same core functions the app uses at start, for support staff and for machines without a
screen. Every failure is one clear line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from listen_drill.core.backup import backup_now, backups_dir, list_backups, restore_latest_backup
from listen_drill.core.integrity import check_file
from listen_drill.core.paths import database_path
from listen_drill.core.store import DataFolderNotWritableError, StoreError, is_writable


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check",
        help="check the data file with SQLite's integrity check",
        description="Run PRAGMA integrity_check on the data file; exit 1 when it is damaged.",
    )
    check.set_defaults(handler=run_check)
    backup = subparsers.add_parser(
        "backup",
        help="back up the data file now, or list the backups",
        description="Copy the data file into <data>/backups/ (the newest seven are kept).",
    )
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser(
        "restore",
        help="replace a damaged data file with the newest good backup",
        description="Put the newest backup that passes its check in place of the data file. "
        "The current file is moved to <data>/damaged/, never deleted. Close the app first.",
    )
    restore.add_argument(
        "--yes", action="store_true", help="restore even when the data file passes its check"
    )
    restore.set_defaults(handler=run_restore)


def _fail(message: str) -> int:
    print(f"listen-drill: {message}", file=sys.stderr)
    return 1


def run_check(args: argparse.Namespace, data_dir: Path) -> int:
    path = database_path(data_dir)
    if not path.is_file():
        return _fail(f"{path}: there is no data file yet.")
    problems = check_file(path, thorough=True)
    if problems and not is_writable(data_dir):  # "unable to open": the folder, not the file
        return _check_in_read_only_folder(path, data_dir)
    if problems:
        return _fail(f"{path} is damaged: {problems[0]} (try `listen-drill restore`)")
    print(f"{path}: ok")
    return 0


def _check_in_read_only_folder(path: Path, data_dir: Path) -> int:
    """Check a file SQLite cannot open normally: reading a WAL file needs its `-shm` beside it.

    Without a journal holding changes the file alone is the whole database, so it is checked
    as it is; with one, the result would be wrong either way, so say the check could not run
    rather than call a sound file damaged.
    """
    note = str(DataFolderNotWritableError(data_dir, "no file can be created in it"))
    journal = path.with_name(path.name + "-wal")
    if journal.is_file() and journal.stat().st_size > 0:
        return _fail(
            f"{path}: cannot be checked. {note} Its journal ({journal.name}) holds changes "
            "SQLite reads only with write access; nothing says the file is damaged."
        )
    problems = check_file(path, thorough=True, immutable=True)
    if problems:
        return _fail(f"{path} is damaged: {problems[0]}. {note}")
    print(f"{path}: ok")
    print(f"listen-drill: note: {note}", file=sys.stderr)
    return 0


def run_backup(args: argparse.Namespace, data_dir: Path) -> int:
    if args.list:
        backups = list_backups(data_dir)
        if not backups:
            print(f"No backups yet in {backups_dir(data_dir)}.")
        for info in backups:
            print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.path}")
        return 0
    try:
        info = backup_now(data_dir)
    except StoreError as error:
        return _fail(str(error))
    print(f"backed up to {info.path}")
    return 0


def run_restore(args: argparse.Namespace, data_dir: Path) -> int:
    path = database_path(data_dir)
    if data_dir.is_dir() and not is_writable(data_dir):
        return _fail(
            f"the data folder {data_dir} is read-only or not writable, so no backup can be put "
            f"in place. Make it writable first (`listen-drill check` tells whether {path.name} "
            "needs a restore at all)."
        )
    if path.is_file() and not args.yes and not check_file(path, thorough=True):
        return _fail(
            f"{path} passes its check, so there is nothing to restore. "
            "Add --yes to replace it with the newest backup anyway."
        )
    try:
        result = restore_latest_backup(data_dir)
    except StoreError as error:
        return _fail(str(error))
    print(f"restored the backup of {result.backup.taken_at:%Y-%m-%d %H:%M}")
    if result.damaged_copy is not None:
        print(f"the previous file is kept at {result.damaged_copy}")
    return 0
