"""Is there a question, and is it open (invites a story) or closed (asks for yes, no or a fact)?"""

from __future__ import annotations

import re
from enum import StrEnum

from listen_drill.core.scoring.lexicon import Lexicon
from listen_drill.core.scoring.text import SECOND_PERSON_RE, Sentence, WordList

LEADING_PUNCT = re.compile(r"^[\s,;:.\-–—…!?\"'“”()]+")
CLAUSE_SPLIT = re.compile(r"[,;:–—]\s*|--+\s*")
STUTTER = re.compile(r"\b([a-z']+)(?:-+\1\b)+")
FALSE_START = re.compile(r"\b([a-z]{1,3})-(?:\1-)*(?=\1[a-z])")  # "wh-what", "i-it"
DASHES = re.compile(r"(?<=[a-z])-(?=\s)|\s-(?=[a-z])")
# "Where would you put yourself…?" invites; "When did you put the freeze on?", "Where did you
# put it?" and "When would you like to rebook?" ask for a date or a place.
OPEN_WHERE = re.compile(
    r"(?:where|when) (?:would|do|does|did|could|might) (?:you|that|this|it) "
    r"(?:see|think|feel|fit|stand|lie|be)"
    r"|where (?:would|do|does|did|could|might) (?:you|that|this|it) "
    r"(?:like to|want to|wanna|go|leave|come in|start|be)"
    r"|where (?:would|could|might) (?:you|that|this|it) put"
)
# Second words that make "Have…", "Is…" a question without "?"; "u", "ur": chat spelling.
PRONOUNS = ("you", "it", "they", "he", "she", "we", "i", "that", "this", "there", "your", "u",
            "ur")  # fmt: skip
SELF_QUESTION = re.compile(
    r"(?:^|\b(?:why|how|what|where|who|when)\s+)(?:am|was|do|did|would|could|can|can't|should)"
    r" i\b|\b(?:does|did|is|will) my\b|\baren't i\b|\bam i\b"
)
SELF_OFFERS = re.compile(
    r"\b(?:help|assist|do for|get that right|got that right|have that right|understand|"
    r"understood|ask|check|take a look|look into|do to (?:make|put|fix|sort|help)|"
    r"(?:take|have|get|grab) (?:the|a|an|down|some)|"
    r"(?:make|put) (?:this|it|that|things) right)\b"
)
SCALING = re.compile(r"\bscale (?:of|from)\b|\bon a scale\b")
RHETORICAL_TAG = re.compile(r",\s*(?:you know|huh|eh|lol)\s*\?+[\s!.]*$")
# "That's so annoying, isn't it?": a statement that asks only for a nod. Coders call it a
# closed question, but it doesn't compete with the question that follows it for an answer.
AGREEMENT_TAG = re.compile(
    r",\s*(?:(?:is|was|does|did|do|has|have|would|could|ca|wo|are|were|should)n[’']t"
    r" (?:it|that|they|you|there|he|she|we|i)|right|yeah)\s*\?+[\s!.]*$"
)
# "What would you like us to do, a refund or a fresh order?": two answers on offer, pick one.
CHOICE_TAIL = re.compile(
    r",\s*(?!whether |be it |including |like |such as |even |or )"
    r"(?:(?:a|an|the|your)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}\s+or\s+"
    r"(?:(?:a|an|the)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}\s*\?+[\s!.]*$"
)
# "Again?!", "Seriously?!": surprise, said with the customer, asks nothing.
EXCLAIMED = re.compile(r"^\W*(?:[\w']+\W+){0,3}?[\w']+\s*(?:\?+!+|!+\?+)[?!\s]*$")
ASKING = ("what", "how", "why", "who", "where", "when", "which")  # "What happened?!" asks
# "Shall we go through it together?": an offer, answered by getting on with it.
OFFER = re.compile(r"\bshall (?:we|i)\b")
OBJECTS = ("it", "that", "this", "your")  # after an imperative "do", not a subject


