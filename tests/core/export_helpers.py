"""Builders for export and team tests: a store with weeks of realistic attempts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from listen_drill.core.export.filters import ExportFilter
from listen_drill.core.export.progress_file import export_progress_file
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.models import Attempt, Feedback, Finding, Profile, Skill, SkillResult
from listen_drill.core.store import Store, new_attempt_uuid
from listen_drill.core.team import merge_progress_files

START = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)  # a Monday

REPLIES = (
    "It sounds like the parcel being late again has left you frustrated; what would help most?",
    '=HYPERLINK("http://example.invalid","click") you sound annoyed, how can I help?',
    "+1 for telling me. You are worried the refund will not arrive; what have you heard so far?",
    "-so the bill doubled and you feel let down. What happened when you called before?",
    "@support I hear the wait has been long and tiring. How has this affected your week?",
    "\tYou want this sorted today, and it has been stressful. What matters most to you?",
)


def feedback_for(index: int) -> Feedback:
    """Scores that vary with `index`; every fifth drill does not ask for a question."""
    asks_question = index % 5 != 0
    return Feedback(
        overall=30 + (index * 7) % 70,
        skills=(
            SkillResult(
                Skill.PARAPHRASE,
                (index % 10) / 10,
                ("none", "simple", "complex")[index % 3],
            ),
            SkillResult(Skill.EMOTION, float(index % 2), "yes" if index % 2 else "no"),
            SkillResult(
                Skill.QUESTION,
                (index % 4) / 4,
                ("open", "closed", "none", "open")[index % 4],
                asked=asks_question,
            ),
            SkillResult(Skill.LANGUAGE, 1.0 - (index % 3) / 10, ""),
        ),
        findings=(
            Finding("reflection", Skill.PARAPHRASE, "You said back the main point.", points=10.0),
            Finding("no_feeling", Skill.EMOTION, "Name the feeling.", "Try: you sound worried."),
        ),
    )


def add_attempts(
    store: Store,
    profile: Profile,
    count: int,
    *,
    start: datetime = START,
    every: timedelta = timedelta(hours=7),
    packs: tuple[str, ...] = ("basics", "billing"),
) -> list[Attempt]:
    """`count` attempts from `start`, one every `every`, over several drills and packs."""
    saved = []
    for index in range(count):
        attempt = Attempt(
            uuid=new_attempt_uuid(),
            profile_id=profile.id,
            pack_id=packs[index % len(packs)],
            drill_id=f"d{index % 6}",
            statement=f"Customer statement {index}: my order is late and nobody called me back.",
            response=REPLIES[index % len(REPLIES)],
            feedback=feedback_for(index + profile.id),
            seconds=20.0 + index % 30,
            created_at=(start + every * index).isoformat(timespec="seconds"),
        )
        saved.append(store.record_attempt(replace(attempt)))
    return saved


def export_file(store: Store, path: Path, profiles: tuple[str, ...] = ()) -> Path:
    """A progress file of `profiles` (names or uuids; none: everyone), as an agent sends it."""
    return export_progress_file(AttemptSource.for_store(store), path, ExportFilter(profiles)).path


def team_file_of(store: Store, folder: Path) -> Path:
    """A team file merged from everyone's progress file in `store`, as a team lead makes it."""
    team_path = folder / "team.db"
    merge_progress_files([export_file(store, folder / "all.json")], team_path)
    return team_path
