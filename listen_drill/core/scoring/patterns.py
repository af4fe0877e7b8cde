"""Phrase lists compiled for speed: one regex per list, matched on word boundaries.

Lexicons hold hundreds of phrases. `word_alternation` compiles them as a prefix tree, which the
regex engine walks with one comparison per character, and `PhrasePattern` keeps beside each
regex the plain pieces of text that any match must contain: most replies hold none of them,
and a few substring searches in C then save running the regex at all.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator

PRETEST_LIMIT = 32  # beyond this many pieces, the prefix-tree regex is as quick as the test


class PhrasePattern:
    """A compiled phrase list that runs its regex only when one of its pieces is in the text.

    `pieces` are stretches of plain text of which every match contains one (None: no such
    test is possible, or it would cost more than it saves), so skipping the regex without
    them changes no result.
    """

    __slots__ = ("pieces", "regex")

    def __init__(self, regex: re.Pattern[str], pieces: tuple[str, ...] | None) -> None:
        self.regex = regex
        self.pieces = pieces if pieces is None or len(pieces) <= PRETEST_LIMIT else None

    # The test is written out in each method: these run for every sentence of every reply.
    def search(self, text: str) -> re.Match[str] | None:
        pieces = self.pieces
        if pieces is not None and not any(map(text.__contains__, pieces)):
            return None
        return self.regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pieces = self.pieces
        if pieces is not None and not any(map(text.__contains__, pieces)):
            return iter(())
        return self.regex.finditer(text)


NEVER = PhrasePattern(re.compile(r"(?!x)x"), ())  # an empty list: matches nothing, costs nothing


def phrase_pattern(phrases: list[str], *, regex: bool = False) -> PhrasePattern | None:
    """One alternation for many phrases, longest first, matched on word boundaries."""
    if not phrases:
        return None
    parts = phrases if regex else [re.escape(p.lower()) for p in phrases]
    ordered = sorted(parts, key=len, reverse=True)
    pieces = required_pieces(phrases) if regex else pieces_of(phrases)
    return PhrasePattern(word_alternation([("", part) for part in ordered])[0], pieces)


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


FACTOR_DEPTH = 6  # characters shared as a prefix tree: "you sh", "i unde"; deeper gains little


def _factored(items: list[tuple[str, str]], named: Callable[[str, str], str], depth: int) -> str:
    """The (tag, branch) items as one alternation with shared first characters factored out (a
    prefix tree `depth` characters deep), matching as the items in their order would.

    Order only matters between branches that can begin with the same character, so each first
    character gathers its branches in one group; a branch that can't be split closes the groups
    of the characters it may begin with (all of them, when that is unknown) and goes after them.
    """
    if depth <= 0:  # the rest of each branch as it is, one group per run of a tag
        return "|".join(
            named(tag, "|".join(branch for _tag, branch in run))
            for tag, run in itertools.groupby(items, key=lambda item: item[0])
        )
    branches: list[str] = []
    open_groups: dict[str, list[tuple[str, str]]] = {}  # first character -> (tag, rest), in order

    def close(firsts: Iterable[str]) -> None:
        for first in firsts:
            rests = open_groups.pop(first, None)
            if rests:
                branches.append(f"{re.escape(first)}(?:{_factored(rests, named, depth - 1)})")

    for tag, branch in items:
        split = None if "(?P" in branch else _split_first(branch)
        if split is None:  # kept whole, after every group it could compete with
            firsts = None if "(?P" in branch else _first_chars(branch)
            close(list(open_groups) if firsts is None else sorted(firsts))
            guard = f"(?=[{''.join(map(re.escape, sorted(firsts)))}])" if firsts else ""
            branches.append(guard + named(tag, branch))
        else:
            for first, rest in split:
                open_groups.setdefault(first, []).append((tag, rest))
    close(list(open_groups))
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
        optional = _optional(after)
        if after[:1] and after[0] in _QUANTIFIERS and not optional:
            return None
        pairs: list[tuple[str, str]] = []
        # "(?:a|b)?c" matches as "ac|bc|c" does: the group is tried first, then its absence
        for inner in (*_top_level_branches(branch[3:close]), *([None] if optional else [])):
            split = _split_first(after[1:] if inner is None else inner + after[optional:])
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
    if _optional(rest):  # "'?m sorry" matches as "'m sorry|m sorry" does
        without = _split_first(rest[1:])
        return None if without is None else [(first, rest[1:]), *without]
    if rest[:1] and rest[0] in _QUANTIFIERS:
        return None  # "a+…", "a{2}…": beyond this reading
    return [(first, rest)]


def _optional(after: str) -> bool:
    """Whether `after` starts with a plain greedy "?" (not "??" or "?+")."""
    return after[:1] == "?" and after[1:2] not in ("?", "+")


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