class QuestionType(StrEnum):
    NONE = "none"
    OPEN = "open"
    CLOSED = "closed"


class QuestionFound:
    """A sentence that asks, and how."""

    __slots__ = ("kind", "sentence")

    def __init__(self, kind: QuestionType, sentence: Sentence) -> None:
        self.kind = kind
        self.sentence = sentence

    def __repr__(self) -> str:
        return f"QuestionFound({self.kind!r}, {self.sentence!r})"


def clean_speech(text: str) -> str:
    """Undo transcribed stutters ("so-so", "what-what") so they don't hide the first word."""
    if "-" not in text:
        return text
    stutter, dash = _hyphens(text)
    if stutter:
        text = STUTTER.sub(r"\1", FALSE_START.sub("", text))
        return DASHES.sub(" ", text)
    return DASHES.sub(" ", text) if dash else text


WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'")


def _hyphens(text: str) -> tuple[bool, bool]:
    """Whether a stutter or false start may be there, and whether a dash stands by a space.

    Both regexes are slow to run over every hyphenated reply, and "next-day" is no stutter:
    either needs a hyphen whose next letter is also in the word just before it ("so-so",
    "wh-what"). A dash between words needs a space beside it. These are cheap necessary
    conditions, so when they fail the regexes would have changed nothing.
    """
    stutter = dash = False
    size = len(text)
    index = text.find("-")
    while index != -1:
        end = index + 1
        while end < size and text[end] == "-":
            end += 1
        if (index > 0 and text[index - 1].isspace()) or (
            end - index == 1 and end < size and text[end].isspace()
        ):
            dash = True
        if end < size and text[end] in WORD_CHARS:
            start = index
            while start > 0 and text[start - 1] in WORD_CHARS:
                start -= 1
            if text[end] in text[start:index]:
                stutter = True
                break
        index = text.find("-", end)
    return stutter, dash


LEADING_JUNK = " \t\n\r,;:.-–—…!?\"'“”()"


def _trim(text: str) -> str:
    return text.lstrip(LEADING_JUNK) if text and not text[0].isalnum() else text


def strip_fillers(text: str, lexicon: Lexicon) -> str:
    """Drop "Okay, so, um," and the like from the front: they don't decide the type."""
    text = _trim(clean_speech(text))
    phrases = lexicon.filler_phrases
    while text:
        length = _prefix_length(text, phrases)
        if length >= 0:
            if _starts(text, lexicon.rhetorical):
                break  # "You know what? …" announces; it is not the filler "you know"
            text = _trim(text[length:])
            continue
        word = text.partition(" ")[0].rstrip(",.;:!?")
        if word in lexicon.fillers and len(text) > len(word):
            text = _trim(text[len(word) :])
            continue
        break
    return text


def _boundary(text: str, index: int) -> bool:
    return index >= len(text) or not text[index].isalnum()


ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _prefix_length(text: str, options: tuple[str, ...]) -> int:
    """Length of the longest option `text` begins with as whole words, or -1 if there is none.

    `str.startswith` with the whole tuple rules most texts out in one call; only then are the
    options tried one by one for the word boundary after them.
    """
    if not text.startswith(options):
        return -1
    best = -1
    for option in options.may_start(text) if isinstance(options, WordList) else options:
        size = len(option)
        if size > best and text.startswith(option) and text[size : size + 1] not in ALNUM:
            best = size
    return best


def starts_with_any(text: str, options: tuple[str, ...]) -> bool:
    """Whether `text` begins with one of `options` as whole words ("we can", not "we cancelled")."""
    return text.startswith(options) and _prefix_length(text, options) >= 0


_starts = starts_with_any


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].rstrip(",.;:!?")


