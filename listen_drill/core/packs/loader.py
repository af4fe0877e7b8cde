"""Read a drill pack from TOML into a `Pack`.

This is the plain reader. Problems are collected as `Problem`s, each naming the file, the place
and the fix, and raised together in one `PackError` so the author sees them all at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from listen_drill.core.models import DRILL_SKILLS, Drill, DrillContext, KeyPoint, Pack, Skill


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack file: `FILE:LINE: where: message`."""

    source: str
    where: str
    message: str
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        place = f"{self.source}:{self.line}" if self.line else self.source
        where = f" {self.where}:" if self.where else ""
        return f"{place}:{where} {self.message}"


class PackError(Exception):
    """A pack was refused; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def load_pack_file(path: Path) -> Pack:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PackError(
            [Problem(str(path), "", f"cannot read the file ({error.strerror})")]
        ) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PackError(
            [Problem(str(path), "", "is not UTF-8 text; save it as UTF-8 and try again")]
        ) from error
    return load_pack_text(text, str(path))


def load_pack_text(text: str, source: str = "<pack>") -> Pack:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError([Problem(source, "", f"is not valid TOML: {error}")]) from error
    return pack_from_document(document, source)


def pack_from_document(document: dict[str, Any], source: str) -> Pack:
    header = document.get("pack")
    if not isinstance(header, dict):
        raise PackError([Problem(source, "", "has no [pack] table; start the file with [pack]")])
    drills = tuple(_drill(item) for item in document.get("drills", []))
    return Pack(
        id=str(header["id"]),
        title=str(header["title"]),
        version=str(header.get("version", "1")),
        author=str(header.get("author", "")),
        language=str(header.get("language", "en")),
        description=str(header.get("description", "")),
        avoid=tuple(header.get("avoid", ())),
        drills=drills,
    )


def _drill(item: dict[str, Any]) -> Drill:
    context = item.get("context", {})
    return Drill(
        id=str(item["id"]),
        statement=str(item["statement"]).strip(),
        context=DrillContext(**context) if isinstance(context, dict) else DrillContext(),
        emotions=tuple(item.get("emotions", ())),
        intensity=int(item.get("intensity", 2)),
        key_points=tuple(_key_point(point) for point in item.get("key_points", ())),
        skills=tuple(Skill(name) for name in item.get("skills", [s.value for s in DRILL_SKILLS])),
        difficulty=int(item.get("difficulty", 1)),
        exemplars=tuple(str(text).strip() for text in item.get("exemplars", ())),
        tags=tuple(item.get("tags", ())),
        avoid=tuple(item.get("avoid", ())),
        notes=str(item.get("notes", "")),
    )


def _key_point(point: Any) -> KeyPoint:
    if isinstance(point, str):
        return KeyPoint(text=point)
    return KeyPoint(text=str(point["text"]), synonyms=tuple(point.get("synonyms", ())))
