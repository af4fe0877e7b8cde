"""Progress figures over attempts: averages, series over time, streaks, listening profile.

Everything here is a pure function over `AttemptRow`s (as `Store.attempt_rows` returns them,
oldest first) or, for the end-of-round summary, over the round's `Attempt`s. No SQL, no Qt: the
dashboard, the history view, the exports and the tests all call the same code.

Conventions:

- Scores are on the 0-100 scale of `overall`: a skill score of 0.75 averages as 75.0, so one axis
  fits every line of a chart.
- A skill counts only in attempts whose drill asked for it (its score is None otherwise), so a
  drill without a question never pulls the question average down.
- Days are calendar days in the agent's local time zone (`tz=None`, the machine's zone), because
  "did I practise today" means the agent's today. Timestamps are stored in UTC; pass `tz` to pick
  another zone (the tests pass fixed ones). Weeks start on Monday (ISO 8601) and a week is named
  by the date of its Monday.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Literal, cast

from listen_drill.core.models import Attempt, AttemptRow, Skill

#: The skills the statistics follow, in the order charts and tables show them.
STAT_SKILLS: tuple[Skill, ...] = (Skill.PARAPHRASE, Skill.EMOTION, Skill.QUESTION, Skill.LANGUAGE)

#: Band thresholds of the listening profile, as trainers state them.
OPEN_SHARE_FAIR, OPEN_SHARE_GOOD = 0.5, 0.7
REFLECTIONS_PER_QUESTION_FAIR, REFLECTIONS_PER_QUESTION_GOOD = 1.0, 2.0
COMPLEX_SHARE_FAIR, COMPLEX_SHARE_GOOD = 0.4, 0.5

#: How many of a drill's latest attempts `drills_to_practise` averages.
RECENT_ATTEMPTS_PER_DRILL = 3

Period = Literal["day", "week"]


class Band(StrEnum):
    """Where a listening-profile figure stands against the trainers' thresholds."""

    BELOW = "below"
    FAIR = "fair"
    GOOD = "good"


#: Scores out of 100 fall in the same bands everywhere: the verdict and bar colours of the
#: feedback on one reply, and the report's colours, best replies and strongest drills.
GOOD_SCORE = 70
FAIR_SCORE = 40


def score_band(value: float) -> Band:
    """The band of a score out of 100, so a 0 shows red and not green."""
    if value >= GOOD_SCORE:
        return Band.GOOD
    return Band.FAIR if value >= FAIR_SCORE else Band.BELOW


@dataclass(frozen=True, slots=True)
class SkillAverages:
    """Averages over a set of attempts; None where nothing was measured."""

    attempts: int
    overall: float | None
    skills: Mapping[Skill, float | None]
    best: Skill | None
    weakest: Skill | None

    def skill(self, skill: Skill) -> float | None:
        return self.skills.get(skill)


@dataclass(frozen=True, slots=True)
class PeriodPoint:
    """One day or week of practice: its first date, how much, and how well."""

    start: date
    attempts: int
    overall: float
    skills: Mapping[Skill, float | None]


@dataclass(frozen=True, slots=True)
class SkillScore:
    """A skill with its average score (0-100) and how many attempts measured it."""

    skill: Skill
    average: float
    attempts: int


@dataclass(frozen=True, slots=True)
class DrillScore:
    """A drill with the average of its latest attempts: what `drills_to_practise` ranks."""

    pack_id: str
    drill_id: str
    average: float
    attempts: int  # all attempts on the drill, not only the recent ones averaged
    last_attempt_at: str


@dataclass(frozen=True, slots=True)
class ProfileMetric:
    """One listening-profile figure: counts, value (None when undefined) and band."""

    value: float | None
    band: Band | None
    numerator: int
    denominator: int


@dataclass(frozen=True, slots=True)
class ListeningProfile:
    """How the agent listens over their latest attempts, in the terms trainers use.

    - `open_question_share`: open questions among the questions asked (None without questions).
    - `reflections_per_question`: reflections (simple or complex paraphrases) per question asked
      (None without questions).
    - `complex_share`: complex reflections among reflections (None without reflections).
    """

    attempts: int
    questions: int
    open_questions: int
    reflections: int
    complex_reflections: int
    open_question_share: ProfileMetric
    reflections_per_question: ProfileMetric
    complex_share: ProfileMetric


@dataclass(frozen=True, slots=True)
class RoundSummary:
    """What the agent sees when a round ends."""

    attempts: int
    average: float | None
    skills: Mapping[Skill, float | None]
    best: Skill | None
    weakest: Skill | None
    next_step: str


