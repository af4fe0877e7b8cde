"""Every released schema, kept as a sample database, upgrades to today's with nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from listen_drill.core.migrations import MIGRATIONS
from listen_drill.core.paths import database_path
from listen_drill.core.store import Store

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures").glob("schema_v*.db"))
TABLES = ("profiles", "packs", "drills", "attempts", "settings")


def table_rows(path: Path, table: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        conn.close()


def test_there_is_a_fixture_for_the_first_release() -> None:
    assert [path.name for path in FIXTURES][:1] == ["schema_v1.db"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_released_schema_upgrades_with_nothing_lost(fixture: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    target = database_path(data_dir)
    shutil.copyfile(fixture, target)
    before = {table: table_rows(fixture, table) for table in TABLES}
    assert before["attempts"], "a fixture without attempts proves nothing"

    with Store.open(data_dir) as store:
        applied = [row["name"] for row in store.db["_sqlite_migrations"].rows]
        assert applied == [
            migration.name for migration in MIGRATIONS.pending(Database(memory=True))
        ]
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The store reads the old rows through today's code.
        assert store.current_profile().name == "Sam"
        assert store.load_pack("fixture-pack").drills[0].id == "late-parcel"
        first = store.attempt(1)
        assert first.feedback.overall == before["attempts"][0]["overall"]
        assert first.response == before["attempts"][0]["response"]
        rows = store.attempt_rows(1)
        assert [row.uuid for row in rows] == [
            row["uuid"] for row in before["attempts"] if row["profile_id"] == 1
        ]

    for table in TABLES:  # every row and every column that existed is still there, unchanged
        after = table_rows(target, table)
        assert len(after) == len(before[table]), table
        for old, new in zip(before[table], after, strict=True):
            assert {key: new[key] for key in old} == old, table
