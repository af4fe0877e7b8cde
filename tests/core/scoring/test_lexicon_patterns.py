"""The shape of the lexicons' patterns: none may begin with something that can match nothing.

Each phrase list is compiled into one alternation, and the regex engine skips ahead to the
next place where one of its first characters occurs. A single pattern that can begin with
nothing (`(?:a )?heavy…`, `\\bit happens`, a lookbehind) makes it try every position of every
reply: one such phrase once cost 2% of the scorer's time. Write the optional word out instead.
"""

from __future__ import annotations

import re._parser as sre_parse  # type: ignore[import-not-found]
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

LEXICONS = Path(__file__).resolve().parents[3] / "resources" / "lexicons"

# Patterns allowed to start with an assertion, and why.
ALLOWED = {
    # orders are found only at the start of a clause, which only lookbehinds can say
    ("language.toml", "roadblocks.ordering.patterns", 0),
    # tried once per question sentence, never over a whole reply
    ("questions.toml", "leading", 9),
}
WEAK_OPENERS = {"AT", "ASSERT", "ASSERT_NOT"}
REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def can_start_with_nothing(items: Any) -> bool:
    """Whether the parsed pattern's first item may match an empty string or only a position."""
    items = list(items)
    if not items:
        return True
    op, argument = items[0]
    name = str(op)
    if name in REPEATS:
        return bool(argument[0] == 0)
    if name in WEAK_OPENERS:
        return True
    if name == "SUBPATTERN":
        return can_start_with_nothing(argument[3])
    if name == "BRANCH":
        return any(can_start_with_nothing(branch) for branch in argument[1])
    return False


def patterns() -> Iterator[tuple[str, str, int, str]]:
    for path in sorted(LEXICONS.glob("*.toml")):
        yield from _walk(tomllib.loads(path.read_text(encoding="utf-8")), path.name, [])


def _walk(node: Any, file: str, keys: list[str]) -> Iterator[tuple[str, str, int, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, file, [*keys, str(key)])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, str):
                yield file, ".".join(keys), index, value


def test_no_pattern_begins_with_something_that_can_match_nothing() -> None:
    weak = [
        (file, where, index, pattern)
        for file, where, index, pattern in patterns()
        if (file, where, index) not in ALLOWED and can_start_with_nothing(sre_parse.parse(pattern))
    ]
    assert not weak, weak


def test_the_check_sees_the_shapes_that_cost_time() -> None:
    for slow in (r"(?:a )?heavy", r"\bit happens", r"(?<=, )right", r"(?:^|you) must"):
        assert can_start_with_nothing(sre_parse.parse(slow)), slow
    for fast in (r"heavy (?:weight|load)", r"it happens(?=[.!,;]|$)", r"(?:our|the) meters"):
        assert not can_start_with_nothing(sre_parse.parse(fast)), fast


def test_the_allowed_exceptions_still_exist() -> None:
    """An exception whose pattern moved or went would silently allow a new slow one."""
    found = {(file, where, index) for file, where, index, _pattern in patterns()}
    assert found >= ALLOWED
