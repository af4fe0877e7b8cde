"""Locate the files that ship with the app: bundled drill packs and resources.

`drills/` and `resources/` sit at the top of the repository and are mapped into the package as
`listen_drill.drills` and `listen_drill.resources`, so `importlib.resources` finds them both from
an editable install and from an installed wheel.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

DRILLS_PACKAGE = "listen_drill.drills"
RESOURCES_PACKAGE = "listen_drill.resources"


def resource(*parts: str) -> Traversable:
    """A file or folder below `resources/`, e.g. `resource("lexicons", "emotions.toml")`."""
    node = files(RESOURCES_PACKAGE)
    for part in parts:
        node = node / part
    return node


def read_resource_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def bundled_pack_files() -> list[Traversable]:
    """The bundled packs, sorted by file name so their order is stable everywhere."""
    root = files(DRILLS_PACKAGE)
    packs = [entry for entry in root.iterdir() if entry.name.endswith(".toml")]
    return sorted(packs, key=lambda entry: entry.name)


def resource_path(*parts: str) -> Path:
    """A real filesystem path for a resource (Qt wants paths for icons and style sheets)."""
    with as_file(resource(*parts)) as path:
        return Path(path)
