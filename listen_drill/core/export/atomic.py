"""Write files so that a reader sees the old file or the whole new one, never a part.

Each output is written to a temporary file in the same folder (so the final `os.replace` is a
rename within one file system, atomic on POSIX and Windows), flushed to disk, then renamed. When
the export fails or is cancelled, the temporary files are removed and the targets are untouched.

The renamed file is the export, so it gets the permissions any new file would (0666 less the
umask: a progress file in a team lead's shared folder must be readable there), or, when it
replaces a file, that file's mode. `tempfile.mkstemp` would make every export owner-only (0600).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

#: The mode `open()` asks for a new file; the process umask takes its bits away.
NEW_FILE_MODE = 0o666
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def temp_path_beside(target: Path) -> Path:
    """A new, empty temporary file next to `target` (hidden, with the same suffix).

    Created with `O_EXCL` like `mkstemp`, but with the ordinary new-file mode, not 0600.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        name = target.parent / f".{target.name}.{secrets.token_hex(4)}.part{target.suffix}"
        try:
            handle = os.open(name, _CREATE_FLAGS, NEW_FILE_MODE)
        except FileExistsError:
            continue
        os.close(handle)
        return name
    raise FileExistsError(f"no free temporary name beside {target}")


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _keep_mode(temp: Path, target: Path) -> None:
    """Give `temp` the mode of the file it is about to replace, if there is one."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError):  # a file system without modes (some shares) keeps its own
        temp.chmod(mode)


@contextlib.contextmanager
def atomic_paths(*targets: Path) -> Iterator[list[Path]]:
    """Yield a temporary path for each target; on success rename them all into place.

    The renames happen only after the body finished for every file, so a cancelled two-file
    export (attempts CSV and summary CSV) leaves neither file.
    """
    for target in targets:
        if target.is_dir():  # else the rename fails naming the hidden temporary file
            raise IsADirectoryError(f"{target} is a folder; give a file name.")
    temps: list[Path] = []
    try:
        for target in targets:
            temps.append(temp_path_beside(target))
        yield temps
        for temp in temps:
            _fsync(temp)
        for temp, target in zip(temps, targets, strict=True):
            _keep_mode(temp, target)
            temp.replace(target)
    finally:
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
