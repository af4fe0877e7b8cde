"""The advice for a denied feeling says the feeling back, and never insults the customer."""

from __future__ import annotations

import pytest

from listen_drill.core.scoring import default_scorer

STATEMENT = "My son spent £200 on in-app games on my card and I had no idea. I feel so stupid."


def denied_advice(reply: str) -> list[str]:
    feedback = default_scorer().score(STATEMENT, reply)
    return [f.suggestion for f in feedback.findings if f.kind == "emotion.negated"]


def test_a_self_judgement_is_normalised_not_said_back() -> None:
    advice = denied_advice("Don't feel like an idiot, it happens to loads of parents!")
    assert len(advice) == 1
    assert "idiot" not in advice[0]
    assert "caught out" in advice[0]


@pytest.mark.parametrize(
    ("reply", "said_back"),
    [
        ("Please don't feel down about it.", "“You sound down.”"),
        ("You're not worried, you're just careful.", "“You sound worried.”"),
    ],
)
def test_a_feeling_is_said_back_as_a_feeling(reply: str, said_back: str) -> None:
    assert any(said_back in advice for advice in denied_advice(reply))