# -- daily totals -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayTotal:
    """Sums over one local day: enough to average any span of days without the rows."""

    day: date
    attempts: int
    overall_sum: float
    skill_sums: tuple[float, ...]  # per STAT_SKILLS, on the 0-1 scale
    skill_counts: tuple[int, ...]  # attempts that asked for each skill


@dataclass(frozen=True, slots=True)
class DailyTotals:
    """A history reduced to one `DayTotal` per local day, oldest first.

    The dashboard's fast path: `Store.daily_totals` lets SQLite sum 100,000 attempts into a few
    hundred of these, and every time-based figure below accepts them in place of rows.
    """

    days: tuple[DayTotal, ...]


#: What the time-based figures accept: rows (oldest first) or their daily totals.
History = Sequence[AttemptRow] | DailyTotals

# Positions of the skill scores in an AttemptRow, in STAT_SKILLS order.
_SCORE_FIELDS = tuple(
    AttemptRow._fields.index(name)
    for name in ("paraphrase_score", "emotion_score", "question_score", "language_score")
)


def _sum_rows(day: date, rows: Sequence[AttemptRow]) -> DayTotal:
    """Column by column with comprehensions: several times faster than a loop over fields."""
    sums: list[float] = []
    counts: list[int] = []
    for field in _SCORE_FIELDS:
        present = cast("list[float]", [score for row in rows if (score := row[field]) is not None])
        sums.append(float(sum(present)))
        counts.append(len(present))
    overall = float(sum([row.overall for row in rows]))
    return DayTotal(day, len(rows), overall, tuple(sums), tuple(counts))


def daily_totals(rows: Sequence[AttemptRow], tz: tzinfo | None = None) -> DailyTotals:
    """Sum rows per local day in `tz` (None: the machine's zone)."""
    groups: dict[date, list[AttemptRow]] = defaultdict(list)
    for row, day in zip(rows, local_dates(rows, tz), strict=True):
        groups[day].append(row)
    return DailyTotals(tuple(_sum_rows(day, group) for day, group in sorted(groups.items())))


def _as_totals(history: History, tz: tzinfo | None) -> DailyTotals:
    return history if isinstance(history, DailyTotals) else daily_totals(history, tz)


def _merge(day: date, totals: Iterable[DayTotal]) -> DayTotal:
    attempts, overall = 0, 0.0
    sums = [0.0] * len(STAT_SKILLS)
    counts = [0] * len(STAT_SKILLS)
    for total in totals:
        attempts += total.attempts
        overall += total.overall_sum
        for index in range(len(STAT_SKILLS)):
            sums[index] += total.skill_sums[index]
            counts[index] += total.skill_counts[index]
    return DayTotal(day, attempts, overall, tuple(sums), tuple(counts))


def _skill_means(total: DayTotal) -> dict[Skill, float | None]:
    return {
        skill: (
            100.0 * total.skill_sums[i] / total.skill_counts[i] if total.skill_counts[i] else None
        )
        for i, skill in enumerate(STAT_SKILLS)
    }


# -- averages ---------------------------------------------------------------------------------


def _overall_total(history: History) -> DayTotal:
    if isinstance(history, DailyTotals):
        return _merge(date.min, history.days)
    return _sum_rows(date.min, history)


def _best_and_weakest(skills: Mapping[Skill, float | None]) -> tuple[Skill | None, Skill | None]:
    """Highest and lowest measured skill; weakest is None unless some skill trails another.

    Ties go to the skill listed first in `STAT_SKILLS`.
    """
    measured = [(skill, value) for skill, value in skills.items() if value is not None]
    if not measured:
        return None, None
    best = max(measured, key=lambda item: item[1])
    lowest = min(measured, key=lambda item: item[1])
    return best[0], (lowest[0] if lowest[1] < best[1] else None)


def skill_averages(history: History) -> SkillAverages:
    """Attempts, average overall score, per-skill averages, best and weakest skill."""
    total = _overall_total(history)
    skills = _skill_means(total)
    best, weakest = _best_and_weakest(skills)
    overall = total.overall_sum / total.attempts if total.attempts else None
    return SkillAverages(total.attempts, overall, skills, best, weakest)


def weakest_skills(history: History) -> list[SkillScore]:
    """Measured skills from the lowest average to the highest (ties in `STAT_SKILLS` order)."""
    total = _overall_total(history)
    scored = [
        SkillScore(
            skill, 100.0 * total.skill_sums[i] / total.skill_counts[i], total.skill_counts[i]
        )
        for i, skill in enumerate(STAT_SKILLS)
        if total.skill_counts[i]
    ]
    return sorted(scored, key=lambda item: item.average)


# -- time -------------------------------------------------------------------------------------


