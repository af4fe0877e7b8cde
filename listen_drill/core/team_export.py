"""The team's CSV: one row per agent comparing skills, and agent x week x skill beside it."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.export.csv_export import (
    ENCODING,
    neutralise,
    summary_path_for,
    summary_rows,
    write_summary_rows,
)
from listen_drill.core.export.filters import EVERYTHING, ExportFilter
from listen_drill.core.export.progress import CancelFn, ProgressFn, Steps
from listen_drill.core.export.report import TREND_KEYS
from listen_drill.core.team import AgentOverview, TeamDb, team_overview

COMPARISON_HEADER = (
    "agent",
    "agent_uuid",
    "attempts",
    "last_practised",
    *TREND_KEYS,
    *(f"{key}_trend" for key in TREND_KEYS),
)


def _rounded(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


def comparison_row(overview: AgentOverview) -> list[Any]:
    averages = overview.averages
    figures = [averages.overall, *(averages.skills.get(s) for s in averages.skills)]
    return [
        overview.agent.name,
        overview.agent.uuid,
        overview.attempts,
        overview.last_day.isoformat() if overview.last_day else "",
        *(_rounded(value) for value in figures),
        *(_rounded(overview.trend.change(key)) for key in TREND_KEYS),
    ]


def export_team_csv(
    team: TeamDb,
    output: Path,
    filters: ExportFilter = EVERYTHING,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> int:
    """Write the comparison to `output` and the weekly summary beside it; return agents."""
    overviews = team_overview(team, filters)
    steps = Steps(len(overviews) + 1, progress, cancel, every=1)
    with atomic_paths(output, summary_path_for(output)) as (compare_temp, summary_temp):
        with compare_temp.open("w", encoding=ENCODING, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COMPARISON_HEADER)
            for overview in overviews:
                writer.writerow([neutralise(cell) for cell in comparison_row(overview)])
                steps.advance()
        rows = summary_rows(team.source, [o.agent for o in overviews], filters)
        with summary_temp.open("w", encoding=ENCODING, newline="") as handle:
            write_summary_rows(handle, rows)
        steps.finish()
    return len(overviews)