def is_invitation(text: str, lexicon: Lexicon) -> bool:
    """ "Tell me more…", "Walk me through…", "Could you describe…": open, with or without "?".

    Not when what it asks for is one fact: "Can you tell me your order number?" is closed.
    """
    if _starts(text, lexicon.invitations):
        return not _asks_for_one_fact(text, lexicon)
    if not text.startswith(lexicon.modal_frames):
        return False
    for frame in lexicon.modal_frames:
        if text.startswith(frame) and _boundary(text, len(frame)):
            rest = text[len(frame) :].lstrip()
            for softener in ("please ", "maybe ", "just ", "kind of ", "sort of "):
                rest = rest.removeprefix(softener)
            if _starts(rest, lexicon.invitation_verbs):
                return not _asks_for_one_fact(rest, lexicon)
    return False


FACT_VERBS = ("tell ", "give ", "send ", "read ", "share ")
FACT_REQUEST = re.compile(r"^(?:tell|give|send|read|share with) (?:me|us) (?:your|the) ")


TELL_ME = re.compile(r"^tell (?:me|us),? ")
FACT_CLAUSES = ("when ", "where ", "which ", "who ", "whether ", "if ")
# "where things stand", "where you are with it": the whole situation, not a place; "which bit
# of the letter is most confusing": their view, not a fact
SITUATION = ("where things ", "where you are with", "where you're at", "where you're up to",
             "where we are with", "where it's at", "where it stands", "which bit", "which part",
             "which parts", "which bits")  # fmt: skip


def _asks_for_one_fact(text: str, lexicon: Lexicon) -> bool:
    """ "Tell me your postcode", "give me the booking reference", "tell me when you posted it",
    "tell me how many…": one fact, however politely."""
    told = TELL_ME.match(text)
    if told is not None:
        rest = text[told.end() :]
        if (rest.startswith(FACT_CLAUSES) and not rest.startswith(SITUATION)) or _starts(
            rest, lexicon.fact_openers
        ):
            return True
    request = FACT_REQUEST.match(text)
    if request is None:
        return False
    words = text[request.end() :].split()
    return any(_starts(" ".join(words[i:]), lexicon.fact_nouns) for i in range(2))


SUGGESTION_LEADS = ("why don't you ", "why dont you ", "why not ")


def _suggestion(text: str, lexicon: Lexicon, asks: bool) -> QuestionType:
    """ "Why don't you try online banking?" advises, to be taken or not: closed, and no
    accusation. "Why don't you tell me what happened?" invites."""
    words = 2 if text.startswith("why not ") else 3
    rest = text.split(" ", words)[words] if text.count(" ") >= words else ""
    rest = rest.removeprefix("just ")
    if _starts(rest, lexicon.invitation_verbs):
        return QuestionType.OPEN  # "Why not tell me what happened?"
    if words == 3:
        return QuestionType.CLOSED
    return QuestionType.CLOSED if asks else QuestionType.NONE


def classify_clause(text: str, asks: bool, lexicon: Lexicon) -> QuestionType:
    """Type of one clause, already stripped of fillers."""
    if not text:
        return QuestionType.NONE
    if text.startswith(SUGGESTION_LEADS):
        return _suggestion(text, lexicon, asks)
    if text.startswith(FACT_VERBS) and _asks_for_one_fact(text, lexicon):
        return QuestionType.CLOSED  # "Tell me your postcode." asks, "?" or not
    if is_invitation(text, lexicon):
        return QuestionType.OPEN
    if "scale" in text and SCALING.search(text) and (asks or _looks_interrogative(text)):
        return QuestionType.CLOSED  # "On a scale of 1 to 10…": a number, however it is asked
    if text.startswith(PROPOSAL_LEADS):
        proposal = _proposal(text, lexicon)
        if proposal is not None:
            return proposal  # interrogative by its form, "?" or not
    first = _first_word(text)
    if "whe" in text[:60] and OPEN_WHERE.search(text[:60]) and (asks or _looks_interrogative(text)):
        return QuestionType.OPEN  # "Where would you like to go with this?" asks for a view
    opens = _starts(text, lexicon.open_starts)
    if opens:
        if _starts(text, lexicon.fact_openers) or _asks_for_a_fact(text, lexicon):
            return QuestionType.CLOSED if asks or _looks_interrogative(text) else QuestionType.NONE
        if asks or _looks_interrogative(text):
            return QuestionType.OPEN
        return QuestionType.NONE
    if first in lexicon.closed_starts or _starts(text, ("is there", "are there")):
        if asks:
            return QuestionType.CLOSED
        second = text.split(" ", 2)[1] if text.count(" ") >= 1 else ""
        second = second.rstrip(",.")
        if first in ("do", "may") and (first == "may" or second in OBJECTS):
            return QuestionType.NONE  # "Do this for yourself." "May you find peace." ask nothing
        if first not in ("any", "anything", "which", "who", "where", "when", "or") and (
            second in PRONOUNS
        ):
            return QuestionType.CLOSED
        return QuestionType.NONE
    return QuestionType.CLOSED if asks else QuestionType.NONE


