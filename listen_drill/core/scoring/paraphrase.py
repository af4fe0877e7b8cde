"""Does the reply carry what the customer said, in the agent's words, from the customer's side?"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum

from listen_drill.core.models import KeyPoint
from listen_drill.core.scoring.lexicon import Lexicon
from listen_drill.core.scoring.question import (
    SAYING_BACK,
    QuestionType,
    is_reflective_check,
    starts_with_any,
    strip_fillers,
)
from listen_drill.core.scoring.text import (
    SECOND_PERSON,
    Sentence,
    Token,
    longest_common_run,
    normalise,
    reader_words,
    stem,
)

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "first": "1", "second": "2", "third": "3",
    "fourth": "4", "fifth": "5", "sixth": "6", "twice": "2", "once": "1", "thrice": "3",
}  # fmt: skip
DIGITS_RE = re.compile(r"\d+")
MULTIPLIER_FOLLOWERS = frozenset({"the", "as", "a", "an", "that", "what", "your", "my", "our"})
MULTIPLES = frozenset({"once", "twice", "thrice"})  # each also counts times: "twice" = 2 times
DAYS_A_WEEK = 7
# Relatives, by who they are: "mum" and "mother" are one person, "son" and "grandson" two.
KIN = {
    **dict.fromkeys(("mum", "mom", "mother", "mam", "mummy", "mommy"), "mother"),
    **dict.fromkeys(("dad", "father", "daddy", "papa"), "father"),
    **dict.fromkeys(("gran", "grandma", "grandmother", "nan", "nana", "granny", "nanna"),
                    "grandmother"),
    **dict.fromkeys(("grandad", "granddad", "grandpa", "grandfather"), "grandfather"),
    **{word: word for word in ("son", "daughter", "grandson", "granddaughter", "husband", "wife",
                               "brother", "sister", "uncle", "aunt", "nephew", "niece")},
}  # fmt: skip


def relative(word: str) -> str | None:
    """The relative a word names: "mum's", "mums" (chat spelling) and "mum" are one mother."""
    kin = KIN.get(word.removesuffix("'s"))
    return kin if kin is not None or not word.endswith("s") else KIN.get(word[:-1])


PARROT_RUN = 8  # words in a row copied from the customer: "long stretches"
PARROT_SHARE = 0.15  # …and at least this share of the reply (an 89-word retelling may echo 8)
ECHO_WORDS = 6  # a reply this short made of the customer's words echoes them back


class ParaphraseLevel(StrEnum):
    NONE = "none"
    SIMPLE = "simple"
    COMPLEX = "complex"


@dataclass(frozen=True)
class StatementContent:
    """What a paraphrase should carry: content stems, key points, counted facts ("third time")."""

    stems: frozenset[str]
    key_points: tuple[tuple[str, frozenset[str]], ...]  # text, stems (with synonyms)
    counted: frozenset[tuple[str, str]]  # (number, stem of the word after it): "third time"
    words: tuple[str, ...]
    reader_words: tuple[str, ...]  # hyphenated words as one: what parroting is counted in
    # every stem that carries content: the statement's, the key points', and any stem in a
    # synonym group the statement touches; one set look-up per reply word instead of three
    carried: frozenset[str]
    # the statement's and the key points' own stems, without the synonym groups: with key
    # points, a reflection must carry one of these ("keeps dropping" shares only a group with
    # "third time", and is no reflection of a late parcel)
    direct: frozenset[str]
    kin: frozenset[str]  # the relatives the customer named ("mother" for "my mum")


class ParaphraseAnalysis:
    """What the paraphrase skill found in one reply."""

    __slots__ = (
        "advice_only",
        "covered_points",
        "level",
        "missing_points",
        "parroted",
        "reflective",
        "score",
        "wrong_numbers",
    )

    def __init__(
        self,
        level: ParaphraseLevel,
        score: float,
        reflective: list[Sentence],
        covered_points: list[str],
        missing_points: list[str],
        parroted: bool,
        wrong_numbers: list[tuple[int, int]],
        advice_only: bool,
    ) -> None:
        self.level = level
        self.score = score
        self.reflective = reflective
        self.covered_points = covered_points
        self.missing_points = missing_points
        self.parroted = parroted
        self.wrong_numbers = wrong_numbers
        self.advice_only = advice_only


def content_of(
    tokens: list[Token], key_points: tuple[KeyPoint, ...], lexicon: Lexicon, lowered: str = ""
) -> StatementContent:
    stems = frozenset(t.stem for t in tokens if t.text not in lexicon.stopwords and len(t.text) > 2)
    points: list[tuple[str, frozenset[str]]] = []
    for point in key_points:
        words = [point.text, *point.synonyms]
        point_stems = {
            stem(word)
            for phrase in words
            for word in normalise(phrase).split()
            if word not in lexicon.stopwords
        }
        points.append((point.text, frozenset(point_stems)))
    groups = frozenset(lexicon.synonym_group_of[s] for s in stems if s in lexicon.synonym_group_of)
    all_point_stems = frozenset(stem_ for _text, stems_ in points for stem_ in stems_)
    grouped = {s for s, group in lexicon.synonym_group_of.items() if group in groups}
    return StatementContent(
        stems=stems,
        key_points=tuple(points),
        counted=frozenset(_counted(tokens, lexicon.stopwords)),
        words=tuple(t.text for t in tokens),
        reader_words=tuple(reader_words(tokens, lowered)),
        carried=stems | all_point_stems | grouped,
        direct=stems | all_point_stems,
        kin=frozenset(kin for t in tokens if (kin := relative(t.text)) is not None),
    )


VALIDATION_WORDS = 8  # a sentence this short after the situation can only be about it


def _validated_next(
    sentences: list[Sentence],
    index: int,
    by_sentence: dict[int, list[Token]],
    validations: list[tuple[int, int]],
) -> bool:
    """Whether the next sentence is a short validation or names a fitting feeling ("That's
    maddening.", "What a horrible surprise."): it makes the situation said just before it a
    reflection, "you" or not."""
    if index + 1 >= len(sentences):
        return False
    following = sentences[index + 1]
    if len(by_sentence[following.start]) > VALIDATION_WORDS:
        return False
    return any(following.start <= start < following.end for start, _ in validations)


CONDOLENCE = re.compile(
    r"^\W*(?:i'?m |i am |we'?re |we are )?(?:(?:so|very|really|truly|deeply) )*sorry "
    r"(?:for|about|to hear about) (?:your|the) (?:loss|[\w']+)\W*$"
)
FOREIGN_WORDS = 3  # content words the customer never said: a story of its own


def _another_story(words: list[Token], content: StatementContent, lexicon: Lexicon) -> bool:
    """ "So your internet keeps dropping, which sounds frustrating", said to a customer whose
    parcel is late: the feeling may fit, but the story told back is not theirs. Only a drill's
    key points say what the story is; without them, new words may be the agent's own."""
    if not content.key_points or any(t.stem in content.direct for t in words):
        return False
    foreign = [
        t for t in words
        if t.text not in lexicon.stopwords and len(t.text) > 2 and t.stem not in content.carried
        and t.stem not in lexicon.emotion_stems
    ]  # fmt: skip
    return len(foreign) >= FOREIGN_WORDS


def _number_value(token: Token) -> str | None:
    return NUMBER_WORDS.get(token.text) or (token.text if DIGITS_RE.fullmatch(token.text) else None)


def _counted(tokens: list[Token], stopwords: frozenset[str]) -> list[tuple[str, str]]:
    """(number, what it counts) pairs: "third time" -> ("3", "time"); "twice" -> ("2", "time").

    Only a content word is a unit: in "from 90 a month to 310. Same house" neither "a" nor
    "same" is counted, or "310 a month" said back would be a wrong fact.
    """
    pairs: list[tuple[str, str]] = [
        (NUMBER_WORDS[t.text], "time") for t in tokens if t.text in ("once", "twice", "thrice")
    ]
    for token, following in itertools.pairwise(tokens):
        value = _number_value(token)
        if value is not None and following.text not in stopwords:
            pairs.append((value, following.stem))
    return pairs


def analyse_paraphrase(
    lowered: str,
    tokens: list[Token],
    sentences: list[Sentence],
    question_sentences: dict[int, QuestionType],
    feeling_spans: list[tuple[int, int]],
    content: StatementContent,
    lexicon: Lexicon,
    blocked: list[tuple[int, int]] = (),  # type: ignore[assignment]
    validations: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> ParaphraseAnalysis:
    """Find the sentences that reflect the customer's content and judge how much they add.

    A sentence holding a roadblock or scripted line is never a reflection ("Your call is
    important to us"); neither is a condition ("If you keep…"). When the statement has content,
    a reflection must carry some of it: naming a feeling alone is the emotion skill.
    """
    reflective: list[Sentence] = []
    advice_sentences = 0
    meaning_hits = 0
    echoed = 0  # content words carried outside any reflection: a weak signal, partly credited
    starts = [t.start for t in tokens]
    by_sentence = {
        s.start: tokens[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        for s in sentences
    }
    framed_any = False
    feeling_only: list[Sentence] = []
    for index, sentence in enumerate(sentences):
        words = by_sentence[sentence.start]
        text = sentence.text
        if "sorry" in text and CONDOLENCE.match(text):
            continue  # "I'm so sorry about your husband.": sympathy, the emotion skill's
        cut = sentence.start
        inside = (
            [end for start, end in blocked if sentence.start <= start < sentence.end]
            if blocked
            else None
        )
        if inside:  # judge what follows a roadblock ("I understand, but your parcel…")
            cut = max(inside)
            if not (lowered[cut:].lstrip().startswith((",", ";", "and ")) or
                    lowered[:cut].rstrip().endswith(("but", ","))):  # fmt: skip
                continue  # the roadblock runs on into the sentence: no reflection here
            words = [t for t in words if t.start >= cut]
            if len(words) < 4:
                continue
            text = lowered[cut : sentence.end]
        lead = strip_fillers(text, lexicon)
        so_lead = _so_lead(text, lead)
        if lead.startswith(("if ", "unless ")) and not WISH.search(lead):
            continue  # a condition; but "If you could…, you'd…" reflects what they want
        hearing = lead.startswith(HEARING) or lead.startswith(CHECKING)  # frames, not advice
        if not hearing and (
            starts_with_any(lead, lexicon.advice)
            or (not so_lead.startswith(REFLECTION_LEADS) and _advises(text, lexicon))
        ):
            advice_sentences += 1
            continue
        subject_you = so_lead.startswith(SUBJECT_YOU)
        if sentence.start in question_sentences and not (
            subject_you
            or lead.startswith(("it sounds", "sounds like", "so it"))
            or lead.startswith(SAYING_BACK)
            or lead.startswith(CHECKING)
            or is_reflective_check(text, lead, lexicon)
        ):
            continue
        framed = (
            hearing
            or starts_with_any(lead, lexicon.framing)
            or starts_with_any(so_lead, lexicon.framing)
            or any(t.text in SECOND_PERSON for t in words)
        )
        carried = content.carried
        overlap = len([t for t in words if t.stem in carried])
        feeling = bool(feeling_spans) and any(
            sentence.start <= start < sentence.end for start, _ in feeling_spans
        )
        if not framed and feeling and overlap and IMPERSONAL_FRAME.search(text):
            framed = True  # "Being stranded with two children must be so stressful"
        elif (
            not framed
            and overlap >= 2
            and any(sentence.start <= start < sentence.end for start, _ in validations)
        ):
            framed = True  # "Eleven years with us and new customers pay half, I can see why…"
        elif (
            not framed
            and overlap >= 2
            and (validations or feeling_spans)
            and not sentence.asks
            and _validated_next(sentences, index, by_sentence, [*validations, *feeling_spans])
        ):
            framed = True  # "£340 when it's usually £25, for a weekend. That's a horrible shock."
        strong_frame = lead.startswith(STRONG_FRAMES)
        if not (feeling or hearing or strong_frame) and (
            _tells_next_step(lead) or NEWS.match(lead) is not None
        ):
            continue  # "Your parcel will arrive tomorrow": what happens next, not what they said
        echoed += overlap
        framed_any = framed_any or framed
        first_person = lead.startswith(("i ", "i'm", "i've", "i'd", "i'll", "we ", "we're", "my "))

        if (
            first_person
            and not hearing
            and (
                not any(t.text in ("you", "your", "you're") for t in words)
                or (AGENT_DID.match(lead) is not None and not so_lead.startswith("so "))
            )
        ):
            continue  # "I've checked your order and it's with the courier": news, not a reflection
        # Without a statement, judge by form; with one, a reflection carries some of it, or is
        # long enough and about the customer ("…your health and your baby") to be one anyway.
        # A drill's key points say what the content is: then a reflection must carry some of it,
        # or "So your parcel is late again" would be credited against a cold dinner.
        carries = (
            overlap >= 1
            and (not content.key_points or any(t.stem in content.direct for t in words))
        ) or (
            not content.key_points
            and (
                not content.stems
                or (len(words) >= 6 and any(t.text in ("your", "you're", "you've") for t in words))
            )
        )
        by_form = (
            (strong_frame and len(words) >= 4 and _says_something(lead))
            or (subject_you and len(words) >= 5)
            or (
                _sums_up(so_lead)
                and len(words) >= 4
                and _says_something(so_lead)
                and question_sentences.get(sentence.start) is not QuestionType.OPEN
            )
        )
        # the meaning search runs only where its answer counts: most sentences never get here
        meaning: bool | None = None
        if (by_form and (carries or not (feeling or content.key_points))) or (
            carries
            and framed
            and len(words) >= 3
            and (overlap >= 1 or feeling or (meaning := _means(sentence.text, lexicon)))
        ):
            if meaning is None:
                meaning = _means(sentence.text, lexicon)
            reflective.append(
                sentence
                if text is sentence.text
                else Sentence(
                    cut + len(text) - len(text.lstrip(" ,;")),
                    sentence.end,
                    text.strip(" ,;"),
                    sentence.asks,
                )
            )  # after a roadblock, only the words that follow it are the reflection
            meaning_hits += int(meaning)
        elif (
            feeling
            and (subject_you or strong_frame)
            and not _another_story(words, content, lexicon)
        ):
            feeling_only.append(sentence)  # "You sound worried": reflects the feeling only

    covered, missing = _key_point_coverage(tokens, content)
    reply_words = reader_words(tokens, lowered)
    run = longest_common_run(reply_words, content.reader_words) if content.words else 0
    # eight words in a row, unless they are a small part of a long reply that retells events
    parroted = (run >= PARROT_RUN and run >= PARROT_SHARE * len(reply_words)) or (
        len(reply_words) >= 5 and run >= 0.6 * len(reply_words)
    )
    if (
        not reflective
        and sentences
        and not question_sentences
        and len(reply_words) <= ECHO_WORDS
        and 2 <= run >= 0.6 * len(reply_words)
        and any(w not in lexicon.stopwords and w not in lexicon.courtesies for w in reply_words)
    ):  # "Not going to bed on time." said back: the simplest reflection, and parroting; but
        # "Thank you." said back to "Okay. Thank you." is a courtesy, not an echo
        reflective, parroted = list(sentences), True
    wrong_numbers = (
        _wrong_numbers(tokens, content) + _wrong_people(tokens, content) if reflective else []
    )

    if not reflective and feeling_only:  # a reflection of feeling, not yet of content
        return ParaphraseAnalysis(
            ParaphraseLevel.SIMPLE, 0.35, feeling_only, covered, missing, parroted, [], False,
        )  # fmt: skip
    if not reflective:  # copying the customer's words back earns nothing for the words
        partial = (
            0.0 if advice_sentences or parroted else min(0.25, 0.05 * echoed + 0.08 * framed_any)
        )
        return ParaphraseAnalysis(
            ParaphraseLevel.NONE, partial, [], covered, missing, parroted, [],
            advice_sentences > 0,
        )  # fmt: skip
    novel = {
        t.stem
        for s in reflective
        for t in tokens[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        if t.text not in lexicon.stopwords and t.stem not in content.stems
    }
    complex_ = meaning_hits >= 1 and (len(novel) >= 2 or not content.stems)
    level = ParaphraseLevel.COMPLEX if complex_ else ParaphraseLevel.SIMPLE
    if parroted or wrong_numbers:
        level = ParaphraseLevel.SIMPLE
    score = 0.85 if level is ParaphraseLevel.COMPLEX else 0.6
    if content.key_points:
        share = len(covered) / len(content.key_points)
        score += 0.15 * share
        if share == 0:
            score -= 0.2
    elif novel:  # without key points, credit how much of the reply is spent reflecting
        score += 0.1 * len(reflective) / max(1, len(sentences))
    if parroted:
        score = min(score, 0.3)
    if wrong_numbers:
        score = min(score, 0.4)
    return ParaphraseAnalysis(
        level, min(1.0, max(0.0, score)), reflective, covered, missing, parroted, wrong_numbers,
        False,
    )  # fmt: skip


SUBJECT_YOU = ("so you", "so your", "you're", "you've", "you'd", "you are", "you have",
               "you feel", "you want", "you don't", "you didn't", "you were", "you've got",
               "your ", "you must be", "you seem", "you sound")  # fmt: skip


# The customer's situation as the subject of a feeling: a reflection without "you".
IMPERSONAL_FRAME = re.compile(
    r"\b(?:must (?:be|have been|feel)|sounds?|seems?|is|was|that's|which is|"
    r"would (?:drive|make|leave|get|have made|have left))\b"
)  # "…because the train was cancelled is gutting": said of the situation, with its feeling
STRONG_FRAMES = ("it sounds", "sounds like", "so you", "what i'm hearing", "what i hear",
                 "it must feel", "that must feel", "it must have felt", "that must have felt",
                 "if i understand", "in other words", "you're feeling", "you feel", "you've been",
                 "it seems", "you're worried", "you're frustrated", "you sound", "so your",
                 "i hear ", "i can hear ")  # fmt: skip
WORDS_RE = re.compile(r"[a-z0-9']+")
LINKING_WORDS = frozenset(("like", "is", "that", "as", "if", "though", "to", "me", "saying"))


def _says_something(lead: str) -> bool:
    """Whether words follow the frame: "So it sounds like--" frames nothing yet."""
    lead = lead.removeprefix("so ").lstrip(" ,")
    start = 0
    if lead.startswith(STRONG_FRAMES):
        start = max(len(frame) for frame in STRONG_FRAMES if lead.startswith(frame))
    said = 0
    words: list[str] = WORDS_RE.findall(lead, start)
    for word in words:
        if word not in LINKING_WORDS and not word.startswith("'"):  # the "'re" of "so you're"
            said += 1
            if said == 2:
                return True
    return False


# "Let me make sure I've got this right: it's the third late one?" reflects while it asks.
CHECKING = (
    "let me make sure",
    "let me check i",
    "just to check",
    "just to make sure",
    "to make sure i",
    "if i understand",
    "if i've understood",
    "if i'm understanding",
)
REFLECTION_LEADS = ("so ", "it sounds", "sounds like", "it seems", "what i'm hearing",
                    "what i hear", "if i understand", "in other words")  # fmt: skip
HEARING = ("i can hear ", "i can see ", "i hear ", "i see that", "i get that")  # not "i heard"


# "I've checked your order…", "I refunded you…": what the agent did, reported. Not "I noticed
# you…" or "I wondered if you…", which offer what the agent took in, nor "we charged you
# twice", which owns what the customer complains of.
AGENT_DID = re.compile(
    r"i(?:'ve| have)? (?:just |already |also |now )?(?!(?:noticed|heard|understood|"
    r"realised|realized|gathered|sensed|worried|imagined|guessed|wondered|learned|felt|"
    r"thought|wanted|needed|hoped|asked|listened|liked|loved|hated|enjoyed|appreciated)\b)"
    r"(?:[a-z]+ed|sent|put|made|got|set|run|done|found|spoken|rung|given|taken|kept|paid)\b"
)
# What the agent knows and the customer did not say: "There's an outage in your area", "The
# note on your account says…".
NEWS = re.compile(
    r"(?:there(?:'s| is)(?: been)?|there has been|we(?:'ve| have)(?: got| had)?) (?:an? )?"
    r"(?:known |reported |major |local |big )?(?:outage|fault|incident|problem|issue|glitch)s? "
    r"(?:in|on|with|at|affecting|across)\b"
    r"|(?:the |our |my )?(?:notes?|records?|system|screen|logs?|history) (?:on|in|for) "
    r"(?:your|the) [a-z]+ (?:says?|shows?|said|showed)\b"
)
# Not "won't": "your phone won't charge" is how it is now.
FUTURE = frozenset({"will", "shall", "it'll", "we'll", "they'll", "he'll", "she'll",
                    "i'll", "that'll", "there'll"})  # fmt: skip
# Before the "will", these make it part of what the customer feels or fears ("Your worry is
# that it will be late again"), not the next step.
NOT_A_PLAN = frozenset({"is", "are", "was", "were", "that", "if", "because", "worried", "afraid",
                        "scared", "hoping", "hope", "think", "feel", "feeling", "when", "whether",
                        "sure", "fear", "worry", "wonder", "wondering", "believe", "expect",
                        "said", "say", "mean", "know", "knew", "guess", "suspect", "wish",
                        "want", "wanted", "need", "told", "realise", "realize", "heard",
                        "sounds", "seems", "like"})  # fmt: skip


def _tells_next_step(lead: str) -> bool:
    """ "Your parcel will arrive tomorrow", "So the courier will ring first", "It'll be there by
    Friday": the plan, told in the future, within the first few words."""
    words = lead.split(" ", 7)[:7]
    for index, word in enumerate(words[:6]):
        word = word.strip(",")
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in FUTURE or (word == "should" and following not in ("", "have", "'ve")):
            return True  # "…should arrive tomorrow"; but "it should have come on Tuesday"
        if following == "due" and word in ("is", "are", "'s"):
            return True  # "Your order is due to arrive this week"; "it was due Tuesday" is theirs
        if word in NOT_A_PLAN:
            return False
    return False


def _advises(text: str, lexicon: Lexicon) -> bool:
    """ "Well, you do need to take your medicine": advice, though it does not start as advice.

    Not when the words report the customer ("you mentioned you have to…", "it looks like you
    need to…"), take their side ("you shouldn't have to…") or sit in a clause about them
    ("what you need to do").
    """
    if lexicon.advice_within is None:
        return False
    starts = [match.start() for match in lexicon.advice_within.finditer(text)]
    if not starts or REPORTING.search(text) or SIDING.search(text):
        return False
    return any(not text[:start].endswith(("what ", "that ", "which ")) for start in starts)


WISH = re.compile(r"^if (?:you|there) (?:could|was|were|had)\b.*\byou(?:'d| would| might)\b")
REPORTING = re.compile(
    r"you (?:mentioned|said|told|were saying)|you're saying|looks like|sounds like"
)
# "You shouldn't have to ask three times" takes the customer's side; it advises nothing.
SIDING = re.compile(r"should(?:n'?t| not) have (?:had )?to\b|should never have had to\b")


NOT_A_SUMMARY = frozenset({
    "i", "i'm", "i'll", "i'd", "i've", "we", "we'll", "we're", "we've", "let's", "let", "what",
    "how", "why", "when", "where", "who", "which", "do", "does", "did", "is", "are", "can",
    "could", "would", "will", "should", "have", "has", "if", "um", "uh", "yeah", "okay", "ok",
    "please", "just", "anyway", "to", "that's", "far", "yes", "no", "much", "many", "first",
    "maybe", "one", "now", "in", "on", "with", "the", "there's",
    # an order, not a summary: "So, embrace life", "So try turning it off"
    "try", "embrace", "remember", "keep", "take", "go", "call", "get", "make", "be", "don't",
    "stay", "think", "consider", "give", "put", "send", "check", "tell", "bring", "stop",
    "start", "pick", "hold",
})  # fmt: skip


SO_RE = re.compile(r"\bso,?\s+")


def _sums_up(so_lead: str) -> bool:
    """ "So it felt like she bossed you around": a "so" that sums up what was said, by form."""
    if not so_lead.startswith("so "):
        return False
    second = so_lead[3:].lstrip(" ,").split(" ", 1)[0]
    return bool(second) and second not in NOT_A_SUMMARY


def _means(text: str, lexicon: Lexicon) -> bool:
    """Whether the sentence says what it means for the customer ("which means", "counting on")."""
    return bool(lexicon.meaning and lexicon.meaning.search(text))


def _so_lead(text: str, lead: str) -> str:
    """The sentence from its "so" on, when fillers hid one: "Okay, so you…" and "So, you…"
    read "so you…"; the "so" in "also" is none."""
    if text.find("so", 0, 24) < 0:
        return lead  # most sentences: no "so" near the start, no pattern to run
    found = SO_RE.search(text, 0, 24)
    if found is not None and text.endswith(lead, found.end()):
        return "so " + text[found.end() :]
    return lead


def _key_point_coverage(
    tokens: list[Token], content: StatementContent
) -> tuple[list[str], list[str]]:
    covered: list[str] = []
    missing: list[str] = []
    if not content.key_points:
        return covered, missing
    reply_stems = {t.stem for t in tokens}
    for text, point_stems in content.key_points:
        (covered if point_stems & reply_stems else missing).append(text)
    return covered, missing


def _wrong_numbers(tokens: list[Token], content: StatementContent) -> list[tuple[int, int]]:
    """Numbers the customer never gave ("second time" when they said third): a wrong fact."""
    if not content.counted:
        return []
    units = {unit for _value, unit in content.counted}
    wrong: list[tuple[int, int]] = []
    texts = [t.text for t in tokens]
    if "time" in units and not MULTIPLES.isdisjoint(texts):
        last = len(tokens) - 1
        for index, t in enumerate(tokens):
            if (
                t.text in MULTIPLES
                and (NUMBER_WORDS[t.text], "time") not in content.counted
                # "twice the price": a ratio
                and (texts[index + 1] if index < last else None) not in MULTIPLIER_FOLLOWERS
            ):
                wrong.append((t.start, t.end))
    stems = [t.stem for t in tokens]
    if units.isdisjoint(stems[1:]):  # no unit the customer counted follows any word
        return wrong
    for index in range(1, len(tokens)):
        if stems[index] not in units:
            continue
        token = tokens[index - 1]
        value = _number_value(token)
        if value is None:
            continue  # "two months" for "eight weeks" is the same fact in other words
        if (
            (value, stems[index]) not in content.counted
            and not _same_span(value, stems[index], content.counted)
            and not (value == "1" and "one" in content.words)
        ):  # "give back one": a pronoun
            wrong.append((token.start, token.end))
    return wrong


def _same_span(value: str, unit: str, counted: frozenset[tuple[str, str]]) -> bool:
    """ "Two weeks" said back for "14 days", and back: the same fact in other units."""
    amount = int(value)
    if unit == "week":
        return (str(amount * DAYS_A_WEEK), "day") in counted
    if unit == "day" and amount % DAYS_A_WEEK == 0:
        return (str(amount // DAYS_A_WEEK), "week") in counted
    return False


def _wrong_people(tokens: list[Token], content: StatementContent) -> list[tuple[int, int]]:
    """ "Your mum's voicemails" said back to a man who lost his dad's, "your daughter" for a
    grandson: a relative the customer never named, when they named one."""
    if not content.kin:
        return []
    wrong: list[tuple[int, int]] = []
    for before, token in itertools.pairwise(tokens):
        kin = relative(token.text) if before.text == "your" else None
        if kin is not None and kin not in content.kin:
            wrong.append((token.start, token.end))
    return wrong
