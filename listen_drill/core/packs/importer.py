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
    """What an import changed, and the warnings the author should read.

    Each drill of the pack is counted once: `added` (new to the library), `updated` (its text
    changed), `unchanged`, or `restored` (back after a version without it, or after the pack
    was removed, with the attempts made on it). `dropped` counts drills left out of this version.
    """

    pack: Pack
    previous_version: str | None
    added: int
    updated: int
    dropped: int
    warnings: tuple[Problem, ...] = ()
    unchanged: int = 0
    restored: int = 0

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
        counts = [
            f"{count:,} {what}"
            for count, what in (
                (self.added, "new"),
                (self.updated, "updated"),
                (self.unchanged, "unchanged"),
                (self.restored, f"back with {'its' if self.restored == 1 else 'their'} history"),
            )
            if count
        ]
        parts = [f"{plural(len(pack.drills), 'drill')}: {', '.join(counts)}"]
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
    old = {} if previous is None else {drill.id: drill for drill in store.load_pack(pack.id).drills}
    now = {drill.id: drill for drill in pack.drills}
    unchanged = {drill_id for drill_id, drill in now.items() if old.get(drill_id) == drill}
    coming = now.keys() - old.keys()
    # A drill not in the library now but with attempts on it was here before (left out of a
    # version, or its pack removed): it comes back to its history, it is not new.
    restored = _drills_with_history(store, pack.id, coming) if coming else set()
    store.save_pack(pack, source=IMPORTED, source_path=source_path)
    return ImportReport(
        pack=pack,
        previous_version=previous,
        added=len(coming - restored),
        updated=len((now.keys() & old.keys()) - unchanged),
        dropped=len(old.keys() - now.keys()),
        warnings=warnings,
        unchanged=len(unchanged),
        restored=len(restored),
    )


def _drills_with_history(store: Store, pack_id: str, drill_ids: set[str]) -> set[str]:
    """Which of `drill_ids` have attempts in the store, by any profile."""
    rows = store.attempt_rows(pack_id=pack_id, with_response=False)
    return {row.drill_id for row in rows} & drill_ids