# Frames that say back what the customer said: "So what I'm hearing is…, is that right?"
# reflects while it asks. (AnnoMI's coders call such a check open, so its type stays as read.)
SAYING_BACK = ("what i'm hearing", "what i am hearing", "what i hear ", "what you're saying",
               "what you are saying", "what you're telling me", "what you are telling me",
               "what i'm getting", "what i understand ")  # fmt: skip
PROPOSAL_LEADS = ("how about ", "what about ")
PROPOSERS = ("we", "i", "i'll", "we'll", "us")


def _proposal(text: str, lexicon: Lexicon) -> QuestionType | None:
    """ "How about we send a new one?", "What about trying again?" propose, to be answered yes
    or no: closed, not open, with or without "?". "How about you tell me…" invites; "How about
    you?" asks for a view and "What about the refund?" for a story: the usual rules decide those
    (None).
    """
    rest = text.split(" ", 2)[2] if text.count(" ") >= 2 else ""
    first = _first_word(rest)
    gerund = len(first) > 4 and first.endswith("ing") and not first.endswith("thing")
    if gerund or first in PROPOSERS:
        return QuestionType.CLOSED
    if first == "you" and rest[3:4] == " ":
        invites = _starts(rest[4:], lexicon.invitation_verbs)
        return QuestionType.OPEN if invites else QuestionType.CLOSED
    return None


FACT_DETERMINERS = ("the", "your", "ur", "a", "an")
# "What happens next is the courier calls you": a statement that starts like a question.
CLEFT_VERBS = frozenset({"happens", "happened", "matters", "worries"})
CLEFT_RE = re.compile(r"^\w+ \w+(?: [\w']+){0,5}? (?:is|was) [\w']")


def _looks_interrogative(text: str) -> bool:
    """ "What do you…" without a question mark, as transcribed speech often is; in chat,
    "whats the order number".

    Not "What happens next is…", "What worries me is…": they tell, then say what it is.
    """
    words = text.split(" ", 3)
    if len(words) >= 3 and words[1] in CLEFT_VERBS and CLEFT_RE.match(text):
        return False
    if len(words) >= 3 and words[0] in ("what's", "whats") and words[1] in FACT_DETERMINERS:
        return True
    return len(words) >= 3 and words[1] in (
        "do", "does", "did", "is", "are", "was", "were", "would", "could", "can", "has",
        "have", "will", "might", "should", "about", "else", "kind", "if", "happens",
        "happened", "brings", "brought", "made", "makes", "worries", "matters",
    )  # fmt: skip


def _asks_for_a_fact(text: str, lexicon: Lexicon) -> bool:
    """ "What is your order number?" asks for one fact: closed, though it starts with "What"."""
    for lead in (
        "what is your ",
        "what's your ",
        "whats the ",
        "whats your ",
        "what is the ",
        "what's the ",
        "what was your ",
        "what was the ",
        "what are your ",
    ):
        if text.startswith(lead):
            # "membership number", "booking reference": the fact noun may come second or third
            words = text[len(lead) :].split()
            return any(_starts(" ".join(words[i:]), lexicon.fact_nouns) for i in range(3))
    return False


