"""Schema history of the agent's database, applied in order by sqlite-utils migrations.

Never edit a migration that has shipped: add a new one. Each released schema has a sample database
under `tests/fixtures/` that the tests upgrade.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("listen_drill")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    """Profiles, packs and their drills, attempts, and small key/value settings."""
    db.table("profiles").create(
        {"id": int, "uuid": str, "name": str, "created_at": str},
        pk="id",
        not_null={"uuid", "name", "created_at"},
    )
    db.table("profiles").create_index(["uuid"], unique=True)
    db.table("profiles").create_index(["name"], unique=True)
    db.table("packs").create(
        {
            "id": str,
            "title": str,
            "version": str,
            "author": str,
            "language": str,
            "description": str,
            "avoid": str,  # JSON list
            "source": str,  # "bundled" or "imported"
            "source_path": str,
            "imported_at": str,
        },
        pk="id",
        not_null={"title", "version", "source", "imported_at"},
    )
    # Drills outlive their pack's version: a drill dropped from a newer version stays with
    # active = 0, so its attempts keep a statement to point at.
    db.table("drills").create(
        {
            "pack_id": str,
            "id": str,
            "position": int,
            "active": int,
            "statement": str,
            "context": str,
            "emotions": str,
            "intensity": int,
            "key_points": str,
            "skills": str,
            "difficulty": int,
            "exemplars": str,
            "tags": str,
            "avoid": str,
            "notes": str,
        },
        pk=("pack_id", "id"),
        not_null={"statement", "position", "active"},
    )
    # Attempts name their pack and drill by id without a foreign key: removing a pack must never
    # remove history. The statement is copied so an attempt can be shown again as it was.
    db.table("attempts").create(
        {
            "id": int,
            "uuid": str,
            "profile_id": int,
            "pack_id": str,
            "drill_id": str,
            "pack_version": str,
            "statement": str,
            "response": str,
            "overall": int,
            "paraphrase_score": float,
            "paraphrase_level": str,
            "emotion_score": float,
            "emotion_acknowledged": int,
            "question_score": float,
            "question_type": str,
            "language_score": float,
            "feedback": str,  # JSON, the feedback exactly as shown
            "seconds": float,
            "created_at": str,  # ISO 8601, UTC
        },
        pk="id",
        foreign_keys=[("profile_id", "profiles", "id")],
        not_null={"uuid", "profile_id", "pack_id", "drill_id", "response", "overall", "created_at"},
    )
    db.table("attempts").create_index(["uuid"], unique=True)
    db.table("attempts").create_index(["profile_id", "created_at"])
    db.table("attempts").create_index(["pack_id", "drill_id"])
    db.table("settings").create({"key": str, "value": str}, pk="key")


@MIGRATIONS()
def m002_covering_index_for_history(db: Database) -> None:
    """History and statistics read every attempt of a profile in time order: one index that
    holds every number they read lets SQLite answer from the index alone, never touching the
    large rows with their reply and feedback JSON. It replaces (profile_id, created_at), which it
    starts with."""
    db.execute(
        "CREATE INDEX idx_attempts_history ON attempts (profile_id, created_at, id, overall,"
        " paraphrase_score, paraphrase_level, emotion_score, emotion_acknowledged,"
        " question_score, question_type, language_score, seconds, pack_id, drill_id, uuid)"
    )
    db.execute("DROP INDEX IF EXISTS idx_attempts_profile_id_created_at")
