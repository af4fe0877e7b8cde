"""Write files so that a reader sees the old file or the whole new one, never a part.

Each output is written to a temporary file in the same folder (so the final `os.replace` is a
rename within one file system, atomic on POSIX and Windows), flushed to disk, then renamed. When
the export fails or is cancelled, the temporary files are removed and the targets are untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def temp_path_beside(target: Path) -> Path:
    """A new, empty temporary file next to `target` (hidden, with the same suffix)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".part{target.suffix}", dir=target.parent
    )
    os.close(handle)
    return Path(name)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def atomic_paths(*targets: Path) -> Iterator[list[Path]]:
    """Yield a temporary path for each target; on success rename them all into place.

    The renames happen only after the body finished for every file, so a cancelled two-file
    export (attempts CSV and summary CSV) leaves neither file.
    """
    temps: list[Path] = []
    try:
        for target in targets:
            temps.append(temp_path_beside(target))
        yield temps
        for temp in temps:
            _fsync(temp)
        for temp, target in zip(temps, targets, strict=True):
            temp.replace(target)
    finally:
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
