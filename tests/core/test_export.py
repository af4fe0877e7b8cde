"""CSV and progress-file exports over a real store: formulas, filters, atomic writes, Cancel."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from listen_drill.core.bundled import read_resource_text
from listen_drill.core.export.csv_export import export_csv, neutralise, summary_path_for
from listen_drill.core.export.filters import ExportFilter, FilterError
from listen_drill.core.export.progress import ExportCancelledError
from listen_drill.core.export.progress_file import export_progress_file, read_progress_file
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.models import Attempt
from listen_drill.core.scoring import default_scorer
from listen_drill.core.stats import period_series
from listen_drill.core.store import Store, new_attempt_uuid
from tests.core.export_helpers import add_attempts


@pytest.fixture
def source(store: Store) -> AttemptSource:
    maya = store.create_profile("Maya")
    tom = store.create_profile("Tom")
    add_attempts(store, maya, 60, every=timedelta(hours=13))
    add_attempts(store, tom, 25, every=timedelta(hours=29), packs=("billing",))
    return AttemptSource.for_store(store)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("You sound upset = fair", "You sound upset = fair"),
        ("", ""),
        (42, 42),
        (-1.5, -1.5),
    ],
)
def test_neutralise_makes_formula_text_inert(cell: object, expected: object) -> None:
    assert neutralise(cell) == expected


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_one_row_per_attempt_and_no_live_formula(
    source: AttemptSource, tmp_path: Path
) -> None:
    result = export_csv(source, tmp_path / "progress.csv")
    rows = read_csv(result.attempts_path)
    assert len(rows) == result.attempts == 85
    for row in rows:
        assert not row["response"].startswith(("=", "+", "-", "@", "\t", "\r"))
        date.fromisoformat(row["date"])
        assert date.fromisoformat(row["week"]).weekday() == 0
    assert any(row["response"].startswith("'=HYPERLINK") for row in rows)
    assert {row["profile"] for row in rows} == {"Maya", "Tom"}


def test_summary_csv_matches_the_dashboard_weekly_series(
    store: Store, source: AttemptSource, tmp_path: Path
) -> None:
    result = export_csv(source, tmp_path / "progress.csv")
    assert result.summary_path == tmp_path / "progress-summary.csv"
    rows = read_csv(result.summary_path)
    maya = next(p for p in store.profiles() if p.name == "Maya")
    expected = period_series(store.attempt_rows(maya.id), "week")
    overall = [r for r in rows if r["profile"] == "Maya" and r["skill"] == "overall"]
    assert [r["week"] for r in overall] == [p.start.isoformat() for p in expected]
    assert [float(r["average"]) for r in overall] == [round(p.overall, 2) for p in expected]
    assert [int(r["attempts"]) for r in overall] == [p.attempts for p in expected]


def test_filters_choose_profile_pack_and_days(source: AttemptSource, tmp_path: Path) -> None:
    filters = ExportFilter(
        profiles=("maya",), since=date(2026, 1, 8), until=date(2026, 1, 14), pack_id="basics"
    )
    rows = read_csv(export_csv(source, tmp_path / "f.csv", filters).attempts_path)
    assert rows
    assert {r["profile"] for r in rows} == {"Maya"}
    assert {r["pack_id"] for r in rows} == {"basics"}
    assert min(r["date"] for r in rows) >= "2026-01-08"
    assert max(r["date"] for r in rows) <= "2026-01-14"


def test_unknown_profile_and_empty_range_are_clear_errors(source: AttemptSource) -> None:
    with pytest.raises(FilterError, match=r"No profile called 'Zoe'\. Profiles: Maya, Tom"):
        ExportFilter(profiles=("Zoe",)).select(source.profiles())
    with pytest.raises(FilterError, match="date range is empty"):
        ExportFilter(since=date(2026, 2, 1), until=date(2026, 1, 1))


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(
    source: AttemptSource, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / f"out.{kind}"
    output.write_text("previous export", encoding="utf-8")
    seen: list[tuple[int, int]] = []

    def cancel() -> bool:
        return len(seen) >= 1  # Cancel pressed after the first progress report

    export = export_csv if kind == "csv" else export_progress_file
    with pytest.raises(ExportCancelledError):
        export(
            source, output, progress=lambda done, total: seen.append((done, total)), cancel=cancel
        )
    assert output.read_text(encoding="utf-8") == "previous export"
    assert not summary_path_for(output).exists()
    assert sorted(p.name for p in folder.iterdir()) == [output.name]


def test_progress_file_holds_everything_and_matches_its_schema(
    store: Store, source: AttemptSource, tmp_path: Path
) -> None:
    path = export_progress_file(source, tmp_path / "maya.json", ExportFilter(("Maya",))).path
    data = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(read_resource_text("schemas", "progress.schema.json"))
    jsonschema.validate(data, schema)
    assert (data["format"], data["version"]) == ("listen-drill-progress", 1)
    maya = next(p for p in store.profiles() if p.name == "Maya")
    (profile,) = data["profiles"]
    assert (profile["uuid"], profile["name"]) == (maya.uuid, "Maya")
    stored = store.attempts(maya.id)
    assert [a["uuid"] for a in profile["attempts"]] == [a.uuid for a in stored]
    first, original = profile["attempts"][0], stored[0]
    assert first["response"] == original.response
    assert first["statement"] == original.statement
    assert first["feedback"]["findings"][0]["message"] == original.feedback.findings[0].message
    assert first["scores"]["overall"] == original.feedback.overall
    assert read_progress_file(path).attempt_count == len(stored)


def test_best_replies_list_as_worked_only_what_needs_no_tip(store: Store) -> None:
    """The report's "what worked" for a reply leaves out part credit that comes with a tip."""
    profile = store.create_profile("Ana")
    reply = "That sounds really frustrating. Did it arrive in the end?"
    feedback = default_scorer().score("My parcel is late again and nobody called me back!", reply)
    kinds = {f.kind: f for f in feedback.findings}
    assert kinds["question.closed"].points > 0 and kinds["question.closed"].suggestion
    store.record_attempt(
        Attempt(
            uuid=new_attempt_uuid(),
            profile_id=profile.id,
            pack_id="basics",
            drill_id="d1",
            statement="My parcel is late again and nobody called me back!",
            response=reply,
            feedback=feedback,
            seconds=30.0,
            created_at="2026-01-05T09:30:00",
        )
    )
    (best,) = AttemptSource.for_store(store).best_replies(profile, ExportFilter(), 5)
    assert kinds["emotion.named"].message in best.worked
    assert kinds["question.closed"].message not in best.worked
