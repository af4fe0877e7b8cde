"""Does the reply turn to the agent's own story? "I had the same with my phone company."

An agent who tells their own experience takes the spotlight from the customer, however kindly
meant. Most sentences with "I" in a service reply are the agent at work, though: "I've checked
your order", "I'm sorry to hear that", "I'll ring the depot". So a sentence counts as the agent's
story when it holds an explicit marker ("me too", "happened to me"), or when it speaks of the
agent without addressing the customer and none of its first-person clauses is the agent at work
(the lexicon's `agent_at_work` list).
"""

from __future__ import annotations

import re

from listen_drill.core.scoring.lexicon import Lexicon
from listen_drill.core.scoring.text import (
    SECOND_PERSON,
    Sentence,
    Token,
    longest_common_run,
)

# What a word says of who speaks to whom: "I", "I'm", "my" (the agent as a subject; "me" is
# rarely one), "me", "myself", or the customer addressed.
SUBJECT, MY, ME, ADDRESSED = 1, 2, 3, 4
ROLES: dict[str, int] = {
    **dict.fromkeys(("i", "im", "ive", "i'm", "i've", "i'd", "i'll", "i's"), SUBJECT),
    "my": MY,
    "me": ME,
    "myself": ME,
    **dict.fromkeys(SECOND_PERSON, ADDRESSED),
}
# Words between the subject and its verb that change nothing: "I really understand".
ADVERBS = frozenset({"really", "totally", "completely", "truly", "just", "so", "absolutely",
                     "fully", "genuinely", "honestly", "certainly", "definitely", "personally",
                     "actually", "already", "now", "quickly", "immediately", "do", "did",
                     "also", "still"})  # fmt: skip
AUXILIARIES = frozenset({"", "am", "'m", "was", "do", "did", "have", "had", "can", "could",
                         "will", "would", "should", "must", "might", "may"})  # fmt: skip
ADVERBS_RE = re.compile(r"^(i|i'm|i've) (?:(?:" + "|".join(sorted(ADVERBS)) + r") )+")
# After these an "I" sits inside another clause ("the charge, which I've reversed", "once I have
# the serial number", "I wish I had better news"), and a "my" after a preposition is no subject
# ("on my screen", "with my manager").
EMBEDDING = frozenset({"what", "which", "that", "once", "if", "unless", "until", "whether",
                       "wish", "whatever"})  # fmt: skip
PREPOSITIONS = frozenset({"on", "in", "to", "of", "with", "from", "at", "for", "by", "into",
                          "onto", "about", "under", "through", "behind", "over"})  # fmt: skip
GREETING_RE = re.compile(
    r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s,!.]*(?:there\b[\s,!.]*)?"
    r"(?:i'm|im|i am|my name is|this is) \w+(?: \w+)?[.!]?$"
)  # "Hi, I'm Priya.": the agent introduces themselves
# "My son lost a parcel last week. It was awful.": the story goes on in the past tense.
STORY_GOES_ON_RE = re.compile(
    r"(?:it|that|this|they|he|she|we) (?:was|were|had|took|did|got|turned|ended|cost|"
    r"lasted|felt|made|went)\b"
)
EXCLAIMING = ("my goodness", "my god", "my gosh", "my word", "my lord", "my days")
SPOKEN_DASH_RE = re.compile(r"\s+[-–—]+\s+")
APOSTROPHE_FREE = (("im ", "i'm "), ("ive ", "i've "), ("i am ", "i'm "))
ECHO_SHARE = 0.6  # a sentence this much made of the customer's own words repeats theirs


class Story:
    """One sentence of the agent's own story.

    `narrative` when the agent tells of themselves without addressing the customer ("My son had
    a parcel go missing. It was awful."): a feeling named there is the agent's. A bare claim to
    share the experience ("I know the feeling", "Me too") is self-focus, but the feeling it
    points at is still the customer's.
    """

    __slots__ = ("end", "narrative", "sentence", "start")

    def __init__(self, start: int, end: int, sentence: int, narrative: bool) -> None:
        self.start = start
        self.end = end
        self.sentence = sentence  # its index in the reply: neighbouring sentences make one stretch
        self.narrative = narrative

    def __repr__(self) -> str:
        return f"Story({self.start!r}, {self.end!r}, {self.sentence!r}, {self.narrative!r})"


