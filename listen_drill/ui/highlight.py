"""Turn a reply and its findings into HTML with the words each finding is about highlighted."""

from __future__ import annotations

import html
from collections.abc import Iterable

from listen_drill.core.models import Finding

HURT_COLOUR = "#f8c9c4"  # words that cost points
HELP_COLOUR = "#c9ecd0"  # words that earned points


def highlighted_html(text: str, findings: Iterable[Finding]) -> str:
    """Escape `text` and wrap every finding's span in a coloured <span>.

    Overlapping spans are merged; where a costly and a helpful finding overlap, the costly one wins,
    because the words that hurt are what the agent must see first.
    """
    marks: list[str | None] = [None] * len(text)
    spans = sorted(
        (f for f in findings if f.has_span and f.start < len(text)), key=lambda f: f.points > 0
    )
    for finding in reversed(spans):
        colour = HELP_COLOUR if finding.points > 0 else HURT_COLOUR
        for index in range(max(0, finding.start), min(len(text), finding.end)):
            marks[index] = colour
    pieces: list[str] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or marks[index] != marks[start]:
            chunk = html.escape(text[start:index]).replace("\n", "<br>")
            mark = marks[start]
            if mark:
                pieces.append(f'<span style="background-color:{mark}">{chunk}</span>')
            else:
                pieces.append(chunk)
            start = index
    return "".join(pieces)
