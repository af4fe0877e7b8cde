"""A data folder or file that cannot be written is named as such, never called damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from listen_drill.core.backup import backup_now, restore_latest_backup
from listen_drill.core.paths import database_path
from listen_drill.core.store import (
    DamagedStoreError,
    DataFolderNotWritableError,
    Store,
    StoreError,
    StoreNeedsUpgradeError,
    StoreWriteError,
)
from tests.core.store_helpers import sample_attempt
from tests.unwritable import (
    as_unprivileged_user,
    make_file_read_only,
    make_folder_read_only,
    reachable_folder,
)


def test_a_read_only_data_folder_is_named_with_the_way_out() -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            store.current_profile()
        make_folder_read_only(data_dir)
        with as_unprivileged_user(), pytest.raises(DataFolderNotWritableError) as caught:
            Store.open(data_dir)
    message = str(caught.value)
    assert f"data folder {data_dir} is read-only" in message
    assert "--data-dir" in message and "LISTEN_DRILL_HOME" in message
    assert not isinstance(caught.value, DamagedStoreError)


def test_a_file_in_place_of_the_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DataFolderNotWritableError) as caught:
        Store.open(blocker / "data")
    assert "not a directory" in str(caught.value)
    assert "--data-dir" in str(caught.value)


def test_backup_and_restore_in_a_read_only_folder_say_so() -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            store.current_profile()
        make_folder_read_only(data_dir)
        with as_unprivileged_user():
            with pytest.raises(DataFolderNotWritableError):
                backup_now(data_dir)
            with pytest.raises(DataFolderNotWritableError):
                restore_latest_backup(data_dir)


def test_a_read_only_file_opens_says_so_and_refuses_writes_cleanly() -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            profile = store.current_profile()
        db_path = make_file_read_only(data_dir)
        with as_unprivileged_user(), Store.open(data_dir) as store:
            assert store.unwritable_reason() == "the file is read-only"
            with pytest.raises(StoreWriteError) as caught:
                store.record_attempt(sample_attempt(profile.id))
            assert store.attempt_count() == 0
    assert str(db_path) in str(caught.value) and "read-only" in str(caught.value)


def test_sqlite_refusing_a_write_raises_a_store_error(store: Store) -> None:
    """`query_only` makes SQLite itself refuse writes, whoever runs the test."""
    profile = store.current_profile()
    assert store.unwritable_reason() is None
    store.db.execute("PRAGMA query_only=ON")
    assert store.unwritable_reason() == "it is open read-only"
    with pytest.raises(StoreWriteError, match="readonly database"):
        store.record_attempt(sample_attempt(profile.id))
    store.db.execute("PRAGMA query_only=OFF")
    assert store.attempt_count() == 0


def test_restore_says_what_is_missing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(StoreError, match=r"no data file .* and no backup"):
        restore_latest_backup(data_dir)
    with Store.open(data_dir) as store:
        store.current_profile()
    with pytest.raises(StoreError, match=r"There are no backups in .* yet") as caught:
        restore_latest_backup(data_dir)
    assert "passes its check" not in str(caught.value)
    assert database_path(data_dir).is_file()


# -- reading only (exports) ----------------------------------------------------------------

V1_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.db"


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file in `folder` with its size and modification time: what a reader must not change."""
    return {path.name: (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.iterdir()}


def test_a_read_only_data_folder_opens_for_reading_and_stays_as_it_was() -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            profile = store.current_profile()
            saved = [store.record_attempt(sample_attempt(profile.id, i)).uuid for i in range(5)]
        make_folder_read_only(data_dir)
        before = folder_state(data_dir)
        with as_unprivileged_user(), Store.open_for_reading(data_dir) as reader:
            assert [p.name for p in reader.profiles()] == [profile.name]
            assert [row.uuid for row in reader.attempt_rows(profile.id)] == saved
            assert reader.unwritable_reason() is not None
            with pytest.raises(StoreWriteError):
                reader.record_attempt(sample_attempt(profile.id))
        assert folder_state(data_dir) == before


def test_a_copy_taken_while_the_app_was_open_reads_its_journal_too() -> None:
    """A folder copied mid-session holds the newest attempts in `-wal`, beside its `-shm`."""
    with reachable_folder() as root:
        data_dir, copy = root / "data", root / "copy"
        with Store.open(data_dir) as store:
            profile = store.current_profile()
            store.db.execute("PRAGMA wal_autocheckpoint=0")  # keep them in the journal
            saved = [store.record_attempt(sample_attempt(profile.id, i)).uuid for i in range(3)]
            shutil.copytree(data_dir, copy)
        assert (copy / "listen-drill.db-wal").stat().st_size > 0
        make_folder_read_only(copy)
        with as_unprivileged_user(), Store.open_for_reading(copy) as reader:
            assert [row.uuid for row in reader.attempt_rows(profile.id)] == saved


def test_a_journal_without_its_index_in_a_read_only_folder_is_named_not_misread() -> None:
    """Without `-shm` and write access SQLite cannot read `-wal`; reading the file alone would
    silently show an older history, so the reader says so instead."""
    with reachable_folder() as root:
        data_dir, copy = root / "data", root / "copy"
        with Store.open(data_dir) as store:
            profile = store.current_profile()
            store.db.execute("PRAGMA wal_autocheckpoint=0")
            store.record_attempt(sample_attempt(profile.id))
            shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("*-shm"))
        make_folder_read_only(copy)
        with as_unprivileged_user(), pytest.raises(StoreError) as caught:
            Store.open_for_reading(copy)
    message = str(caught.value)
    assert str(copy) in message and "listen-drill.db-wal" in message
    assert "--data-dir" in message
    assert not isinstance(caught.value, DamagedStoreError)


