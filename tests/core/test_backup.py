"""Daily backups, damage found at start, and the restore that keeps the damaged file aside."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing, suppress
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from listen_drill.core import backup
from listen_drill.core.backup import (
    KEEP,
    backup_now,
    daily_backup,
    latest_good_backup,
    list_backups,
    restore_latest_backup,
)
from listen_drill.core.integrity import check_file
from listen_drill.core.paths import database_path
from listen_drill.core.store import DamagedStoreError, Store, StoreError
from tests.core.store_helpers import sample_attempt

MORNING = datetime(2024, 3, 4, 9, 0, 0)


def fill(data_dir: Path, attempts: int) -> list[str]:
    with Store.open(data_dir) as store:
        profile = store.current_profile()
        return [store.record_attempt(sample_attempt(profile.id, i)).uuid for i in range(attempts)]


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a bad copy would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xa5" * 8192)


def test_backup_is_a_complete_checked_copy(data_dir: Path) -> None:
    uuids = fill(data_dir, 20)
    info = backup_now(data_dir, now=MORNING)
    assert info.path.name == "listen-drill-20240304-090000.db"
    assert check_file(info.path) == []
    with sqlite3.connect(info.path) as conn:
        saved = {row[0] for row in conn.execute("SELECT uuid FROM attempts")}
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert saved == set(uuids)
    assert journal == "delete"  # stands alone, no WAL file needed
    assert not list(info.path.parent.glob("*.partial"))


def test_backup_while_the_store_is_open_sees_committed_attempts(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        profile = store.current_profile()
        saved = store.record_attempt(sample_attempt(profile.id))
        info = backup_now(data_dir, now=MORNING)  # the attempt is still only in the WAL
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("SELECT uuid FROM attempts").fetchall() == [(saved.uuid,)]


def test_one_backup_a_day_and_the_last_seven_kept(data_dir: Path) -> None:
    fill(data_dir, 1)
    assert daily_backup(data_dir, now=MORNING) is not None
    assert daily_backup(data_dir, now=MORNING + timedelta(hours=8)) is None  # same day
    for day in range(1, 10):
        assert daily_backup(data_dir, now=MORNING + timedelta(days=day)) is not None
    kept = list_backups(data_dir)
    assert len(kept) == KEEP
    assert kept[0].taken_at == MORNING + timedelta(days=9)
    assert kept[-1].taken_at == MORNING + timedelta(days=3)


def test_backups_in_the_same_second_keep_each_other_and_their_order(data_dir: Path) -> None:
    fill(data_dir, 1)
    first = backup_now(data_dir, now=MORNING)
    fill(data_dir, 1)
    second = backup_now(data_dir, now=MORNING)
    assert first.path.name == "listen-drill-20240304-090000.db"
    assert second.path.name == "listen-drill-20240304-090000-1.db"
    with sqlite3.connect(first.path) as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1
    assert list_backups(data_dir) == [second, first]
    assert latest_good_backup(data_dir) == second  # a restore takes the one taken last

    taken = [first, second] + [backup_now(data_dir, now=MORNING) for _ in range(KEEP)]
    assert [info.path.name for info in taken][-1] == "listen-drill-20240304-090000-8.db"
    assert list_backups(data_dir) == taken[::-1][:KEEP]  # the newest seven, newest first
    assert not first.path.exists() and not second.path.exists()
    # A later second still sorts above every numbered backup of an earlier one.
    later = backup_now(data_dir, now=MORNING + timedelta(seconds=1))
    assert list_backups(data_dir)[0] == later


BACKER = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from pathlib import Path
    from listen_drill.core.backup import backup_now

    data_dir, now = Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2])
    for _line in sys.stdin:  # one line a round: every process starts its backup together
        print(backup_now(data_dir, now=now, keep=1000).path, flush=True)
    """
)


def test_two_processes_backing_up_at_once_keep_both_backups_whole(
    data_dir: Path, tmp_path: Path
) -> None:
    """Two copies of the app starting together both back up in the same second: each gets a
    backup of its own, complete and checked, and neither replaces nor corrupts the other."""
    uuids = set(fill(data_dir, 300))  # a file of some size, so the two copies overlap
    rounds = 8
    root = Path(__file__).resolve().parents[2]
    logs = [(tmp_path / f"stderr-{index}.txt").open("w") for index in range(2)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", BACKER, str(data_dir), MORNING.isoformat()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            cwd=root,
            text=True,
        )
        for log in logs
    ]
    made: list[list[str]] = [[], []]
    try:
        for _round in range(rounds):
            for proc in procs:
                assert proc.stdin is not None
                proc.stdin.write("go\n")
                proc.stdin.flush()
            for proc, paths in zip(procs, made, strict=True):
                assert proc.stdout is not None
                paths.append(proc.stdout.readline().strip())
    except BrokenPipeError:
        pass  # a process died: its exit code and stderr say why, below
    finally:
        for proc in procs:
            assert proc.stdin is not None
            with suppress(BrokenPipeError):
                proc.stdin.close()
        codes = [proc.wait(timeout=60) for proc in procs]
        for proc in procs:
            assert proc.stdout is not None
            proc.stdout.close()
        for log in logs:
            log.close()
    errors = [path.read_text() for path in sorted(tmp_path.glob("stderr-*.txt"))]
    assert codes == [0, 0], errors
    backups = [Path(path) for paths in made for path in paths]
    assert all(backups), errors
    assert len(set(backups)) == 2 * rounds, "two processes got the same backup name"
    assert sorted(info.path for info in list_backups(data_dir)) == sorted(backups)
    inodes = {path.stat().st_ino for path in backups}
    assert len(inodes) == 2 * rounds and {path.stat().st_nlink for path in backups} == {1}
    for path in backups:
        assert check_file(path) == [], path
        with closing(sqlite3.connect(path)) as conn:
            assert {row[0] for row in conn.execute("SELECT uuid FROM attempts")} == uuids
    assert not list((data_dir / "backups").glob("*.partial"))


