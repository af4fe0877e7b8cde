"""With a drill's key points, a reflection must carry some of them: form alone is not enough."""

from __future__ import annotations

import pytest

from listen_drill.core.models import KeyPoint, Skill
from listen_drill.core.scoring import default_scorer

STATEMENT = (
    "Every time I open the app it logs me out and I have to type my password again. "
    "It's been like this since the update."
)
KEY_POINTS = (
    KeyPoint("logged out every time", ("log out", "password", "sign in")),
    KeyPoint("since the update", ("update", "new version")),
)


def paraphrase_label(response: str, key_points: tuple[KeyPoint, ...]) -> str:
    feedback = default_scorer().score(STATEMENT, response, key_points=key_points)
    return feedback.skill(Skill.PARAPHRASE).label


@pytest.mark.parametrize(
    "response",
    [
        "So your order went missing and you need it for the weekend.",
        "It sounds like the driver took it to the house next door.",
        "So you're saying the courier never turned up at your door.",
        # "keeps" shares only a synonym group with "every time": not this customer's story
        "So your internet keeps dropping in the evenings.",
    ],
)
def test_a_reflection_of_another_situation_earns_nothing(response: str) -> None:
    assert paraphrase_label(response, KEY_POINTS) == "none"


@pytest.mark.parametrize(
    "response",
    [
        "So since the update you have to type your password every single time.",
        "You keep getting logged out whenever you open it, ever since the new version.",
    ],
)
def test_a_reflection_of_this_situation_still_counts(response: str) -> None:
    assert paraphrase_label(response, KEY_POINTS) != "none"


def test_a_fitting_feeling_on_another_story_is_no_reflection_of_feeling() -> None:
    """The feeling may fit, but the story told back is not the customer's: no "you said back
    what the customer told you", not even as a reflection of feeling."""
    response = "So your internet keeps dropping at night, which sounds really frustrating."
    assert paraphrase_label(response, KEY_POINTS) == "none"
    assert paraphrase_label("You sound really frustrated with it.", KEY_POINTS) == "simple"


def test_without_key_points_the_form_still_counts() -> None:
    """Counselling turns have no key points and often share no word with the reply: there a
    reflection is recognised by its form, as the evaluation sets require."""
    assert paraphrase_label("So you're saying the courier never turned up at your door.", ()) != (
        "none"
    )


def test_no_stop_word_is_a_synonym() -> None:
    """Phrases in synonyms.toml ("over and over") lend their words, never their stop words."""
    lexicon = default_scorer().lexicon
    assert not {"and", "over", "the", "a"} & set(lexicon.synonym_group_of)
