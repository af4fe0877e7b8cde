"""The scorer's quick tests before slow ones never change an answer.

Each fast path is checked against the plain way it replaces, on generated text full of the
cases it must get right (stutters, false starts, dashes, words that begin like others).
"""

from __future__ import annotations

import random
import re

from listen_drill.core.scoring.lexicon import load_lexicon
from listen_drill.core.scoring.patterns import contains_any
from listen_drill.core.scoring.question import (
    DASHES,
    FALSE_START,
    STUTTER,
    _prefix_length,
    clean_speech,
    starts_with_any,
)
from listen_drill.core.scoring.text import TOKEN_RE, tokenize

PIECES = ["so", "s", "wh", "what", "a", "i", "it", "i'm", "next", "day", "t", "th", "the", "o",
          "we", "can", "we'd", "cancel", "tell me", "how", "hows", "é", "2", "'", "-", "--", " ",
          " ", ", ", "\n", "\t", "?"]  # fmt: skip


def texts(count: int) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_clean_speech_skips_only_what_the_regexes_would_not_change() -> None:
    for text in texts(20_000):
        plain = DASHES.sub(" ", STUTTER.sub(r"\1", FALSE_START.sub("", text)))
        assert clean_speech(text) == (plain if "-" in text else text), repr(text)


def test_starts_with_any_is_a_whole_word_prefix_test() -> None:
    lexicon = load_lexicon()
    lists = [lexicon.open_starts, lexicon.filler_phrases, lexicon.advice, lexicon.framing,
             lexicon.invitations, ("is there", "are there"), ("a", "ab", "")]  # fmt: skip
    for options in lists:
        ordered = sorted(options, key=len, reverse=True)
        plain = re.compile("(?:" + "|".join(re.escape(o) for o in ordered) + ")(?![a-z0-9])")
        for text in texts(3_000) + list(options) + [o + "s" for o in options]:
            match = plain.match(text)
            assert starts_with_any(text, options) == (match is not None), text
            assert _prefix_length(text, options) == (match.end() if match else -1), text


def test_tokens_stand_where_the_regex_finds_them() -> None:
    for text in texts(5_000):
        spans = [(t.text, t.start, t.end) for t in tokenize(text)]
        assert spans == [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)], text


def sample(branch: str) -> str:
    """Text a regex branch matches, roughly: each group's first choice, optional marks dropped."""
    while (simpler := re.sub(r"\(\?:([^()|]*)(?:\|[^()]*)?\)", r"\1", branch)) != branch:
        branch = simpler
    return re.sub(r"[()?:\\]|\[[^]]*\]", "", branch)


def test_phrase_pieces_are_there_whenever_the_pattern_matches() -> None:
    lexicon = load_lexicon()
    phrase_lists = [lexicon.self_talk, lexicon.emotion_phrase_re, lexicon.presuming_pattern,
                    lexicon.leading, lexicon.accusing_why, lexicon.advice_within]  # fmt: skip
    rng = random.Random(3)
    for phrases in phrase_lists:
        assert phrases is not None and phrases.pieces is not None
        pattern, pieces = phrases.regex, phrases.pieces
        found = set(re.findall(r"[a-z']+", pattern.pattern))
        matched = 0
        words = [*sorted(found), *map(sample, pattern.pattern.split("|")), ",", ".", "x", "'"]
        for _ in range(10_000):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
            if pattern.search(text):
                matched += 1
                assert contains_any(text, pieces), text
        assert matched > 50, pattern.pattern[:60]
