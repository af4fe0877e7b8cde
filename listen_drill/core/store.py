"""The agent's local history: one SQLite file, opened through sqlite-utils.

Every write that belongs together runs in one `db.atomic()` block, so a crash or a refused pack
never leaves half a change behind.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from listen_drill.core.integrity import check_connection
from listen_drill.core.lock import DataLock, LockBusyError
from listen_drill.core.migrations import MIGRATIONS
from listen_drill.core.models import (
    Attempt,
    AttemptRow,
    Drill,
    DrillContext,
    KeyPoint,
    Pack,
    Profile,
    Skill,
)
from listen_drill.core.paths import HOME_ENV, database_path
from listen_drill.core.serialize import feedback_from_dict, feedback_to_dict
from listen_drill.core.stats import DailyTotals, DayTotal

DEFAULT_PROFILE_NAME = "Agent"
# How long a write waits for another copy of the app to finish its own (each is one attempt).
BUSY_TIMEOUT_SECONDS = 5.0
LAST_PROFILE_KEY = "last_profile_id"


# A column aliased `name [listen_drill_flag]` comes back as a bool instead of SQLite's 0/1.
_FLAG = "listen_drill_flag"
sqlite3.register_converter(_FLAG, lambda value: value not in (b"0", b""))


class StoreError(Exception):
    """A problem with the data file that the user can act on (shown, not raised as a bug)."""


class DamagedStoreError(StoreError):
    """SQLite reports the data file damaged; `backup.restore_latest_backup` is the way back.

    The message says what is wrong and what to do; SQLite's own words (page numbers, error
    codes) are in `problems` and `details`, for a details section or support, not the headline.
    """

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            f"{path}: the data file is damaged and cannot be read. "
            "Restore the newest backup (`listen-drill restore`; the damaged file is kept aside), "
            "or move the file away to start afresh."
        )

    @property
    def details(self) -> str:
        """What SQLite reported, one problem a line."""
        return "\n".join(self.problems)


class DataFolderNotWritableError(StoreError):
    """The data folder cannot be written (read-only disk, permissions, a file in the way).

    Not damage: the file may be perfectly sound, so the message points at the folder and at
    `--data-dir`/`LISTEN_DRILL_HOME`, never at a restore.
    """

    def __init__(self, folder: Path, cause: str, *, what: str = "data folder") -> None:
        self.folder = folder
        self.cause = cause
        super().__init__(
            f"The {what} {folder} is read-only or not writable ({cause}), so listen-drill "
            "cannot keep your history there. Make it writable, or use another folder: "
            f"listen-drill --data-dir DIR, or set {HOME_ENV}=DIR."
        )

    @classmethod
    def from_os_error(cls, folder: Path, error: OSError) -> DataFolderNotWritableError:
        """From the OSError of making or writing in the folder ("read-only file system")."""
        return cls(folder, (error.strerror or str(error)).lower())


class StoreWriteError(StoreError):
    """SQLite refused a write (read-only file, full disk): nothing was saved, nothing damaged."""

    def __init__(self, path: Path, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path} could not be written: {cause}.")


class StoreNeedsUpgradeError(StoreError):
    """The file's schema is older than this version and reading it needs an upgrade first.

    Raised when opening read-only finds a migration due (upgrading writes the file);
    `Store.for_reading` upgrades instead where the file and folder may be written, so a user
    sees it only for a read-only folder or file, and the message names the folder and the fix.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        start = (
            f"{path} was saved by an older version of listen-drill and must be upgraded before "
            "it can be read"
        )
        if is_writable(path) and is_writable(path.parent):
            message = f"{start}: start listen-drill once with this data folder to upgrade it."
        else:
            message = (
                f"{start}, which needs write access to its data folder {path.parent}, and the "
                "folder (or the file) is read-only or not writable. Make them writable and "
                "export again: the file is upgraded first. Or copy the folder somewhere writable "
                "and export from the copy: listen-drill --data-dir COPY export ..."
            )
        super().__init__(message)


def is_writable(path: Path) -> bool:
    """Whether this process may write `path` now, as its effective user, read-only disks too."""
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)  # pragma: no cover - Windows


