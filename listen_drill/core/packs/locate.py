"""Find the line of a key or list item in a pack's text, for `FILE:LINE:` in messages.

`tomllib` returns plain dicts with no positions, so this is a small scanner over the text that
records where each table header (`[pack]`, the n-th `[[drills]]`), each `key =` and each item of
a list starts. It runs only when there is something to report, on text that already parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Path = tuple[str | int, ...]


class LineMap:
    """Lines by path; a path with no line of its own takes the line of its nearest parent."""

    def __init__(self, lines: dict[Path, int] | None = None) -> None:
        self.lines: dict[Path, int] = lines if lines is not None else {}

    def record(self, path: Path, line: int) -> None:
        self.lines.setdefault(path, line)

    def line_of(self, path: Path) -> int | None:
        """The line of `path` or its nearest parent, else the first line of anything under it.

        The last case is a key known only through what it holds: `[[drill]]` (a typo for
        `[[drills]]`) records `("drill", 0)`, and the problem is about the key `("drill",)`.
        """
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        if not path:
            return None
        size = len(path)
        below = [line for key, line in self.lines.items() if key[:size] == path]
        return min(below, default=None)


_TOKEN = re.compile(
    r"""
    (?P<ws>[ \t\r]+)
    |(?P<nl>\n)
    |(?P<comment>\#[^\n]*)
    |(?P<mlbasic>\"\"\"(?:[^"\\]|\\.|""?(?!"))*\"{3,5})
    |(?P<mlliteral>'''(?:[^']|''?(?!'))*'{3,5})
    |(?P<basic>"(?:[^"\\\n]|\\.)*")
    |(?P<literal>'[^'\n]*')
    |(?P<punct>[\[\]{},=])
    |(?P<bare>[^\s\[\]{},="'\#]+)
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_HEADER = re.compile(r"\[(\[)?[ \t]*([^\]\n]*?)[ \t]*\](\])?")
_KEY_PART = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*""")


def _key_parts(raw: str) -> list[str]:
    """Split a dotted key (`context.channel`, `"a b".c`) into its parts."""
    parts: list[str] = []
    position = 0
    while position < len(raw):
        match = _KEY_PART.match(raw, position)
        if not match:
            break
        part = match.group(1)
        parts.append(part[1:-1] if part[:1] in "\"'" else part)
        position = match.end()
        if position < len(raw) and raw[position] == ".":
            position += 1
    return parts


@dataclass(slots=True)
class _Frame:
    """An open `[...]` list or `{...}` inline table inside a value."""

    path: Path
    is_list: bool
    index: int = 0
    expecting: bool = True  # a list waits for an item; an inline table for a key
    key: list[str] = field(default_factory=list)


def locate_toml(text: str) -> LineMap:
    """Map every header, key and list item in a TOML text to the line it starts on."""
    lines = LineMap()
    arrays: dict[Path, int] = {}  # arrays of tables seen so far, by path: how many elements
    table: Path = ()
    frames: list[_Frame] = []
    key: list[str] = []
    line = 1
    line_start = True
    position = 0
    length = len(text)
    while position < length:
        if line_start and not frames and text[position] == "[":
            header = _HEADER.match(text, position)
            if header:
                table = _resolve_header(header, arrays)
                lines.record(table, line)
                position = header.end()
                line_start = False
                continue
        match = _TOKEN.match(text, position)
        if match is None:  # cannot happen: `other` matches any character
            break
        kind = match.lastgroup
        value = match.group()
        position = match.end()
        if kind == "nl":
            line += 1
            line_start = not frames
            if not frames:
                key = []
            continue
        if kind in ("ws", "comment"):
            continue
        line_start = False
        top = frames[-1] if frames else None
        if top is not None and top.is_list:
            if value == "]":
                frames.pop()
            elif value == ",":
                top.index += 1
                top.expecting = True
            elif top.expecting:
                top.expecting = False
                item = (*top.path, top.index)
                lines.record(item, line)
                _open(value, item, frames)
            line += value.count("\n")
            continue
        # At the top of a table or inside an inline table: keys, then `=`, then a value.
        base = top.path if top is not None else table
        if top is not None and value == "}":
            frames.pop()
        elif top is not None and value == ",":
            top.expecting = True
            key = []
        elif value == "=":
            pending = (*base, *_key_parts("".join(key)))
            key = []
            lines.record(pending, line)
            after = _TOKEN.match(text, position)
            while after is not None and after.lastgroup == "ws":
                position = after.end()
                after = _TOKEN.match(text, position)
            if after is not None and after.lastgroup not in ("nl", "comment"):
                first = after.group()
                position = after.end()
                line += first.count("\n")
                _open(first, pending, frames)
        elif top is None and value == ",":
            key = []
        else:
            key.append(value)
        line += value.count("\n")
    return lines


def _open(token: str, path: Path, frames: list[_Frame]) -> None:
    if token == "[":
        frames.append(_Frame(path, is_list=True))
    elif token == "{":
        frames.append(_Frame(path, is_list=False))


def _resolve_header(header: re.Match[str], arrays: dict[Path, int]) -> Path:
    """The path a `[a.b]` or `[[a.b]]` header opens, with array-of-tables indices filled in."""
    is_array = bool(header.group(1)) and bool(header.group(3))
    parts = _key_parts(header.group(2))
    path: Path = ()
    for number, part in enumerate(parts):
        path = (*path, part)
        last = number == len(parts) - 1
        if last and is_array:
            count = arrays.get(path, 0)
            arrays[path] = count + 1
            path = (*path, count)
        elif path in arrays:
            path = (*path, arrays[path] - 1)
    return path
