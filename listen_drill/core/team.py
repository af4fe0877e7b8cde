"""The team file: many agents' progress files merged into one SQLite database.

A team lead merges the progress files agents send (`merge_progress_files`); the team view and
the team reports read it back through the same `AttemptSource` as an agent's own store, so every
figure is computed exactly as on the agent's dashboard.

The file is plain SQLite made with sqlite-utils (tables `agents`, `attempts`, `imports`,
`day_totals` with `team_settings`, and a view `agent_summary`), so sqlite-utils and Datasette
open it as it is (docs/team.md).

Merging is idempotent: attempts carry UUIDs (unique in `attempts`) and agents are matched by
their profile UUID, so merging the same file twice adds nothing and a newer file from the same
agent adds only its new attempts. Each file is validated completely, then written in one
transaction: a bad file changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from listen_drill.core.export import json_codec
from listen_drill.core.export.filters import EVERYTHING, ExportFilter
from listen_drill.core.export.progress import CancelFn, ExportCancelledError, ProgressFn
from listen_drill.core.export.progress_file import (
    ProgressFile,
    ProgressFileError,
    parse_progress_text,
)
from listen_drill.core.export.report import Trend, recent_trend
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.models import Profile
from listen_drill.core.stats import DailyTotals, DayTotal, SkillAverages, skill_averages
from listen_drill.core.store import DAY_SUMS, day_total, utc_now

TEAM_MIGRATIONS = Migrations("listen_drill_team")


class TeamError(Exception):
    """The team file cannot be used; the message names it and says what to do."""


@TEAM_MIGRATIONS()
def m001_team(db: Database) -> None:
    """Agents, their attempts (same columns as an agent's store) and a log of imports."""
    db.table("agents").create(
        {
            "id": int,
            "uuid": str,  # the agent's profile uuid: how a newer file finds the same agent
            "name": str,
            "created_at": str,
            "first_imported_at": str,
            "last_imported_at": str,
            "last_exported_at": str,
        },
        pk="id",
        not_null={"uuid", "name"},
    )
    db.table("agents").create_index(["uuid"], unique=True)
    db.table("imports").create(
        {
            "id": int,
            "file_name": str,
            "file_path": str,
            "sha256": str,
            "exported_at": str,
            "app_version": str,
            "imported_at": str,
            "agents": str,  # JSON list of agent names in the file
            "attempts_in_file": int,
            "attempts_added": int,
        },
        pk="id",
        not_null={"file_name", "sha256", "imported_at"},
    )
    db.table("imports").create_index(["sha256"])
    db.table("attempts").create(
        {
            "id": int,
            "uuid": str,
            "agent_id": int,
            "import_id": int,
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
            "feedback": str,
            "seconds": float,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("agent_id", "agents", "id"), ("import_id", "imports", "id")],
        not_null={"uuid", "agent_id", "pack_id", "drill_id", "response", "overall", "created_at"},
    )
    db.table("attempts").create_index(["uuid"], unique=True)
    # Like the agent store's history index: the team view reads numbers from the index alone.
    db.execute(
        "CREATE INDEX idx_team_attempts_numbers ON attempts (agent_id, created_at, id, overall,"
        " paraphrase_score, paraphrase_level, emotion_score, emotion_acknowledged,"
        " question_score, question_type, language_score, seconds, pack_id, drill_id, uuid)"
    )
    # For Datasette and sqlite-utils users: one row per agent, scores on the 0-100 scale.
    db.execute(
        """
        CREATE VIEW agent_summary AS
        SELECT agents.name AS agent, agents.uuid AS agent_uuid, count(attempts.id) AS attempts,
               round(avg(attempts.overall), 1) AS overall,
               round(100 * avg(attempts.paraphrase_score), 1) AS paraphrase,
               round(100 * avg(attempts.emotion_score), 1) AS emotion,
               round(100 * avg(attempts.question_score), 1) AS question,
               round(100 * avg(attempts.language_score), 1) AS language,
               min(attempts.created_at) AS first_attempt, max(attempts.created_at) AS last_attempt
        FROM agents LEFT JOIN attempts ON attempts.agent_id = agents.id
        GROUP BY agents.id ORDER BY agents.name COLLATE NOCASE
        """
    )


# Each agent's attempts summed per local day, the team view's figures. The sums come from the
# same grouped query over the attempts (same rows, same order), so they are the live figures.
_DAY_TOTALS_SELECT = (
    f"SELECT agent_id, {DAY_SUMS} FROM attempts {{where}} GROUP BY agent_id, day"
    " ORDER BY agent_id, day"
)
# Local days depend on the machine's time zone: the zone's UTC offset at noon UTC on every other
# day of 2020-2035, as SQLite's 'localtime' sees it, identifies the zone the totals were made in.
_ZONE_SIGNATURE_SQL = """
    WITH RECURSIVE days(n) AS (SELECT 0 UNION ALL SELECT n + 2 FROM days WHERE n < 5842)
    SELECT group_concat(
        strftime('%s', datetime(2458850.0 + n, 'localtime')) - strftime('%s', 2458850.0 + n), ',')
    FROM days
"""
_ZONE_KEY = "day_totals_zone"


@TEAM_MIGRATIONS()
def m002_day_totals(db: Database) -> None:
    """The team view's daily sums, kept up to date by each merge (a team of 400,000 attempts
    showed in about a second when summed at every view; read from here, in a fraction)."""
    db.execute(
        "CREATE TABLE day_totals (agent_id INTEGER NOT NULL REFERENCES agents(id), day TEXT,"
        " attempts INTEGER, overall_sum REAL, paraphrase_sum REAL, paraphrase_count INTEGER,"
        " emotion_sum REAL, emotion_count INTEGER, question_sum REAL, question_count INTEGER,"
        " language_sum REAL, language_count INTEGER)"
    )
    db.execute("CREATE INDEX idx_day_totals_agent_day ON day_totals (agent_id, day)")
    db.execute("CREATE TABLE team_settings (key TEXT PRIMARY KEY, value TEXT)")
    _rebuild_day_totals(db.conn)


def _zone_signature(conn: sqlite3.Connection) -> str:
    offsets = str(conn.execute(_ZONE_SIGNATURE_SQL).fetchone()[0])
    return hashlib.sha256(offsets.encode()).hexdigest()


def _rebuild_day_totals(conn: sqlite3.Connection, agent_ids: Sequence[int] | None = None) -> None:
    """Sum the attempts per day again: for some agents after a merge, or for all when the file
    is new to this version or the machine's time zone changed."""
    if agent_ids is None:
        conn.execute("DELETE FROM day_totals")
        where: str = ""
        params: list[int] = []
    else:
        marks = ", ".join("?" * len(agent_ids))
        conn.execute(f"DELETE FROM day_totals WHERE agent_id IN ({marks})", list(agent_ids))
        where, params = f"WHERE agent_id IN ({marks})", list(agent_ids)
    conn.execute(f"INSERT INTO day_totals {_DAY_TOTALS_SELECT.format(where=where)}", params)
    if agent_ids is None:
        conn.execute(
            "INSERT OR REPLACE INTO team_settings (key, value) VALUES (?, ?)",
            [_ZONE_KEY, _zone_signature(conn)],
        )


_INSERT_COLUMNS = (
    "uuid",
    "agent_id",
    "import_id",
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
_INSERT_SQL = (
    f"INSERT OR IGNORE INTO attempts ({', '.join(_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
)


class TeamDb:
    """An open team file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
            self.db = Database(conn)
            self.db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL never corrupts the file; a power cut may undo the last merge, which
            # merging again redoes (merges are idempotent). Saves an fsync per file.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA cache_size=-65536")
            # A merge writes a file's attempts at a time; checkpointing the WAL every 4 MB (the
            # default) rewrote the same index pages over and over as the file grew.
            self.db.execute("PRAGMA wal_autocheckpoint=20000")
            self.db.execute("PRAGMA foreign_keys=ON")
            existing = set(self.db.table_names())
            if existing and "agents" not in existing and "_sqlite_migrations" not in existing:
                conn.close()
                raise TeamError(
                    f"{path}: this SQLite file is not a listen-drill team file "
                    "(it has no agents table). Choose another file or a new name."
                )
            TEAM_MIGRATIONS.apply(self.db)
        except sqlite3.DatabaseError as error:
            raise TeamError(
                f"{path}: not a team file, or it is damaged ({error}). "
                "Choose another file or a new name."
            ) from error
        self.source = AttemptSource(self.db, "agents", "agent_id")
        self._zone_signature: str | None = None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> TeamDb:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def agents(self) -> list[Profile]:
        return self.source.profiles()

    def attempt_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM attempts").fetchone()[0])

    def imports(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM imports ORDER BY id"))

    def already_imported(self, sha256: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM imports WHERE sha256 = ?", [sha256]).fetchone()
            is not None
        )

    def merge(
        self, progress_file: ProgressFile, sha256: str, cancel: CancelFn | None = None
    ) -> int:
        """Add the file's new agents and attempts in one transaction; return attempts added."""
        conn = self.db.conn
        now = utc_now()
        conn.execute("BEGIN IMMEDIATE")
        try:
            before = conn.total_changes
            cursor = conn.execute(
                "INSERT INTO imports (file_name, file_path, sha256, exported_at, app_version,"
                " imported_at, agents, attempts_in_file, attempts_added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [
                    progress_file.path.name,
                    str(progress_file.path),
                    sha256,
                    progress_file.exported_at,
                    progress_file.app_version,
                    now,
                    json.dumps([p.name for p in progress_file.profiles], ensure_ascii=False),
                    progress_file.attempt_count,
                ],
            )
            import_id = cursor.lastrowid
            added = 0
            grown: list[int] = []
            for profile in progress_file.profiles:
                agent_id = self._agent_id(
                    profile.uuid, profile.name, profile.created_at, progress_file.exported_at, now
                )
                before = conn.total_changes
                conn.executemany(
                    _INSERT_SQL,
                    (_attempt_values(a, agent_id, import_id) for a in profile.attempts),
                )
                if conn.total_changes > before:
                    grown.append(agent_id)
                added += conn.total_changes - before
                if cancel is not None and cancel():
                    raise ExportCancelledError("merge cancelled")
            if grown:
                self._refresh_day_totals(grown)
            conn.execute("UPDATE imports SET attempts_added = ? WHERE id = ?", [added, import_id])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return added

    def _zone(self) -> str:
        """This machine's zone signature, worked out once per open file (it takes some ms)."""
        if self._zone_signature is None:
            self._zone_signature = _zone_signature(self.db.conn)
        return self._zone_signature

    def _refresh_day_totals(self, agent_ids: Sequence[int]) -> None:
        """Within the caller's transaction: these agents' day totals again, or everyone's when
        they were made in another time zone."""
        if self._day_totals_zone() != self._zone():
            _rebuild_day_totals(self.db.conn)
        else:
            _rebuild_day_totals(self.db.conn, agent_ids)

    def _day_totals_zone(self) -> str | None:
        row = self.db.execute(
            "SELECT value FROM team_settings WHERE key = ?", [_ZONE_KEY]
        ).fetchone()
        return None if row is None else str(row[0])

    def day_totals(self) -> sqlite3.Cursor:
        """Every agent's sums per local day, oldest first (`_DAY_TOTALS_SELECT`'s columns);
        summed again first when the machine's time zone is not the one they were made in."""
        conn = self.db.conn
        if self._day_totals_zone() != self._zone():
            conn.execute("BEGIN IMMEDIATE")
            try:
                _rebuild_day_totals(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return conn.execute("SELECT * FROM day_totals ORDER BY agent_id, day")

    def _agent_id(self, uuid: str, name: str, created_at: str, exported_at: str, now: str) -> int:
        row = self.db.execute(
            "SELECT id, last_exported_at FROM agents WHERE uuid = ?", [uuid]
        ).fetchone()
        if row is None:
            cursor = self.db.conn.execute(
                "INSERT INTO agents (uuid, name, created_at, first_imported_at,"
                " last_imported_at, last_exported_at) VALUES (?, ?, ?, ?, ?, ?)",
                [uuid, name, created_at, now, now, exported_at],
            )
            return int(cursor.lastrowid or 0)
        agent_id, last_exported = int(row[0]), row[1] or ""
        if exported_at >= last_exported:  # the newest file names the agent (they may rename)
            self.db.conn.execute(
                "UPDATE agents SET name = ?, last_imported_at = ?, last_exported_at = ?"
                " WHERE id = ?",
                [name, now, exported_at, agent_id],
            )
        return agent_id


def _attempt_values(
    attempt: dict[str, Any], agent_id: int, import_id: int | None
) -> tuple[Any, ...]:
    scores = attempt["scores"]
    labels = attempt["labels"]
    emotion = labels.get("emotion")
    return (
        attempt["uuid"],
        agent_id,
        import_id,
        attempt["pack_id"],
        attempt["drill_id"],
        attempt.get("pack_version") or "",
        attempt["statement"],
        attempt["response"],
        scores["overall"],
        scores.get("paraphrase"),
        labels.get("paraphrase"),
        scores.get("emotion"),
        None if emotion is None else int(emotion == "yes"),
        scores.get("question"),
        labels.get("question"),
        scores.get("language"),
        json_codec.dumps_compact(attempt["feedback"]),
        attempt["seconds"],
        attempt["created_at"],
    )


# -- merging ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileMerge:
    """What happened to one file: attempts added, or why it was refused."""

    path: Path
    added: int = 0
    in_file: int = 0
    agents: tuple[str, ...] = ()
    already_imported: bool = False
    error: str = ""


@dataclass(slots=True)
class MergeReport:
    files: list[FileMerge] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def errors(self) -> list[FileMerge]:
        return [f for f in self.files if f.error]


def merge_progress_file(team: TeamDb, path: Path, cancel: CancelFn | None = None) -> FileMerge:
    """Validate one file completely, then merge it in one transaction.

    Raises ProgressFileError (nothing written) when the file cannot be used.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProgressFileError(path, f"cannot read the file ({error.strerror}).") from None
    sha256 = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgressFileError(
            path, "not a listen-drill progress file: it is not UTF-8 text."
        ) from None
    parsed = parse_progress_text(path, text)
    names = tuple(p.name for p in parsed.profiles)
    if team.already_imported(sha256):
        return FileMerge(path, 0, parsed.attempt_count, names, already_imported=True)
    added = team.merge(parsed, sha256, cancel)
    return FileMerge(path, added, parsed.attempt_count, names)


def merge_progress_files(
    paths: Sequence[Path],
    team_db: Path | TeamDb,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> MergeReport:
    """Merge each file into the team file; a bad file is reported and the others still merge.

    Cancel stops before the next file (the file being merged is rolled back); what was merged
    so far stays, and merging the same files again later adds only the rest.
    """
    team = team_db if isinstance(team_db, TeamDb) else TeamDb(team_db)
    report = MergeReport()
    try:
        for done, path in enumerate(paths):
            if cancel is not None and cancel():
                raise ExportCancelledError("merge cancelled")
            if progress is not None:
                progress(done, len(paths))
            try:
                report.files.append(merge_progress_file(team, path, cancel))
            except ProgressFileError as error:
                report.files.append(FileMerge(path, error=str(error)))
        if progress is not None:
            progress(len(paths), len(paths))
    finally:
        if not isinstance(team_db, TeamDb):
            team.close()
    return report


# -- the team view's numbers ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgentOverview:
    """One row of the team view."""

    agent: Profile
    averages: SkillAverages
    trend: Trend
    last_day: date | None

    @property
    def attempts(self) -> int:
        return self.averages.attempts


def team_overview(team: TeamDb, filters: ExportFilter = EVERYTHING) -> list[AgentOverview]:
    """Every agent's averages and recent trend: from the day totals each merge keeps, or, for
    a span of days or one pack, from one grouped query over the index."""
    where, params = team.source._where(None, filters)
    rows = (
        team.db.conn.execute(_DAY_TOTALS_SELECT.format(where=where), params)
        if where
        else team.day_totals()  # profiles are chosen below, so any choice of them reads these
    )
    days: dict[int, list[DayTotal]] = defaultdict(list)
    for row in rows:
        if row[1] is not None:  # a timestamp SQLite cannot read has no day
            days[row[0]].append(day_total(row[1:]))
    agents = filters.select(team.agents())
    return [_overview(agent, DailyTotals(tuple(days.get(agent.id, ())))) for agent in agents]


def _overview(agent: Profile, totals: DailyTotals) -> AgentOverview:
    return AgentOverview(
        agent=agent,
        averages=skill_averages(totals),
        trend=recent_trend(totals),
        last_day=totals.days[-1].day if totals.days else None,
    )


def names_of(merges: Iterable[FileMerge]) -> list[str]:
    return sorted({name for merge in merges for name in merge.agents})
