"""One reply's verdict and the report's colours put every score in the same band."""

from __future__ import annotations

from listen_drill.core.stats import FAIR_SCORE, GOOD_SCORE, Band, score_band
from listen_drill.core.wording import verdict

WORDS_BY_BAND = {
    Band.GOOD: {"Strong reply"},
    Band.FAIR: {"Good start", "Needs work"},
    Band.BELOW: {"Try again"},
}


def test_every_score_gets_a_verdict_from_its_own_band() -> None:
    for score in range(101):
        assert verdict(score) in WORDS_BY_BAND[score_band(score)], score


def test_the_bands_meet_where_the_report_says() -> None:
    assert [verdict(s) for s in (GOOD_SCORE - 1, GOOD_SCORE)] == ["Good start", "Strong reply"]
    assert [verdict(s) for s in (FAIR_SCORE - 1, FAIR_SCORE)] == ["Try again", "Needs work"]
    assert verdict(72) == "Strong reply"  # the report lists a 72 among the best replies
    assert verdict(100) == "Strong reply" and verdict(0) == "Try again"
