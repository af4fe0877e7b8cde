"""The scorer's fast phrase patterns match exactly what a plain alternation would.

`word_alternation` regroups alternatives by their first character for speed; the findings must
not change, so every lexicon's patterns are checked against the plain form on mixed-up text.
"""

from __future__ import annotations

import random
import re
import tomllib
from typing import Any

from listen_drill.core.bundled import read_resource_text
from listen_drill.core.scoring.patterns import word_alternation

TRICKY = [("a", "(?:x|)y"), ("b", "a|b(?:c|d)e"), ("", r"\(x"), ("", "[ab]c"), ("c", "q?r"),
          ("", "^so"), ("", "(?:it'?s|that) ok"), ("", r"(?<=, )right\?$"),
          ("d", "(?:^|(?<=, ))(?:you|we) x"), ("e", "(?:^|a)b"), ("", r"\bso(?=\b)"),
          ("f", "'?m ok"), ("g", "(?:ab|c)?d"), ("", "b??c"), ("h", "(?:y)?+z"), ("", "m"),
          ("i", "(?:no )?no")]  # fmt: skip
# Where the order of an optional part's two readings decides the match; random text rarely has it.
TRICKY_TEXTS = ["no no", "so no no.", "i'm ok, m ok", "abd cd d", "bbc yz z", "no, no no"]


def families() -> list[list[tuple[str, str]]]:
    """Every list of phrases the lexicons compile, as (tag, regex) in the order they compile."""

    def load(name: str) -> dict[str, Any]:
        return tomllib.loads(read_resource_text("lexicons", name))

    def literal(phrases: list[str]) -> list[tuple[str, str]]:
        escaped = [re.escape(str(p).lower()) for p in phrases]
        return [("", p) for p in sorted(escaped, key=len, reverse=True)]

    def regex(phrases: list[str]) -> list[tuple[str, str]]:
        return [("", p) for p in sorted((str(p) for p in phrases), key=len, reverse=True)]

    language = load("language.toml")
    tables = dict(language["roadblocks"])
    tables["scripted"] = language["scripted"]
    rules = [
        (category, pattern)
        for category, table in tables.items()
        for pattern in sorted(table["patterns"], key=len, reverse=True)
    ]
    emotions = load("emotions.toml")
    questions = load("questions.toml")
    reflections = load("reflections.toml")
    return [
        rules,
        regex(emotions["validation"]["phrases"]),
        regex(questions["leading"]),
        regex(language["presuming"]["patterns"]),
        *(literal(reflections[key]) for key in ("meaning_markers", "self_talk", "framing")),
        TRICKY,
    ]


def texts(family: list[tuple[str, str]], count: int) -> list[str]:
    """Random runs of the phrases' own words and punctuation, so matches and near misses abound."""
    rng = random.Random(7)
    words = sorted({w for _tag, p in family for w in re.findall(r"[a-z']+", p)})
    words += [",", ".", "?", "!", "'", ":(", "<3", "1", "x", "y", "ab", "bce", "so", "\n"]
    joins = [" ", "", ", ", ". ", "'", "-"]
    return [
        "".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 30)))
        for _ in range(count)
    ]


def test_grouped_patterns_match_like_the_plain_alternation() -> None:
    for family in families():
        plain = re.compile(
            r"(?<![a-z0-9'])(?:"
            + "|".join(f"(?P<t{i}>{p})" for i, (_tag, p) in enumerate(family))
            + r")(?![a-z0-9])"
        )
        fast, tags = word_alternation(family)
        for text in texts(family, 600) + (TRICKY_TEXTS if family is TRICKY else []):
            want = [(m.span(), family[int(str(m.lastgroup)[1:])][0]) for m in plain.finditer(text)]
            got = [(m.span(), tags.get(m.lastgroup or "", "")) for m in fast.finditer(text)]
            assert got == want, (text, fast.pattern)