def _write_failure(path: Path, error: sqlite3.OperationalError) -> str | None:
    """Why a write failed when the cause is the file or disk, not the data; None otherwise."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code not in _WRITE_FAILURE_CODES:
        return None
    if path.exists() and not is_writable(path):
        return f"the file is read-only ({error})"
    if not is_writable(path.parent):
        return f"its folder is read-only ({error})"
    return str(error)


# SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the disk said no.
_WRITE_FAILURE_CODES = frozenset({3, 8, 10, 13, 14})


def utc_now() -> str:
    """Timestamps are stored as ISO 8601 in UTC so they sort and compare as text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class PackSummary:
    """What the pack list shows without loading every drill."""

    id: str
    title: str
    version: str
    source: str
    drill_count: int
    description: str = ""
    source_path: str = ""  # a bundled pack's file name in drills/; an import's path


class Store:
    """Profiles, packs and attempts in one SQLite file."""

    def __init__(self, path: Path, *, check: bool = True, read_only: bool = False) -> None:
        """Open (or create) the data file, check it is sound, and bring its schema up to date.

        Raises DamagedStoreError when SQLite finds the file damaged (`check=False` skips the
        start-up `quick_check`, for tools that scan many files), StoreError when it cannot be
        opened at all or a restore is replacing it right now.

        `read_only=True` is for readers such as exports: it neither creates nor migrates the
        file and needs no write access to it or its folder (see `for_reading`); writes are then
        refused by SQLite and raise StoreWriteError.
        """
        self.path = path
        self.read_only = read_only
        try:
            if read_only:
                if not path.is_file():
                    raise StoreError(
                        f"There is no data file {path} yet, so there is no history to read. "
                        f"Check the folder (listen-drill --data-dir DIR, or {HOME_ENV}=DIR)."
                    )
                self._lock = DataLock(path, exclusive=False).acquire_for_reading()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._lock = DataLock(path, exclusive=False).acquire()
        except LockBusyError as error:
            raise StoreError(
                f"{path}: the data file is being restored from a backup; try again in a moment."
            ) from error
        except OSError as error:  # the folder cannot be made or the lock file written in it
            raise DataFolderNotWritableError.from_os_error(path.parent, error) from error
        try:
            if read_only:
                conn = _retry_while_busy(lambda: _connect_for_reading(path))
            else:
                conn = _connect(str(path))
        except sqlite3.Error as error:
            self._lock.release()
            raise StoreError(f"{path}: cannot open the data file ({error})") from error
        except StoreError:
            self._lock.release()
            raise
        self.db = Database(conn)
        try:
            problems = _retry_while_busy(lambda: self._prepare(check))
        except StoreWriteError as error:  # a migration could not be saved: read-only, not damaged
            conn.close()
            self._lock.release()
            raise DataFolderNotWritableError(path, error.cause, what="data file") from error
        except sqlite3.OperationalError as error:
            if _is_busy(error):  # another copy held the file for longer than we waited
                conn.close()
                self._lock.release()
                raise StoreError(
                    f"{path}: the data file is busy in another copy of listen-drill; "
                    "try again in a moment."
                ) from error
            if not read_only and not is_writable(path.parent):
                # SQLite cannot even read a WAL file without writing its -shm beside it: a
                # read-only folder looks like "unable to open database file", not damage.
                conn.close()
                self._lock.release()
                raise DataFolderNotWritableError(path.parent, str(error)) from error
            problems = [str(error)]
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        except StoreNeedsUpgradeError:
            conn.close()
            self._lock.release()
            raise
        if problems:
            conn.close()
            self._lock.release()
            raise DamagedStoreError(path, problems)

    def _prepare(self, check: bool) -> list[str]:
        """Journal, durability, foreign keys, the soundness check, then migrations.

        Read-only, the journal mode is left as the file has it and a pending migration raises
        StoreNeedsUpgradeError: queries written for the current schema would fail on an old one.
        """
        if self.read_only:
            problems = check_connection(self.db.conn) if check else []
            if not problems and MIGRATIONS.pending(self.db):
                raise StoreNeedsUpgradeError(self.path)
            return problems
        self.db.execute("PRAGMA journal_mode=WAL")
        # FULL: an attempt shown as saved survives a power cut too; one fsync per submit.
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        problems = check_connection(self.db.conn) if check else []
        if not problems:
            self._migrate()
        return problems

    def _migrate(self) -> None:
        """Apply pending migrations under one write lock, so two copies starting together on a
        new folder take turns instead of both creating the same tables."""
        with self.write():
            MIGRATIONS.apply(self.db)

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction that holds SQLite's write lock from its first statement.

        `BEGIN IMMEDIATE` waits (up to the busy timeout) for another copy of the app to finish
        its write, where a plain `BEGIN` that read first would fail at once with "database is
        locked" once the other copy committed. Every write in the store goes through here;
        nested `db.atomic()` blocks inside become savepoints. A write the disk refuses (read-only
        file or folder, full disk) is rolled back and raises StoreWriteError.
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:
            # A read-only file or a full disk is something the user can act on, not a bug.
            cause = _write_failure(self.path, error)
            if cause is None:
                raise
            raise StoreWriteError(self.path, cause) from error

    def unwritable_reason(self) -> str | None:
        """Why nothing could be saved to the file right now, or None when it can be written.

        Lets the app warn at start instead of at the first reply that cannot be saved.
        """
        if not is_writable(self.path):
            return "the file is read-only"
        if self.read_only or self.db.execute("PRAGMA query_only").fetchone()[0]:
            return "it is open read-only"
        return None

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        return cls(database_path(data_dir))

    @classmethod
    def for_reading(cls, path: Path, *, check: bool = True) -> Store:
        """Open an existing data file only to read it (exports), as the folder allows.

        A read-only data folder (a copy a team lead was given, a locked-down machine) still
        opens: no folder or lock file is made, nothing is migrated or backed up. A file whose
        schema is out of date is upgraded when it and its folder may be written, as any start
        of the app would; otherwise StoreNeedsUpgradeError says how to get it upgraded.
        """
        try:
            return cls(path, check=check, read_only=True)
        except StoreNeedsUpgradeError:
            if not (is_writable(path) and is_writable(path.parent)):
                raise
        return cls(path, check=check)

    @classmethod
    def open_for_reading(cls, data_dir: Path) -> Store:
        """`for_reading` on the data file in `data_dir`."""
        return cls.for_reading(database_path(data_dir))

    def close(self) -> None:
        self.db.close()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- settings -------------------------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write():
            self.db.table("settings").upsert({"key": key, "value": value}, pk="key")

    # -- profiles -------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        return [
            _profile_from_row(row)
            for row in self.db.query("SELECT * FROM profiles ORDER BY name COLLATE NOCASE")
        ]

    def create_profile(self, name: str) -> Profile:
        clean = name.strip()
        if not clean:
            raise StoreError("A profile needs a name.")
        if any(p.name.casefold() == clean.casefold() for p in self.profiles()):
            raise StoreError(f"A profile called {clean!r} already exists.")
        try:
            with self.write():
                table = self.db.table("profiles")
                table.insert({"uuid": str(uuid.uuid4()), "name": clean, "created_at": utc_now()})
                profile_id = int(table.last_pk or 0)
        except sqlite3.IntegrityError as error:  # another copy of the app took the name meanwhile
            raise StoreError(f"A profile called {clean!r} already exists.") from error
        return self.profile(profile_id)

    def profile(self, profile_id: int) -> Profile:
        rows = list(self.db.query("SELECT * FROM profiles WHERE id = ?", [profile_id]))
        if not rows:
            raise StoreError(f"No profile with id {profile_id}.")
        return _profile_from_row(rows[0])

    def rename_profile(self, profile_id: int, name: str) -> Profile:
        """Give a profile a new name; names stay unique ignoring case."""
        clean = name.strip()
        if not clean:
            raise StoreError("A profile needs a name.")
        self.profile(profile_id)  # names the missing profile clearly
        clash = self.db.execute(
            "SELECT 1 FROM profiles WHERE name = ? COLLATE NOCASE AND id != ?", [clean, profile_id]
        ).fetchone()
        if clash:
            raise StoreError(f"A profile called {clean!r} already exists.")
        try:
            with self.write():
                self.db.execute("UPDATE profiles SET name = ? WHERE id = ?", [clean, profile_id])
        except sqlite3.IntegrityError as error:  # another copy of the app took the name meanwhile
            raise StoreError(f"A profile called {clean!r} already exists.") from error
        return self.profile(profile_id)

    def switch_profile(self, profile_id: int) -> Profile:
        """Make this profile the current one; the next start opens it."""
        profile = self.profile(profile_id)
        self.set_setting(LAST_PROFILE_KEY, str(profile.id))
        return profile

    def current_profile(self) -> Profile:
        """The profile used last, or a first one made on the spot so a first start just works."""
        last = self.get_setting(LAST_PROFILE_KEY)
        if last.isdigit():
            try:
                return self.profile(int(last))
            except StoreError:
                pass
        existing = self.profiles()
        if not existing:
            with suppress(StoreError):  # a second copy of the app made it at the same moment
                self.create_profile(DEFAULT_PROFILE_NAME)
            existing = self.profiles()
        profile = existing[0]
        self.set_setting(LAST_PROFILE_KEY, str(profile.id))
        return profile

    # -- packs ----------------------------------------------------------------------------

    def save_pack(self, pack: Pack, *, source: str, source_path: str = "") -> None:
        """Add or update a pack atomically; drills update by id, dropped ones go inactive."""
        with self.write():
            self.db.table("packs").upsert(
                {
                    "id": pack.id,
                    "title": pack.title,
                    "version": pack.version,
                    "author": pack.author,
                    "language": pack.language,
                    "description": pack.description,
                    "avoid": json.dumps(list(pack.avoid)),
                    "source": source,
                    "source_path": source_path,
                    "imported_at": utc_now(),
                },
                pk="id",
            )
            self.db.execute("UPDATE drills SET active = 0 WHERE pack_id = ?", [pack.id])
            self.db.table("drills").upsert_all(
                (
                    _drill_to_row(pack.id, position, drill)
                    for position, drill in enumerate(pack.drills)
                ),
                pk=("pack_id", "id"),
            )

    def packs(self) -> list[PackSummary]:
        sql = """
            SELECT p.id, p.title, p.version, p.source, p.description, p.source_path,
                   (SELECT COUNT(*) FROM drills d WHERE d.pack_id = p.id AND d.active = 1) AS n
            FROM packs p ORDER BY p.source = 'imported', p.source_path, p.title COLLATE NOCASE
        """
        return [
            PackSummary(
                id=row["id"],
                title=row["title"],
                version=row["version"],
                source=row["source"],
                drill_count=int(row["n"]),
                description=row["description"] or "",
                source_path=row["source_path"] or "",
            )
            for row in self.db.query(sql)
        ]

    def pack_versions(self) -> dict[str, str]:
        return {row["id"]: row["version"] for row in self.db.query("SELECT id, version FROM packs")}

    def load_pack(self, pack_id: str) -> Pack:
        rows = list(self.db.query("SELECT * FROM packs WHERE id = ?", [pack_id]))
        if not rows:
            raise StoreError(f"No pack with id {pack_id!r}.")
        row = rows[0]
        drills = tuple(
            _drill_from_row(drill_row)
            for drill_row in self.db.query(
                "SELECT * FROM drills WHERE pack_id = ? AND active = 1 ORDER BY position",
                [pack_id],
            )
        )
        return Pack(
            id=row["id"],
            title=row["title"],
            version=row["version"],
            drills=drills,
            author=row["author"] or "",
            language=row["language"] or "en",
            description=row["description"] or "",
            avoid=tuple(json.loads(row["avoid"] or "[]")),
        )

    def drill_ids(self, pack_id: str) -> set[str]:
        """Ids of the pack's current drills (not those dropped by a newer version)."""
        rows = self.db.execute(
            "SELECT id FROM drills WHERE pack_id = ? AND active = 1", [pack_id]
        ).fetchall()
        return {row[0] for row in rows}

    def installed_drills(
        self, keys: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[str, str]]:
        """(pack title, statement) of each (pack id, drill id) still installed; others left out.

        For lists that offer drills by name ("Practise next"): a drill dropped from its pack or
        a removed pack cannot be opened, so it is not offered.
        """
        wanted = set(keys)
        packs = sorted({pack for pack, _drill in wanted})
        if not packs:
            return {}
        sql = """
            SELECT d.pack_id, d.id, p.title, d.statement FROM drills d
            JOIN packs p ON p.id = d.pack_id
            WHERE d.active = 1 AND d.pack_id IN ({})
        """.format(", ".join("?" * len(packs)))
        rows = self.db.execute(sql, packs).fetchall()
        return {(row[0], row[1]): (row[2], row[3]) for row in rows if (row[0], row[1]) in wanted}

    def remove_pack(self, pack_id: str) -> None:
        """Forget a pack and its drills; attempts made on it stay in history."""
        with self.write():
            self.db.execute("DELETE FROM drills WHERE pack_id = ?", [pack_id])
            deleted = self.db.execute("DELETE FROM packs WHERE id = ?", [pack_id]).rowcount
        if not deleted:
            raise StoreError(f"No pack with id {pack_id!r}.")

    # -- attempts -------------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt) -> Attempt:
        """Commit one attempt in its own transaction and return it with its row id."""
        with self.write():
            table = self.db.table("attempts")
            table.insert(_attempt_to_row(attempt))
            row_id = int(table.last_pk or 0)
        return _replace_id(attempt, row_id)

    def attempt_count(self, profile_id: int | None = None) -> int:
        if profile_id is None:
            return int(self.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])
        return int(
            self.db.execute(
                "SELECT COUNT(*) FROM attempts WHERE profile_id = ?", [profile_id]
            ).fetchone()[0]
        )

    def attempts(self, profile_id: int | None = None) -> list[Attempt]:
        """Attempts, oldest first."""
        return list(self.iter_attempts(profile_id))

    def iter_attempts(self, profile_id: int | None = None) -> Iterator[Attempt]:
        if profile_id is None:
            rows = self.db.query("SELECT * FROM attempts ORDER BY created_at, id")
        else:
            rows = self.db.query(
                "SELECT * FROM attempts WHERE profile_id = ? ORDER BY created_at, id",
                [profile_id],
            )
        for row in rows:
            yield attempt_from_row(row)

    def attempt_rows(
        self,
        profile_id: int | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        pack_id: str | None = None,
        with_response: bool = True,
        latest: int | None = None,
    ) -> list[AttemptRow]:
        """Attempts' numbers, oldest first, filtered; one query, no JSON parsing.

        `since` and `until` are ISO timestamps or dates compared as text (`until` exclusive).
        `with_response=False` leaves `response` empty: the numbers then come from one covering
        index without reading the large rows, the fast way to scan 100,000 attempts.
        `latest=N` keeps only the newest N (still returned oldest first).
        """
        return query_attempt_rows(
            self.db.conn,
            profile_id,
            since=since,
            until=until,
            pack_id=pack_id,
            with_response=with_response,
            latest=latest,
        )

    def attempt_ids_matching(self, profile_id: int | None, text: str) -> set[int]:
        """Ids of attempts whose reply or statement contains `text`, ignoring case.

        Lets a history view load rows without reply text (`with_response=False`, less memory)
        and still filter by words: SQLite scans the text, Python holds only the ids.
        """
        needle = text.strip().casefold()
        if not needle:
            return set()
        sql = (
            "SELECT id FROM attempts WHERE (instr(lower(response), ?) > 0"
            " OR instr(lower(statement), ?) > 0)"
        )
        params: list[Any] = [needle, needle]
        if profile_id is not None:
            sql += " AND profile_id = ?"
            params.append(profile_id)
        return {row[0] for row in self.db.conn.execute(sql, params)}

    def has_answered(self, profile_id: int, pack_id: str, drill_id: str) -> bool:
        """Whether the profile has ever submitted a reply to this drill: where a pack resumes.

        One indexed look-up on (pack_id, drill_id) that stops at the first of this profile's
        attempts, asked drill by drill until an unanswered one: under a millisecond for a pack
        of 33,000 attempts, where reading the pack's rows to collect the ids took 140 ms on the
        window's thread each time a pack opened.
        """
        sql = "SELECT 1 FROM attempts WHERE pack_id = ? AND drill_id = ? AND profile_id = ? LIMIT 1"
        return self.db.conn.execute(sql, [pack_id, drill_id, profile_id]).fetchone() is not None

    def answered_statements(
        self, profile_id: int, keys: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], str]:
        """The statement each (pack id, drill id) had when the profile last answered it, as its
        attempts copied it; keys the profile never answered are left out.

        History names drills by the words the agent answered, which a re-import may since
        have reworded or a removal dropped. One indexed lookup a drill: the (pack_id, drill_id)
        index ends in the row id, so the newest attempt is the first it finds, and only that
        row is read (attempts are inserted as they are made, so the highest id is the latest).
        """
        sql = (
            "SELECT statement FROM attempts WHERE pack_id = ? AND drill_id = ?"
            " AND profile_id = ? ORDER BY id DESC LIMIT 1"
        )
        found: dict[tuple[str, str], str] = {}
        for pack_id, drill_id in set(keys):
            row = self.db.conn.execute(sql, [pack_id, drill_id, profile_id]).fetchone()
            if row is not None and row[0]:
                found[(pack_id, drill_id)] = str(row[0])
        return found

    def daily_totals(
        self,
        profile_id: int | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        pack_id: str | None = None,
    ) -> DailyTotals:
        """Attempts summed per day in the machine's time zone, by SQLite from the covering index.

        The dashboard's fast path: a year of practice comes back as a few hundred `DayTotal`s,
        which `stats.period_series`, `skill_averages`, `attempts_per_day` and `current_streak`
        accept in place of rows. Same filters as `attempt_rows`.
        """
        where, params = attempts_where(profile_id, since, until, pack_id)
        return query_daily_totals(self.db.conn, where, params)

    def attempt(self, attempt_id: int) -> Attempt:
        """One attempt with its full feedback, to show it again exactly as it was."""
        rows = list(self.db.query("SELECT * FROM attempts WHERE id = ?", [attempt_id]))
        if not rows:
            raise StoreError(f"No attempt with id {attempt_id}.")
        return attempt_from_row(rows[0])


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many rows at once.

    100,000 new tuples trigger hundreds of collections that each walk the growing list and find
    nothing to free (rows hold no cycles); pausing saves about a sixth of the load time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


