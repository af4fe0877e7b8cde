"""The bundled drill library: keep the store's copies of the bundled packs up to date."""

from __future__ import annotations

import hashlib
import logging

from listen_drill.core.bundled import bundled_pack_files
from listen_drill.core.packs.loader import PackError, load_pack_bytes
from listen_drill.core.store import Store

LOG = logging.getLogger(__name__)


def sync_bundled_packs(store: Store) -> int:
    """Install bundled packs that are new, changed or missing; returns how many were written.

    "Changed" means the file's bytes changed, not only its version: a corrected model reply
    reaches agents even if nobody bumped the version. "Missing" means the store has no bundled
    pack with its id, whatever the stored fingerprint says: a bundled pack that an imported pack
    once replaced and that was then removed comes back (its drills and their attempts relink by
    id). Imports now refuse a bundled id, but a store from an older version may still hold an
    imported pack under one: it is left alone (the trainer's drills and attempts stay) until it
    is removed. Bundled packs go through the same loader as imports; a broken one is logged and
    skipped, never fatal (a test keeps every bundled pack valid).
    """
    summaries = store.packs()
    sources = {summary.id: summary.source for summary in summaries}
    # which bundled files are in the store, read from the store: start-up parses no pack file
    # that is installed and unchanged
    installed = {summary.source_path for summary in summaries if summary.source == "bundled"}
    written = 0
    for entry in bundled_pack_files():
        data = entry.read_bytes()
        fingerprint = hashlib.sha256(data).hexdigest()
        key = f"bundled_pack_sha256:{entry.name}"
        if entry.name in installed and store.get_setting(key) == fingerprint:
            continue  # installed and unchanged: no need even to parse it
        try:
            pack = load_pack_bytes(data, f"drills/{entry.name}")
        except PackError as error:
            LOG.error("skipping a broken bundled pack:\n%s", error)
            continue
        if sources.get(pack.id) == "imported":
            LOG.warning(
                "the imported pack %r holds the id of a bundled pack; the bundled pack comes "
                "back when it is removed",
                pack.id,
            )
            continue
        store.save_pack(pack, source="bundled", source_path=entry.name)
        store.set_setting(key, fingerprint)
        written += 1
    return written
