"""Properties of the statistics on arbitrary histories (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listen_drill.core.models import AttemptRow
from listen_drill.core.stats import (
    attempts_per_day,
    daily_totals,
    listening_profile,
    period_series,
    skill_averages,
)

START = datetime(2024, 1, 1, tzinfo=UTC)
scores = st.one_of(st.none(), st.floats(0, 1))


@st.composite
def histories(draw: st.DrawFn) -> list[AttemptRow]:
    offsets = sorted(draw(st.lists(st.integers(0, 60 * 24 * 60), max_size=40)))
    return [
        AttemptRow(
            id=index,
            uuid=f"u{index}",
            profile_id=1,
            pack_id="p",
            drill_id=draw(st.sampled_from(["a", "b", "c"])),
            created_at=(START + timedelta(minutes=minutes)).isoformat(timespec="seconds"),
            overall=draw(st.integers(0, 100)),
            paraphrase_score=draw(scores),
            paraphrase_level=draw(st.sampled_from(["none", "simple", "complex", None])),
            emotion_score=draw(scores),
            emotion_acknowledged=None,
            question_score=draw(scores),
            question_type=draw(st.sampled_from(["none", "open", "closed", None])),
            language_score=draw(scores),
            seconds=1.0,
        )
        for index, minutes in enumerate(offsets)
    ]


zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=-7)), timezone(timedelta(hours=5, minutes=45))]
)


@settings(max_examples=60, deadline=None)
@given(histories(), zones)
def test_series_account_for_every_attempt(rows: list[AttemptRow], tz: timezone) -> None:
    for by in ("day", "week"):
        series = period_series(rows, by, tz=tz)
        assert sum(point.attempts for point in series) == len(rows)
        assert [point.start for point in series] == sorted({point.start for point in series})
        if by == "week":
            assert all(point.start.weekday() == 0 for point in series)
    assert sum(count for _, count in attempts_per_day(rows, tz=tz)) == len(rows)
    averages = skill_averages(rows)
    if rows:
        weighted = sum(p.overall * p.attempts for p in period_series(rows, tz=tz)) / len(rows)
        assert weighted == pytest.approx(averages.overall)
    from_totals = skill_averages(daily_totals(rows, tz))
    assert from_totals.attempts == averages.attempts
    for skill, value in averages.skills.items():
        assert from_totals.skills[skill] == pytest.approx(value)


@settings(max_examples=60, deadline=None)
@given(histories(), st.integers(0, 60))
def test_listening_profile_shares_stay_between_zero_and_one(
    rows: list[AttemptRow], last_n: int
) -> None:
    profile = listening_profile(rows, last_n)
    assert profile.attempts == min(last_n, len(rows))
    for metric in (profile.open_question_share, profile.complex_share):
        assert metric.value is None or 0.0 <= metric.value <= 1.0
        assert (metric.value is None) == (metric.band is None) == (metric.denominator == 0)
