"""Hypothesis strategies for packs: valid packs, and documents with one thing changed."""

from __future__ import annotations

import dataclasses
import datetime
import string
from typing import Any

from hypothesis import strategies as st

from listen_drill.core.models import DRILL_SKILLS, Drill, DrillContext, KeyPoint, Pack
from listen_drill.core.packs.spec import known_emotions
from listen_drill.core.packs.validate import unix_line_ends

# Control characters other than tab, newline and carriage return are left out: a CSV holding NUL
# is binary, and the other controls have no place in drills (docs/packs.md says so).
TEXT_ALPHABET = st.characters(
    exclude_categories=["Cs"],
    exclude_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\x7f"],
)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True)
any_text = st.text(TEXT_ALPHABET, max_size=30)
tricky = st.sampled_from([";", "|", "\\", '"', ",", "\n", "\r\n", " ", "'''", '"""', "#", "="])
words = st.lists(st.one_of(any_text, tricky), min_size=1, max_size=4).map("".join)
# Every limit in spec.py is 30 characters or more.
stripped = words.map(lambda text: text[:30].strip()).filter(bool)
non_blank = words.map(lambda text: text[:30]).filter(lambda text: text.strip() != "")


@st.composite
def drills(draw: st.DrawFn, drill_id: str) -> Drill:
    return Drill(
        id=drill_id,
        statement=draw(stripped),
        context=DrillContext(draw(any_text), draw(any_text), draw(any_text)),
        emotions=tuple(draw(st.lists(st.sampled_from(known_emotions()), unique=True, max_size=3))),
        intensity=draw(st.integers(1, 3)),
        key_points=tuple(
            draw(
                st.lists(
                    st.builds(KeyPoint, stripped, st.lists(stripped, max_size=3).map(tuple)),
                    max_size=3,
                )
            )
        ),
        skills=tuple(draw(st.lists(st.sampled_from(DRILL_SKILLS), unique=True, min_size=1))),
        difficulty=draw(st.integers(1, 3)),
        exemplars=tuple(draw(st.lists(stripped, min_size=1, max_size=3))),
        tags=tuple(draw(st.lists(stripped, max_size=3))),
        avoid=tuple(draw(st.lists(stripped, max_size=2))),
        notes=draw(any_text),
    )


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    drill_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    return Pack(
        id=draw(ids),
        title=draw(non_blank),
        version=draw(st.from_regex(r"[0-9][0-9.]{0,6}", fullmatch=True)),
        drills=tuple(draw(drills(drill_id)) for drill_id in drill_ids),
        author=draw(any_text),
        language=draw(st.sampled_from(["en", "en-GB", "fr"])),
        description=draw(any_text),
        avoid=tuple(draw(st.lists(stripped, max_size=2))),
    )


def _unix(value: Any) -> Any:
    if isinstance(value, str):
        return unix_line_ends(value)
    if isinstance(value, tuple):
        return tuple(_unix(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _unix(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def as_loaded(pack: Pack) -> Pack:
    """`pack` as loading it from a file gives it back: every line end "\\n" (packs.md)."""
    result: Pack = _unix(pack)
    return result


VALID_DOCUMENT: dict[str, Any] = {
    "pack": {"id": "p", "title": "P", "version": "1", "avoid": ["as I said"]},
    "drills": [
        {
            "id": "a",
            "statement": "It is late.",
            "context": {"channel": "Chat"},
            "emotions": ["frustrated"],
            "intensity": 2,
            "key_points": ["late", {"text": "again", "synonyms": ["twice"]}],
            "skills": ["paraphrase", "emotion"],
            "difficulty": 1,
            "exemplars": ["So it is late. What happened?"],
            "tags": ["delivery"],
            "avoid": ["policy"],
            "notes": "",
        }
    ],
}

odd_values = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            " ",
            "x",
            "frustrated",
            "angryish",
            "paraphrase",
            "bad id!",
            "en-GB",
            "x" * 121,
            "x" * 2001,
            0,
            1,
            3,
            4,
            2.0,
            2.5,
            float("nan"),
            True,
            [],
            [""],
            ["x"],
            ["frustrated", "frustrated"],
            ["emotion"],
            {},
            {"text": "t"},
            {"text": "t", "synonyms": [1]},
            {"channel": "Phone"},
            {"text": ""},
            datetime.date(2024, 1, 2),
        ]
    ),
    st.text(string.printable, max_size=5),
    st.integers(-5, 5),
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The valid document with one to three values replaced, removed or added anywhere."""
    import copy

    document: dict[str, Any] = copy.deepcopy(VALID_DOCUMENT)
    for _ in range(draw(st.integers(1, 3))):
        node: Any = document
        while True:
            keys: list[Any] = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and child and draw(st.booleans()):
                node = child
                continue
            value = copy.deepcopy(draw(odd_values))
            if value is None:
                del node[key]
            elif isinstance(node, dict) and draw(st.integers(0, 5)) == 0:
                node[draw(st.sampled_from(["emotion", "titel", "extra", str(key)]))] = value
            else:
                node[key] = value
            break
    return document