def test_an_old_file_in_a_read_only_folder_says_how_to_get_it_upgraded() -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        data_dir.mkdir()
        shutil.copyfile(V1_FIXTURE, database_path(data_dir))
        make_folder_read_only(data_dir)
        with as_unprivileged_user(), pytest.raises(StoreNeedsUpgradeError) as caught:
            Store.open_for_reading(data_dir)
        message = str(caught.value)
        assert f"data folder {data_dir}" in message and "read-only or not writable" in message
        assert "older version" in message and "--data-dir" in message
        assert not isinstance(caught.value, DamagedStoreError)

        data_dir.chmod(0o755)  # made writable: reading upgrades it, as a start of the app would
        database_path(data_dir).chmod(0o644)
        with as_unprivileged_user(), Store.open_for_reading(data_dir) as reader:
            assert reader.attempt_count() > 0


def test_reading_a_folder_with_no_data_file_makes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "typo"
    with pytest.raises(StoreError, match="no data file") as caught:
        Store.open_for_reading(data_dir)
    assert "--data-dir" in str(caught.value)
    assert not data_dir.exists()


def test_reading_a_file_that_is_not_a_database_calls_it_damaged(tmp_path: Path) -> None:
    tmp_path.joinpath("listen-drill.db").write_bytes(b"not sqlite at all " * 500)
    with pytest.raises(DamagedStoreError):
        Store.open_for_reading(tmp_path)


def test_a_reader_without_write_access_still_holds_off_a_restore() -> None:
    """The shared lock is taken through a read-only descriptor, so someone who may write the
    folder cannot replace the file in the middle of an export."""
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            store.current_profile()
        backup_now(data_dir)
        make_folder_read_only(data_dir)
        with as_unprivileged_user():
            reader = Store.open_for_reading(data_dir)
        try:
            data_dir.chmod(0o755)  # the folder's owner, who may write it, tries a restore
            for path in data_dir.iterdir():
                path.chmod(0o644)
            with pytest.raises(StoreError, match="in use by another copy"):
                restore_latest_backup(data_dir)
        finally:
            reader.close()
        assert restore_latest_backup(data_dir).damaged_copy is not None
