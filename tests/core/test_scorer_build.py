"""The scorer ships compiled by mypyc (setup.py), and a stale build is refused, never used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from listen_drill.core.freshness import (
    SLACK_SECONDS,
    StaleCompiledScorerError,
    check_compiled_scorer,
    stale_sources,
)
from listen_drill.core.scoring import scorer

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


def test_the_command_names_a_stale_build_and_the_fix(tmp_path: Path) -> None:
    """A copy of the package whose scorer source changed after its (stand-in) build."""
    package = Path(__file__).resolve().parents[2] / "listen_drill"
    copy = tmp_path / "listen_drill"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    scoring = copy / "core" / "scoring"
    built = scoring / f"text{SUFFIX}"
    built.write_bytes(b"")
    os.utime(built, (1_000_000_000, 1_000_000_000))
    result = subprocess.run(
        [sys.executable, "-m", "listen_drill", "score", "--statement", "Hi", "--response", "Hi"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "older than text.py" in result.stderr
    assert "make build" in result.stderr
    assert "Traceback" not in result.stderr


def test_installing_as_python_removes_an_earlier_compiled_scorer(tmp_path: Path) -> None:
    """Otherwise the old modules would shadow the Python ones and be refused as stale, and
    rebuilding (which fails again, or is asked not to compile) could never mend it."""
    root = Path(__file__).resolve().parents[2]
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(root / name, tmp_path / name)
    scoring = tmp_path / "listen_drill" / "core" / "scoring"
    scoring.mkdir(parents=True)
    (scoring / "text.py").write_text("")
    left = [scoring / f"text{SUFFIX}", tmp_path / f"listen_drill_scorer__mypyc{SUFFIX}"]
    for path in left:
        path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "setup.py", "--name"],
        cwd=tmp_path,
        env={**os.environ, "LISTEN_DRILL_PURE_PYTHON": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in left)
    assert (scoring / "text.py").exists()
