"""Does the reply name or validate a feeling that fits the customer's?"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from listen_drill.core.scoring.lexicon import GENERIC_FAMILY, Lexicon
from listen_drill.core.scoring.text import Sentence, Token, contains_any

# Feelings close enough that naming one for another still shows the agent heard.
RELATED: tuple[frozenset[str], ...] = (
    frozenset({"frustrated", "angry", "impatient", "hurt", "distrustful", "disappointed"}),
    frozenset({"worried", "stressed", "overwhelmed", "helpless", "confused"}),
    frozenset({"sad", "hurt", "disappointed", "embarrassed", "helpless"}),
    frozenset({"relieved", "grateful"}),
)
POSITIVE = frozenset({"relieved", "grateful"})
SECOND_PERSON = frozenset({"you", "your", "you're", "you've", "you'd", "you'll", "yours"})
IMPERSONAL_OPENERS = ("that", "this", "it", "what a", "how", "such", "no wonder", "sounds",
                      "must", "so", "anyone", "of course", "i can hear", "i can see", "i hear",
                      "i imagine", "i can imagine", "i get", "i'd", "i would")  # fmt: skip


class FeelingMention(NamedTuple):
    """A feeling named in the reply, and how (a tuple: cheap to make)."""

    family: str
    start: int
    end: int
    negated: bool
    mild: bool
    for_customer: bool


class EmotionAnalysis(NamedTuple):
    """What the emotion skill found in one reply (a tuple: made once per reply, cheaply)."""

    mentions: list[FeelingMention]
    validations: list[tuple[int, int]]
    expected: frozenset[str]
    fitting: list[FeelingMention]
    wrong: list[FeelingMention]


def related(expected: frozenset[str]) -> frozenset[str]:
    """Families that count as fitting when these were expected."""
    allowed = set(expected)
    for group in RELATED:
        if group & expected:
            allowed |= group
    return frozenset(allowed)


def statement_emotions(lowered: str, tokens: list[Token], lexicon: Lexicon) -> frozenset[str]:
    """Feelings the customer's words show: named ones, and cues such as "third time" or "!!!"."""
    found = {lexicon.emotion_stems[t.stem] for t in tokens if t.stem in lexicon.emotion_stems}
    found.discard(GENERIC_FAMILY)
    if lexicon.emotion_phrase_re is not None:
        found |= {
            lexicon.emotion_phrase_family[m.group()]
            for m in lexicon.emotion_phrase_re.finditer(lowered)
        }
    if (lexicon.frustration_signs and lexicon.frustration_signs.search(lowered)) or (
        lexicon.repeat_cues and lexicon.repeat_cues.search(lowered)
    ):
        found.add("frustrated")
    if lexicon.worry_signs and lexicon.worry_signs.search(lowered):
        found.add("worried")
    if lexicon.sadness_signs and lexicon.sadness_signs.search(lowered):
        found.add("disappointed")
    found -= {"grateful"} if found - POSITIVE else set()
    return frozenset(found)


def statement_intensity(original: str, lowered: str, lexicon: Lexicon) -> int:
    """1 to 3 from the customer's own cues: capitals, "!!", repetition words."""
    level = 1
    letters = [ch for ch in original if ch.isalpha()]
    capitals = sum(1 for word in original.split() if len(word) > 2 and word.isupper())
    if (
        "!!" in original
        or capitals >= 2
        or (letters and sum(c.isupper() for c in letters) > 0.5 * len(letters))
    ):
        level += 1
    if lexicon.repeat_cues and lexicon.repeat_cues.search(lowered):
        level += 1
    if lexicon.frustration_signs and lexicon.frustration_signs.search(lowered):
        level += 1
    return min(level, 3)


CLAUSE_MARKS = frozenset(",;:.!?")
FIRST_PERSON = frozenset({"i'm", "i've", "me", "myself", "we're"})
FEELING_VERBS = frozenset({"am", "feel", "felt", "was", "get", "got", "became", "become"})


def _agents_own(before: list[Token]) -> bool:
    """ "I'm upset" and "I feel sad" are the agent's; "I understand how upsetting" is not."""
    for index, token in enumerate(before):
        if token.text in FIRST_PERSON:
            return True
        following = before[index + 1].text if index + 1 < len(before) else ""
        if token.text in ("i", "we") and following in FEELING_VERBS:
            return True
    return False


