"""Chat spelling without apostrophes ("youre", "dont"), read as if written in full.

Every rule of the scorer is written for "you're"; a reply typed fast in a chat window says
"youre". Rather than doubling every rule, the reply is read with the apostrophes put back, and
each offset the scorer reports is mapped back to the reply as the agent typed it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from listen_drill.core.scoring.patterns import word_alternation
from listen_drill.core.scoring.text import Token


class Restored:
    """The reply with apostrophes put back, and where they went (indices into the new text)."""

    __slots__ = ("inserted", "lowered", "text")

    def __init__(self, text: str, lowered: str, inserted: list[int]) -> None:
        self.text = text  # as typed, with the apostrophes
        self.lowered = lowered
        self.inserted = inserted

    def original(self, offset: int) -> int:
        """The offset in the reply as typed: less one for each apostrophe put in before it."""
        return offset - bisect_left(self.inserted, offset) if self.inserted else offset


def bare_pattern(spelled: list[str], only_before: dict[str, list[str]]) -> re.Pattern[str] | None:
    """One pattern for every word in `spelled` typed without its apostrophe, and for each word of
    `only_before` typed so before one of its listed words ("its so", not "its lid")."""
    alternatives = [re.escape(word.replace("'", "")) for word in spelled]
    for word, following in only_before.items():
        if following:
            bare = re.escape(word.replace("'", ""))
            words = "|".join(sorted(map(re.escape, set(following)), key=len, reverse=True))
            alternatives.append(f"{bare}(?= (?:{words})\\b)")
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return word_alternation([("", alternative) for alternative in ordered])[0]


def spelled_in_full(words: list[str]) -> dict[str, int]:
    """Bare word -> where its apostrophe goes: "youre" -> 3."""
    return {word.replace("'", ""): word.index("'") for word in words if word.count("'") == 1}


def restore(text: str, lowered: str, words: list[Token], pattern: re.Pattern[str] | None,
            where: dict[str, int]) -> Restored:  # fmt: skip
    """`text` and its lowered form with the apostrophes put back in the bare words.

    `words` are the lowered text's tokens: most replies hold no bare word, and a look-up per
    word then saves running the pattern.
    """
    if pattern is None or not any(word.text in where for word in words):
        return Restored(text, lowered, [])
    cuts = [match.start() + where[match.group()] for match in pattern.finditer(lowered)]
    if not cuts:
        return Restored(text, lowered, [])
    pieces = list(itertools.pairwise([0, *cuts, len(text)]))
    typed = "'".join(text[a:b] for a, b in pieces)
    low = "'".join(lowered[a:b] for a, b in pieces)
    return Restored(typed, low, [cut + index for index, cut in enumerate(cuts)])
