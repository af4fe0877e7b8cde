"""The bundled drill library: keep the store's copies of the bundled packs up to date."""

from __future__ import annotations

from listen_drill.core.bundled import bundled_pack_files
from listen_drill.core.packs.loader import load_pack_text
from listen_drill.core.store import Store


def sync_bundled_packs(store: Store) -> int:
    """Install bundled packs that are new or changed; returns how many were written.

    A pack the trainer imported under the same id is left alone: their copy wins.
    """
    versions = store.pack_versions()
    sources = {summary.id: summary.source for summary in store.packs()}
    written = 0
    for entry in bundled_pack_files():
        pack = load_pack_text(entry.read_text(encoding="utf-8"), f"drills/{entry.name}")
        if sources.get(pack.id) == "imported":
            continue
        if versions.get(pack.id) != pack.version:
            store.save_pack(pack, source="bundled", source_path=entry.name)
            written += 1
    return written
