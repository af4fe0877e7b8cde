"""The pack format as data: every table, key, type and limit, in one place.

The validator checks documents against these specs, `schema.py` derives the JSON Schema for
editors from them, the CSV columns follow them, and a test keeps `resources/schemas/
pack.schema.json` equal to what they say. Change the format here and nowhere else.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from listen_drill.core.bundled import read_resource_text
from listen_drill.core.models import DRILL_SKILLS

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DRILLS = 10_000
# A model reply the scorer rates under this is reported as a warning.
EXEMPLAR_WARNING_BELOW = 50

# `(?![\s\S])` is "end of text" in both Python and JSON Schema regexes (`$` lets a final
# newline through in Python).
END = r"(?![\s\S])"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*" + END
ID_RE = re.compile(ID_PATTERN)
# Text that must say something: at least one character that is not white space.
NON_BLANK_PATTERN = r"\S"
# Control characters a pack's text may not hold: all but tab, line feed and carriage return.
# Written with \u escapes, which Python's re and JSON Schema's ECMA-262 patterns both read.
CONTROL_PATTERN = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]"
NON_BLANK_RE = re.compile(NON_BLANK_PATTERN)
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*" + END
LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)


class Kind(StrEnum):
    """The shapes a value can take in a pack."""

    TEXT = "text"  # a string
    WHOLE = "whole"  # an integer within [minimum, maximum]
    TEXT_LIST = "text list"  # a list of non-blank strings
    CHOICE_LIST = "choice list"  # a list of distinct values from `choices`
    KEY_POINTS = "key points"  # a list of strings or {text, synonyms} tables
    TABLE = "table"  # a table with `fields`


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a table: its shape, whether it must be there, and its limits."""

    name: str
    kind: Kind
    description: str
    required: bool = False
    non_blank: bool = False  # TEXT: must contain something besides white space
    pattern: str = ""  # TEXT: a regular expression the whole value must match
    pattern_hint: str = ""  # TEXT: what the pattern means, in words, for messages
    max_length: int = 200  # TEXT: the value; lists: each item
    minimum: int = 0  # WHOLE
    maximum: int = 0  # WHOLE
    min_items: int = 0  # lists
    max_items: int = 50  # lists
    noun: str = ""  # CHOICE_LIST: what one value is called in messages ("emotion")
    empty_hint: str = ""  # what to do when a required list or text is empty
    fields: tuple[Field, ...] = ()  # TABLE

    @property
    def choices(self) -> tuple[str, ...]:
        """Allowed values of a CHOICE_LIST, looked up when needed (emotions come from a file)."""
        if self.name == "emotions":
            return known_emotions()
        if self.name == "skills":
            return tuple(skill.value for skill in DRILL_SKILLS)
        return ()


@cache
def known_emotions() -> tuple[str, ...]:
    """The emotion family ids of the scorer's lexicon (`[families.*]` in emotions.toml)."""
    lexicon = tomllib.loads(read_resource_text("lexicons", "emotions.toml"))
    return tuple(lexicon.get("families", {}))


ID_HINT = (
    "ASCII letters a-z and A-Z (without accents), digits, '-', '_' or '.', "
    "starting with a letter or digit"
)

PACK_FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        Kind.TEXT,
        "Stable identifier of the pack; importing a file with the same id updates the pack.",
        required=True,
        pattern=ID_PATTERN,
        pattern_hint=ID_HINT,
        max_length=64,
    ),
    Field(
        "title",
        Kind.TEXT,
        "Name shown in the pack list.",
        required=True,
        non_blank=True,
        max_length=120,
    ),
    Field(
        "version",
        Kind.TEXT,
        'Version of the pack, as text (e.g. "1.2"); raise it when you change the drills.',
        required=True,
        non_blank=True,
        max_length=32,
    ),
    Field("author", Kind.TEXT, "Who wrote the pack.", max_length=120),
    Field(
        "language",
        Kind.TEXT,
        'Language of the drills as a code such as "en" or "en-GB" (default "en").',
        pattern=LANGUAGE_PATTERN,
        pattern_hint='a language code such as "en" or "en-GB"',
        max_length=16,
    ),
    Field("description", Kind.TEXT, "One or two sentences shown with the pack.", max_length=2000),
    Field(
        "avoid",
        Kind.TEXT_LIST,
        "Extra phrases that count as roadblocks in every drill of this pack.",
        max_length=100,
        max_items=200,
    ),
)

CONTEXT_FIELDS: tuple[Field, ...] = (
    Field(
        "channel", Kind.TEXT, "Where the conversation happens: Chat, Phone, Email...", max_length=60
    ),
    Field("customer", Kind.TEXT, "Who is speaking.", max_length=200),
    Field("situation", Kind.TEXT, "What has happened so far.", max_length=300),
)

KEY_POINT_FIELDS: tuple[Field, ...] = (
    Field(
        "text",
        Kind.TEXT,
        "The fact, in a few words.",
        required=True,
        non_blank=True,
        max_length=120,
    ),
    Field(
        "synonyms",
        Kind.TEXT_LIST,
        "Other words that also carry the fact.",
        max_length=120,
        max_items=30,
    ),
)

DRILL_FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        Kind.TEXT,
        "Stable identifier within the pack; attempts stay linked to it across versions.",
        required=True,
        pattern=ID_PATTERN,
        pattern_hint=ID_HINT,
        max_length=64,
    ),
    Field(
        "statement",
        Kind.TEXT,
        "What the customer says.",
        required=True,
        non_blank=True,
        max_length=2000,
        empty_hint="write what the customer says",
    ),
    Field(
        "context",
        Kind.TABLE,
        "Optional setting: channel, customer and situation.",
        fields=CONTEXT_FIELDS,
    ),
    Field(
        "emotions",
        Kind.CHOICE_LIST,
        "Emotion families the customer shows (ids from the scorer's emotion lexicon).",
        noun="emotion",
        max_length=40,
        max_items=6,
    ),
    Field(
        "intensity",
        Kind.WHOLE,
        "How strong the feeling is: 1 mild, 2 clear, 3 strong (default 2).",
        minimum=1,
        maximum=3,
    ),
    Field(
        "key_points",
        Kind.KEY_POINTS,
        "Facts a good paraphrase carries: text, or { text, synonyms } tables.",
        max_length=120,
        max_items=20,
        fields=KEY_POINT_FIELDS,
    ),
    Field(
        "skills",
        Kind.CHOICE_LIST,
        "What the drill asks for: paraphrase, emotion, question (default all three).",
        noun="skill",
        max_length=20,
        min_items=1,
        max_items=3,
        empty_hint="name at least one of paraphrase, emotion, question, or leave the key out",
    ),
    Field("difficulty", Kind.WHOLE, "1 easy, 2 medium, 3 hard (default 1).", minimum=1, maximum=3),
    Field(
        "exemplars",
        Kind.TEXT_LIST,
        "One or more model replies, shown after an attempt.",
        required=True,
        max_length=2000,
        min_items=1,
        max_items=20,
        empty_hint="add at least one model reply",
    ),
    Field(
        "tags", Kind.TEXT_LIST, "Words to group and filter drills by.", max_length=40, max_items=20
    ),
    Field(
        "avoid",
        Kind.TEXT_LIST,
        "Extra phrases that count as roadblocks in this drill.",
        max_length=100,
        max_items=50,
    ),
    Field("notes", Kind.TEXT, "Notes for the trainer; never shown to the agent.", max_length=4000),
)

TOP_LEVEL_KEYS: tuple[str, ...] = ("pack", "drills")
