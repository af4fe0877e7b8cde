"""The progress report's content, computed from `core.stats`; the Qt layer draws it as a PDF.

Keeping the numbers here (pure Python) means the PDF, the team view and the tests all read the
same figures as the agent's own dashboard, and the renderer only lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from listen_drill.core.export.filters import EVERYTHING, ExportFilter
from listen_drill.core.export.progress import CancelFn, ProgressFn, Steps
from listen_drill.core.export.source import AttemptSource, BestReply
from listen_drill.core.models import Profile
from listen_drill.core.stats import (
    GOOD_SCORE,
    STAT_SKILLS,
    DailyTotals,
    DrillScore,
    ListeningProfile,
    PeriodPoint,
    SkillAverages,
    drills_to_practise,
    listening_profile,
    period_series,
    skill_averages,
    week_start,
)

#: Weeks on each side of the trend comparison: the latest four against the four before.
TREND_WEEKS = 4
#: Drills listed as strongest and as weakest, and best replies quoted, per agent.
DRILLS_LISTED = 3
BEST_REPLIES = 3
OVERALL = "overall"
TREND_KEYS: tuple[str, ...] = (OVERALL, *(skill.value for skill in STAT_SKILLS))


@dataclass(frozen=True, slots=True)
class Trend:
    """Average of the latest `TREND_WEEKS` weeks against the weeks before, per figure.

    Keys are "overall" and the skill names; a change is None when either side has no data.
    """

    recent: Mapping[str, float | None]
    earlier: Mapping[str, float | None]

    def change(self, key: str = OVERALL) -> float | None:
        now, before = self.recent.get(key), self.earlier.get(key)
        return None if now is None or before is None else now - before


def _figures(averages: SkillAverages) -> dict[str, float | None]:
    return {OVERALL: averages.overall, **{s.value: averages.skill(s) for s in STAT_SKILLS}}


def recent_trend(totals: DailyTotals, weeks: int = TREND_WEEKS) -> Trend:
    """Compare the latest `weeks` ISO weeks (ending with the last week practised) with the
    `weeks` before them, using the dashboard's own averaging."""
    if not totals.days:
        empty = dict.fromkeys(TREND_KEYS)
        return Trend(empty, empty)
    last_week = week_start(totals.days[-1].day)
    recent_from = last_week - timedelta(weeks=weeks - 1)
    earlier_from = recent_from - timedelta(weeks=weeks)
    recent = DailyTotals(tuple(d for d in totals.days if d.day >= recent_from))
    earlier = DailyTotals(tuple(d for d in totals.days if earlier_from <= d.day < recent_from))
    return Trend(_figures(skill_averages(recent)), _figures(skill_averages(earlier)))


@dataclass(frozen=True, slots=True)
class AgentReport:
    profile: Profile
    averages: SkillAverages
    weekly: tuple[PeriodPoint, ...]
    trend: Trend
    listening: ListeningProfile
    strongest: tuple[DrillScore, ...]
    weakest: tuple[DrillScore, ...]
    best_replies: tuple[BestReply, ...]
    statements: Mapping[tuple[str, str], str]  # (pack, drill) -> what the customer said
    first_day: date | None
    last_day: date | None
    pack_titles: Mapping[str, str] = field(default_factory=dict)

    def pack_title(self, pack_id: str) -> str:
        """The pack's title; its id only for a pack no longer known (removed, or a team's)."""
        return self.pack_titles.get(pack_id, pack_id)


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the printed report shows, for one agent or a whole team."""

    title: str
    scope: str
    generated_on: date
    agents: tuple[AgentReport, ...]
    team: SkillAverages
    team_weekly: tuple[PeriodPoint, ...]

    @property
    def is_team(self) -> bool:
        return len(self.agents) > 1


def strongest_and_weakest(
    ranked: Sequence[DrillScore], count: int = DRILLS_LISTED
) -> tuple[tuple[DrillScore, ...], tuple[DrillScore, ...]]:
    """Split drills ranked weakest first into the best (scoring `GOOD_SCORE` or more, best
    first) and those to practise (below it, weakest first), up to `count` each.

    Split by score rather than by rank: with two drills the weaker one may still score 88, and
    a lead reading "To practise" would send the agent back to a drill they already do well.
    """
    weakest = tuple(d for d in ranked if d.average < GOOD_SCORE)[:count]
    strongest = tuple(d for d in reversed(ranked) if d.average >= GOOD_SCORE)[:count]
    return strongest, weakest


def agent_report(
    source: AttemptSource,
    profile: Profile,
    filters: ExportFilter = EVERYTHING,
    pack_titles: Mapping[str, str] | None = None,
) -> AgentReport:
    """One agent's page; `pack_titles` as `source.pack_titles()` gives them, read once per
    report by `build_report`."""
    totals = source.daily_totals(profile.id, filters)
    rows = source.attempt_rows(profile.id, filters)
    ranked = drills_to_practise(rows, limit=len(rows) or 1)
    strongest, weakest = strongest_and_weakest(ranked)
    return AgentReport(
        profile=profile,
        averages=skill_averages(totals),
        weekly=tuple(period_series(totals, "week")),
        trend=recent_trend(totals),
        listening=listening_profile(rows),
        strongest=strongest,
        weakest=weakest,
        best_replies=tuple(
            source.best_replies(profile, filters, BEST_REPLIES, min_overall=GOOD_SCORE)
        ),
        statements={
            (d.pack_id, d.drill_id): source.statement_of(d.pack_id, d.drill_id)
            for d in (*strongest, *weakest)
        },
        first_day=totals.days[0].day if totals.days else None,
        last_day=totals.days[-1].day if totals.days else None,
        pack_titles=source.pack_titles() if pack_titles is None else pack_titles,
    )


def build_report(
    source: AttemptSource,
    filters: ExportFilter = EVERYTHING,
    *,
    title: str = "Reflective listening: progress report",
    today: date | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ReportData:
    """The report for the filtered profiles (all of them by default)."""
    profiles = source.chosen_profiles(filters)
    steps = Steps(len(profiles) + 1, progress, cancel, every=1)
    pack_titles = source.pack_titles()
    agents: list[AgentReport] = []
    for profile in profiles:
        agents.append(agent_report(source, profile, filters, pack_titles))
        steps.advance()
    chosen = {p.id for p in profiles}
    team_totals = _combined(
        source.daily_totals(None, filters) if len(chosen) == len(source.profiles()) else None,
        [source.daily_totals(p.id, filters) for p in profiles] if profiles else [],
    )
    steps.finish()
    return ReportData(
        title=title,
        scope=filters.describe(pack_titles),
        generated_on=today or date.today(),
        agents=tuple(agents),
        team=skill_averages(team_totals),
        team_weekly=tuple(period_series(team_totals, "week")),
    )


def _combined(everyone: DailyTotals | None, each: Sequence[DailyTotals]) -> DailyTotals:
    """All chosen profiles' days as one history (period_series merges days that repeat)."""
    if everyone is not None:
        return everyone
    days = sorted((day for totals in each for day in totals.days), key=lambda d: d.day)
    return DailyTotals(tuple(days))
