"""Refuse a compiled scorer that is older than its source, which would judge by the old rules.

It lives outside `core/scoring/`, whose import runs the check, so that the CLI can import the
error to catch it.

setup.py compiles the scorer's modules with mypyc, and Python prefers a compiled module to the
`.py` beside it. An editable install keeps both in the source tree, so a rule changed after the
last build would silently not apply: the tests and the app would run yesterday's scorer.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

# A wheel's files are unpacked within moments of each other, in no set order.
SLACK_SECONDS = 2.0


class StaleCompiledScorerError(ImportError):
    """A compiled scorer module is older than its source file."""


def stale_sources(folder: Path) -> list[str]:
    """The `.py` files in `folder` changed after the extension module built from them."""
    stale: set[str] = set()
    for suffix in EXTENSION_SUFFIXES:
        for compiled in folder.glob(f"*{suffix}"):
            source = compiled.with_name(compiled.name.removesuffix(suffix) + ".py")
            if source.exists() and (
                source.stat().st_mtime > compiled.stat().st_mtime + SLACK_SECONDS
            ):
                stale.add(source.name)
    return sorted(stale)


def check_compiled_scorer(folder: Path) -> None:
    """Raise, naming the files and the fix, if the compiled scorer in `folder` is out of date."""
    stale = stale_sources(folder)
    if stale:
        raise StaleCompiledScorerError(
            f"The compiled scorer in {folder} is older than {', '.join(stale)}. "
            "Rebuild it with `make build` (or `pip install -e .`), "
            "or delete the compiled `*.so` files there to run the Python source."
        )
