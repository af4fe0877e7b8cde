"""Does the reply name or validate a feeling that fits the customer's?"""

from __future__ import annotations

import re
from bisect import bisect_right

from listen_drill.core.scoring.lexicon import GENERIC_FAMILY, Lexicon
from listen_drill.core.scoring.question import strip_fillers
from listen_drill.core.scoring.text import SECOND_PERSON, SECOND_PERSON_RE, Sentence, Token

# Feelings close enough that naming one for another still shows the agent heard.
RELATED: tuple[frozenset[str], ...] = (
    frozenset({"frustrated", "angry", "impatient", "hurt", "distrustful", "disappointed"}),
    frozenset({"worried", "stressed", "overwhelmed", "helpless", "confused"}),
    frozenset({"sad", "hurt", "disappointed", "embarrassed", "helpless"}),
    frozenset({"relieved", "grateful", "excited"}),
)
POSITIVE = frozenset({"relieved", "grateful", "excited"})
IMPERSONAL_OPENERS = ("that", "this", "it", "what a", "how", "such", "no wonder", "sounds",
                      "must", "so", "anyone", "of course", "i can hear", "i can see", "i hear",
                      "i imagine", "i can imagine", "i get", "i'd", "i would")  # fmt: skip


class FeelingMention:
    """A feeling named in the reply, and how."""

    __slots__ = ("end", "family", "for_customer", "mild", "negated", "start")

    def __init__(
        self, family: str, start: int, end: int, negated: bool, mild: bool, for_customer: bool
    ) -> None:
        self.family = family
        self.start = start
        self.end = end
        self.negated = negated
        self.mild = mild
        self.for_customer = for_customer

    def __repr__(self) -> str:
        flags = f"negated={self.negated}, mild={self.mild}, for_customer={self.for_customer}"
        return f"FeelingMention({self.family!r}, {self.start}, {self.end}, {flags})"


class EmotionAnalysis:
    """What the emotion skill found in one reply."""

    __slots__ = ("expected", "fitting", "mentions", "validations", "wrong")

    def __init__(
        self,
        mentions: list[FeelingMention],
        validations: list[tuple[int, int]],
        expected: frozenset[str],
        fitting: list[FeelingMention],
        wrong: list[FeelingMention],
    ) -> None:
        self.mentions = mentions
        self.validations = validations
        self.expected = expected
        self.fitting = fitting
        self.wrong = wrong


def related(expected: frozenset[str]) -> frozenset[str]:
    """Families that count as fitting when these were expected."""
    allowed = set(expected)
    for group in RELATED:
        if group & expected:
            allowed |= group
    return frozenset(allowed)


def feeling_words(tokens: list[Token], lexicon: Lexicon) -> list[tuple[str, Token]]:
    """(family, token) for each word used as a feeling: "feel lost" is one, "lost my card" not."""
    found: list[tuple[str, Token]] = []
    stems = lexicon.emotion_stems
    hits = [(index, t) for index, t in enumerate(tokens) if t.stem in stems]  # usually none
    for index, token in hits:
        family = stems[token.stem]
        if token.text in lexicon.not_feelings or (
            index > 0 and f"{tokens[index - 1].text} {token.text}" in lexicon.feeling_idioms
        ):
            continue
        if token.stem in lexicon.framed_stems and not _framed(tokens, index, lexicon):
            continue
        if token.text in lexicon.feeling_nouns and not (
            index > 0 and tokens[index - 1].text in lexicon.determiners
        ):
            continue
        found.append((family, token))
    return found


