"""Real read-only data folders and files for tests, as root too.

Root ignores permission bits through one capability, CAP_DAC_OVERRIDE, and CI containers
often run tests as root; so under root the block that must meet the read-only folder or file
runs with that capability lowered, and the kernel then enforces the mode bits on writes
exactly as for an agent's account. Reading stays possible everywhere (CAP_DAC_READ_SEARCH is
kept): the project, the venv and Python may lie in a folder no other user can read, such as
/root. No code of ours is replaced.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from listen_drill.core.paths import database_path

_CAPABILITY_VERSION_3 = 0x20080522
_CAP_DAC_OVERRIDE = 1


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _capabilities(libc: ctypes.CDLL) -> tuple[_CapHeader, ctypes.Array[_CapData]]:
    header = _CapHeader(_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget failed")
    return header, data


def _set_capabilities(libc: ctypes.CDLL, header: _CapHeader, data: ctypes.Array[_CapData]) -> None:
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


@contextmanager
def as_unprivileged_user() -> Iterator[None]:
    """Run the block with write permissions enforced, as for any user; a no-op but for root.

    Capabilities belong to a thread: the block's own writes (the store, the CLI, the window's
    slots) run on this one.
    """
    if os.geteuid() != 0:
        yield
        return
    libc = ctypes.CDLL(None, use_errno=True)
    header, data = _capabilities(libc)
    if not data[0].effective & (1 << _CAP_DAC_OVERRIDE):  # a container without it: nothing to
        yield  # lower, and the mode bits already hold for root
        return
    data[0].effective &= ~(1 << _CAP_DAC_OVERRIDE)
    _set_capabilities(libc, header, data)
    try:
        yield
    finally:
        header, data = _capabilities(libc)
        data[0].effective |= 1 << _CAP_DAC_OVERRIDE
        _set_capabilities(libc, header, data)


@contextmanager
def reachable_folder() -> Iterator[Path]:
    """A fresh folder for one test, removed afterwards whatever modes the test left in it."""
    folder = Path(tempfile.mkdtemp(prefix="listen-drill-test-"))
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
    return db_path
