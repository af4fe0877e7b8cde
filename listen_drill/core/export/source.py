"""Where exported attempts come from: an agent's own store or a team file.

Both keep attempts in a table called `attempts` with the same columns; they differ only in the
table of people (`profiles` or `agents`) and the column that points at it. One `AttemptSource`
reads either with the same SQL as `Store.attempt_rows` and `Store.daily_totals`, so a team's
figures are computed exactly like the agent's dashboard.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from listen_drill.core.export.filters import ExportFilter
from listen_drill.core.models import AttemptRow, Profile
from listen_drill.core.serialize import feedback_from_dict
from listen_drill.core.stats import DailyTotals
from listen_drill.core.store import Store, query_daily_totals

RECORD_COLUMNS = (
    "id",
    "uuid",
    "pack_id",
    "drill_id",
    "pack_version",
    "statement",
    "response",
    "overall",
    "paraphrase_score",
    "paraphrase_level",
    "emotion_score",
    "emotion_acknowledged",
    "question_score",
    "question_type",
    "language_score",
    "feedback",
    "seconds",
    "created_at",
)


@dataclass(frozen=True, slots=True)
class BestReply:
    """A high-scoring reply to show a team lead what good looks like."""

    profile_name: str
    pack_id: str
    drill_id: str
    created_at: str
    overall: int
    statement: str
    response: str
    worked: tuple[str, ...]


class AttemptSource:
    """Read-only access to people and their attempts in an agent store or a team file."""

    def __init__(self, db: Database, people_table: str, person_column: str) -> None:
        self.db = db
        self.people_table = people_table
        self.person_column = person_column

    @classmethod
    def for_store(cls, store: Store) -> AttemptSource:
        return cls(store.db, "profiles", "profile_id")

    def profiles(self) -> list[Profile]:
        return [
            Profile(id=int(r[0]), name=r[1], uuid=r[2], created_at=r[3] or "")
            for r in self.db.execute(
                f"SELECT id, name, uuid, created_at FROM {self.people_table} "
                "ORDER BY name COLLATE NOCASE"
            ).fetchall()
        ]

    def pack_ids(self) -> set[str]:
        """Every pack id an export may name: the bundled packs, the packs in a store's library,
        and any pack an attempt was made on (a removed pack keeps its history)."""
        from listen_drill.core.packs.reserved import bundled_pack_titles

        ids = set(bundled_pack_titles())
        ids.update(row[0] for row in self.db.execute("SELECT DISTINCT pack_id FROM attempts"))
        if self.db["packs"].exists():
            ids.update(row[0] for row in self.db.execute("SELECT id FROM packs"))
        return ids

    def pack_titles(self) -> dict[str, str]:
        """Each known pack's title by id: the bundled packs, then a store's library (a team
        file has none, so its own packs keep their ids)."""
        from listen_drill.core.packs.reserved import bundled_pack_titles

        titles = dict(bundled_pack_titles())
        if self.db["packs"].exists():
            titles.update(
                (str(row[0]), str(row[1] or row[0]))
                for row in self.db.execute("SELECT id, title FROM packs")
            )
        return titles

    def chosen_profiles(self, filters: ExportFilter) -> list[Profile]:
        """The profiles `filters` names, after checking it names a pack that exists."""
        filters.check_pack(self.pack_ids())
        return filters.select(self.profiles())

    def _where(self, profile_id: int | None, filters: ExportFilter) -> tuple[str, list[Any]]:
        since, until = filters.bounds()
        clauses: list[str] = []
        params: list[Any] = []
        for clause, value in (
            (f"{self.person_column} = ?", profile_id),
            ("created_at >= ?", since),
            ("created_at < ?", until),
            ("pack_id = ?", filters.pack_id),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def count(self, profile_id: int | None, filters: ExportFilter) -> int:
        where, params = self._where(profile_id, filters)
        return int(self.db.execute(f"SELECT count(*) FROM attempts {where}", params).fetchone()[0])

    def attempt_rows(
        self, profile_id: int | None, filters: ExportFilter, *, with_response: bool = False
    ) -> list[AttemptRow]:
        """Like `Store.attempt_rows`: oldest first, numbers only unless `with_response`."""
        where, params = self._where(profile_id, filters)
        response = "COALESCE(response, '')" if with_response else "''"
        sql = f"""
            SELECT id, uuid, {self.person_column}, pack_id, drill_id, created_at, overall,
                   paraphrase_score, paraphrase_level, emotion_score, emotion_acknowledged,
                   question_score, question_type, language_score, COALESCE(seconds, 0.0),
                   {response}
            FROM attempts {where} ORDER BY created_at, id
        """
        return [
            AttemptRow._make((*row[:10], None if row[10] is None else bool(row[10]), *row[11:]))
            for row in self.db.conn.execute(sql, params)
        ]

    def daily_totals(self, profile_id: int | None, filters: ExportFilter) -> DailyTotals:
        """Like `Store.daily_totals`: sums per local day, computed by SQLite."""
        where, params = self._where(profile_id, filters)
        return query_daily_totals(self.db.conn, where, params)

    def records(self, profile_id: int | None, filters: ExportFilter) -> Iterator[dict[str, Any]]:
        """Whole attempts as column dicts (feedback still JSON text), oldest first."""
        where, params = self._where(profile_id, filters)
        columns = ", ".join(RECORD_COLUMNS)
        cursor = self.db.conn.execute(
            f"SELECT {columns} FROM attempts {where} ORDER BY created_at, id", params
        )
        for row in cursor:
            yield dict(zip(RECORD_COLUMNS, row, strict=True))

    def statement_of(self, pack_id: str, drill_id: str) -> str:
        """The customer's words of a drill, as its latest attempt copied them."""
        row = self.db.execute(
            "SELECT statement FROM attempts WHERE pack_id = ? AND drill_id = ?"
            " ORDER BY created_at DESC LIMIT 1",
            [pack_id, drill_id],
        ).fetchone()
        return str(row[0] or "") if row else ""

    def best_replies(
        self, profile: Profile, filters: ExportFilter, limit: int = 3, *, min_overall: int = 0
    ) -> list[BestReply]:
        """The highest-scoring replies scoring at least `min_overall`, newest first among
        equals, one per drill: a "best" reply that scored 0 would show a lead bad practice."""
        where, params = self._where(profile.id, filters)
        where = f"{where} AND overall >= ?" if where else "WHERE overall >= ?"
        params = [*params, min_overall]
        sql = f"""
            SELECT pack_id, drill_id, created_at, overall, statement, response, feedback
            FROM attempts {where} ORDER BY overall DESC, created_at DESC LIMIT ?
        """
        chosen: list[BestReply] = []
        seen: set[tuple[str, str]] = set()
        for row in self.db.conn.execute(sql, [*params, limit * 10]):
            key = (row[0], row[1])
            if key in seen:
                continue
            seen.add(key)
            feedback = feedback_from_dict(json.loads(row[6]))
            worked = tuple(f.message for f in feedback.findings if f.worked)
            chosen.append(
                BestReply(
                    profile.name, row[0], row[1], row[2], row[3], row[4] or "", row[5], worked
                )
            )
            if len(chosen) == limit:
                break
        return chosen
