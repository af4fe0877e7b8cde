"""CSV for spreadsheets: one row per attempt, and a summary of profile x skill x week.

UTF-8 with a byte-order mark and ISO dates, so Excel and LibreOffice open the files as they are.
A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
carriage return) gets a leading apostrophe: an agent's reply can never run as a formula.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.export.filters import EVERYTHING, ExportFilter
from listen_drill.core.export.progress import CancelFn, ProgressFn, Steps
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.models import Profile, Skill
from listen_drill.core.stats import STAT_SKILLS, local_dates, period_series, week_start

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8

#: A skill as every CSV names it (agent's and team's, columns and the summary's `skill`): the
#: app's own words, so "Feeling" on screen is `feeling` in the spreadsheet. The progress file
#: (JSON) and pack files keep the scorer's key `emotion`: they are versioned formats for programs.
CSV_SKILL_NAMES: dict[Skill, str] = {
    Skill.PARAPHRASE: "paraphrase",
    Skill.EMOTION: "feeling",
    Skill.QUESTION: "question",
    Skill.LANGUAGE: "language",
}
#: The person a row is about, in every CSV: a profile, as agents export them and teams merge
#: them (by `profile_uuid`, which survives a rename).
PERSON_COLUMNS = ("profile", "profile_uuid")

ATTEMPT_HEADER = (
    *PERSON_COLUMNS,
    "attempt_uuid",
    "created_at",
    "date",
    "week",
    "pack_id",
    "drill_id",
    "overall",
    "paraphrase_score",
    "paraphrase_level",
    "feeling_score",
    "feeling_acknowledged",
    "question_score",
    "question_type",
    "language_score",
    "seconds",
    "statement",
    "response",
)
SUMMARY_HEADER = (*PERSON_COLUMNS, "week", "skill", "average", "attempts")


def neutralise(value: Any) -> Any:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def summary_path_for(output: Path) -> Path:
    """`team.csv` -> `team-summary.csv`, beside it."""
    return output.with_name(f"{output.stem}-summary{output.suffix or '.csv'}")


@dataclass(frozen=True, slots=True)
class CsvExportResult:
    attempts_path: Path
    summary_path: Path
    attempts: int
    summary_rows: int


def _score(value: float | None) -> float | str:
    """A 0-1 skill score on the 0-100 scale of `overall`, as the dashboard shows it."""
    return "" if value is None else round(value * 100, 2)


def _flag(value: Any) -> str:
    return "" if value is None else ("yes" if value else "no")


def write_attempt_rows(
    handle: TextIO,
    source: AttemptSource,
    profiles: Sequence[Profile],
    filters: ExportFilter,
    steps: Steps,
) -> int:
    writer = csv.writer(handle)
    writer.writerow(ATTEMPT_HEADER)
    written = 0
    for profile in profiles:
        records = list(source.records(profile.id, filters))
        stamps = [_Stamp(r["created_at"]) for r in records]
        days = local_dates(stamps)  # type: ignore[arg-type]  # only `created_at` is read
        for record, day in zip(records, days, strict=True):
            writer.writerow(
                [
                    neutralise(cell)
                    for cell in (
                        profile.name,
                        profile.uuid,
                        record["uuid"],
                        record["created_at"],
                        day.isoformat(),
                        week_start(day).isoformat(),
                        record["pack_id"],
                        record["drill_id"],
                        record["overall"],
                        _score(record["paraphrase_score"]),
                        record["paraphrase_level"] or "",
                        _score(record["emotion_score"]),
                        _flag(record["emotion_acknowledged"]),
                        _score(record["question_score"]),
                        record["question_type"] or "",
                        _score(record["language_score"]),
                        round(record["seconds"] or 0.0, 1),
                        record["statement"] or "",
                        record["response"],
                    )
                ]
            )
            written += 1
            steps.advance()
    return written


@dataclass(frozen=True, slots=True)
class _Stamp:
    """Just enough of an AttemptRow for `stats.local_dates`."""

    created_at: str


def summary_rows(
    source: AttemptSource, profiles: Iterable[Profile], filters: ExportFilter
) -> list[tuple[Any, ...]]:
    """Profile x week x skill: the weekly averages of the dashboard, with how many attempts
    measured each (a skill counts only where the drill asked for it)."""
    rows: list[tuple[Any, ...]] = []
    for profile in profiles:
        totals = source.daily_totals(profile.id, filters)
        counts: dict[date, list[int]] = defaultdict(lambda: [0] * len(STAT_SKILLS))
        for day in totals.days:
            week_counts = counts[week_start(day.day)]
            for index, count in enumerate(day.skill_counts):
                week_counts[index] += count
        for point in period_series(totals, "week"):
            week = point.start.isoformat()
            rows.append(
                (
                    profile.name,
                    profile.uuid,
                    week,
                    "overall",
                    round(point.overall, 2),
                    point.attempts,
                )
            )
            for index, skill in enumerate(STAT_SKILLS):
                average = point.skills.get(skill)
                if average is None:
                    continue
                rows.append(
                    (
                        profile.name,
                        profile.uuid,
                        week,
                        CSV_SKILL_NAMES[skill],
                        round(average, 2),
                        counts[point.start][index],
                    )
                )
    return rows


def write_summary_rows(handle: TextIO, rows: Iterable[tuple[Any, ...]]) -> None:
    writer = csv.writer(handle)
    writer.writerow(SUMMARY_HEADER)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])


def export_csv(
    source: AttemptSource,
    output: Path,
    filters: ExportFilter = EVERYTHING,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> CsvExportResult:
    """Write `output` (one row per attempt) and `<stem>-summary.csv` beside it, atomically."""
    profiles = source.chosen_profiles(filters)
    total = sum(source.count(p.id, filters) for p in profiles)
    steps = Steps(total + 1, progress, cancel)
    summary_path = summary_path_for(output)
    with atomic_paths(output, summary_path) as (attempts_temp, summary_temp):
        with attempts_temp.open("w", encoding=ENCODING, newline="") as handle:
            written = write_attempt_rows(handle, source, profiles, filters, steps)
        steps.check()
        rows = summary_rows(source, profiles, filters)
        with summary_temp.open("w", encoding=ENCODING, newline="") as handle:
            write_summary_rows(handle, rows)
        steps.finish()
    return CsvExportResult(output, summary_path, written, len(rows))
