"""Small builders shared by the store tests: attempts with plausible feedback."""

from __future__ import annotations

from listen_drill.core.models import Attempt, Feedback, Skill, SkillResult
from listen_drill.core.store import new_attempt_uuid, utc_now


def sample_attempt(profile_id: int, index: int = 0, *, pack_id: str = "p") -> Attempt:
    """A realistic attempt; `index` varies the drill, the scores and the reply."""
    feedback = Feedback(
        overall=40 + index % 60,
        skills=(
            SkillResult(Skill.PARAPHRASE, (index % 10) / 10, "simple" if index % 3 else "complex"),
            SkillResult(Skill.EMOTION, float(index % 2), "yes" if index % 2 else "no"),
            SkillResult(Skill.QUESTION, 1.0, "open"),
            SkillResult(Skill.LANGUAGE, 1.0, ""),
        ),
        findings=(),
    )
    return Attempt(
        uuid=new_attempt_uuid(),
        profile_id=profile_id,
        pack_id=pack_id,
        drill_id=f"d{index % 7}",
        statement=f"Statement number {index} about a late parcel.",
        response=f"You sound let down that parcel {index} is late; what would help most now?",
        feedback=feedback,
        seconds=10.0 + index,
        created_at=utc_now(),
    )
