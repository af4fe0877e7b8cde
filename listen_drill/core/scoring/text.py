"""Tokens with character offsets, stems, sentences and quoted speech: the scorer's raw material.

Offsets always point into the reply as the agent typed it, so findings can highlight exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from mypy_extensions import mypyc_attr

# `(?:'[a-z]+|)` rather than `(?:'[a-z]+)?`: the same matches, but an optional group costs the
# regex engine a repeat context on every word, and this runs over every word of every reply.
TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+|)")
# Written to begin with one character class, `[.!?]+[\"'”’)]*|\n+` matches the same, four times
# as fast: the regex engine then skips straight to the next ".", "!", "?" or line break.
# "£59.99" is one number, not two sentences: a full stop between digits ends nothing.
# An emoji ends a sentence as a full stop does in chat ("…you feel tricked 😕 What would…").
SENTENCE_END_RE = re.compile(
    "[.!?\n\u2600-\u27bf\U0001f300-\U0001faff](?!(?<=\\d\\.)\\d)"
    "(?:(?<=[.!?])[.!?]*[\"'”’)]*|(?<=\n)\n*|)"
)
QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")

# Words that address the listener: a sentence holding one is about or to the customer.
SECOND_PERSON = frozenset({"you", "your", "you're", "you've", "you'd", "you'll", "yours",
                           "yourself", "u", "ur"})  # fmt: skip
SECOND_PERSON_RE = re.compile(
    r"\b(?:" + "|".join(sorted(SECOND_PERSON, key=len, reverse=True)) + r")\b"
)

_STEMMER = snowballstemmer.stemmer("english")
_STEM_CACHE: dict[str, str] = {}


def stem(word: str) -> str:
    """Snowball stem of a lower-case word, cached: replies reuse a small vocabulary."""
    cached = _STEM_CACHE.get(word)
    if cached is None:
        base = word.replace("'", "")
        cached = _STEMMER.stemWord(base)
        if len(_STEM_CACHE) < 200_000:
            _STEM_CACHE[word] = cached
    return cached


def normalise(text: str) -> str:
    """Lower-case with typographic apostrophes made plain; the length never changes.

    A few letters lower-case to two characters ("İ" to "i̇"); they stay as they are, so every
    offset still points at the same character of the reply the agent typed.
    """
    plain = text.replace("’", "'").replace("‘", "'")
    lowered = plain.lower()
    if len(lowered) == len(plain):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in plain)


class Token:
    """A word with its stem and where it stands in the reply.

    A plain class rather than a NamedTuple: compiled, its fields are read straight from memory,
    and the scorer reads them tens of thousands of times a second.
    """

    __slots__ = ("end", "start", "stem", "text")

    def __init__(self, text: str, stem: str, start: int, end: int) -> None:
        self.text = text
        self.stem = stem
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.stem!r}, {self.start}, {self.end})"


@mypyc_attr(native_class=False)  # compiled classes cannot subclass tuple
class WordList(tuple[str, ...]):
    """Words or phrases (a tuple), indexed by first character for quick prefix tests."""

    _by_first: dict[str, tuple[str, ...]] | None

    def __new__(cls, words: Iterable[str]) -> WordList:
        self = tuple.__new__(cls, words)
        index: dict[str, list[str]] = {}
        for word in self:
            index.setdefault(word[:1], []).append(word)
        # an empty entry would prefix every text: then there is no index, only the whole list
        self._by_first = None if "" in index else {k: tuple(v) for k, v in index.items()}
        return self

    def may_start(self, text: str) -> tuple[str, ...]:
        """The entries that could begin `text`: those sharing its first character."""
        if self._by_first is None:
            return self
        return self._by_first.get(text[:1], ())


def tokenize(lowered: str) -> list[Token]:
    """The words of a lowered text with their stems and offsets.

    `findall` gives the words without a match object each; a word's offset is then the next
    place it occurs, since no letter or digit stands between two tokens.
    """
    tokens: list[Token] = []
    end = 0
    words: list[str] = TOKEN_RE.findall(lowered)  # typed, so `find` compiles to a C call
    for word in words:
        start = lowered.find(word, end)
        end = start + len(word)
        tokens.append(Token(word, _STEM_CACHE.get(word) or stem(word), start, end))
    return tokens


class Sentence:
    """A sentence's span in the reply and whether it ends with a question mark."""

    __slots__ = ("asks", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str, asks: bool) -> None:
        self.start = start
        self.end = end
        self.text = text  # lowered, quotes masked
        self.asks = asks

    def __repr__(self) -> str:
        return f"Sentence({self.start!r}, {self.end!r}, {self.text!r}, {self.asks!r})"


def mask_quotes(lowered: str) -> str:
    """Blank out quoted speech so a "?" someone else said is not taken as the agent's question."""
    if '"' not in lowered and "“" not in lowered:
        return lowered
    return QUOTED_RE.sub(lambda match: " " * len(match.group()), lowered)


def sentences(masked: str) -> list[Sentence]:
    """Split on end punctuation and line breaks, keeping offsets into the original text."""
    result: list[Sentence] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(masked):
        end = match.end()
        _append(result, masked, start, end)
        start = end
    _append(result, masked, start, len(masked))
    return result


def _append(result: list[Sentence], masked: str, start: int, end: int) -> None:
    chunk = masked[start:end]
    stripped = chunk.strip()
    if not stripped or not (stripped[0].isalnum() or any(ch.isalnum() for ch in stripped)):
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    result.append(Sentence(offset, offset + len(stripped), stripped, "?" in stripped))


def reader_words(tokens: list[Token], lowered: str) -> list[str]:
    """The words as a reader counts them: "fourteen-year-olds" is one word, not three tokens,
    so copying "34 fourteen-year-olds and all their parents" is six words, not nine."""
    if "-" not in lowered:
        return [t.text for t in tokens]
    words: list[str] = []
    previous_end = -2
    for token in tokens:
        if words and token.start == previous_end + 1 and lowered[previous_end] == "-":
            words[-1] += "-" + token.text
        else:
            words.append(token.text)
        previous_end = token.end
    return words


def longest_common_run(left: list[str], right: tuple[str, ...]) -> int:
    """Length of the longest run of words the two share in order: how much was parroted.

    Only positions where words match are visited, so the cost grows with the reply's length
    (times how often a word repeats in the statement), not with the product of both lengths.
    `right` is the statement: its word positions are worked out once per statement.
    """
    positions = word_positions(right)
    best = 0
    previous: dict[int, int] = {}
    for word in left:
        indexes = positions.get(word)
        if indexes is None:  # most reply words are not the customer's: no run goes on
            if previous:
                previous = {}
            continue
        current: dict[int, int] = {}
        for index in indexes:
            run = previous.get(index - 1, 0) + 1
            current[index] = run
            if run > best:
                best = run
        previous = current
    return best


@lru_cache(maxsize=512)
def word_positions(words: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Where each word stands in a statement; cached, as one statement meets many replies.

    The dict is shared between calls: read it, never change it.
    """
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        positions.setdefault(word, []).append(index)
    return {word: tuple(indexes) for word, indexes in positions.items()}
