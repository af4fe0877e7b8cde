"""Importing packs into a real store: all or nothing, updates by drill id, history kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from listen_drill.core import store as store_module
from listen_drill.core.packs import PackError, load_pack_file, validate_file
from listen_drill.core.packs.importer import import_pack, import_pack_file
from listen_drill.core.session import DrillSession
from listen_drill.core.store import Store

DRILL = """
[[drills]]
id = "{id}"
statement = "{statement}"
emotions = ["frustrated"]
exemplars = ["So it happened again and that is frustrating. What would help most?"]
"""


def write_pack(folder: Path, version: str, drills: dict[str, str], name: str = "p.toml") -> Path:
    text = f'[pack]\nid = "refunds"\ntitle = "Refunds"\nversion = "{version}"\n' + "".join(
        DRILL.format(id=drill_id, statement=statement) for drill_id, statement in drills.items()
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def attempt_on(store: Store, drill_id: str) -> None:
    pack = store.load_pack("refunds")
    session = DrillSession(store, pack, store.current_profile().id)
    while session.drill.id != drill_id:
        session.next()
    session.submit("So it happened again. What would help?")


def test_a_new_version_updates_drills_by_id_and_keeps_history(store: Store, tmp_path: Path) -> None:
    first = write_pack(tmp_path, "1", {"late": "It is late.", "lost": "It is lost."})
    report = import_pack_file(store, first)
    assert (report.added, report.updated, report.dropped) == (2, 0, 0)
    attempt_on(store, "late")
    attempt_on(store, "lost")

    second = write_pack(tmp_path, "2", {"late": "It is late again.", "broken": "It broke."})
    report = import_pack_file(store, second)
    assert (report.previous_version, report.added, report.updated, report.dropped) == (
        "1",
        1,
        1,
        1,
    )
    assert "1 dropped (their history is kept)" in report.summary()
    pack = store.load_pack("refunds")
    assert pack.version == "2"
    assert [drill.id for drill in pack.drills] == ["late", "broken"]
    assert pack.drill("late").statement == "It is late again."
    rows = store.attempt_rows()
    assert sorted(row.drill_id for row in rows) == ["late", "lost"]
    assert {row.pack_id for row in rows} == {"refunds"}
    # The dropped drill's row stays, inactive, so its attempts keep a statement to point at.
    kept = store.db.execute(
        "SELECT active, statement FROM drills WHERE pack_id = 'refunds' AND id = 'lost'"
    ).fetchone()
    assert kept == (0, "It is lost.")

    # Bringing the drill back in a later version links the old attempts to it again; it is
    # counted as back with its history, not as new.
    third = write_pack(tmp_path, "3", {"late": "Late.", "lost": "Lost again."})
    report = import_pack_file(store, third)
    assert (report.added, report.updated, report.restored, report.dropped) == (0, 1, 1, 1)
    assert "2 drills: 1 updated, 1 back with its history; 1 dropped" in report.summary()
    assert store.drill_ids("refunds") == {"late", "lost"}
    assert len(store.attempt_rows(pack_id="refunds")) == 2


def test_a_refused_pack_changes_nothing(store: Store, tmp_path: Path) -> None:
    import_pack_file(store, write_pack(tmp_path, "1", {"late": "It is late."}))
    broken = write_pack(tmp_path, "2", {"late": "Late.", "lost": "   "}, name="broken.toml")
    with pytest.raises(PackError) as refused:
        import_pack_file(store, broken)
    assert "drills[1].statement: is empty" in str(refused.value)
    assert store.pack_versions()["refunds"] == "1"
    assert store.load_pack("refunds").drill("late").statement == "It is late."


def test_a_failure_while_writing_rolls_the_whole_import_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_pack_file(store, write_pack(tmp_path, "1", {"a": "A.", "b": "B."}))
    real = store_module._drill_to_row

    def fail_on_third(pack_id: str, position: int, drill: object) -> dict[str, object]:
        if position == 2:
            raise OSError("disk full")
        return real(pack_id, position, drill)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "_drill_to_row", fail_on_third)
    update = write_pack(tmp_path, "2", {"a": "A2.", "b": "B2.", "c": "C2."}, name="v2.toml")
    with pytest.raises(OSError):
        import_pack_file(store, update)
    pack = store.load_pack("refunds")
    assert pack.version == "1"
    assert [(drill.id, drill.statement) for drill in pack.drills] == [("a", "A."), ("b", "B.")]


def test_removing_a_pack_keeps_its_attempts(store: Store, tmp_path: Path) -> None:
    import_pack_file(store, write_pack(tmp_path, "1", {"late": "It is late."}))
    attempt_on(store, "late")
    store.remove_pack("refunds")
    assert "refunds" not in store.pack_versions()
    [row] = store.attempt_rows()
    assert row.pack_id == "refunds" and row.drill_id == "late"
    assert store.attempts()[0].statement == "It is late."


def test_a_pack_may_not_take_a_bundled_pack_id(library_store: Store, tmp_path: Path) -> None:
    """An import under a bundled id would replace the bundled pack: refused, with the fix."""
    before = library_store.packs()
    bundled_id = before[0].id
    path = tmp_path / "mine.toml"
    path.write_text(
        f'[pack]\nid = "{bundled_id}"\ntitle = "Mine"\nversion = "9"\n'
        + DRILL.format(id="x", statement="Mine."),
        encoding="utf-8",
    )
    with pytest.raises(PackError) as refused:
        import_pack_file(library_store, path)
    [problem] = refused.value.errors
    assert (problem.source, problem.line, problem.where) == (str(path), 2, "pack.id")
    assert f"choose another id, e.g. '{bundled_id}-team'" in problem.message
    assert library_store.packs() == before
    assert library_store.load_pack(bundled_id).title == before[0].title


def test_a_csv_pack_with_a_bundled_id_names_the_row_of_the_id(
    library_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "pack_id,pack_title,pack_version,id,statement,exemplars\n"
        ",,,,,\n"
        'fundamentals,Mine,9,x,Mine.,"So it happened again. What would help most?"\n',
        encoding="utf-8",
    )
    [problem] = validate_file(path).errors
    assert (problem.line, problem.where) == (3, "pack.id")
    assert "'fundamentals-team'" in problem.message


def test_import_pack_refuses_a_bundled_id_even_without_validation(
    library_store: Store, tmp_path: Path
) -> None:
    path = write_pack(tmp_path, "1", {"x": "Mine."})
    pack = dataclasses.replace(load_pack_file(path), id="fundamentals")
    with pytest.raises(PackError, match="bundled pack 'Fundamentals'"):
        import_pack(library_store, pack, str(path))
    assert library_store.load_pack("fundamentals").title == "Fundamentals"


def test_every_bundled_pack_is_valid() -> None:
    drills = Path(__file__).parents[3] / "drills"
    for path in sorted(drills.glob("*.toml")):
        validation = validate_file(path, score_exemplars=False)
        assert validation.errors == [], "\n".join(map(str, validation.errors))
