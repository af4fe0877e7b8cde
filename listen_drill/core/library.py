"""The bundled drill library: keep the store's copies of the bundled packs up to date."""

from __future__ import annotations

import hashlib
import logging

from listen_drill.core.bundled import bundled_pack_files
from listen_drill.core.packs.loader import PackError, load_pack_bytes
from listen_drill.core.store import Store

LOG = logging.getLogger(__name__)


def sync_bundled_packs(store: Store) -> int:
    """Install bundled packs that are new or changed; returns how many were written.

    A pack the trainer imported under the same id is left alone: their copy wins. Bundled packs
    go through the same loader as imports; a broken one is logged and skipped, never fatal
    (a test keeps every bundled pack valid). "Changed" means the file's bytes changed, not only
    its version: a corrected model reply reaches agents even if nobody bumped the version.
    """
    sources = {summary.id: summary.source for summary in store.packs()}
    written = 0
    for entry in bundled_pack_files():
        data = entry.read_bytes()
        fingerprint = hashlib.sha256(data).hexdigest()
        key = f"bundled_pack_sha256:{entry.name}"
        if store.get_setting(key) == fingerprint:
            continue  # unchanged since it was installed: no need even to parse it
        try:
            pack = load_pack_bytes(data, f"drills/{entry.name}")
        except PackError as error:
            LOG.error("skipping a broken bundled pack:\n%s", error)
            continue
        if sources.get(pack.id) == "imported":
            continue
        store.save_pack(pack, source="bundled", source_path=entry.name)
        store.set_setting(key, fingerprint)
        written += 1
    return written
