"""The store on a real SQLite file: first start, packs by id, attempts kept."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from listen_drill.core.models import Attempt, Drill, Feedback, Pack, Skill, SkillResult
from listen_drill.core.store import Store, StoreError, new_attempt_uuid, utc_now


def make_pack(*drill_ids: str, version: str = "1") -> Pack:
    drills = tuple(Drill(id=drill_id, statement=f"Statement {drill_id}") for drill_id in drill_ids)
    return Pack(id="p", title="Pack", version=version, drills=drills)


def make_attempt(profile_id: int, drill_id: str = "a", overall: int = 70) -> Attempt:
    feedback = Feedback(
        overall=overall,
        skills=(
            SkillResult(Skill.PARAPHRASE, 0.5, "simple"),
            SkillResult(Skill.EMOTION, 1.0, "yes"),
        ),
        findings=(),
    )
    return Attempt(
        uuid=new_attempt_uuid(),
        profile_id=profile_id,
        pack_id="p",
        drill_id=drill_id,
        statement="Statement",
        response="You sound worried.",
        feedback=feedback,
        seconds=12.5,
        created_at=utc_now(),
    )


def test_first_start_on_an_empty_folder_creates_everything(data_dir: Path) -> None:
    assert not data_dir.exists()
    with Store.open(data_dir) as store:
        profile = store.current_profile()
        assert profile.name == "Agent"
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (data_dir / "listen-drill.db").is_file()


def test_reopening_applies_no_migration_twice(data_dir: Path) -> None:
    Store.open(data_dir).close()
    with Store.open(data_dir) as store:
        names = [row["name"] for row in store.db["_sqlite_migrations"].rows]
    assert names == sorted(set(names))


def test_attempt_round_trips_with_its_feedback(store: Store) -> None:
    profile = store.current_profile()
    saved = store.record_attempt(make_attempt(profile.id))
    assert saved.id is not None
    loaded = store.attempts(profile.id)
    assert loaded == [saved]
    row = next(iter(store.db["attempts"].rows))
    assert row["paraphrase_level"] == "simple"
    assert row["emotion_acknowledged"] == 1


def test_attempt_for_unknown_profile_is_refused(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.record_attempt(make_attempt(profile_id=999))
    assert store.attempt_count() == 0


def test_new_pack_version_updates_drills_by_id_and_keeps_history(store: Store) -> None:
    profile = store.current_profile()
    store.save_pack(make_pack("a", "b"), source="imported")
    store.record_attempt(make_attempt(profile.id, drill_id="b"))
    store.save_pack(make_pack("a", "c", version="2"), source="imported")
    assert [d.id for d in store.load_pack("p").drills] == ["a", "c"]
    assert store.attempts(profile.id)[0].drill_id == "b"
    dropped = store.db.execute("SELECT active FROM drills WHERE id = 'b'").fetchone()[0]
    assert dropped == 0


def test_removing_a_pack_keeps_its_attempts(store: Store) -> None:
    profile = store.current_profile()
    store.save_pack(make_pack("a"), source="imported")
    store.record_attempt(make_attempt(profile.id))
    store.remove_pack("p")
    assert store.packs() == []
    assert store.attempt_count(profile.id) == 1
    with pytest.raises(StoreError, match="No pack"):
        store.remove_pack("p")


def test_profile_names_are_unique_ignoring_case(store: Store) -> None:
    store.create_profile("Sam")
    with pytest.raises(StoreError, match="already exists"):
        store.create_profile(" sam ")


def test_a_file_that_is_not_sqlite_gets_a_clear_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "listen-drill.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot be read"):
        Store.open(data_dir)


def test_last_profile_is_remembered(store: Store) -> None:
    store.current_profile()
    sam = store.create_profile("Sam")
    store.set_setting("last_profile_id", str(sam.id))
    assert store.current_profile() == sam


def test_attempt_rows_carry_the_numbers_and_filter(store: Store) -> None:
    profile = store.current_profile()
    other = store.create_profile("Sam")
    first = store.record_attempt(make_attempt(profile.id, overall=40))
    store.record_attempt(make_attempt(other.id, overall=90))
    rows = store.attempt_rows(profile.id)
    assert [(row.uuid, row.overall) for row in rows] == [(first.uuid, 40)]
    assert rows[0].paraphrase_level == "simple"
    assert rows[0].emotion_acknowledged is True
    assert rows[0].question_score is None
    assert len(store.attempt_rows()) == 2
    assert store.attempt_rows(since="2999-01-01") == []
    assert store.attempt(first.id or 0) == first


def test_attempt_rows_without_reply_text_and_only_the_latest(store: Store) -> None:
    profile = store.current_profile()
    saved = [store.record_attempt(make_attempt(profile.id, overall=n)) for n in (10, 20, 30)]
    full = store.attempt_rows(profile.id)
    assert [row.response for row in full] == ["You sound worried."] * 3
    lean = store.attempt_rows(profile.id, with_response=False)
    assert [row.response for row in lean] == ["", "", ""]
    assert [row._replace(response="") for row in full] == lean
    latest = store.attempt_rows(profile.id, latest=2)
    assert [row.uuid for row in latest] == [saved[1].uuid, saved[2].uuid]  # oldest first
    assert store.attempt_rows(profile.id, latest=0) == []


def test_text_filter_runs_in_sqlite(store: Store) -> None:
    profile = store.current_profile()
    other = store.create_profile("Sam")
    worried = store.record_attempt(make_attempt(profile.id))
    store.record_attempt(make_attempt(other.id))
    assert store.attempt_ids_matching(profile.id, "  WORRIED ") == {worried.id}
    assert store.attempt_ids_matching(profile.id, "statement") == {worried.id}
    assert len(store.attempt_ids_matching(None, "worried")) == 2
    assert store.attempt_ids_matching(profile.id, "parcel") == set()
    assert store.attempt_ids_matching(profile.id, "   ") == set()


def test_installed_drills_names_only_drills_that_can_still_be_opened(store: Store) -> None:
    store.save_pack(make_pack("a", "b"), source="imported")
    store.save_pack(make_pack("a", "c", version="2"), source="imported")  # "b" dropped
    wanted = [("p", "a"), ("p", "b"), ("p", "c"), ("gone", "a")]
    assert store.installed_drills(wanted) == {
        ("p", "a"): ("Pack", "Statement a"),
        ("p", "c"): ("Pack", "Statement c"),
    }
    assert store.installed_drills([]) == {}
    store.remove_pack("p")
    assert store.installed_drills(wanted) == {}


def test_answered_statements_are_the_words_each_profile_last_answered(store: Store) -> None:
    """History names drills by the words answered, which outlive a rewording or a removal."""
    agent = store.current_profile()
    other = store.create_profile("Other")
    for profile_id, statement in (
        (agent.id, "Old words"),
        (agent.id, "New words"),
        (other.id, "Other words"),
    ):
        store.record_attempt(replace(make_attempt(profile_id), statement=statement))
    store.record_attempt(replace(make_attempt(agent.id, drill_id="b"), statement=""))
    wanted = [("p", "a"), ("p", "b"), ("p", "never"), ("gone", "a")]
    assert store.answered_statements(agent.id, wanted) == {("p", "a"): "New words"}
    assert store.answered_statements(other.id, wanted) == {("p", "a"): "Other words"}
    assert store.answered_statements(agent.id, []) == {}


def test_has_answered_is_per_profile_and_per_drill(store: Store) -> None:
    """Where a pack resumes: another profile's attempts, or another drill's, don't count."""
    agent = store.current_profile()
    other = store.create_profile("Other")
    store.record_attempt(make_attempt(agent.id))
    assert store.has_answered(agent.id, "p", "a")
    assert not store.has_answered(other.id, "p", "a")
    assert not store.has_answered(agent.id, "p", "b")
    assert not store.has_answered(agent.id, "gone", "a")
