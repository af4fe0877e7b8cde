"""The team roll-up: round trip to the agent's own numbers, idempotent merges, bad files."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from listen_drill.core.export.csv_export import export_csv
from listen_drill.core.export.filters import ExportFilter
from listen_drill.core.export.progress_file import ProgressFileError
from listen_drill.core.export.report import build_report, recent_trend
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.stats import listening_profile, period_series, skill_averages
from listen_drill.core.store import Store
from listen_drill.core.team import TeamDb, merge_progress_file, merge_progress_files, team_overview
from listen_drill.core.team_export import export_team_csv
from tests.core.export_helpers import START, add_attempts, export_file


@pytest.fixture
def agent_store(store: Store) -> Store:
    add_attempts(store, store.create_profile("Maya"), 90, every=timedelta(hours=19))
    add_attempts(store, store.create_profile("Tom"), 40, every=timedelta(hours=31))
    return store


def snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    db = Database(path)
    try:
        return {t: list(db.query(f"SELECT * FROM [{t}]")) for t in db.table_names()}
    finally:
        db.close()


def test_round_trip_gives_the_agents_own_dashboard_numbers(
    agent_store: Store, tmp_path: Path
) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "p.json")], team_path)
    with TeamDb(team_path) as team:
        overview = {o.agent.uuid: o for o in team_overview(team)}
        report = build_report(team.source)
        for profile in agent_store.profiles():
            own_totals = agent_store.daily_totals(profile.id)
            own_rows = agent_store.attempt_rows(profile.id)
            agent = next(a for a in team.agents() if a.uuid == profile.uuid)
            assert agent.name == profile.name
            assert overview[profile.uuid].averages == skill_averages(own_totals)
            assert overview[profile.uuid].trend == recent_trend(own_totals)
            section = next(a for a in report.agents if a.profile.uuid == profile.uuid)
            assert list(section.weekly) == period_series(own_totals, "week")
            assert section.averages == skill_averages(own_totals)
            assert section.listening == listening_profile(own_rows)
            assert team.source.attempt_rows(agent.id, ExportFilter()) == [
                r._replace(profile_id=agent.id, response="") for r in own_rows
            ]


def test_merging_the_same_file_twice_adds_nothing(agent_store: Store, tmp_path: Path) -> None:
    path = export_file(agent_store, tmp_path / "p.json")
    team_path = tmp_path / "team.db"
    first = merge_progress_files([path], team_path)
    before = snapshot(team_path)
    second = merge_progress_files([path], team_path)
    assert first.added == 130
    assert second.added == 0 and second.files[0].already_imported
    assert snapshot(team_path) == before


def test_a_newer_file_from_the_same_agent_adds_only_the_new_attempts(
    agent_store: Store, tmp_path: Path
) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "old.json", ("Maya",))], team_path)
    maya = next(p for p in agent_store.profiles() if p.name == "Maya")
    agent_store.rename_profile(maya.id, "Maya J.")
    new = add_attempts(agent_store, maya, 7, start=START + timedelta(days=200))
    report = merge_progress_files(
        [export_file(agent_store, tmp_path / "new.json", ("Maya J.",))], team_path
    )
    assert report.added == 7
    with TeamDb(team_path) as team:
        (agent,) = team.agents()
        assert agent.name == "Maya J."  # the newest file names the agent
        assert team.attempt_count() == 97
        uuids = {r.uuid for r in team.source.attempt_rows(agent.id, ExportFilter())}
        assert {a.uuid for a in new} <= uuids


def write_bad_files(good: Path, folder: Path) -> dict[str, Path]:
    text = good.read_text(encoding="utf-8")
    data = json.loads(text)
    newer = dict(data, version=2)
    damaged = json.loads(text)
    damaged["profiles"][0]["attempts"][3]["scores"]["overall"] = "high"
    files = {
        "truncated": text[: len(text) * 2 // 3],
        "version": json.dumps(newer),
        "not ours": json.dumps({"name": "some other app", "rows": [1, 2, 3]}),
        "csv": "profile,overall\nMaya,50\n",
        "damaged": json.dumps(damaged),
    }
    paths = {}
    for name, content in files.items():
        paths[name] = folder / f"{name.replace(' ', '-')}.json"
        paths[name].write_text(content, encoding="utf-8")
    return paths


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated", r"the file is truncated.*export it again"),
        ("version", r"version 2 is not supported.*newer listen-drill; update"),
        ("not ours", r'not a listen-drill progress file \(it has no "format"'),
        ("csv", r"not a listen-drill progress file: it is not valid JSON"),
        ("damaged", r"damaged at profiles\[0\]\.attempts\[3\]\.scores\.overall"),
    ],
)
def test_a_bad_file_is_named_and_changes_nothing(
    agent_store: Store, tmp_path: Path, name: str, message: str
) -> None:
    good = export_file(agent_store, tmp_path / "good.json")
    bad = write_bad_files(good, tmp_path)[name]
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "tom.json", ("Tom",))], team_path)
    before = snapshot(team_path)
    with TeamDb(team_path) as team, pytest.raises(ProgressFileError, match=message) as error:
        merge_progress_file(team, bad)
    assert str(bad) in str(error.value)
    assert snapshot(team_path) == before
    report = merge_progress_files([bad, good], team_path)
    assert [bool(f.error) for f in report.files] == [True, False]
    assert report.added == 90  # the good file still merges: Maya's attempts


def test_not_a_team_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    Database(other).table("things").insert({"a": 1})
    from listen_drill.core.team import TeamError

    with pytest.raises(TeamError, match="not a listen-drill team file"):
        TeamDb(other)


def test_team_csv_compares_agents(agent_store: Store, tmp_path: Path) -> None:
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "p.json")], team_path)
    with TeamDb(team_path) as team:
        assert export_team_csv(team, tmp_path / "team.csv") == 2
    lines = (tmp_path / "team.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("profile,profile_uuid,attempts,last_practised,overall")
    maya = next(p for p in agent_store.profiles() if p.name == "Maya")
    expected = skill_averages(agent_store.daily_totals(maya.id))
    assert expected.overall is not None
    maya_line = next(line for line in lines if line.startswith("Maya,"))
    assert maya_line.split(",")[2:5:2] == ["90", str(round(expected.overall, 2))]
    assert (tmp_path / "team-summary.csv").exists()


def test_team_csvs_and_the_agent_csv_speak_one_vocabulary(
    agent_store: Store, tmp_path: Path
) -> None:
    """team.csv said `agent`/`emotion`, team-summary.csv `profile`; the app says "Feeling"."""
    team_path = tmp_path / "team.db"
    merge_progress_files([export_file(agent_store, tmp_path / "p.json")], team_path)
    with TeamDb(team_path) as team:
        export_team_csv(team, tmp_path / "team.csv")
    own = export_csv(AttemptSource.for_store(agent_store), tmp_path / "progress.csv")

    def read(path: Path) -> list[dict[str, str]]:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return list(csv.DictReader(handle))

    team_rows = read(tmp_path / "team.csv")
    summary_rows = read(tmp_path / "team-summary.csv")
    own_rows = read(own.attempts_path)
    for rows in (team_rows, summary_rows, own_rows, read(own.summary_path)):
        assert list(rows[0])[:2] == ["profile", "profile_uuid"]
        assert not [column for column in rows[0] if "agent" in column or "emotion" in column]
    skills = {row["skill"] for row in summary_rows}
    assert skills == {"overall", "paraphrase", "feeling", "question", "language"}
    assert skills <= set(team_rows[0])  # a skill is one word in both team files
    assert {f"{skill}_trend" for skill in skills} <= set(team_rows[0])
    assert {"feeling_score", "feeling_acknowledged"} <= set(own_rows[0])
    assert {r["profile_uuid"] for r in team_rows} == {r["profile_uuid"] for r in summary_rows}
