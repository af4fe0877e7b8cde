"""Chat spelling ("youre", "dont", "u", "ur"), read as if written in full.

Every rule of the scorer is written for "you're"; a reply typed fast in a chat window says
"youre" or "u". Rather than doubling every rule, the reply is read with the missing letters put
back, and each offset the scorer reports is mapped back to the reply as the agent typed it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from listen_drill.core.scoring.patterns import word_alternation
from listen_drill.core.scoring.text import Token


class Restored:
    """The reply with the missing letters put back, and where each went (indices into the new
    text)."""

    __slots__ = ("inserted", "lowered", "text")

    def __init__(self, text: str, lowered: str, inserted: list[int]) -> None:
        self.text = text  # as typed, with the apostrophes
        self.lowered = lowered
        self.inserted = inserted

    def original(self, offset: int) -> int:
        """The offset in the reply as typed: less one for each character put in before it."""
        return offset - bisect_left(self.inserted, offset) if self.inserted else offset


def bare_pattern(
    spelled: list[str], only_before: dict[str, list[str]], short: dict[str, str]
) -> re.Pattern[str] | None:
    """One pattern for every word in `spelled` typed without its apostrophe, each word of
    `only_before` typed so before one of its listed words ("its so", not "its lid"), and each
    short form ("u") not followed by a full stop or hyphen ("U.S.", "U-turn")."""
    alternatives = [re.escape(word.replace("'", "")) for word in spelled]
    for word, following in only_before.items():
        if following:
            bare = re.escape(word.replace("'", ""))
            words = "|".join(sorted(map(re.escape, set(following)), key=len, reverse=True))
            alternatives.append(f"{bare}(?= (?:{words})\\b)")
    alternatives += [f"{re.escape(word)}(?![.'-])" for word in short]
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return word_alternation([("", alternative) for alternative in ordered])[0]


def spelled_in_full(words: list[str], short: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Bare word -> where the missing letters go, and which: "youre" -> (3, "'"), "u" -> (0,
    "yo"). A short form must end its full one ("u" of "you"), so one insertion restores it; an
    entry that breaks either rule is an error in the lexicon, not a word to skip quietly."""
    where: dict[str, tuple[int, str]] = {}
    for word in words:
        if word.count("'") != 1:
            raise ValueError(
                f"language.toml [apostrophes]: {word!r} must hold exactly one apostrophe"
            )
        where[word.replace("'", "")] = (word.index("'"), "'")
    for word, full in short.items():
        if not full.endswith(word) or len(full) <= len(word):
            raise ValueError(
                f"language.toml [apostrophes.short]: {word!r} must be the end of {full!r}"
            )
        where[word] = (0, full[: len(full) - len(word)])
    return where


def restore(text: str, lowered: str, words: list[Token], pattern: re.Pattern[str] | None,
            where: dict[str, tuple[int, str]]) -> Restored:  # fmt: skip
    """`text` and its lowered form with the missing letters put back in the chat spellings.

    `words` are the lowered text's tokens: most replies hold no chat spelling, and a look-up per
    word then saves running the pattern.
    """
    if pattern is None or not any(word.text in where for word in words):
        return Restored(text, lowered, [])
    typed: list[str] = []
    low: list[str] = []
    inserted: list[int] = []
    last = 0
    for match in pattern.finditer(lowered):
        at, missing = where[match.group()]
        cut = match.start() + at
        typed += (text[last:cut], missing)
        low += (lowered[last:cut], missing)
        start = cut + len(inserted)  # where the missing letters go in the new text
        inserted.extend(range(start, start + len(missing)))
        last = cut
    if not inserted:
        return Restored(text, lowered, [])
    return Restored("".join([*typed, text[last:]]), "".join([*low, lowered[last:]]), inserted)
