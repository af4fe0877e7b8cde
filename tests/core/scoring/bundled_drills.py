"""Every bundled drill by "<pack id>/<drill id>", for tables of replies to them."""

from __future__ import annotations

from functools import cache

from listen_drill.core.bundled import bundled_pack_files
from listen_drill.core.models import Drill
from listen_drill.core.packs import load_pack_text


@cache
def drills() -> dict[str, Drill]:
    found: dict[str, Drill] = {}
    for path in bundled_pack_files():
        pack = load_pack_text(path.read_text(encoding="utf-8"), path.name)
        found.update({f"{pack.id}/{drill.id}": drill for drill in pack.drills})
    return found