T = TypeVar("T")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _retry_while_busy(action: Callable[[], T], seconds: float = BUSY_TIMEOUT_SECONDS) -> T:
    """Run `action`, retrying while another process holds the file.

    Switching a brand-new file to WAL can fail with "database is locked" at once, without
    SQLite's busy handler waiting, when two copies of the app start on an empty folder
    together. A locked file is busy, not damaged: it must never be reported as damage.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def attempts_where(
    profile_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    pack_id: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters every attempts query filters by (None: no filter)."""
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in (
        ("profile_id = ?", profile_id),
        ("created_at >= ?", since),
        ("created_at < ?", until),
        ("pack_id = ?", pack_id),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


# The columns of one local day's sums, for a GROUP BY over attempts; `day_total` reads them.
DAY_SUMS = """date(created_at, 'localtime') AS day, count(*), total(overall),
    total(paraphrase_score), count(paraphrase_score), total(emotion_score), count(emotion_score),
    total(question_score), count(question_score), total(language_score), count(language_score)"""


def day_total(row: Sequence[Any]) -> DayTotal:
    """A `DayTotal` from `DAY_SUMS`'s columns (the day must not be NULL)."""
    return DayTotal(
        day=date.fromisoformat(row[0]),
        attempts=row[1],
        overall_sum=row[2],
        skill_sums=(row[3], row[5], row[7], row[9]),
        skill_counts=(row[4], row[6], row[8], row[10]),
    )


def query_daily_totals(conn: sqlite3.Connection, where: str, params: list[Any]) -> DailyTotals:
    """Attempts summed per local day by SQLite: the dashboard's and the team report's fast path."""
    sql = f"SELECT {DAY_SUMS} FROM attempts {where} GROUP BY day ORDER BY day"
    return DailyTotals(
        tuple(
            day_total(row)
            for row in conn.execute(sql, params)
            if row[0] is not None  # a timestamp SQLite cannot read has no day
        )
    )


def query_attempt_rows(
    conn: sqlite3.Connection,
    profile_id: int | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    pack_id: str | None = None,
    with_response: bool = True,
    latest: int | None = None,
) -> list[AttemptRow]:
    """The query behind `Store.attempt_rows`, on any connection opened with PARSE_COLNAMES."""
    where, params = attempts_where(profile_id, since, until, pack_id)
    response = "COALESCE(response, '')" if with_response else "''"
    order = "ORDER BY created_at, id"
    if latest is not None:
        order = "ORDER BY created_at DESC, id DESC LIMIT ?"
        params.append(max(0, latest))
    # `[flag]` makes the sqlite3 module turn the stored 0/1 into a bool (PARSE_COLNAMES).
    sql = f"""
        SELECT id, uuid, profile_id, pack_id, drill_id, created_at, overall,
               paraphrase_score, paraphrase_level, emotion_score,
               emotion_acknowledged AS "emotion_acknowledged [{_FLAG}]",
               question_score, question_type, language_score, COALESCE(seconds, 0.0),
               {response}
        FROM attempts {where} {order}
    """
    with _gc_paused():
        rows = list(map(AttemptRow._make, conn.execute(sql, params)))
    if latest is not None:
        rows.reverse()
    return rows


def _connect(database: str, *, uri: bool = False) -> sqlite3.Connection:
    """A connection as the store uses it: autocommit (`write()` begins its own transactions),
    the busy timeout, and `[flag]` column types."""
    return sqlite3.connect(
        database,
        uri=uri,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
        detect_types=sqlite3.PARSE_COLNAMES,
    )


def _connect_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to `path`, even when its folder cannot be written.

    SQLite reads a WAL file only through its `-shm` index: it creates one beside the file, or
    uses one that is there already (read-only too). In a read-only folder without one, the file
    is read as `immutable` (no locks, no `-shm`), which is right only when no `-wal` journal
    holds changes beside it: with one, StoreError says so rather than show an older history.
    """
    uri = path.absolute().as_uri()  # a relative --data-dir has no URI of its own
    try:
        return _opened(_connect(f"{uri}?mode=ro", uri=True))
    except sqlite3.OperationalError as error:
        if _is_busy(error) or is_writable(path.parent):
            raise
    journal = path.with_name(path.name + "-wal")
    if journal.is_file() and journal.stat().st_size > 0:
        raise StoreError(
            f"{path} cannot be read: its journal {journal.name} holds recent changes, which "
            f"SQLite reads only with write access to the data folder {path.parent}, and the "
            "folder cannot be written. Make it writable, or copy the folder (with "
            f"{journal.name}) somewhere writable and use that copy: listen-drill --data-dir COPY"
        )
    return _opened(_connect(f"{uri}?mode=ro&immutable=1", uri=True))


def _opened(conn: sqlite3.Connection) -> sqlite3.Connection:
    """`conn` once SQLite has really opened the file (it does so at the first read), or the
    OperationalError that opening raised, the connection closed. A file that is not a database
    is returned as it is: `Store._prepare` reports it as damage, as on any open."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        raise
    except sqlite3.DatabaseError:
        pass
    return conn


def read_attempt_rows(path: Path, profile_id: int, latest: int | None = None) -> list[AttemptRow]:
    """A profile's attempt rows (the `latest` ones only, if given), oldest first, read through a
    connection of its own.

    For a worker thread: a sqlite3 connection belongs to the thread that opened it, so the
    history view's background load opens this one (read-only) instead of sharing the store's.
    """
    conn = sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, timeout=5.0, detect_types=sqlite3.PARSE_COLNAMES
    )
    try:
        return query_attempt_rows(conn, profile_id, with_response=False, latest=latest)
    finally:
        conn.close()


