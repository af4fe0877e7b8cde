"""The dashboard's numbers against figures worked out by hand in each test's comments."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from listen_drill.core.models import Attempt, AttemptRow, Feedback, Skill, SkillResult
from listen_drill.core.stats import (
    Band,
    attempts_per_day,
    current_streak,
    daily_totals,
    drills_to_practise,
    listening_profile,
    local_dates,
    period_series,
    round_summary,
    skill_averages,
    weakest_skills,
)
from listen_drill.core.store import Store
from tests.core.store_helpers import sample_attempt

P, E, Q, L = Skill.PARAPHRASE, Skill.EMOTION, Skill.QUESTION, Skill.LANGUAGE
_ids = itertools.count(1)


def row(
    created_at: str,
    overall: int = 50,
    *,
    para: float | None = None,
    level: str | None = "none",
    emo: float | None = None,
    q: float | None = None,
    qtype: str | None = "none",
    lang: float | None = 1.0,
    pack: str = "p",
    drill: str = "a",
) -> AttemptRow:
    row_id = next(_ids)
    return AttemptRow(
        id=row_id,
        uuid=f"u{row_id}",
        profile_id=1,
        pack_id=pack,
        drill_id=drill,
        created_at=created_at,
        overall=overall,
        paraphrase_score=para,
        paraphrase_level=level,
        emotion_score=emo,
        emotion_acknowledged=None if emo is None else emo > 0,
        question_score=q,
        question_type=qtype,
        language_score=lang,
        seconds=10.0,
    )


@pytest.fixture
def four_rows() -> list[AttemptRow]:
    """Mon 4 March (two), Wed 6 March, Mon 11 March 2024, all UTC."""
    return [
        row(
            "2024-03-04T09:00:00+00:00",
            60,
            para=0.5,
            level="simple",
            emo=1.0,
            q=0.3,
            qtype="closed",
            lang=1.0,
        ),
        row("2024-03-04T17:00:00+00:00", 80, para=0.8, level="simple", emo=0.0, q=None, lang=0.5),
        row(
            "2024-03-06T10:00:00+00:00",
            40,
            para=None,
            emo=0.0,
            q=1.0,
            qtype="open",
            lang=1.0,
            drill="b",
        ),
        row(
            "2024-03-11T08:00:00+00:00",
            90,
            para=1.0,
            level="complex",
            emo=1.0,
            q=1.0,
            qtype="open",
            lang=1.0,
        ),
    ]


def test_skill_averages_count_only_asked_skills(four_rows: list[AttemptRow]) -> None:
    averages = skill_averages(four_rows)
    assert averages.attempts == 4
    assert averages.overall == pytest.approx(270 / 4)  # 60 + 80 + 40 + 90
    assert averages.skill(P) == pytest.approx(230 / 3)  # 0.5, 0.8, 1.0; not asked once
    assert averages.skill(E) == pytest.approx(50.0)  # 1, 0, 0, 1
    assert averages.skill(Q) == pytest.approx(230 / 3)  # 0.3, 1.0, 1.0
    assert averages.skill(L) == pytest.approx(87.5)  # 1, 0.5, 1, 1
    assert averages.best is L
    assert averages.weakest is E


def test_skill_averages_of_nothing_are_undefined() -> None:
    averages = skill_averages([])
    assert averages.attempts == 0
    assert averages.overall is None
    assert averages.best is None and averages.weakest is None
    assert all(value is None for value in averages.skills.values())


def test_equal_skills_have_no_weakest() -> None:
    averages = skill_averages([row("2024-03-04T09:00:00+00:00", para=0.5, lang=0.5)])
    assert averages.best is P  # the first listed wins a tie
    assert averages.weakest is None


def test_weakest_skills_run_from_lowest(four_rows: list[AttemptRow]) -> None:
    ranked = weakest_skills(four_rows)
    assert [(s.skill, round(s.average, 2), s.attempts) for s in ranked] == [
        (E, 50.0, 4),
        (P, 76.67, 3),
        (Q, 76.67, 3),
        (L, 87.5, 4),
    ]


def test_daily_series(four_rows: list[AttemptRow]) -> None:
    series = period_series(four_rows, "day", tz=UTC)
    assert [(p.start, p.attempts, p.overall) for p in series] == [
        (date(2024, 3, 4), 2, 70.0),
        (date(2024, 3, 6), 1, 40.0),
        (date(2024, 3, 11), 1, 90.0),
    ]
    monday = series[0].skills
    assert monday[P] == pytest.approx(65.0)  # (0.5 + 0.8) / 2
    assert monday[E] == pytest.approx(50.0)
    assert monday[Q] == pytest.approx(30.0)  # only the first asked
    assert monday[L] == pytest.approx(75.0)
    assert series[1].skills[P] is None


def test_weekly_series_starts_on_monday(four_rows: list[AttemptRow]) -> None:
    series = period_series(four_rows, "week", tz=UTC)
    assert [(p.start, p.attempts, p.overall) for p in series] == [
        (date(2024, 3, 4), 3, 60.0),  # (60 + 80 + 40) / 3
        (date(2024, 3, 11), 1, 90.0),
    ]
    first = series[0].skills
    assert first[E] == pytest.approx(100 / 3)
    assert first[Q] == pytest.approx(65.0)  # (0.3 + 1.0) / 2
    assert first[L] == pytest.approx(250 / 3)  # (1 + 0.5 + 1) / 3


def test_days_are_local_days(four_rows: list[AttemptRow]) -> None:
    hawaii = timezone(timedelta(hours=-10))
    # 09:00 UTC on Monday is 23:00 on Sunday; 08:00 UTC on 11 March is Sunday 10 March.
    days = period_series(four_rows, "day", tz=hawaii)
    assert [(p.start, p.attempts) for p in days] == [
        (date(2024, 3, 3), 1),
        (date(2024, 3, 4), 1),
        (date(2024, 3, 6), 1),
        (date(2024, 3, 10), 1),
    ]
    weeks = period_series(four_rows, "week", tz=hawaii)
    assert [(p.start, p.attempts) for p in weeks] == [
        (date(2024, 2, 26), 1),
        (date(2024, 3, 4), 3),
    ]


def test_part_hour_zones_split_an_hour_at_midnight() -> None:
    india = timezone(timedelta(hours=5, minutes=30))
    rows = [row("2024-03-04T18:15:00+00:00"), row("2024-03-04T18:45:00+00:00")]
    assert local_dates(rows, india) == [date(2024, 3, 4), date(2024, 3, 5)]


def test_timestamps_without_offset_are_utc() -> None:
    assert local_dates([row("2024-03-04T23:30:00")], timezone(timedelta(hours=1))) == [
        date(2024, 3, 5)
    ]


def test_unknown_period_is_refused(four_rows: list[AttemptRow]) -> None:
    with pytest.raises(ValueError, match="month"):
        period_series(four_rows, "month")  # type: ignore[arg-type]


def test_attempts_per_day_fill_days_off(four_rows: list[AttemptRow]) -> None:
    counts = attempts_per_day(four_rows, tz=UTC)
    assert len(counts) == 8  # 4 to 11 March
    assert counts[0] == (date(2024, 3, 4), 2)
    assert counts[1] == (date(2024, 3, 5), 0)
    assert counts[2] == (date(2024, 3, 6), 1)
    assert counts[-1] == (date(2024, 3, 11), 1)
    assert sum(n for _, n in counts) == 4
    window = attempts_per_day(four_rows, tz=UTC, start=date(2024, 3, 10), end=date(2024, 3, 12))
    assert window == [(date(2024, 3, 10), 0), (date(2024, 3, 11), 1), (date(2024, 3, 12), 0)]
    assert attempts_per_day([], tz=UTC) == []


def test_streak_ends_today_or_yesterday() -> None:
    rows = [
        row("2024-03-01T10:00:00+00:00"),
        row("2024-03-04T10:00:00+00:00"),
        row("2024-03-05T10:00:00+00:00"),
        row("2024-03-05T11:00:00+00:00"),
        row("2024-03-06T10:00:00+00:00"),
    ]
    assert current_streak(rows, date(2024, 3, 6), tz=UTC) == 3
    assert current_streak(rows, date(2024, 3, 7), tz=UTC) == 3  # not broken until tonight
    assert current_streak(rows, date(2024, 3, 8), tz=UTC) == 0
    assert current_streak(rows, date(2024, 3, 2), tz=UTC) == 1
    assert current_streak([], date(2024, 3, 6), tz=UTC) == 0


def profile_rows() -> list[AttemptRow]:
    """Five older replies with closed questions and no reflection, then ten recent ones:
    7 open and 3 closed questions; 4 complex and 6 simple reflections."""
    older = [row("2024-03-01T10:00:00+00:00", qtype="closed", level="none") for _ in range(5)]
    recent = [
        row(
            "2024-03-02T10:00:00+00:00",
            qtype="open" if i < 7 else "closed",
            level="complex" if i < 4 else "simple",
        )
        for i in range(10)
    ]
    return older + recent


def test_listening_profile_over_the_last_attempts() -> None:
    profile = listening_profile(profile_rows(), last_n=10)
    assert profile.attempts == 10
    assert (profile.questions, profile.open_questions) == (10, 7)
    assert (profile.reflections, profile.complex_reflections) == (10, 4)
    assert profile.open_question_share.value == pytest.approx(0.7)
    assert profile.open_question_share.band is Band.GOOD  # 70% is good, exactly
    assert profile.reflections_per_question.value == pytest.approx(1.0)
    assert profile.reflections_per_question.band is Band.FAIR  # 1:1 is fair
    assert profile.complex_share.value == pytest.approx(0.4)
    assert profile.complex_share.band is Band.FAIR  # 40% is fair


def test_listening_profile_reaches_back_as_far_as_asked() -> None:
    profile = listening_profile(profile_rows(), last_n=50)
    assert profile.attempts == 15
    assert profile.open_question_share.value == pytest.approx(7 / 15)
    assert profile.open_question_share.band is Band.BELOW
    assert profile.reflections_per_question.value == pytest.approx(10 / 15)
    assert profile.reflections_per_question.band is Band.BELOW
    assert profile.complex_share.band is Band.FAIR


def test_listening_profile_without_questions_or_reflections_is_undefined() -> None:
    profile = listening_profile([row("2024-03-01T10:00:00+00:00") for _ in range(3)])
    assert profile.attempts == 3
    for metric in (
        profile.open_question_share,
        profile.reflections_per_question,
        profile.complex_share,
    ):
        assert metric.value is None and metric.band is None
    assert listening_profile([]).attempts == 0


def test_good_bands_at_their_thresholds() -> None:
    rows = [
        row("2024-03-02T10:00:00+00:00", qtype="open", level="complex"),
        row("2024-03-02T10:00:00+00:00", qtype="none", level="simple"),
    ]
    profile = listening_profile(rows)
    assert profile.reflections_per_question.value == pytest.approx(2.0)
    assert profile.reflections_per_question.band is Band.GOOD
    assert profile.complex_share.value == pytest.approx(0.5)
    assert profile.complex_share.band is Band.GOOD


def test_drills_to_practise_use_the_latest_attempts() -> None:
    rows = [
        row("2024-03-01T10:00:00+00:00", 20, drill="a"),
        row("2024-03-01T11:00:00+00:00", 55, pack="q", drill="a"),
        row("2024-03-02T10:00:00+00:00", 90, drill="a"),
        row("2024-03-02T11:00:00+00:00", 50, drill="b"),
        row("2024-03-03T10:00:00+00:00", 90, drill="a"),
        row("2024-03-03T11:00:00+00:00", 70, drill="c"),
        row("2024-03-04T10:00:00+00:00", 90, drill="a"),
        row("2024-03-04T11:00:00+00:00", 60, drill="b"),
    ]
    ranked = drills_to_practise(rows, limit=10)
    # a: last three 90, 90, 90 (the early 20 no longer counts); b: (50 + 60) / 2; c: 70;
    # q/a: 55, tied with b and practised earlier, so it comes first.
    assert [(d.pack_id, d.drill_id, d.average, d.attempts) for d in ranked] == [
        ("q", "a", 55.0, 1),
        ("p", "b", 55.0, 2),
        ("p", "c", 70.0, 1),
        ("p", "a", 90.0, 4),
    ]
    assert ranked[1].last_attempt_at == "2024-03-04T11:00:00+00:00"
    assert len(drills_to_practise(rows, limit=2)) == 2
    assert drills_to_practise(rows, limit=10, recent=4)[-1].average == pytest.approx(72.5)


def attempt(overall: int, *results: SkillResult) -> Attempt:
    return Attempt(
        uuid=f"a{overall}",
        profile_id=1,
        pack_id="p",
        drill_id="a",
        statement="s",
        response="r",
        feedback=Feedback(overall=overall, skills=results, findings=()),
        seconds=5.0,
        created_at="2024-03-04T09:00:00+00:00",
    )


def test_round_summary_names_the_weakest_skill_and_what_to_do() -> None:
    round_ = [
        attempt(
            50,
            SkillResult(P, 0.5, "simple"),
            SkillResult(E, 0.0, "no"),
            SkillResult(Q, 1.0, "open"),
            SkillResult(L, 1.0, ""),
        ),
        attempt(
            55,
            SkillResult(P, 0.9, "simple"),
            SkillResult(E, 0.0, "no"),
            SkillResult(Q, 0.3, "closed"),
            SkillResult(L, 1.0, ""),
        ),
        attempt(
            77,
            SkillResult(P, 0.8, "simple"),
            SkillResult(E, 1.0, "yes"),
            SkillResult(Q, 0.0, "none", asked=False),
            SkillResult(L, 0.5, ""),
        ),
    ]
    summary = round_summary(round_)
    assert summary.attempts == 3
    assert summary.average == pytest.approx(182 / 3)
    assert summary.skills[P] == pytest.approx(220 / 3)
    assert summary.skills[E] == pytest.approx(100 / 3)
    assert summary.skills[Q] == pytest.approx(65.0)  # the third did not ask for a question
    assert summary.skills[L] == pytest.approx(250 / 3)
    assert (summary.best, summary.weakest) == (L, E)
    assert "feeling" in summary.next_step


def test_round_summary_of_an_empty_and_a_strong_round() -> None:
    empty = round_summary([])
    assert (empty.attempts, empty.average, empty.best, empty.weakest) == (0, None, None, None)
    assert "Answer a few drills" in empty.next_step
    strong = round_summary([attempt(100, SkillResult(P, 1.0, "complex"), SkillResult(L, 1.0, ""))])
    assert strong.average == 100.0
    assert "harder pack" in strong.next_step
    weak_question = round_summary(
        [attempt(40, SkillResult(Q, 0.3, "closed"), SkillResult(L, 1.0, ""))]
    )
    assert weak_question.weakest is Q
    assert "what or how" in weak_question.next_step


def test_daily_totals_from_sqlite_match_those_from_rows(store: Store) -> None:
    profile = store.current_profile()
    base = datetime(2024, 3, 4, 6, 0, tzinfo=UTC)
    for index in range(40):
        when = base + timedelta(hours=7 * index)  # crosses local midnights in any zone
        attempt = sample_attempt(profile.id, index)
        store.record_attempt(replace(attempt, created_at=when.isoformat(timespec="seconds")))
    rows = store.attempt_rows(profile.id)
    from_sql = store.daily_totals(profile.id)
    from_rows = daily_totals(rows)  # both in the machine's zone
    assert [t.day for t in from_sql.days] == [t.day for t in from_rows.days]
    for sql_day, row_day in zip(from_sql.days, from_rows.days, strict=True):
        assert sql_day.attempts == row_day.attempts
        assert sql_day.overall_sum == pytest.approx(row_day.overall_sum)
        assert sql_day.skill_sums == pytest.approx(row_day.skill_sums)
        assert sql_day.skill_counts == row_day.skill_counts
    assert period_series(from_sql, "week") == period_series(rows, "week")
    assert skill_averages(from_sql) == skill_averages(rows)
    assert attempts_per_day(from_sql) == attempts_per_day(rows)
    today = from_rows.days[-1].day
    assert current_streak(from_sql, today) == current_streak(rows, today) > 0


def test_figures_from_totals_equal_those_from_rows(four_rows: list[AttemptRow]) -> None:
    totals = daily_totals(four_rows, UTC)
    assert [(t.day, t.attempts, t.skill_counts) for t in totals.days] == [
        (date(2024, 3, 4), 2, (2, 2, 1, 2)),
        (date(2024, 3, 6), 1, (0, 1, 1, 1)),
        (date(2024, 3, 11), 1, (1, 1, 1, 1)),
    ]
    assert period_series(totals, "week") == period_series(four_rows, "week", tz=UTC)
    assert skill_averages(totals) == skill_averages(four_rows)
    assert weakest_skills(totals) == weakest_skills(four_rows)
