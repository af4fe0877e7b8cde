"""Atomic exports get ordinary file permissions: a team lead must be able to read them."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.export.csv_export import export_csv
from listen_drill.core.export.progress_file import export_progress_file
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.store import Store
from tests.core.export_helpers import add_attempts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask_022() -> Iterator[None]:
    """A known umask for the test, the process's own restored after it."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def source(store: Store) -> AttemptSource:
    add_attempts(store, store.create_profile("Maya"), 12, every=timedelta(hours=13))
    return AttemptSource.for_store(store)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_exports_get_the_mode_a_new_file_gets(
    source: AttemptSource, tmp_path: Path, umask_022: None
) -> None:
    """0666 less the umask (here 0644), not mkstemp's owner-only 0600."""
    progress = export_progress_file(source, tmp_path / "shared" / "maya.json").path
    result = export_csv(source, tmp_path / "maya.csv")

    assert mode(progress) == 0o644
    assert mode(result.attempts_path) == 0o644
    assert mode(result.summary_path) == 0o644
    assert not list(tmp_path.rglob(".*.part*")), "no temporary file is left behind"


def test_the_umask_decides_a_new_exports_mode(tmp_path: Path) -> None:
    """A group-writable umask (0002, common on shared team folders) gives 0664."""
    previous = os.umask(0o002)
    try:
        with atomic_paths(tmp_path / "out.json") as (temp,):
            temp.write_text("{}", encoding="utf-8")
    finally:
        os.umask(previous)
    assert mode(tmp_path / "out.json") == 0o664


def test_replacing_an_export_keeps_the_old_files_mode(
    source: AttemptSource, tmp_path: Path, umask_022: None
) -> None:
    """A lead who made the file group-writable (or private) keeps that on every new export."""
    target = tmp_path / "maya.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o660)

    export_progress_file(source, target)

    assert mode(target) == 0o660
    assert target.read_text(encoding="utf-8") != "old"