CHECK_FILLERS = ("okay", "ok", "yeah", "mm-hmm", "uh-huh", "right", "and", "all right")


def is_reflective_check(text: str, stripped: str, lexicon: Lexicon) -> bool:
    """ "So they're important to you?" reflects with a rising voice while it asks.

    A sentence led by "so" whose words then run as a statement (no question word, no
    auxiliary first) is a reflection offered for checking: it counts as a reflection, and
    still as a (closed) question.
    """
    lead = _trim(text)
    if lead.startswith(CHECK_FILLERS):  # none there: none to take off, one by one
        for filler in CHECK_FILLERS:
            if lead.startswith(filler):
                lead = _trim(lead[len(filler) :])
    if not lead.startswith(("so ", "so,", "you ", "you're ", "you've ", "your ", "it ", "it's ")):
        return False
    first = _first_word(stripped)
    return (
        bool(first)
        and first not in lexicon.closed_starts
        and not (_starts(stripped, lexicon.open_starts) or is_invitation(stripped, lexicon))
    )


def asks_only_oneself(text: str) -> bool:
    """ "Why am I so unlucky?", "How can I miss someone I never had?": a question about the
    speaker, with nothing addressed to the listener, asks them nothing.

    Offers and checks ("How can I help?", "Did I get that right?", "Can I take a look?") still
    ask.
    """
    padded = text + " "
    if not (" i " in padded or " i?" in text or " i," in text or " i." in text or " my " in padded):
        return False  # the speaker is not in it: most sentences stop here
    if SECOND_PERSON_RE.search(text) or SELF_OFFERS.search(text):
        return False
    return SELF_QUESTION.search(text) is not None


def classify_sentence(sentence: Sentence, lexicon: Lexicon) -> QuestionType:
    """A sentence's type; when its start decides nothing, its last clause may ("…, what now?")."""
    text = _trim(clean_speech(sentence.text))
    asks = sentence.asks
    for key in lexicon.wondering_keys:  # a cheap look for the phrases' key words first
        if key in text:
            phrases = lexicon.wondering
            break
    else:
        phrases = ()
    for phrase in phrases:  # "I'm wondering what…" asks too
        position = text.find(phrase)
        if 0 <= position <= 120:
            rest = _trim(text[position + len(phrase) :])
            if rest.startswith(("if you could", "if you can", "if you would", "whether you could")):
                return QuestionType.OPEN
            if rest.startswith(("where ", "what ", "how ", "why ", "who ")):
                return QuestionType.OPEN  # "I'm wondering where you are with it" invites
            if _starts(rest, lexicon.open_starts) or rest.startswith(("if ", "whether ")):
                text, asks = rest, True
            break
    text = strip_fillers(text, lexicon).removeprefix("please ")  # "Please tell me more…"
    if asks and "!" in text[-4:] and EXCLAIMED.match(text) and not text.startswith(ASKING):
        return QuestionType.NONE  # "Again?!": surprise shared, nothing asked
    if asks_only_oneself(text) or starts_with_any(text, lexicon.rhetorical):
        return QuestionType.NONE  # "Why am I so unlucky?", "Who knows?": nothing to answer
    if asks and (tag := RHETORICAL_TAG.search(text)) is not None:
        text, asks = text[: tag.start()], "?" in text[: tag.start()]  # "…, you know?" asks nothing
    if _led_in_closed(text, lexicon):
        return QuestionType.CLOSED  # "Can you tell me, is it…?": the lead-in opens nothing
    kind = classify_clause(text, asks, lexicon)
    if kind is QuestionType.NONE and asks and text.startswith(("if ", "whether ")):
        return QuestionType.CLOSED
    if kind is QuestionType.OPEN and asks and "or" in text and CHOICE_TAIL.search(text):
        return QuestionType.CLOSED  # "How shall we fix it, a refund or a new one?"
    if kind is QuestionType.OPEN or not asks or ("scale" in text and SCALING.search(text)):
        return kind  # a scaling question asks for a number however its last clause reads
    clauses = [c for c in CLAUSE_SPLIT.split(text) if c.strip()]
    for clause in clauses[-2:][1:] if len(clauses) < 3 else clauses[-2:]:
        # the last clause or two: "So, if it's easy, what do you need to do next, Billy?"
        if classify_clause(strip_fillers(clause, lexicon), True, lexicon) is QuestionType.OPEN:
            return QuestionType.OPEN
    return kind


