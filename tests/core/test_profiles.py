"""Profiles: several agents on one computer create, rename and switch; the last one opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from listen_drill.core.store import Store, StoreError
from tests.core.store_helpers import sample_attempt


def test_rename_keeps_the_profile_and_its_attempts(store: Store) -> None:
    sam = store.create_profile("Sam")
    store.record_attempt(sample_attempt(sam.id))
    renamed = store.rename_profile(sam.id, "  Samira ")
    assert (renamed.id, renamed.uuid, renamed.name) == (sam.id, sam.uuid, "Samira")
    assert store.profile(sam.id).name == "Samira"
    assert store.attempt_count(sam.id) == 1


def test_rename_refuses_a_taken_or_empty_name(store: Store) -> None:
    store.create_profile("Alex")
    sam = store.create_profile("Sam")
    with pytest.raises(StoreError, match="already exists"):
        store.rename_profile(sam.id, "ALEX")
    with pytest.raises(StoreError, match="needs a name"):
        store.rename_profile(sam.id, "   ")
    with pytest.raises(StoreError, match="No profile"):
        store.rename_profile(999, "Kim")
    assert store.profile(sam.id).name == "Sam"


def test_a_profile_may_change_the_case_of_its_own_name(store: Store) -> None:
    sam = store.create_profile("sam")
    assert store.rename_profile(sam.id, "Sam").name == "Sam"


def test_the_profile_switched_to_opens_next_time(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        first = store.current_profile()
        kim = store.create_profile("Kim")
        assert store.switch_profile(kim.id) == kim
        assert store.current_profile() == kim
    with Store.open(data_dir) as store:
        assert store.current_profile() == kim
        assert store.switch_profile(first.id) == first
        with pytest.raises(StoreError, match="No profile"):
            store.switch_profile(12345)
        assert store.current_profile() == first


def test_profiles_are_listed_by_name(store: Store) -> None:
    for name in ("zoe", "Alex", "mo"):
        store.create_profile(name)
    assert [p.name for p in store.profiles()] == ["Alex", "mo", "zoe"]
