"""The agent's own story against the agent at work: which "I" sentences take the spotlight."""

from __future__ import annotations

import pytest

from listen_drill.core.models import Skill
from listen_drill.core.scoring import default_scorer
from listen_drill.core.scoring.story import own_story, stretches
from listen_drill.core.scoring.text import mask_quotes, normalise, sentences, tokenize

AT_WORK = [
    "I've gone ahead and refunded the delivery charge.",
    "I was able to find the booking.",
    "I spoke to the warehouse this morning.",
    "I had a word with my manager and we can waive the fee.",
    "I'm checking the tracking now.",
    "Hi, I'm Sam.",
    "I'm Sam, from the billing team.",
    "I work in the returns team, so this is exactly what I handle.",
    "I have the order up on my screen now.",
    "I'm afraid the item is out of stock.",
    "I don't have that information to hand.",
    "I wish I had better news.",
    "I'm so sorry this happened.",
    "Okay, so, um, I'm - so - sorry that happened.",
    "I'll call the depot and ring back within the hour.",
    "I also noticed a second charge, which I've reversed.",
    "Once I have the serial number, I can order the part.",
    "My colleague in the fraud team will call today.",
    "My apologies for the confusion.",
    "There's nothing I can do, it's out of my hands.",
    "I messed up there, and I'm sorry.",
    "I need your order number.",
    "I have to ask a few security questions.",
    "I wanted to check the address first.",
    "I've pushed the refund through now.",
    "Yes there is, I'm a real person!",
    "I rerouted the van to the depot.",
    "I've dealt with it now.",
    "I've been through your order history and found the problem.",
    "I just want to say how sorry I am.",
    "I'm on the phone to the courier now.",
    "I'm still waiting to hear from the warehouse.",
    "My apologies, I misread that.",
]

STORIES = [
    "I had the same thing with my phone company last month.",
    "My son had a parcel go missing last week.",
    "I used to get that train every day.",
    "Me too.",
    "I know the feeling.",
    "When I was a student my landlord did the same.",
    "I go to bed around one and wake up twice.",
    "I wanted a refund as well when mine broke.",
    "I had to chase mine for a month.",
    "I've been through it with my own bank.",
]

STATEMENT = "My parcel never came and it was a birthday present."


def stories_in(reply: str) -> list[tuple[int, int]]:
    lexicon = default_scorer().lexicon
    customer = tuple(normalise(STATEMENT).replace(".", "").split())
    lowered = normalise(reply)
    found = own_story(sentences(mask_quotes(lowered)), tokenize(lowered), customer, lexicon)
    return stretches(found)


@pytest.mark.parametrize("line", AT_WORK)
def test_the_agent_at_work_tells_no_story(line: str) -> None:
    assert stories_in(line) == []


@pytest.mark.parametrize("line", STORIES)
def test_the_agents_own_story_is_found(line: str) -> None:
    assert stories_in(line) == [(0, len(line))]


def test_a_story_told_in_two_sentences_is_one_stretch_and_a_question_is_none() -> None:
    reply = "I had that too. It took me weeks. What happened when you called?"
    assert stories_in(reply) == [(0, reply.index(" What"))]


def test_saying_the_customers_words_back_is_no_story() -> None:
    assert stories_in("My parcel never came.") == []


def test_a_feeling_in_the_agents_story_is_not_the_customers() -> None:
    """ "It was awful" about the agent's own parcel acknowledges nothing of the customer's."""
    scorer = default_scorer()
    story = scorer.score(STATEMENT, "My son had a parcel go missing last week. It was awful.")
    assert story.skill(Skill.EMOTION).label == "no"
    assert "paraphrase.self_focus" in {f.kind for f in story.findings}
    shared = scorer.score(STATEMENT, "Me too! That must be so frustrating for you.")
    assert shared.skill(Skill.EMOTION).label == "yes"  # the claim is self-focus; the feeling theirs
