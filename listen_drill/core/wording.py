"""Small pieces of English shared by the CLI and the window, so both count things alike."""

from __future__ import annotations

from listen_drill.core.stats import FAIR_SCORE, GOOD_SCORE, Band, score_band

_VOWELS = "aeiou"
#: Within the fair band, a reply this good is a start to build on rather than one to rework.
GOOD_START = (GOOD_SCORE + FAIR_SCORE) // 2


def verdict(overall: int) -> str:
    """A word for one reply's score, so it means something at a glance; its band is the one the
    report colours it by."""
    band = score_band(overall)
    if band is Band.GOOD:
        return "Strong reply"
    if band is Band.FAIR:
        return "Good start" if overall >= GOOD_START else "Needs work"
    return "Try again"


def noun_for(count: int, noun: str) -> str:
    """`noun` in the number `count` asks for: "reply" for 1, "replies" for 0 or 2.

    For text that sets the number apart from its noun (a bold count in a dialog), so it still
    agrees with it. Only the last word changes: "model reply" -> "model replies".
    """
    if count == 1:
        return noun
    if noun.endswith("y") and noun[-2:-1].isalpha() and noun[-2:-1].lower() not in _VOWELS:
        return noun[:-1] + "ies"  # reply -> replies; but day -> days, key -> keys
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def plural(count: int, noun: str) -> str:
    """ "1 drill", "2 drills", "1,200 attempts", "2 model replies": a count with its noun."""
    return f"{count:,} {noun_for(count, noun)}"


def drill_name(statement: str, drill_id: str = "", limit: int = 90) -> str:
    """A drill as the agent knows it: the start of what the customer said, on one line (as
    History and the report name drills); the id only when no statement is known."""
    one_line = " ".join(statement.split())
    if not one_line:
        return drill_id
    if len(one_line) > limit:
        one_line = one_line[: limit - 1].rstrip() + "…"
    return f"“{one_line}”"
