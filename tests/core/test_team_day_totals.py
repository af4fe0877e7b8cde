"""The team file's day totals: what every merge keeps summed, so the team view need not sum
400,000 attempts each time. They must always equal the grouped query over the attempts."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from listen_drill.core.store import Store
from listen_drill.core.team import (
    _DAY_TOTALS_SELECT,
    TeamDb,
    merge_progress_files,
    team_overview,
)
from tests.core.export_helpers import START, add_attempts, export_file


@pytest.fixture
def agent_store(store: Store) -> Store:
    # Every 5 hours: attempts fall at all hours, so some days depend on the time zone.
    add_attempts(store, store.create_profile("Maya"), 60, every=timedelta(hours=5))
    add_attempts(store, store.create_profile("Tom"), 30, every=timedelta(hours=11))
    return store


def grouped(team: TeamDb) -> list[tuple[object, ...]]:
    return team.db.conn.execute(_DAY_TOTALS_SELECT.format(where="")).fetchall()


def kept(team: TeamDb) -> list[tuple[object, ...]]:
    return list(team.day_totals())


@pytest.fixture
def zone() -> Iterator[None]:
    """Put the machine's time zone back after a test moves it."""
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_each_merge_keeps_the_day_totals_equal_to_the_attempts(
    agent_store: Store, tmp_path: Path
) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "maya.json", ("Maya",))], team_path)
    with TeamDb(team_path) as team:
        assert kept(team) == grouped(team) and len(kept(team)) > 5
    maya = next(p for p in agent_store.profiles() if p.name == "Maya")
    add_attempts(agent_store, maya, 9, start=START + timedelta(days=60))
    files = [export_file(agent_store, tmp_path / "all.json")]  # Maya grows, Tom is new
    assert merge_progress_files(files, team_path).added == 39
    with TeamDb(team_path) as team:
        assert kept(team) == grouped(team)
        assert sum(int(str(row[2])) for row in kept(team)) == team.attempt_count() == 99


def test_the_view_read_from_the_day_totals_equals_the_view_summed_afresh(
    agent_store: Store, tmp_path: Path
) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "p.json")], team_path)
    with TeamDb(team_path) as team:
        from_totals = team_overview(team)
        team.db.execute("DELETE FROM day_totals")  # now only a fresh sum can give the figures
        team.db.execute("UPDATE team_settings SET value = 'another zone'")
        assert team_overview(team) == from_totals
        assert kept(team) == grouped(team)


def test_in_another_time_zone_the_days_are_summed_again(
    agent_store: Store, tmp_path: Path, zone: None
) -> None:
    # POSIX zone strings: they need no time-zone database, which a fresh machine may lack.
    os.environ["TZ"] = "UTC0"
    time.tzset()
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "p.json")], team_path)
    with TeamDb(team_path) as team:
        in_utc = kept(team)
    os.environ["TZ"] = "NZST-12NZDT,M9.5.0,M4.1.0/3"  # Auckland, 12-13 hours ahead: other days
    time.tzset()
    with TeamDb(team_path) as team:
        in_auckland = kept(team)
        assert in_auckland == grouped(team)
    assert in_auckland != in_utc


def test_a_team_file_from_before_the_day_totals_gets_them_when_opened(
    agent_store: Store, tmp_path: Path
) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "p.json")], team_path)
    db = Database(team_path)
    db.execute("DROP TABLE day_totals")
    db.execute("DROP TABLE team_settings")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_day_totals'")
    db.close()
    with TeamDb(team_path) as team:
        assert kept(team) == grouped(team) and kept(team)
