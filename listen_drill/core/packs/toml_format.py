"""Write a `Pack` as TOML in the same layout trainers write by hand (`[pack]`, `[[drills]]`).

Used by `pack export` and to turn a spreadsheet's CSV into a TOML file. Strings are written as
TOML basic strings with every control character escaped, so any text reads back unchanged.
"""

from __future__ import annotations

from listen_drill.core.models import DRILL_SKILLS, Drill, KeyPoint, Pack
from listen_drill.core.packs.validate import unix_line_ends

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """`text` as a TOML basic string; Windows line ends (from a pack stored before they were
    normalised on load) are written as "\\n"."""
    out = []
    for char in unix_line_ends(text):
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


def _key_point(point: KeyPoint) -> str:
    if not point.synonyms:
        return toml_string(point.text)
    return f"{{ text = {toml_string(point.text)}, synonyms = {_list(point.synonyms)} }}"


def _drill(drill: Drill) -> list[str]:
    lines = [
        "",
        "[[drills]]",
        f"id = {toml_string(drill.id)}",
        f"statement = {toml_string(drill.statement)}",
    ]
    context = drill.context
    parts = [
        f"{name} = {toml_string(value)}"
        for name, value in (
            ("channel", context.channel),
            ("customer", context.customer),
            ("situation", context.situation),
        )
        if value
    ]
    if parts:
        lines.append(f"context = {{ {', '.join(parts)} }}")
    if drill.emotions:
        lines.append(f"emotions = {_list(drill.emotions)}")
    lines.append(f"intensity = {drill.intensity}")
    if drill.key_points:
        lines.append("key_points = [")
        lines.extend(f"  {_key_point(point)}," for point in drill.key_points)
        lines.append("]")
    if drill.skills != DRILL_SKILLS:
        lines.append(f"skills = {_list(tuple(skill.value for skill in drill.skills))}")
    lines.append(f"difficulty = {drill.difficulty}")
    lines.append("exemplars = [")
    lines.extend(f"  {toml_string(text)}," for text in drill.exemplars)
    lines.append("]")
    if drill.tags:
        lines.append(f"tags = {_list(drill.tags)}")
    if drill.avoid:
        lines.append(f"avoid = {_list(drill.avoid)}")
    if drill.notes:
        lines.append(f"notes = {toml_string(drill.notes)}")
    return lines


def pack_to_toml(pack: Pack) -> str:
    lines = [
        "# " + "".join(char if char.isprintable() else " " for char in pack.title),
        "[pack]",
        f"id = {toml_string(pack.id)}",
        f"title = {toml_string(pack.title)}",
        f"version = {toml_string(pack.version)}",
        f"author = {toml_string(pack.author)}",
        f"language = {toml_string(pack.language)}",
        f"description = {toml_string(pack.description)}",
    ]
    if pack.avoid:
        lines.append(f"avoid = {_list(pack.avoid)}")
    for drill in pack.drills:
        lines.extend(_drill(drill))
    return "\n".join(lines) + "\n"