def new_attempt_uuid() -> str:
    return str(uuid.uuid4())


def _profile_from_row(row: dict[str, Any]) -> Profile:
    return Profile(
        id=int(row["id"]), name=row["name"], uuid=row["uuid"], created_at=row["created_at"]
    )


def _drill_to_row(pack_id: str, position: int, drill: Drill) -> dict[str, Any]:
    return {
        "pack_id": pack_id,
        "id": drill.id,
        "position": position,
        "active": 1,
        "statement": drill.statement,
        "context": json.dumps(
            {
                "channel": drill.context.channel,
                "customer": drill.context.customer,
                "situation": drill.context.situation,
            }
        ),
        "emotions": json.dumps(list(drill.emotions)),
        "intensity": drill.intensity,
        "key_points": json.dumps(
            [{"text": kp.text, "synonyms": list(kp.synonyms)} for kp in drill.key_points]
        ),
        "skills": json.dumps([skill.value for skill in drill.skills]),
        "difficulty": drill.difficulty,
        "exemplars": json.dumps(list(drill.exemplars)),
        "tags": json.dumps(list(drill.tags)),
        "avoid": json.dumps(list(drill.avoid)),
        "notes": drill.notes,
    }


def _drill_from_row(row: dict[str, Any]) -> Drill:
    return Drill(
        id=row["id"],
        statement=row["statement"],
        context=DrillContext(**json.loads(row["context"] or "{}")),
        emotions=tuple(json.loads(row["emotions"] or "[]")),
        intensity=int(row["intensity"] or 2),
        key_points=tuple(
            KeyPoint(text=item["text"], synonyms=tuple(item.get("synonyms", ())))
            for item in json.loads(row["key_points"] or "[]")
        ),
        skills=tuple(Skill(value) for value in json.loads(row["skills"] or "[]")),
        difficulty=int(row["difficulty"] or 1),
        exemplars=tuple(json.loads(row["exemplars"] or "[]")),
        tags=tuple(json.loads(row["tags"] or "[]")),
        avoid=tuple(json.loads(row["avoid"] or "[]")),
        notes=row["notes"] or "",
    )


