"""Small pieces of English shared by the CLI and the window, so both count things alike."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """ "1 drill", "2 drills", "1,200 attempts": a count with its noun in the right number."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