def local_dates(rows: Sequence[AttemptRow], tz: tzinfo | None = None) -> list[date]:
    """Each row's calendar day in `tz` (None: the machine's zone), in the rows' order.

    Converting 100,000 timestamps one by one is slow, so rows are converted once per distinct
    UTC hour: within an hour the zone's offset does not change, and with a whole-hour offset
    neither does the local date. Zones with a part-hour offset (India, Nepal, ...) fall back to
    converting every row.
    """
    by_hour: dict[str, date | None] = {}
    days: list[date] = []
    append = days.append
    previous_hour, previous_day = "", None
    for row in rows:
        stamp = row.created_at
        hour = stamp[:13]
        if hour == previous_hour and previous_day is not None:
            append(previous_day)
            continue
        if hour in by_hour:
            day = by_hour[hour]
        else:
            moment = _parse_utc(stamp).astimezone(tz)
            offset = moment.utcoffset() or timedelta()
            day = moment.date() if offset.total_seconds() % 3600 == 0 else None
            by_hour[hour] = day
        previous_hour, previous_day = hour, day
        append(day if day is not None else _parse_utc(stamp).astimezone(tz).date())
    return days


def _parse_utc(stamp: str) -> datetime:
    """Parse a stored timestamp; one without an offset is UTC, as the store writes them."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def week_start(day: date) -> date:
    """The Monday that starts `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def period_series(
    history: History, by: Period = "day", *, tz: tzinfo | None = None
) -> list[PeriodPoint]:
    """Attempts and averages per local day or ISO week, oldest first; periods without attempts
    are left out (a chart should not draw a zero score for a day off).

    `tz` applies to rows; daily totals are already in the zone they were summed in.
    """
    if by not in ("day", "week"):
        raise ValueError(f"period must be 'day' or 'week', not {by!r}")
    groups: dict[date, list[DayTotal]] = defaultdict(list)
    for total in _as_totals(history, tz).days:
        groups[total.day if by == "day" else week_start(total.day)].append(total)
    points = []
    for start, totals in sorted(groups.items()):
        merged = totals[0] if len(totals) == 1 else _merge(start, totals)
        points.append(
            PeriodPoint(
                start, merged.attempts, merged.overall_sum / merged.attempts, _skill_means(merged)
            )
        )
    return points


def attempts_per_day(
    history: History,
    *,
    tz: tzinfo | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[date, int]]:
    """Attempts on every local day from `start` to `end` (both included), zeros included.

    Without `start`/`end` the range runs from the first to the last day with an attempt.
    """
    counts = {total.day: total.attempts for total in _as_totals(history, tz).days}
    if not counts and (start is None or end is None):
        return []
    first = start if start is not None else min(counts)
    last = end if end is not None else max(counts)
    return [
        (first + timedelta(days=offset), counts.get(first + timedelta(days=offset), 0))
        for offset in range((last - first).days + 1)
    ]


def current_streak(history: History, today: date, *, tz: tzinfo | None = None) -> int:
    """Consecutive local days with at least one attempt, ending today or yesterday.

    A streak survives until the end of the day after the last practice: practising yesterday but
    not yet today still counts, so the agent is not told they broke it in the morning.
    """
    practised = {total.day for total in _as_totals(history, tz).days if total.attempts}
    day = today if today in practised else today - timedelta(days=1)
    streak = 0
    while day in practised:
        streak += 1
        day -= timedelta(days=1)
    return streak


# -- listening profile ------------------------------------------------------------------------


def _band(value: float | None, fair: float, good: float) -> Band | None:
    if value is None:
        return None
    if value >= good:
        return Band.GOOD
    return Band.FAIR if value >= fair else Band.BELOW


def _ratio_metric(numerator: int, denominator: int, fair: float, good: float) -> ProfileMetric:
    value = numerator / denominator if denominator else None
    return ProfileMetric(value, _band(value, fair, good), numerator, denominator)


def listening_profile(rows: Sequence[AttemptRow], last_n: int = 50) -> ListeningProfile:
    """The listening profile over the latest `last_n` attempts (rows oldest first).

    Every reply counts, whether or not its drill asked for the skill: the profile describes how
    the agent talks, not how they were scored. A question is a reply labelled open or closed; a
    reflection is a paraphrase labelled simple or complex.
    """
    recent = rows[-last_n:] if last_n > 0 else rows[:0]
    questions = open_questions = reflections = complex_reflections = 0
    for row in recent:
        if row.question_type in ("open", "closed"):
            questions += 1
            open_questions += row.question_type == "open"
        if row.paraphrase_level in ("simple", "complex"):
            reflections += 1
            complex_reflections += row.paraphrase_level == "complex"
    return ListeningProfile(
        attempts=len(recent),
        questions=questions,
        open_questions=open_questions,
        reflections=reflections,
        complex_reflections=complex_reflections,
        open_question_share=_ratio_metric(
            open_questions, questions, OPEN_SHARE_FAIR, OPEN_SHARE_GOOD
        ),
        reflections_per_question=_ratio_metric(
            reflections, questions, REFLECTIONS_PER_QUESTION_FAIR, REFLECTIONS_PER_QUESTION_GOOD
        ),
        complex_share=_ratio_metric(
            complex_reflections, reflections, COMPLEX_SHARE_FAIR, COMPLEX_SHARE_GOOD
        ),
    )


# -- what to practise -------------------------------------------------------------------------


def drills_to_practise(
    rows: Iterable[AttemptRow], limit: int = 5, *, recent: int = RECENT_ATTEMPTS_PER_DRILL
) -> list[DrillScore]:
    """Drills ranked by the average overall score of their latest `recent` attempts, lowest first.

    Last-k rather than all-time: a drill the agent once failed but has since mastered should drop
    off the list. Ties go to the drill practised longest ago. Rows must be oldest first. Drills
    that are no longer in any pack still appear; the caller filters them if it cannot offer them.
    """
    latest: dict[tuple[str, str], list[int]] = defaultdict(list)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    last_at: dict[tuple[str, str], str] = {}
    for row in rows:
        key = (row.pack_id, row.drill_id)
        scores = latest[key]
        scores.append(row.overall)
        if len(scores) > recent:
            del scores[0]
        totals[key] += 1
        last_at[key] = row.created_at
    ranked = sorted(
        (
            DrillScore(key[0], key[1], sum(scores) / len(scores), totals[key], last_at[key])
            for key, scores in latest.items()
        ),
        key=lambda item: (item.average, item.last_attempt_at),
    )
    return ranked[: max(0, limit)]


# -- end of a round ---------------------------------------------------------------------------

_NEXT_STEP_BY_SKILL: dict[Skill, str] = {
    Skill.PARAPHRASE: (
        "Next round, start each reply by saying back the customer's main point in your own "
        "words, before any fix."
    ),
    Skill.EMOTION: (
        "Next round, name the feeling you hear (worried, annoyed, let down) in the first "
        "sentence of your reply."
    ),
    Skill.QUESTION: (
        "Next round, end each reply with one question that starts with what or how, so the "
        "customer can tell you more."
    ),
    Skill.LANGUAGE: (
        "Next round, leave out words that argue, blame or brush the customer off, and reflect "
        "what they said instead."
    ),
}
_NEXT_STEP_EMPTY = "Answer a few drills and your summary will show what to work on next."
_NEXT_STEP_STRONG = (
    "Strong round. Next, try a harder pack, or reflect what the customer means as well as what "
    "they said."
)
_NEXT_STEP_EVEN = (
    "Your skills are level. Next round, aim to paraphrase, name the feeling and ask one open "
    "question in every reply."
)
STRONG_ROUND = 85.0


def round_summary(attempts: Sequence[Attempt]) -> RoundSummary:
    """Attempts, average, per-skill averages, best and weakest skill, and one concrete next step."""
    sums = [0.0] * len(STAT_SKILLS)
    counts = [0] * len(STAT_SKILLS)
    for attempt in attempts:
        by_skill = {result.skill: result for result in attempt.feedback.skills}
        for index, skill in enumerate(STAT_SKILLS):
            result = by_skill.get(skill)
            if result is not None and result.asked:
                sums[index] += result.score
                counts[index] += 1
    overall_sum = float(sum(attempt.feedback.overall for attempt in attempts))
    total = DayTotal(date.min, len(attempts), overall_sum, tuple(sums), tuple(counts))
    skills = _skill_means(total)
    best, weakest = _best_and_weakest(skills)
    average = overall_sum / len(attempts) if attempts else None
    return RoundSummary(
        attempts=len(attempts),
        average=average,
        skills=skills,
        best=best,
        weakest=weakest,
        next_step=_next_step(average, skills, weakest),
    )


def _next_step(
    average: float | None, skills: Mapping[Skill, float | None], weakest: Skill | None
) -> str:
    if average is None:
        return _NEXT_STEP_EMPTY
    lowest = min((value for value in skills.values() if value is not None), default=None)
    if average >= STRONG_ROUND and (lowest is None or lowest >= STRONG_ROUND):
        return _NEXT_STEP_STRONG
    if weakest is None:
        return _NEXT_STEP_EVEN
    return _NEXT_STEP_BY_SKILL[weakest]
