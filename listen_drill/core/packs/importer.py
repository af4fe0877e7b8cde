"""Import a trainer's pack file into the store: validate it whole, then write it in one go.

Nothing is written unless the file has no errors, and the write is one transaction
(`Store.save_pack`), so a refused or interrupted import leaves the library as it was. A newer
version of a pack updates its drills by id: attempts stay linked, and a dropped drill keeps its
history (it goes inactive, it is not deleted). A pack may not take a bundled pack's id: that
would replace the bundled pack, so it is refused like any other error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from listen_drill.core.models import Pack
from listen_drill.core.packs.problems import PackError, Problem
from listen_drill.core.packs.reserved import bundled_pack_titles, reserved_id_message
from listen_drill.core.packs.validate import validate_file
from listen_drill.core.store import Store
from listen_drill.core.wording import plural

IMPORTED = "imported"


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import changed, and the warnings the author should read."""

    pack: Pack
    previous_version: str | None
    added: int
    updated: int
    dropped: int
    warnings: tuple[Problem, ...] = ()

    def summary(self) -> str:
        pack = self.pack
        if self.previous_version is None:
            head = f"Imported {pack.title!r} ({pack.id}, version {pack.version})"
        elif self.previous_version == pack.version:
            head = f"Re-imported {pack.title!r} ({pack.id}, version {pack.version})"
        else:
            head = (
                f"Updated {pack.title!r} ({pack.id}) from version {self.previous_version} "
                f"to {pack.version}"
            )
        parts = [f"{plural(len(pack.drills), 'drill')}: {self.added} new, {self.updated} updated"]
        if self.dropped:
            parts.append(f"{self.dropped} dropped (their history is kept)")
        if self.warnings:
            parts.append(plural(len(self.warnings), "warning"))
        return f"{head}: {'; '.join(parts)}."


def import_pack_file(store: Store, path: Path, *, score_exemplars: bool = True) -> ImportReport:
    """Validate and import a .toml or .csv pack; raises `PackError` listing every problem."""
    validation = validate_file(path, score_exemplars=score_exemplars)
    if validation.pack is None or validation.errors:
        raise PackError(validation.problems)
    return import_pack(store, validation.pack, str(path), tuple(validation.warnings))


def import_pack(
    store: Store, pack: Pack, source_path: str = "", warnings: tuple[Problem, ...] = ()
) -> ImportReport:
    """Write a valid pack as an imported pack, replacing any imported pack with its id.

    A bundled pack's id is refused (`PackError`): the import would replace the bundled pack.
    `validate_file` refuses it with the line; this is the guard for callers that skip it.
    """
    taken_by = bundled_pack_titles().get(pack.id)
    if taken_by is not None:
        message = reserved_id_message(pack.id, taken_by)
        raise PackError([Problem(source_path or "<pack>", "pack.id", message)])
    previous = store.pack_versions().get(pack.id)
    before = store.drill_ids(pack.id) if previous is not None else set()
    now = {drill.id for drill in pack.drills}
    store.save_pack(pack, source=IMPORTED, source_path=source_path)
    return ImportReport(
        pack=pack,
        previous_version=previous,
        added=len(now - before),
        updated=len(now & before),
        dropped=len(before - now),
        warnings=warnings,
    )