def _attempt_to_row(attempt: Attempt) -> dict[str, Any]:
    feedback = attempt.feedback
    by_skill = {result.skill: result for result in feedback.skills}

    def score_of(skill: Skill) -> float | None:
        result = by_skill.get(skill)
        return None if result is None or not result.asked else round(result.score, 4)

    def label_of(skill: Skill) -> str | None:
        result = by_skill.get(skill)
        return None if result is None else result.label

    emotion_label = label_of(Skill.EMOTION)
    return {
        "uuid": attempt.uuid,
        "profile_id": attempt.profile_id,
        "pack_id": attempt.pack_id,
        "drill_id": attempt.drill_id,
        "pack_version": attempt.pack_version,
        "statement": attempt.statement,
        "response": attempt.response,
        "overall": feedback.overall,
        "paraphrase_score": score_of(Skill.PARAPHRASE),
        "paraphrase_level": label_of(Skill.PARAPHRASE),
        "emotion_score": score_of(Skill.EMOTION),
        "emotion_acknowledged": None if emotion_label is None else int(emotion_label == "yes"),
        "question_score": score_of(Skill.QUESTION),
        "question_type": label_of(Skill.QUESTION),
        "language_score": score_of(Skill.LANGUAGE),
        "feedback": json.dumps(feedback_to_dict(feedback)),
        "seconds": round(attempt.seconds, 3),
        "created_at": attempt.created_at,
    }


def attempt_from_row(row: dict[str, Any]) -> Attempt:
    """Rebuild an attempt, feedback included, from its row in `attempts`."""
    return Attempt(
        id=int(row["id"]),
        uuid=row["uuid"],
        profile_id=int(row["profile_id"]),
        pack_id=row["pack_id"],
        drill_id=row["drill_id"],
        pack_version=row["pack_version"] or "",
        statement=row["statement"] or "",
        response=row["response"],
        feedback=feedback_from_dict(json.loads(row["feedback"])),
        seconds=float(row["seconds"] or 0.0),
        created_at=row["created_at"],
    )


def _replace_id(attempt: Attempt, row_id: int) -> Attempt:
    from dataclasses import replace

    return replace(attempt, id=row_id)