WH_STARTS = frozenset({"what", "how", "why", "when", "where", "which", "who"})
AUX_STARTS = frozenset({"is", "are", "was", "were", "do", "does", "did", "have", "has", "can",
                        "could", "would", "will"})  # fmt: skip
JOINERS = ("and ", "or ", "but ", "also ", "so ")
CHECKS = ("is that right", "is that correct", "is that fair", "is that it", "is that what",
          "have i got", "did i get", "does that sound", "am i right", "do i have")  # fmt: skip
LEAD_INS = frozenset({"can you tell me", "could you tell me", "would you tell me",
                      "will you tell me", "can i ask", "may i ask", "could i ask",
                      "can you let me know", "could you let me know", "would you let me know",
                      "will you let me know", "tell me", "let me know"})  # fmt: skip
LEAD_IN_STARTS = tuple(sorted(LEAD_INS, key=len, reverse=True))
LEAD_IN_MARKS = ",:;–—-"  # between a lead-in and what it leads to


def _led_in_closed(text: str, lexicon: Lexicon) -> bool:
    """ "Can you tell me, is it the same card?", "Tell me: did both go through?": after a
    lead-in and a comma or colon, a question that starts as a closed one is closed. One that
    starts with "what" or "how" stays open ("Can you tell me, what happened?")."""
    if not text.startswith(LEAD_IN_STARTS):
        return False
    lead = next(lead for lead in LEAD_IN_STARTS if text.startswith(lead))
    rest = text[len(lead) :].lstrip()
    if not rest or rest[0] not in LEAD_IN_MARKS:
        return False
    first = rest.lstrip(LEAD_IN_MARKS + " ").split(" ", 1)[0]
    return first in lexicon.closed_starts


def asks_twice(sentence: Sentence) -> bool:
    """ "What time was the ride, and was it the same card both times?": two questions in one
    sentence, which stack as two sentences would. A lead-in, a tag or a choice ("…, or a new
    one?") is not a second question."""
    text = sentence.text
    if not sentence.asks or "," not in text:
        return False
    asking = 0
    for clause in CLAUSE_SPLIT.split(text):
        words = clause.strip().removeprefix("and ").split()
        while words and f"{words[0]} " in JOINERS:
            words = words[1:]
        joined = " ".join(words)
        if len(words) < 3 or joined.startswith(CHECKS) or joined.rstrip("?") in LEAD_INS:
            continue  # "…, is that right?" checks; "Can you tell me, is it…?" leads in
        first, second = words[0], words[1]
        if first in WH_STARTS or (first in AUX_STARTS and second in PRONOUNS):
            asking += 1
    return asking >= 2


def find_questions(all_sentences: list[Sentence], lexicon: Lexicon) -> list[QuestionFound]:
    found: list[QuestionFound] = []
    for sentence in all_sentences:
        kind = classify_sentence(sentence, lexicon)
        if kind is not QuestionType.NONE:
            found.append(QuestionFound(kind, sentence))
    return found


def overall_type(found: list[QuestionFound]) -> QuestionType:
    """Open if any question is open; closed if only closed ones; none without a question."""
    if any(q.kind is QuestionType.OPEN for q in found):
        return QuestionType.OPEN
    if found:
        return QuestionType.CLOSED
    return QuestionType.NONE
