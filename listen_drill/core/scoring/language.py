"""Roadblocks, scripted lines and rambling: words that cost the customer's trust."""

from __future__ import annotations

import re

from listen_drill.core.scoring.lexicon import Lexicon, PhraseRule
from listen_drill.core.scoring.text import normalise


class PhraseHit:
    """Where a rule's phrase stands in the reply."""

    __slots__ = ("end", "rule", "start")

    def __init__(self, rule: PhraseRule, start: int, end: int) -> None:
        self.rule = rule
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"PhraseHit({self.rule!r}, {self.start!r}, {self.end!r})"


def find_phrases(lowered: str, lexicon: Lexicon, avoid: tuple[str, ...]) -> list[PhraseHit]:
    """Every roadblock, scripted line and pack-specific phrase to avoid, left to right."""
    hits: list[PhraseHit] = []
    for match in lexicon.phrase_rules_re.finditer(lowered):
        rule = lexicon.phrase_rules_by_group[match.lastgroup or ""]
        hits.append(PhraseHit(rule, match.start(), match.end()))
    for phrase in avoid:
        needle = normalise(phrase.strip())  # "don’t panic" matches "Don't panic" and back
        if not needle:
            continue
        pattern = re.compile(r"(?<![a-z0-9])" + re.escape(needle) + r"(?![a-z0-9])")
        rule = PhraseRule(
            "avoid",
            f"Your trainer asks you to avoid “{phrase.strip()}” with customers.",
            "Say it in your own words, about this customer's situation.",
            -8.0,
        )
        found = [PhraseHit(rule, m.start(), m.end()) for m in pattern.finditer(lowered)]
        # a trainer's "as I said" is a built-in roadblock too: charge the words once
        hits.extend(h for h in found if not any(_overlap(h, k) for k in hits))
    hits.sort(key=lambda hit: hit.start)
    kept: list[PhraseHit] = []
    for hit in hits:  # one finding for overlapping matches of the same category
        if any(k.rule.category == hit.rule.category and hit.start < k.end for k in kept):
            continue
        kept.append(hit)
    return kept


def _overlap(one: PhraseHit, other: PhraseHit) -> bool:
    return one.start < other.end and other.start < one.end


def find_presuming(lowered: str, lexicon: Lexicon) -> list[PhraseHit]:
    rule = lexicon.presuming
    return [
        PhraseHit(rule, m.start(), m.end()) for m in lexicon.presuming_pattern.finditer(lowered)
    ]
