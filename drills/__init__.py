"""Bundled drill packs: data files shipped inside the package (see docs/packs.md)."""
