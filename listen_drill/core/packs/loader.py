"""Read a drill pack into a `Pack`, or raise `PackError` listing every problem.

The thin front of `validate.py` for code that wants a pack or an exception: the library sync,
the import. Loading does not score the model replies (that is for `pack validate` and imports,
where an author reads the warnings), so starting the app stays quick.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from listen_drill.core.models import Pack
from listen_drill.core.packs.problems import PackError, Problem
from listen_drill.core.packs.validate import (
    Validation,
    validate_bytes,
    validate_document,
    validate_file,
    validate_text,
)

__all__ = [
    "PackError",
    "Problem",
    "load_pack_bytes",
    "load_pack_file",
    "load_pack_text",
    "pack_from_document",
]


def _pack_or_raise(validation: Validation) -> Pack:
    if validation.pack is None or validation.errors:
        raise PackError(validation.problems)
    return validation.pack


def load_pack_file(path: Path) -> Pack:
    """A .toml or .csv pack file as a `Pack`."""
    return _pack_or_raise(validate_file(path, score_exemplars=False))


def load_pack_bytes(data: bytes, source: str = "<pack>", *, csv: bool = False) -> Pack:
    return _pack_or_raise(validate_bytes(data, source, csv=csv, score_exemplars=False))


def load_pack_text(text: str, source: str = "<pack>", *, csv: bool = False) -> Pack:
    return _pack_or_raise(validate_text(text, source, csv=csv, score_exemplars=False))


def pack_from_document(document: Mapping[str, Any], source: str) -> Pack:
    """A pack from an already parsed TOML document (no line numbers in its problems)."""
    return _pack_or_raise(validate_document(document, source, score_exemplars=False))