def find_mentions(
    lowered: str, tokens: list[Token], sentences: list[Sentence], lexicon: Lexicon
) -> list[FeelingMention]:
    stems = lexicon.emotion_stems
    raw: list[tuple[str, int, int]] = [
        (family, t.start, t.end) for t in tokens if (family := stems.get(t.stem)) is not None
    ]
    if lexicon.emotion_phrase_re is not None and contains_any(
        lowered, lexicon.emotion_phrase_pieces
    ):
        phrase_family = lexicon.emotion_phrase_family
        raw.extend(
            (phrase_family[m.group()], *m.span())
            for m in lexicon.emotion_phrase_re.finditer(lowered)
        )
    mentions: list[FeelingMention] = []
    if not raw:
        return mentions
    ends = [t.end for t in tokens]
    for family, start, end in sorted(raw, key=lambda item: item[1]):
        if any(start < m.end and m.start < end for m in mentions):
            continue  # a phrase and a word inside it: one mention
        first_after = bisect_right(ends, start)
        before = [
            t
            for t in tokens[max(0, first_after - 3) : first_after]
            if CLAUSE_MARKS.isdisjoint(lowered[t.end : start])
        ]  # same clause, close by: "…for nothing, which is annoying" negates nothing
        negated = any(
            (t.text in lexicon.negations or t.text.endswith("n't"))
            and not lowered.startswith(("no wonder", "no doubt"), t.start)
            for t in before
        )
        own = _agents_own(before)  # "I'm so frustrated": the agent's feeling, not the customer's
        window = lowered[max(0, start - 14) : start]
        mild = bool(lexicon.mild and lexicon.mild.search(window))
        mentions.append(
            FeelingMention(
                family, start, end, negated, mild, not own and _for_customer(start, sentences)
            )
        )
    return mentions


def _for_customer(start: int, sentences: list[Sentence]) -> bool:
    """A feeling counts when it is about the customer or their situation, not in a condition.

    "If you're worried about…" sets a condition; it does not reflect anything.
    """
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return not sentence.text.startswith(("if ", "when ", "whenever "))
    return False


REACTING = ("to hear", "to see", "to read", "for you", "about your", "about that", "that you",
            "about what")  # fmt: skip


def _reacting(start: int, sentences: list[Sentence]) -> bool:
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return any(marker in sentence.text for marker in REACTING)
    return False


def families_except_positive(lexicon: Lexicon) -> set[str]:
    """With no feeling to go on, naming a happy one is no acknowledgement of a complaint."""
    return set(lexicon.families) - POSITIVE


def analyse_emotion(
    lowered: str,
    tokens: list[Token],
    sentences: list[Sentence],
    expected: frozenset[str],
    lexicon: Lexicon,
    blocked: list[tuple[int, int]] = (),  # type: ignore[assignment]
    given: bool = True,
) -> EmotionAnalysis:
    """Find feelings named for the customer, warm validations, and feelings that don't fit.

    `given` says the expected feelings come from the drill; inferred ones (from cues in the
    statement) only separate painful from positive feelings.

    `blocked` spans (scripted lines, roadblocks) never count as validation: "sorry for any
    inconvenience" is not sympathy, and "I understand, but" is not understanding.
    """
    mentions = [
        m
        for m in find_mentions(lowered, tokens, sentences, lexicon)
        if not (blocked and any(m.start < end and start < m.end for start, end in blocked))
    ]  # "I understand your frustration" is a scripted line, not an acknowledgement
    found = lexicon.validation.finditer(lowered) if lexicon.validation else ()
    validations = [
        (m.start(), m.end())
        for m in found
        if not (blocked and any(m.start() < end and start < m.end() for start, end in blocked))
    ]
    validations += [
        (m.start, m.end)
        for m in mentions
        if not m.for_customer and not m.negated and _reacting(m.start, sentences)
    ]  # the agent's own feeling about their news ("I'm so sad to hear") is a warm reaction
    validations.sort()
    fitting: list[FeelingMention] = []
    wrong: list[FeelingMention] = []
    counted = [m for m in mentions if not m.negated and m.for_customer]
    allowed = _allowed(expected, lexicon, given) if counted else frozenset()
    for mention in counted:
        if mention.family in allowed or (mention.family == GENERIC_FAMILY and allowed - POSITIVE):
            fitting.append(mention)
        elif not any(start <= mention.start < end for start, end in validations):
            wrong.append(mention)  # "I'm glad you found help" is warmth, not a wrong label
    return EmotionAnalysis(mentions, validations, expected, fitting, wrong)


def _allowed(expected: frozenset[str], lexicon: Lexicon, given: bool) -> frozenset[str]:
    """The families that fit; worked out only when the reply names a feeling for the customer."""
    if given:
        return related(expected) if expected else frozenset(families_except_positive(lexicon))
    if expected and not expected - POSITIVE:
        return POSITIVE  # a happy customer: naming their relief fits, naming anger doesn't
    return frozenset(families_except_positive(lexicon))  # cues can't tell which pain