def test_a_name_another_process_claimed_meanwhile_is_never_replaced(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moment the multi-process test hits only now and then, made certain: the free name
    this process chose is taken by another backup before it can give its copy that name."""
    fill(data_dir, 2)
    first = backup_now(data_dir, now=MORNING)
    before = first.path.read_bytes()
    real_free_name = backup._free_name
    stale = iter([first.path])  # what this process saw before the other one claimed it

    def free_name_seen_too_early(folder: Path, taken: datetime) -> Path:
        return next(stale, None) or real_free_name(folder, taken)

    monkeypatch.setattr(backup, "_free_name", free_name_seen_too_early)
    fill(data_dir, 1)
    second = backup_now(data_dir, now=MORNING)
    assert second.path.name == "listen-drill-20240304-090000-1.db"
    assert first.path.read_bytes() == before
    with closing(sqlite3.connect(second.path)) as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 3


def test_a_crashed_backups_leftover_copy_is_removed_later(data_dir: Path) -> None:
    fill(data_dir, 1)
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    old = folder / "listen-drill-20240301-090000.db.partial"  # left by a crash days ago
    old.write_bytes(b"half a copy")
    recent = folder / "listen-drill-20240304-090000.0123abcd.partial"
    recent.write_bytes(b"another process is writing this one")
    hours_ago = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(old, (hours_ago, hours_ago))
    backup_now(data_dir, now=MORNING)
    assert not old.exists()
    assert recent.exists()


def test_other_files_in_the_backup_folder_are_left_alone(data_dir: Path) -> None:
    fill(data_dir, 1)
    stray = data_dir / "backups" / "my-notes.db"
    stray.parent.mkdir(parents=True)
    stray.write_text("mine")
    for day in range(KEEP + 2):
        backup_now(data_dir, now=MORNING + timedelta(days=day))
    assert stray.read_text() == "mine"


def test_backup_without_a_data_file_is_refused(data_dir: Path) -> None:
    with pytest.raises(StoreError, match="no data file"):
        backup_now(data_dir)


def test_a_damaged_file_is_found_at_start_and_restored(data_dir: Path) -> None:
    uuids = fill(data_dir, 300)
    backup_now(data_dir, now=MORNING)
    db_path = database_path(data_dir)
    damage(db_path)
    damaged_bytes = db_path.read_bytes()

    with pytest.raises(DamagedStoreError, match="damaged") as caught:
        Store.open(data_dir)
    assert caught.value.path == db_path
    assert caught.value.problems

    result = restore_latest_backup(data_dir, now=MORNING + timedelta(hours=1))
    assert result.backup.taken_at == MORNING
    assert result.damaged_copy is not None
    assert result.damaged_copy.parent == data_dir / "damaged"
    assert result.damaged_copy.read_bytes() == damaged_bytes  # kept, byte for byte
    with Store.open(data_dir) as store:
        assert {row.uuid for row in store.attempt_rows()} == set(uuids)
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_skips_damaged_backups(data_dir: Path) -> None:
    fill(data_dir, 200)
    older = backup_now(data_dir, now=MORNING)
    newer = backup_now(data_dir, now=MORNING + timedelta(days=1))
    damage(newer.path)
    assert latest_good_backup(data_dir) == older
    result = restore_latest_backup(data_dir)
    assert result.backup == older
    assert newer.path.exists()  # a bad backup is not ours to delete either


def test_restore_without_a_good_backup_moves_nothing(data_dir: Path) -> None:
    fill(data_dir, 5)
    db_path = database_path(data_dir)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="no backup"):
        restore_latest_backup(data_dir)
    assert db_path.read_bytes() == before
    assert not (data_dir / "damaged").exists()


def test_restore_is_refused_while_another_copy_has_the_data_open(data_dir: Path) -> None:
    fill(data_dir, 5)
    backup_now(data_dir, now=MORNING)
    with Store.open(data_dir) as other_copy:
        with pytest.raises(StoreError, match="in use by another copy"):
            restore_latest_backup(data_dir)
        assert other_copy.attempt_count() == 5
    assert restore_latest_backup(data_dir).backup.taken_at == MORNING


def test_a_file_that_is_not_a_database_is_damaged_too(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"not sqlite at all " * 500)
    with pytest.raises(DamagedStoreError, match="cannot be read"):
        Store.open(data_dir)