def _framed(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if following == "to":  # "hard to find" is a difficulty, not a feeling
        return False
    frames = lexicon.feeling_frames
    previous = tokens[index - 1].text if index > 0 else ""
    if previous in frames:
        frame = index - 1
    elif previous in lexicon.frame_bridges and index > 1 and tokens[index - 2].text in frames:
        frame = index - 2
    else:
        return False
    # "tried so hard", "working really hard": how much effort, not how it feels
    return frame == 0 or tokens[frame - 1].text not in lexicon.effort_verbs


def statement_emotions(lowered: str, tokens: list[Token], lexicon: Lexicon) -> frozenset[str]:
    """Feelings the customer's words show: named ones, and cues such as "third time" or "!!!"."""
    found = {family for family, _token in feeling_words(tokens, lexicon)}
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
# Close before a feeling, these make it someone else's: "I'm upset", "my anxiety", "her fear".
NOT_THE_CUSTOMER = frozenset({"i'm", "im", "i've", "ive", "i'll", "me", "myself", "we're", "my",
                              "our", "his", "her", "their"})  # fmt: skip
SUBJECTS = frozenset({"i", "we"})
# Before "happy to" or "glad to", these make it the agent's willingness: "I'd be happy to check".
WILLING = frozenset({"i", "i'd", "id", "i'm", "im", "i'll", "we", "we'd", "we're", "we'll"})
# "I really understand how upsetting…": after these the feeling is the customer's, not the agent's.
EMPATHIC_VERBS = frozenset({"understand", "know", "imagine", "hear", "see", "get", "bet", "guess",
                            "sense", "appreciate", "realise", "realize", "think", "would", "could",
                            "wish", "hope"})  # fmt: skip
ADVERBS = frozenset({"really", "totally", "completely", "fully", "just", "do", "truly", "can",
                     "can't", "cannot", "only", "so", "absolutely"})  # fmt: skip


def _someone_elses(near: list[Token]) -> bool:
    """ "I'm upset", "I always feel alone": the agent's; "I understand how upsetting" is not.

    A first person close before the feeling makes it the agent's, unless an empathic verb
    follows it ("I can imagine…") or the words turn to the customer ("I'm sorry you're…").
    """
    for index, token in enumerate(near):
        if token.text not in NOT_THE_CUSTOMER and token.text not in SUBJECTS:
            continue
        after = near[index + 1 :]
        if any(t.text in SECOND_PERSON for t in after):
            return False
        if token.text in SUBJECTS:
            verb = next((t.text for t in after if t.text not in ADVERBS), "")
            if verb in EMPATHIC_VERBS or not verb:
                continue
        return True
    return False


def find_mentions(
    lowered: str, tokens: list[Token], sentences: list[Sentence], lexicon: Lexicon
) -> list[FeelingMention]:
    raw: list[tuple[str, int, int]] = [
        (family, t.start, t.end)
        for family, t in feeling_words(tokens, lexicon)
        if t.text not in lexicon.courtesies  # "Thank you for waiting" is the agent's courtesy
    ]
    if lexicon.emotion_phrase_re is not None:
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
        near = [
            t
            for t in tokens[max(0, first_after - 5) : first_after]
            if CLAUSE_MARKS.isdisjoint(lowered[t.end : start])
        ]  # same clause, close by: "…for nothing, which is annoying" negates nothing
        before = near[-3:]
        negated = any(
            (t.text in lexicon.negations or t.text.endswith("n't"))
            and not lowered.startswith(("no wonder", "no doubt"), t.start)
            and not (t.text == "not" and TRYING_RE.search(lowered, max(0, t.start - 30), t.start))
            and all(w.text in NEGATION_BRIDGES for w in before[i + 1 :])
            for i, t in enumerate(before)
        )  # "you're not upset", "don't be worried"; not "payments you didn't make is alarming"
        own = _someone_elses(near)  # "I'm so frustrated": the agent's, not the customer's
        if not own and family in POSITIVE and (not near or any(t.text in WILLING for t in near)):
            following = bisect_right(ends, end)
            # "Happy to check", "I'd be glad to help": the agent's willingness, not a feeling
            own = following < len(tokens) and tokens[following].text == "to"
        window = lowered[max(0, start - 14) : start]
        mild = bool(lexicon.mild and lexicon.mild.search(window))
        mentions.append(
            FeelingMention(
                family,
                start,
                end,
                negated,
                mild,
                not own and _for_customer(start, sentences, lexicon),
            )
        )
    return mentions


# "Trying hard not to panic" holds the feeling back: it is there, not denied.
TRYING_RE = re.compile(
    r"(?:\btr(?:y|ying|ied|ies)(?: (?:so|very|really|your best|my best))?(?: hard)?"
    r"|\bdoing (?:your|my|their|his|her) (?:very )?best) $"
)

# Words that may stand between a negation and the feeling it denies: "don't be worried",
# "not that upset", "isn't really frustrating". Any other word takes the negation for itself.
NEGATION_BRIDGES = frozenset(("be", "being", "been", "feel", "feeling", "felt", "get", "getting",
                              "seem", "sound", "so", "too", "very", "really", "that", "at", "all",
                              "even", "a", "bit", "to", "is", "are", "was", "were",
                              "you're", "i'm", "it's", "you", "any", "more", "overly",
                              "feelings", "of", "sign", "signs"))  # fmt: skip

# A sentence that starts with someone else is about them ("My mum finds it confusing too"),
# unless it turns to the customer before the feeling, or the agent is only framing their words.
OTHER_SUBJECTS = ("i ", "i'm", "i've", "i was", "my ", "me ", "we ", "we're", "we've", "our ",
                  "he ", "she ", "they ", "he's", "she's", "they're", "his ", "her ", "their ",
                  "people ", "everyone", "everybody", "someone", "somebody")  # fmt: skip
EMPATHIC_FRAMES = ("i understand", "i know", "i'm sorry", "i am sorry", "i'm so sorry",
                   "i'm really sorry", "i realise", "i realize", "i appreciate", "i bet", "i guess",
                   "i wonder", "i sense", "i notice", "i think", "i imagine", "i can", "i'd",
                   "i would", "i hear", "i get", "i see", "i feel for", "i'm guessing",
                   "i'm hearing", "i'm sensing", "i'm getting", "i'm sure")  # fmt: skip


def _for_customer(start: int, sentences: list[Sentence], lexicon: Lexicon) -> bool:
    """A feeling counts when it is about the customer or their situation, not in a condition.

    "If you're worried about…" sets a condition; it does not reflect anything. "I found the app
    confusing too" is the agent's own story, not the customer's feeling.
    """
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            text = sentence.text
            if text.startswith(("if ", "when ", "whenever ")):
                return False
            before = text[: start - sentence.start]
            clause_start = max(before.rfind(mark) for mark in CLAUSE_BREAKS) + 1
            clause = text[clause_start:].lstrip()
            if clause.startswith(CONJUNCTIONS):
                clause = _CONJUNCTION_RE.sub("", clause)
            lead = strip_fillers(clause, lexicon)
            if not lead.startswith(OTHER_SUBJECTS):
                return True
            framing = _SOFTENERS_RE.sub(r"\1 ", lead)  # "I really understand" frames too
            if framing.startswith(EMPATHIC_FRAMES):
                return True
            return SECOND_PERSON_RE.search(before) is not None
    return False


_SOFTENERS_RE = re.compile(
    r"^(i|i'm) (?:(?:really|totally|completely|truly|just|do|so|absolutely) )+"
)
CONJUNCTIONS = ("and", "but", "so", "because", "though", "although")
_CONJUNCTION_RE = re.compile(r"^(?:and|but|so|because|though|although)\s+")
CLAUSE_BREAKS = (",", ";", ":", "—", " - ")  # where a clause of the sentence begins


REACTING = ("to hear", "to see", "to read", "for you", "about your", "about that", "that you",
            "about what you", "about what happened")  # fmt: skip


def _reacting(end: int, lowered: str) -> bool:
    """ "I'm so sad to hear that": the agent's feeling about the customer's news, right after it."""
    return lowered[end : end + 16].lstrip().startswith(REACTING)


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
        if not m.for_customer and not m.negated and _reacting(m.end, lowered)
    ]  # the agent's own feeling about their news ("I'm so sad to hear") is a warm reaction
    validations.sort()
    fitting: list[FeelingMention] = []
    wrong: list[FeelingMention] = []
    counted = [m for m in mentions if not m.negated and m.for_customer]
    allowed = _allowed(expected, lexicon, given) if counted else frozenset()
    for mention in counted:
        if mention.family in allowed or (mention.family == GENERIC_FAMILY and allowed - POSITIVE):
            fitting.append(mention)
        elif mention.family != GENERIC_FAMILY and not any(
            start <= mention.start < end for start, end in validations
        ):  # "I'm glad you found help" is warmth, not a wrong label; and "asking felt really
            # hard", said to a grateful customer who was ashamed to ask, names their past, not
            # a wrong feeling
            wrong.append(mention)
    return EmotionAnalysis(mentions, validations, expected, fitting, wrong)


def _allowed(expected: frozenset[str], lexicon: Lexicon, given: bool) -> frozenset[str]:
    """The families that fit; worked out only when the reply names a feeling for the customer."""
    if given:
        return related(expected) if expected else frozenset(families_except_positive(lexicon))
    if expected and not expected - POSITIVE:
        return POSITIVE  # a happy customer: naming their relief fits, naming anger doesn't
    # cues can't tell which pain; a happy word the customer used ("I was so excited") still fits
    return frozenset(families_except_positive(lexicon)) | (expected & POSITIVE)
