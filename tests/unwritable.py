"""Real read-only data folders and files for tests, as root too.

Root ignores permission bits, and CI containers often run tests as root; so under root the
block that must meet the read-only folder or file runs with the effective user `nobody`, for
whom the kernel enforces them exactly as for an agent's account. No code of ours is replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from listen_drill.core.paths import database_path

NOBODY = 65534


@contextmanager
def as_unprivileged_user() -> Iterator[None]:
    """Run the block as `nobody` when the tests run as root; a no-op for any other user."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@contextmanager
def reachable_folder() -> Iterator[Path]:
    """A fresh folder `nobody` can reach (pytest's own temporary folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="listen-drill-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def make_folder_read_only(data_dir: Path) -> None:
    """No new file in the folder (nor its lock file, nor SQLite's `-shm`) for the test's user."""
    for path in data_dir.iterdir():
        path.chmod(0o444)
    data_dir.chmod(0o555)


def make_file_read_only(data_dir: Path) -> Path:
    """Only the data file is read-only; the folder and the lock stay writable."""
    db_path = database_path(data_dir)
    db_path.chmod(0o444)
    if os.geteuid() == 0:  # the file stays root's; the rest becomes the test user's own
        for path in (data_dir, *data_dir.iterdir()):
            if path != db_path:
                os.chown(path, NOBODY, NOBODY)
    return db_path
