"""The ids of the bundled packs, which a trainer's pack may not take.

A pack is stored by its id, so an import under a bundled pack's id would replace the bundled
pack (its drills gone from the list, and nothing bringing them back). Validation of a trainer's
file refuses such an id, and the import refuses it again for callers that skip validation.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from pathlib import Path

import tomli

from listen_drill.core.bundled import bundled_pack_files

LOG = logging.getLogger(__name__)

ID_MAX_LENGTH = 64  # spec.py: the limit of a pack id
SUGGESTED_SUFFIX = "-team"


@functools.cache
def _bundled() -> tuple[dict[str, str], dict[str, Path]]:
    """(title by id, real path by id), read once per process (~25 ms), on the first import or
    validation: start-up never needs it."""
    titles: dict[str, str] = {}
    paths: dict[str, Path] = {}
    for entry in bundled_pack_files():
        try:
            header = tomli.loads(entry.read_text(encoding="utf-8"))["pack"]
            pack_id, title = header["id"], header.get("title", header["id"])
        except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError, KeyError, TypeError):
            LOG.error("cannot read the id of the bundled pack %s", entry.name)
            continue  # the library sync logs the full problems of a broken bundled pack
        if not isinstance(pack_id, str):
            continue
        titles[pack_id] = str(title)
        if isinstance(entry, Path):
            paths[pack_id] = entry.resolve()
    return titles, paths


def bundled_pack_titles() -> Mapping[str, str]:
    """The title of each bundled pack, by its id."""
    return _bundled()[0]


def reserved_ids_for(path: Path | None) -> dict[str, str]:
    """The ids a pack read from `path` may not take: every bundled id but the file's own.

    A bundled file validated where it lies (`pack validate drills/01-fundamentals.toml`) is the
    bundled pack itself, not a trainer's pack taking its id.
    """
    titles, paths = _bundled()
    own: Path | None = None
    if path is not None:
        try:
            own = path.resolve()
        except OSError:
            own = None
    return {pack_id: title for pack_id, title in titles.items() if paths.get(pack_id) != own}


def suggested_id(pack_id: str) -> str:
    """Another id to offer instead of a bundled one: `fundamentals` -> `fundamentals-team`."""
    return pack_id[: ID_MAX_LENGTH - len(SUGGESTED_SUFFIX)] + SUGGESTED_SUFFIX


def reserved_id_message(pack_id: str, title: str) -> str:
    """Why a bundled id is refused, and the fix."""
    return (
        f"{pack_id!r} is the id of the bundled pack {title!r}, which ships with the app; "
        f"a pack you write cannot replace it: choose another id, e.g. {suggested_id(pack_id)!r}"
    )
