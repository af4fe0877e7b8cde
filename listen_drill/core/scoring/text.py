"""Tokens with character offsets, stems, sentences and quoted speech: the scorer's raw material.

Offsets always point into the reply as the agent typed it, so findings can highlight exact words.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)]*|\n+")
QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")

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


class Token(NamedTuple):
    """A word with its stem and where it stands in the reply (a tuple: cheap to make)."""

    text: str
    stem: str
    start: int
    end: int


class WordList(tuple[str, ...]):
    """Words or phrases (a tuple), indexed by first character for quick prefix tests."""

    _by_first: dict[str, tuple[str, ...]] | None

    def __new__(cls, words: Iterable[str]) -> WordList:
        self = super().__new__(cls, words)
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
    append = tokens.append
    cache = _STEM_CACHE
    find = lowered.find
    make = tuple.__new__  # skips NamedTuple's keyword-handling wrapper: this is the hot loop
    end = 0
    for word in TOKEN_RE.findall(lowered):
        start = find(word, end)
        end = start + len(word)
        append(make(Token, (word, cache.get(word) or stem(word), start, end)))
    return tokens


def tokens_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens that begin inside [start, end): a slice found by bisection, not a scan."""
    starts = [t.start for t in tokens]
    return tokens[bisect_left(starts, start) : bisect_left(starts, end)]


class Sentence(NamedTuple):
    """A sentence's span in the reply and whether it ends with a question mark (a tuple: cheap)."""

    start: int
    end: int
    text: str  # lowered, quotes masked
    asks: bool


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


def phrase_pattern(phrases: list[str], *, regex: bool = False) -> re.Pattern[str] | None:
    """One alternation for many phrases, longest first, matched on word boundaries."""
    if not phrases:
        return None
    parts = phrases if regex else [re.escape(p.lower()) for p in phrases]
    ordered = sorted(parts, key=len, reverse=True)
    return word_alternation([("", part) for part in ordered])[0]


def pieces_of(phrases: list[str]) -> tuple[str, ...]:
    """The lowered phrases, less any that contains another: one of them must occur for a match.

    For a quick `contains_any` test before scanning a text with the phrases' pattern.
    """
    lowered = sorted({p.lower() for p in phrases}, key=len)
    kept: list[str] = []
    for phrase in lowered:
        if not any(piece in phrase for piece in kept):
            kept.append(phrase)
    return tuple(kept)


def contains_any(text: str, pieces: tuple[str, ...]) -> bool:
    """Whether any of `pieces` occurs in `text` (a few C substring searches, no regex)."""
    return any(map(text.__contains__, pieces))


def required_pieces(patterns: list[str]) -> tuple[str, ...] | None:
    """For regex phrases: a stretch of plain text from each that every match contains.

    None when some pattern has no such stretch (then no quick test is possible).
    """
    pieces = [_required_literal(b) for p in patterns for b in _top_level_branches(p)]
    return None if not pieces or not all(pieces) else pieces_of(pieces)


def _required_literal(branch: str) -> str:
    """The longest stretch of plain characters that every match of the branch contains.

    Groups, classes, anchors and escapes like \\d break a stretch; a quantified character is
    left out. "" when there is none, or the branch is beyond this reading.
    """
    runs = [""]
    index = 0
    while index < len(branch):
        char = branch[index]
        step = 1
        if char == "\\":
            following = branch[index + 1 : index + 2]
            if not following or following.isalnum() or following == "_":
                runs.append("")
                index += 2
                continue
            char, step = following, 2
        elif char in "([":
            close = (
                _closing_paren(branch[index:]) if char == "(" else _closing_bracket(branch[index:])
            )
            if close is None:
                return ""
            runs.append("")
            index += close + 1
            continue
        elif char in _QUANTIFIERS:
            runs[-1] = runs[-1][:-1]  # the quantified character may be absent
            runs.append("")
            close = branch.find("}", index) if char == "{" else index
            if close < 0:
                return ""
            index = close + 1
            continue
        elif char in ".^$":
            runs.append("")
            index += 1
            continue
        elif char == "|":
            return ""
        runs[-1] += char
        index += step
    return max(runs, key=len)


def _closing_bracket(pattern: str) -> int | None:
    """Index of the "]" that closes the class opened at index 0."""
    index = 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1
    while index < len(pattern):
        if pattern[index] == "\\":
            index += 2
            continue
        if pattern[index] == "]":
            return index
        index += 1
    return None


WORD_BEFORE = "[a-z0-9']"  # a match may not start right after one of these
_QUANTIFIERS = "*+?{"
_SPECIAL = frozenset(".^$*+?{}[]|()\\")


def word_alternation(
    alternatives: list[tuple[str, str]],
) -> tuple[re.Pattern[str], dict[str, str]]:
    """Compile (tag, regex) alternatives into one pattern matched on word boundaries.

    It matches exactly what `(?<![a-z0-9'])(?:a1|a2|…)(?![a-z0-9])` matches, trying the
    alternatives in the same order, but it is built for the regex engine's fast paths: the
    alternatives that begin with a plain character are grouped under that character, and so on
    for the next few characters (a prefix tree), so at each place in the text one cheap
    comparison per character rules out every group but one. Hundreds of phrases then cost little
    more than a handful.

    Alternatives with a tag are wrapped in named groups; the returned dict gives each group
    name's tag, for `match.lastgroup`.
    """
    tags: dict[str, str] = {}

    def named(tag: str, body: str) -> str:
        if not tag:
            return body
        name = f"g{len(tags)}"
        tags[name] = tag
        return f"(?P<{name}>{body})"

    items = [
        (tag, b) for tag, alternative in alternatives for b in _top_level_branches(alternative)
    ]
    body = _factored(items, named, FACTOR_DEPTH)
    return re.compile(f"(?<!{WORD_BEFORE})(?:{body})(?![a-z0-9])"), tags


