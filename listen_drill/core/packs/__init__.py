"""Drill packs: the TOML and CSV formats trainers write, validation, loading and import."""

from listen_drill.core.packs.loader import (
    PackError,
    Problem,
    load_pack_bytes,
    load_pack_file,
    load_pack_text,
)
from listen_drill.core.packs.validate import (
    Validation,
    validate_bytes,
    validate_file,
    validate_text,
)

__all__ = [
    "PackError",
    "Problem",
    "Validation",
    "load_pack_bytes",
    "load_pack_file",
    "load_pack_text",
    "validate_bytes",
    "validate_file",
    "validate_text",
]
