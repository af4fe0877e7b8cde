"""Drill packs: the TOML format trainers write, its loader, validation and import."""

from listen_drill.core.packs.loader import PackError, load_pack_file, load_pack_text

__all__ = ["PackError", "load_pack_file", "load_pack_text"]