FACTOR_DEPTH = 4  # characters shared as a prefix tree: past the first few, little is gained


def _factored(items: list[tuple[str, str]], named: Callable[[str, str], str], depth: int) -> str:
    """The (tag, branch) items as one alternation, in order, with shared first characters
    factored out (a prefix tree `depth` characters deep)."""
    if depth <= 0:  # the rest of each branch as it is, one group per run of a tag
        return "|".join(
            named(tag, "|".join(branch for _tag, branch in run))
            for tag, run in itertools.groupby(items, key=lambda item: item[0])
        )
    branches: list[str] = []
    pending: list[tuple[str, str, str]] = []  # (tag, first character, rest), in order

    def flush() -> None:
        by_first: dict[str, list[tuple[str, str]]] = {}
        for tag, first, rest in pending:
            by_first.setdefault(first, []).append((tag, rest))
        for first, rests in by_first.items():
            branches.append(f"{re.escape(first)}(?:{_factored(rests, named, depth - 1)})")
        pending.clear()

    for tag, branch in items:
        split = None if "(?P" in branch else _split_first(branch)
        if split is None:  # kept whole, in its place in the order
            flush()
            firsts = None if "(?P" in branch else _first_chars(branch)
            guard = f"(?=[{''.join(map(re.escape, sorted(firsts)))}])" if firsts else ""
            branches.append(guard + named(tag, branch))
        else:
            pending.extend((tag, first, rest) for first, rest in split)
    flush()
    return "|".join(branches)


def _split_first(branch: str) -> list[tuple[str, str]] | None:
    """The branch as (first character, rest of the regex) pairs, or None when it can't tell.

    "you must" -> [("y", "ou must")]; "(?:it'?s|that'?s) fine" -> [("i", "t'?s fine"),
    ("t", "hat'?s fine")]. Anything that doesn't begin with a plain character or a
    non-capturing group of such branches (a class, an anchor, a look-behind, an optional first
    character) gives None.
    """
    if not branch:
        return None
    head = branch[0]
    if head == "(":
        close = _closing_paren(branch)
        if close is None or not branch.startswith("(?:"):
            return None
        after = branch[close + 1 :]
        if after[:1] and after[0] in _QUANTIFIERS:
            return None
        pairs: list[tuple[str, str]] = []
        for inner in _top_level_branches(branch[3:close]):
            split = _split_first(inner + after)
            if split is None:
                return None
            pairs.extend(split)
        return pairs
    if head == "\\":
        if len(branch) < 2 or branch[1].isalnum() or branch[1] == "_":
            return None  # \d, \b, \1: not a plain character
        first, rest = branch[1], branch[2:]
    elif head in _SPECIAL:
        return None
    else:
        first, rest = head, branch[1:]
    if rest[:1] and rest[0] in _QUANTIFIERS:
        return None  # "a?…": the first character may not be there
    return [(first, rest)]


def _first_chars(branch: str) -> set[str] | None:
    """The characters a match of the branch can begin with, or None when it can't tell.

    Like `_split_first`, but it also looks past zero-width tests at the start ("^", "\\b",
    look-arounds, a group of them): "(?:^|(?<=so ))you must" can only begin with "y". A
    whole-kept branch is guarded with this set, so it costs one comparison where it can't match.
    """
    split = _split_first(branch)
    if split is not None:
        return {first for first, _rest in split}
    rest = _after_zero_width(branch)
    return None if rest is None or not rest else _first_chars(rest)


def _after_zero_width(branch: str) -> str | None:
    """The branch after the zero-width test it starts with, or None if it starts otherwise."""
    if branch.startswith("^"):
        return branch[1:]
    if branch.startswith("\\b"):
        return branch[2:]
    if not branch.startswith("(?"):
        return None
    close = _closing_paren(branch)
    if close is None:
        return None
    after = branch[close + 1 :]
    if after[:1] and after[0] in _QUANTIFIERS:
        return None
    if branch.startswith(("(?=", "(?!", "(?<=", "(?<!")):
        return after
    if branch.startswith("(?:"):
        for inner in _top_level_branches(branch[3:close]):
            while inner:  # every branch of the group must be made of zero-width tests only
                skipped = _after_zero_width(inner)
                if skipped is None:
                    return None
                inner = skipped
        return after
    return None


def _scan(pattern: str) -> list[tuple[int, str, int]]:
    """(index, character, depth) for each unescaped character outside character classes."""
    result: list[tuple[int, str, int]] = []
    depth = 0
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "^":
                index += 1
            if pattern[index + 1 : index + 2] == "]":  # "[]…]": a literal "]" comes first
                index += 1
        else:
            if char == ")":
                depth -= 1
            result.append((index, char, depth))
            if char == "(":
                depth += 1
        index += 1
    return result


def _closing_paren(pattern: str) -> int | None:
    """Index of the ")" that closes the "(" at index 0."""
    for index, char, depth in _scan(pattern):
        if char == ")" and depth == 0:
            return index
    return None


def _top_level_branches(pattern: str) -> list[str]:
    """Split on the "|"s that are not inside a group or a class."""
    cuts = [index for index, char, depth in _scan(pattern) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1 : b] for a, b in itertools.pairwise(bounds)]


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
