"""The scorer ships compiled by mypyc (setup.py), and a stale build is refused, never used."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from listen_drill.core.scoring import scorer
from listen_drill.core.scoring.freshness import (
    SLACK_SECONDS,
    StaleCompiledScorerError,
    check_compiled_scorer,
    stale_sources,
)

SUFFIX = EXTENSION_SUFFIXES[0]


def _files(folder: Path, source_age: float, compiled_age: float, name: str = "text") -> None:
    """A source and its compiled module, made `*_age` seconds ago."""
    now = 1_800_000_000.0
    for path, age in (
        (folder / f"{name}.py", source_age),
        (folder / f"{name}{SUFFIX}", compiled_age),
    ):
        path.write_bytes(b"")
        os.utime(path, (now - age, now - age))


@pytest.mark.skipif(
    os.environ.get("LISTEN_DRILL_PURE_PYTHON") == "1", reason="installed as Python on purpose"
)
def test_the_scorer_under_test_is_the_compiled_one() -> None:
    assert scorer.__file__ is not None
    assert scorer.__file__.endswith(tuple(EXTENSION_SUFFIXES)), (
        f"{scorer.__file__} is the Python source: the install did not compile the scorer "
        "(is a C compiler installed? see scripts/ensure-system-deps.sh)"
    )


def test_a_source_edited_after_the_build_is_stale(tmp_path: Path) -> None:
    _files(tmp_path, source_age=10, compiled_age=600)
    assert stale_sources(tmp_path) == ["text.py"]
    with pytest.raises(StaleCompiledScorerError, match=r"older than text\.py.*make build"):
        check_compiled_scorer(tmp_path)


def test_a_build_newer_than_its_source_is_current(tmp_path: Path) -> None:
    _files(tmp_path, source_age=600, compiled_age=10)
    assert stale_sources(tmp_path) == []
    check_compiled_scorer(tmp_path)


def test_files_unpacked_moments_apart_are_current(tmp_path: Path) -> None:
    # pip unpacks a wheel's files in the archive's order: a source may land just after its module
    _files(tmp_path, source_age=10, compiled_age=10 + SLACK_SECONDS / 2)
    assert stale_sources(tmp_path) == []


def test_only_sources_with_a_compiled_module_are_compared(tmp_path: Path) -> None:
    (tmp_path / "freshness.py").write_text("")
    _files(tmp_path, source_age=10, compiled_age=600, name="emotion")
    assert stale_sources(tmp_path) == ["emotion.py"]
