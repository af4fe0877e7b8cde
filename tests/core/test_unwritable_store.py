"""A data folder or file that cannot be written is named as such, never called damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from listen_drill.core.backup import backup_now, restore_latest_backup
from listen_drill.core.paths import database_path
from listen_drill.core.store import (
    DamagedStoreError,
    DataFolderNotWritableError,
    Store,
    StoreError,
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
