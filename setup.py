"""Compile the scorer with mypyc; everything else about the package lives in pyproject.toml.

The scorer's modules are plain, fully typed Python. mypyc turns them into C extensions that run
about 1.5 times as fast and give the same results (the scorer's tests run against them). Where
there is no C compiler, or LISTEN_DRILL_PURE_PYTHON=1 is set, the same modules run as Python.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import Extension, setup

# Every module of the scorer but `__init__`, which imports them and checks they are current.
COMPILED_SCORER = sorted(
    path.as_posix()
    for path in Path("listen_drill/core/scoring").glob("*.py")
    if path.name != "__init__.py"
)


def as_python() -> list[Extension]:
    """No extensions; and remove the ones an earlier build left in the source tree, which
    would otherwise shadow the Python modules (and be refused as stale, with no way to
    rebuild them)."""
    here = Path(__file__).resolve().parent
    for suffix in EXTENSION_SUFFIXES:
        for built in (
            *here.glob(f"listen_drill_scorer__mypyc*{suffix}"),
            *(here / "listen_drill" / "core" / "scoring").glob(f"*{suffix}"),
        ):
            built.unlink()
    return []


def scorer_extensions() -> list[Extension]:
    if os.environ.get("LISTEN_DRILL_PURE_PYTHON") == "1":
        return as_python()
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("listen-drill: mypyc is not installed; the scorer runs as Python", file=sys.stderr)
        return as_python()
    try:
        extensions = mypycify(COMPILED_SCORER, group_name="listen_drill_scorer")
    except (Exception, SystemExit) as error:  # mypyc reports a type error by exiting
        print(f"listen-drill: mypyc failed ({error}); the scorer runs as Python", file=sys.stderr)
        return as_python()
    for extension in extensions:
        # No compiler or headers: setuptools warns and installs the Python modules instead.
        extension.optional = True
    return extensions


setup(ext_modules=scorer_extensions())
