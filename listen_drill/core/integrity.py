"""SQLite's own consistency checks, run on the data file at start and on every backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def check_connection(conn: sqlite3.Connection, *, thorough: bool = False) -> list[str]:
    """Problems SQLite finds in an open database; an empty list means it is sound.

    `quick_check` (the default, used at every start) verifies every page and record in time
    linear in the file size; `integrity_check` also cross-checks indexes against their tables and
    is used where a wrong answer costs more (choosing a backup to restore).
    Raises sqlite3.DatabaseError when the file is not a database at all.
    """
    pragma = "integrity_check" if thorough else "quick_check"
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def check_file(path: Path, *, thorough: bool = True, immutable: bool = False) -> list[str]:
    """Check a database file opened read-only; unreadable files report why instead of raising.

    `immutable=True` reads the file without SQLite's locks and without its `-shm` file, which a
    read-only folder cannot hold: right only when no `-wal` journal holds changes beside it.
    """
    if not path.is_file():
        return [f"{path} does not exist"]
    mode = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return check_connection(conn, thorough=thorough)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()
