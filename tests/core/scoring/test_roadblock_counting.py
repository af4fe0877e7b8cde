"""One kind of roadblock costs once in a sentence, however many phrases say it; each is marked."""

from __future__ import annotations

from listen_drill.core.scoring import default_scorer

STATEMENT = "A leak under the floor ran for weeks and nobody told me. Now my water bill is £900."


def minimising(reply: str) -> list[tuple[str, float]]:
    feedback = default_scorer().score(STATEMENT, reply)
    return [
        (reply[f.start : f.end], f.points)
        for f in feedback.findings
        if f.kind == "roadblock.minimising"
    ]


def test_two_phrases_in_one_sentence_cost_once_and_are_both_marked() -> None:
    found = minimising(
        "£900 for a leak you couldn't see. Look on the bright side, at least it's fixed."
    )
    assert [text.lower() for text, _points in found] == ["look on the bright side", "at least"]
    assert sum(points for _text, points in found) == found[0][1] < 0


def test_the_same_kind_in_two_sentences_costs_twice() -> None:
    found = minimising("Look on the bright side. At least it's fixed now.")
    assert len(found) == 2
    assert found[0][1] == found[1][1] < 0
