"""Chat spelling ("youre", "dont", "u", "ur") is judged as the words written in full.

Agents typing fast in a chat window drop apostrophes and shorten "you"; the same reply must
earn the same feedback, with every highlight on the words as they were typed.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from listen_drill.core.models import Feedback
from listen_drill.core.scoring import default_scorer
from listen_drill.core.scoring.apostrophes import restore, spelled_in_full
from listen_drill.core.scoring.text import normalise, tokenize
from tests.core.scoring.bundled_drills import drills

DATA = Path(__file__).resolve().parents[2] / "data"


def rows_with_apostrophes(table: str = "customer_service_cases.toml") -> list[dict[str, Any]]:
    rows = tomllib.loads((DATA / table).read_text(encoding="utf-8"))["cases"]
    return [row for row in rows if "'" in row["response"].replace("’", "'")]


def judged(feedback: Feedback, reply: str) -> dict[str, Any]:
    """Everything the agent sees, with the highlighted words' apostrophes left out."""
    return {
        "overall": feedback.overall,
        "skills": [(s.skill, s.label, s.score) for s in feedback.skills],
        "roadblocks": sorted(feedback.roadblocks),
        "findings": [
            (f.kind, f.points, reply[f.start : f.end].replace("'", "")) for f in feedback.findings
        ],
    }


def test_the_table_has_enough_contractions_to_mean_something() -> None:
    assert len(rows_with_apostrophes()) >= 150


@pytest.mark.parametrize("row", rows_with_apostrophes(), ids=lambda row: row["id"])
def test_a_reply_typed_without_apostrophes_is_judged_the_same(row: dict[str, Any]) -> None:
    scorer = default_scorer()
    typed = row["response"].replace("’", "'")
    bare = typed.replace("'", "")
    extra = {"key_points": row["key_points"]} if "key_points" in row else {}
    with_them = scorer.score(row["statement"], typed, **extra)
    without = scorer.score(row["statement"], bare, **extra)
    assert judged(without, bare) == judged(with_them, typed)


@pytest.mark.parametrize(
    "row", rows_with_apostrophes("drill_replies.toml"), ids=lambda row: row["id"]
)
def test_a_drill_reply_typed_without_apostrophes_is_judged_the_same(row: dict[str, Any]) -> None:
    drill = drills()[row["drill"]]
    typed = row["response"].replace("’", "'")
    bare = typed.replace("'", "")
    scorer = default_scorer()
    assert judged(scorer.score_drill(drill, bare), bare) == judged(
        scorer.score_drill(drill, typed), typed
    )


def shortened(text: str) -> str:
    """ "you" as "u" and "your" as "ur", as typed in chat ("you're" stays)."""
    return re.sub(r"\b([Yy])our\b(?!')", "ur", re.sub(r"\b([Yy])ou\b(?!')", "u", text))


def rows_with_you() -> list[dict[str, Any]]:
    rows = tomllib.loads((DATA / "customer_service_cases.toml").read_text(encoding="utf-8"))
    return [row for row in rows["cases"] if shortened(row["response"]) != row["response"]]


@pytest.mark.parametrize("row", rows_with_you(), ids=lambda row: row["id"])
def test_a_reply_with_u_for_you_is_judged_the_same(row: dict[str, Any]) -> None:
    scorer = default_scorer()
    typed = row["response"]
    short = shortened(typed)
    extra = {"key_points": row["key_points"]} if "key_points" in row else {}
    full = judged(scorer.score(row["statement"], typed, **extra), typed)
    chat = judged(scorer.score(row["statement"], short, **extra), short)
    full["findings"] = [
        (kind, points, shortened(words)) for kind, points, words in full["findings"]
    ]
    assert chat == full


def test_a_statement_typed_without_apostrophes_asks_for_the_same() -> None:
    scorer = default_scorer()
    reply = "You're worried it won't come in time. What date do you need it by?"
    typed = "Im so worried it wont come in time, its my sons birthday!"
    written = "I'm so worried it won't come in time, it's my sons birthday!"
    assert judged(scorer.score(typed, reply), reply) == judged(scorer.score(written, reply), reply)


@pytest.mark.parametrize(
    "text",
    [
        "You sound ill, and its lid was broken too.",  # an adjective, a possessive
        "It lets you track it, and we were told well before.",
        "Your ID was checked; the shell and the hell of a wait.",
        "It was sent from the U.S. office, so a U-turn on the price is unlikely.",
    ],
)
def test_words_that_are_words_stay_as_they_are(text: str) -> None:
    lexicon = default_scorer().lexicon
    lowered = normalise(text)
    restored = restore(
        text, lowered, tokenize(lowered), lexicon.chat_spellings, lexicon.missing_letters
    )
    assert restored.text == text
    assert restored.inserted == []


def test_apostrophes_go_back_and_offsets_come_back() -> None:
    lexicon = default_scorer().lexicon
    text = "Youre right, its so late. Ill check, lets see why it didnt come."
    lowered = normalise(text)
    restored = restore(
        text, lowered, tokenize(lowered), lexicon.chat_spellings, lexicon.missing_letters
    )
    assert restored.text == "You're right, it's so late. I'll check, let's see why it didn't come."
    for start, end in [(0, 6), (14, 18), (28, 32), (40, 45), (57, 63)]:
        word = restored.text[start:end]
        mapped = text[restored.original(start) : restored.original(end)]
        assert mapped == word.replace("'", ""), (word, mapped)


def test_highlights_land_on_the_words_as_typed() -> None:
    reply = "Dont worry, its only a parcel."
    feedback = default_scorer().score("My parcel is lost and I'm really upset.", reply)
    marked = {reply[f.start : f.end] for f in feedback.findings if f.has_span}
    assert "Dont worry" in marked
    assert any(text.startswith("its only") for text in marked), marked


@pytest.mark.parametrize(
    ("spelled", "short", "named"),
    [(["youre"], {}, "'youre'"), (["you'r'e"], {}, "you.r.e"), ([], {"r": "are"}, "'r'")],
)
def test_a_lexicon_entry_that_cannot_be_restored_is_an_error(
    spelled: list[str], short: dict[str, str], named: str
) -> None:
    with pytest.raises(ValueError, match=named):
        spelled_in_full(spelled, short)
