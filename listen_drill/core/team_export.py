"""The team's CSV: one row per agent comparing skills, and agent x week x skill beside it.

Both files use the columns of an agent's own CSV export (`csv_export`): `profile`,
`profile_uuid` and the skills by the names the app shows (`feeling`, not the scorer's `emotion`),
so one spreadsheet formula reads an agent's file and the team's alike.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.export.csv_export import (
    CSV_SKILL_NAMES,
    ENCODING,
    PERSON_COLUMNS,
    neutralise,
    summary_path_for,
    summary_rows,
    write_summary_rows,
)
from listen_drill.core.export.filters import EVERYTHING, ExportFilter
from listen_drill.core.export.progress import CancelFn, ProgressFn, Steps
from listen_drill.core.export.report import OVERALL
from listen_drill.core.stats import STAT_SKILLS
from listen_drill.core.team import AgentOverview, TeamDb, team_overview

#: "overall" and each skill, in the order of the team view's columns.
FIGURE_COLUMNS = (OVERALL, *(CSV_SKILL_NAMES[skill] for skill in STAT_SKILLS))
COMPARISON_HEADER = (
    *PERSON_COLUMNS,
    "attempts",
    "last_practised",
    *FIGURE_COLUMNS,
    *(f"{name}_trend" for name in FIGURE_COLUMNS),
)


def _rounded(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


def comparison_row(overview: AgentOverview) -> list[Any]:
    averages = overview.averages
    figures = [averages.overall, *(averages.skill(s) for s in STAT_SKILLS)]
    trend_keys = (OVERALL, *(s.value for s in STAT_SKILLS))  # `Trend` keeps the scorer's keys
    return [
        overview.agent.name,
        overview.agent.uuid,
        overview.attempts,
        overview.last_day.isoformat() if overview.last_day else "",
        *(_rounded(value) for value in figures),
        *(_rounded(overview.trend.change(key)) for key in trend_keys),
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
