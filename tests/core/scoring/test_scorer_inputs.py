"""Inputs that once went wrong: letters that lower-case to two characters, curly apostrophes in
a pack's phrases, skills given as a generator, stutters cleaned in two steps, replies cut short."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from listen_drill.core.models import Skill
from listen_drill.core.scoring import default_scorer
from listen_drill.core.scoring.question import clean_speech
from listen_drill.core.scoring.text import normalise

STATEMENT = "This is the third time my delivery has been late!"
TABLE = Path(__file__).resolve().parents[2] / "data" / "customer_service_cases.toml"


def test_normalise_never_changes_the_length() -> None:
    for text in ("İstanbul İİ you", "Don’t ‘quote’ me", "STRASSE ẞ", "ǅ ǈ ǋ"):
        assert len(normalise(text)) == len(text)
    assert normalise("Don’t PANIC") == "don't panic"


def test_findings_point_at_the_right_words_after_a_dotted_capital_i() -> None:
    reply = "İİ you are not upset. What happened?"
    feedback = default_scorer().score(STATEMENT, reply)
    negated = [f for f in feedback.findings if f.kind == "emotion.negated"]
    assert negated, feedback.findings
    assert reply[negated[0].start : negated[0].end] == "upset"
    assert "upset" in negated[0].suggestion


def test_a_packs_phrase_with_a_curly_apostrophe_matches_a_plain_one() -> None:
    scorer = default_scorer()
    feedback = scorer.score(STATEMENT, "Can't promise anything.", avoid=("can’t promise",))
    assert "avoid" in feedback.roadblocks
    plain = scorer.score(STATEMENT, "Can’t promise anything.", avoid=("can't promise",))
    assert "avoid" in plain.roadblocks


def test_a_packs_phrase_that_is_also_a_roadblock_costs_once() -> None:
    """A trainer who lists "as I said" (a built-in roadblock) doesn't double the cost."""
    scorer = default_scorer()
    reply = "As I said, the engineer is booked. What would help?"
    listed = scorer.score(STATEMENT, reply, avoid=("as I said",))
    assert listed.roadblocks == ("defensive",)
    assert listed.overall == scorer.score(STATEMENT, reply).overall


def test_skills_may_come_from_a_generator() -> None:
    wanted = [Skill.QUESTION, Skill.EMOTION]
    from_tuple = default_scorer().score(STATEMENT, "What happened?", skills=tuple(wanted))
    from_generator = default_scorer().score(
        STATEMENT, "What happened?", skills=(skill for skill in wanted)
    )
    assert from_generator == from_tuple
    assert not from_generator.skill(Skill.PARAPHRASE).asked


def test_cleaning_transcribed_stutters_is_done_in_one_pass() -> None:
    """The question check cleans a sentence twice and the paraphrase check once: both must
    read the same words."""
    for text in ("i-i-it was late", "wh-wh-what happened", "th-th-that is so-so", "i-it"):
        once = clean_speech(text)
        assert clean_speech(once) == once
    assert clean_speech("i-i-it was late") == "it was late"


def test_a_reply_that_stops_after_should_is_scored() -> None:
    """ "It really should" once ran off the end of its words looking for a "have"."""
    feedback = default_scorer().score(STATEMENT, "It really should")
    assert feedback.skill(Skill.PARAPHRASE).label == "none"


def test_every_word_prefix_of_the_teams_replies_is_scored() -> None:
    """A reply cut after any word (as an agent types) never breaks a rule that looks ahead:
    every cut scores, within 0-100, with every highlight inside the reply."""
    table = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    scorer = default_scorer()
    for case in table["cases"]:
        statement = table["statements"][case["statement"]]
        words = case["response"].split(" ")
        for cut in range(1, len(words) + 1):
            reply = " ".join(words[:cut])
            feedback = scorer.score(statement, reply)
            assert 0 <= feedback.overall <= 100, reply
            assert all(0 <= f.start <= f.end <= len(reply) for f in feedback.findings), reply


def test_a_single_skill_drill_gives_no_advice_on_skills_it_does_not_ask_for() -> None:
    """A paraphrase-only drill must not tell the agent to name a feeling or ask a question."""
    feedback = default_scorer().score(
        STATEMENT, "So your parcel has gone missing again.", skills=(Skill.PARAPHRASE,)
    )
    kinds = {finding.kind for finding in feedback.findings}
    assert "emotion.missing" not in kinds
    assert "question.missing" not in kinds
    assert any(finding.skill is Skill.PARAPHRASE for finding in feedback.findings)


def test_words_that_cost_points_elsewhere_are_shown_at_no_cost() -> None:
    feedback = default_scorer().score(
        STATEMENT, "So your parcel is late. Why didn't you check the tracking?",
        skills=(Skill.PARAPHRASE,),
    )  # fmt: skip
    accusing = [f for f in feedback.findings if f.kind == "question.accusing_why"]
    assert accusing and accusing[0].points == 0


def test_copying_the_customer_back_costs_and_says_one_thing() -> None:
    """A word-for-word copy was told it had some of the words, that it said nothing back and
    that it parroted, all at once, and lost nothing for it."""
    feedback = default_scorer().score(STATEMENT, STATEMENT)
    paraphrase = [f for f in feedback.findings if f.skill is Skill.PARAPHRASE]
    assert [f.kind for f in paraphrase] == ["paraphrase.parroting"]
    assert paraphrase[0].points < 0


def test_a_wrong_fact_is_not_called_accurate() -> None:
    feedback = default_scorer().score(
        STATEMENT, "So this is the second time your delivery has been late, and that's not on."
    )
    kinds = {f.kind for f in feedback.findings}
    assert "paraphrase.wrong_fact" in kinds
    assert "paraphrase.go_deeper" not in kinds  # "A simple reflection: accurate, but…"


def test_an_accusing_open_question_is_not_praised_as_inviting() -> None:
    feedback = default_scorer().score(STATEMENT, "Why didn't you check the tracking earlier?")
    earned = next(f for f in feedback.findings if f.kind == "question.open")
    assert "invites" not in earned.message
    assert earned.suggestion  # listed as something to work on, not as something that worked


def test_a_feeling_said_while_arguing_is_explained_not_asked_for_again() -> None:
    """After "as I said" the sentence argues, so its "frustrating" earns nothing; advice to
    "name the feeling: 'That sounds really frustrating'" would contradict the reply."""
    feedback = default_scorer().score(
        "You told me last week it would be fixed and it still isn't.",
        "It is still broken, as I said, which is really frustrating for you. What happened?",
    )
    missing = next(f for f in feedback.findings if f.kind == "emotion.missing")
    assert "“as I said”" in missing.suggestion
    assert "frustrating" not in missing.suggestion


@pytest.mark.parametrize("reply", ["What time were you told?", "Okay, so which flight was it?"])
def test_a_closed_what_question_is_not_told_to_start_with_what(reply: str) -> None:
    closed = next(
        f
        for f in default_scorer().score("My flight was cancelled.", reply).findings
        if f.kind == "question.closed"
    )
    assert "start with “What" not in closed.suggestion
