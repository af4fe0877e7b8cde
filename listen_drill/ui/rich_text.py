"""Plain text made safe for Qt's rich text, keeping its own line breaks."""

from __future__ import annotations

import html


def escaped_lines(text: str) -> str:
    """`text` escaped, its line breaks as <br>: a statement written on several lines (a
    customer's list, a quoted message) reads wrong run into one line, and a title with "<" or
    "&" must show as written."""
    return "<br>".join(html.escape(line) for line in text.strip().splitlines())
