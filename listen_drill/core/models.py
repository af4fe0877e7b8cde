"""Frozen domain objects shared by the core, the Qt layer and the CLI.

They carry no behaviour that touches disk or a screen, so every layer can pass them around freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Skill(StrEnum):
    """The four things the scorer judges; the first three are what a drill can ask for."""

    PARAPHRASE = "paraphrase"
    EMOTION = "emotion"
    QUESTION = "question"
    LANGUAGE = "language"


DRILL_SKILLS: tuple[Skill, ...] = (Skill.PARAPHRASE, Skill.EMOTION, Skill.QUESTION)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A fact the customer said that a good paraphrase carries, with words that also count."""

    text: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DrillContext:
    """Where the conversation happens and who is speaking; all optional."""

    channel: str = ""
    customer: str = ""
    situation: str = ""

    def describe(self) -> str:
        """One line for the drill card, e.g. "Chat · Maya, a returning customer · ..."."""
        return " · ".join(part for part in (self.channel, self.customer, self.situation) if part)


@dataclass(frozen=True, slots=True)
class Drill:
    """One customer statement to answer, with what a good reply should contain."""

    id: str
    statement: str
    context: DrillContext = DrillContext()
    emotions: tuple[str, ...] = ()
    intensity: int = 2
    key_points: tuple[KeyPoint, ...] = ()
    skills: tuple[Skill, ...] = DRILL_SKILLS
    difficulty: int = 1
    exemplars: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Pack:
    """A trainer's collection of drills, loaded from one file."""

    id: str
    title: str
    version: str
    drills: tuple[Drill, ...]
    author: str = ""
    language: str = "en"
    description: str = ""
    avoid: tuple[str, ...] = ()

    def drill(self, drill_id: str) -> Drill:
        """Return the drill with this id; KeyError names it when missing."""
        for drill in self.drills:
            if drill.id == drill_id:
                return drill
        raise KeyError(f"pack {self.id!r} has no drill {drill_id!r}")


class Finding(NamedTuple):
    """One observation about a reply: why points were gained or lost, and what to do instead.

    `start`/`end` are character offsets into the reply (end exclusive); both are 0 when the finding
    is about something missing rather than about words that are there.

    The scorer's results are NamedTuples rather than frozen dataclasses: as immutable, read the
    same, and a frozen dataclass's `__init__` cost a tenth of the scorer's time (ten per reply).
    """

    kind: str
    skill: Skill
    message: str
    suggestion: str = ""
    start: int = 0
    end: int = 0
    points: float = 0.0

    @property
    def has_span(self) -> bool:
        return self.end > self.start

    @property
    def worked(self) -> bool:
        """Something done well: it earned points and needs no tip ("A closed question…" earns
        part credit, with a tip to open it up: that one is to work on)."""
        return self.points > 0 and not self.suggestion


class SkillResult(NamedTuple):
    """The verdict on one skill: a score from 0 to 1 and the skill's own label."""

    skill: Skill
    score: float
    label: str  # paraphrase: none/simple/complex; emotion: yes/no; question: none/open/closed
    asked: bool = True  # False when the drill does not ask for this skill


class Feedback(NamedTuple):
    """Everything the scorer says about one reply."""

    overall: int
    skills: tuple[SkillResult, ...]
    findings: tuple[Finding, ...]
    roadblocks: tuple[str, ...] = ()
    truncated: bool = False

    def skill(self, skill: Skill) -> SkillResult:
        for result in self.skills:
            if result.skill == skill:
                return result
        raise KeyError(skill)


@dataclass(frozen=True, slots=True)
class Profile:
    """One agent using the app; every attempt belongs to a profile."""

    id: int
    name: str
    uuid: str = ""
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Attempt:
    """A reply the agent submitted, with the feedback exactly as it was shown."""

    uuid: str
    profile_id: int
    pack_id: str
    drill_id: str
    statement: str
    response: str
    feedback: Feedback
    seconds: float
    created_at: str
    id: int | None = None
    pack_version: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class AttemptRow(NamedTuple):
    """An attempt's numbers without its feedback: what history, statistics and exports scan.

    Loading these skips parsing every attempt's feedback JSON, which keeps 100,000 attempts fast.
    Skill scores are None when the drill did not ask for that skill. `response` is "" when the
    rows were loaded without reply text (`Store.attempt_rows(with_response=False)`).

    A NamedTuple rather than a frozen dataclass: it is as immutable, reads the same
    (`row.overall`, `row._replace(...)`, `row._asdict()`), and SQLite's result tuples become
    rows without a Python `__init__` per row: four times faster over 100,000 attempts.
    """

    id: int
    uuid: str
    profile_id: int
    pack_id: str
    drill_id: str
    created_at: str
    overall: int
    paraphrase_score: float | None
    paraphrase_level: str | None
    emotion_score: float | None
    emotion_acknowledged: bool | None
    question_score: float | None
    question_type: str | None
    language_score: float | None
    seconds: float
    response: str = ""