def own_story(
    sentences: list[Sentence],
    tokens: list[Token],
    customer_words: tuple[str, ...],
    lexicon: Lexicon,
) -> list[Story]:
    """The sentences in which the agent turns to their own story.

    One walk over the reply's tokens finds, per sentence, where the agent speaks of themselves
    and whether the customer is addressed: no pattern has to scan the sentence for either.
    """
    stories: list[Story] = []
    markers = lexicon.self_talk
    count = len(tokens)
    position = 0
    for index, sentence in enumerate(sentences):
        while position < count and tokens[position].start < sentence.start:
            position += 1
        if sentence.asks:
            continue  # a question asks; "Why am I always…?" is judged with the questions
        text = sentence.text
        subjects: list[tuple[int, bool]] = []  # offset in the sentence, and whether it is "my"
        addressed = mentions_me = False
        following = position
        while following < count and tokens[following].start < sentence.end:
            token = tokens[following]
            following += 1
            role = ROLES.get(token.text)  # one look-up: most words are none of these
            if role is None:
                continue
            offset = token.start - sentence.start
            if text[offset] == " ":
                continue  # inside quoted speech, masked: someone else's words
            if role == MY and text.startswith(EXCLAIMING, offset):
                continue  # "Oh my goodness": surprise, not the agent's own story
            if role == ADDRESSED:
                addressed = True
            elif role == ME:
                mentions_me = True
            else:
                subjects.append((offset, role == MY))
        narrative = (
            bool(subjects) and not addressed and _narrative(text, subjects, customer_words, lexicon)
        ) or (
            bool(stories)
            and stories[-1].sentence == index - 1
            and stories[-1].narrative
            and not addressed
            and STORY_GOES_ON_RE.match(text) is not None
        )
        if narrative or (
            markers is not None
            and (subjects or mentions_me or "same" in text)
            and markers.search(text) is not None
        ):  # every marker holds "I", "my", "me", "myself" or "same": without them, no search
            stories.append(Story(sentence.start, sentence.end, index, narrative))
    return stories


def stretches(stories: list[Story]) -> list[tuple[int, int]]:
    """Neighbouring story sentences as one span: "I had that too. It took me weeks." """
    spans: list[tuple[int, int]] = []
    previous = -2
    for story in stories:
        if story.sentence == previous + 1:
            spans[-1] = (spans[-1][0], story.end)
        else:
            spans.append((story.start, story.end))
        previous = story.sentence
    return spans


def _narrative(
    text: str, subjects: list[tuple[int, bool]], customer_words: tuple[str, ...], lexicon: Lexicon
) -> bool:
    """The agent speaks of themselves (not to the customer) and not about the job in hand."""
    at_work = lexicon.agent_at_work
    if all(
        _tells_nothing(clause := _plain(text[offset:])) or at_work.match(clause) is not None
        for offset, is_my in subjects
        if _is_subject(text, offset, is_my)
    ):
        return False  # "I've checked the tracking", "I'm so sorry": the agent at work
    # "My new phone won't charge", said back: the customer's words, not a story
    return GREETING_RE.match(text) is None and not _echoes(text, customer_words)


def _tells_nothing(clause: str) -> bool:
    """ "…how sorry I am.", "…than I do": a subject with no more than a helping verb after it
    says nothing of the agent."""
    words = clause.split(" ", 2)
    if len(words) > 2 and words[2].strip(".,;:!?"):
        return False
    return len(words) < 2 or words[1].strip(".,;:!?") in AUXILIARIES


def _is_subject(text: str, offset: int, is_my: bool) -> bool:
    """Whether the "I" or "my" at `offset` starts a clause of the agent's (see EMBEDDING)."""
    before = text[:offset].rstrip().rpartition(" ")[2]
    if before in EMBEDDING:
        return False
    return not is_my or before not in PREPOSITIONS


def _plain(clause: str) -> str:
    """ "im really sorry" reads as "i'm sorry", so one list serves every spelling."""
    if " -" in clause or " –" in clause or " —" in clause:
        clause = SPOKEN_DASH_RE.sub(" ", clause)  # "I'm - so - sorry", as speech is transcribed
    for written, plain in APOSTROPHE_FREE:
        if clause.startswith(written):
            clause = plain + clause[len(written) :]
            break
    if clause.partition(" ")[2].partition(" ")[0] not in ADVERBS:
        return clause  # most clauses: no adverb to skip, no pattern to run
    return ADVERBS_RE.sub(r"\1 ", clause, count=1)


def _echoes(text: str, customer_words: tuple[str, ...]) -> bool:
    """Whether the sentence is mostly the customer's own words, said back to them."""
    words: list[str] = re.findall(r"[a-z0-9']+", text)
    return bool(customer_words) and longest_common_run(words, customer_words) >= ECHO_SHARE * len(
        words
    )
