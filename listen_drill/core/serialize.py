"""Plain-dict forms of the domain objects, for SQLite JSON columns, the CLI and exports."""

from __future__ import annotations

from typing import Any

from listen_drill.core.models import Feedback, Finding, Skill, SkillResult


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "skill": finding.skill.value,
        "start": finding.start,
        "end": finding.end,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "points": finding.points,
    }


def finding_from_dict(data: dict[str, Any]) -> Finding:
    return Finding(
        kind=str(data["kind"]),
        skill=Skill(data.get("skill", Skill.LANGUAGE.value)),
        message=str(data.get("message", "")),
        suggestion=str(data.get("suggestion", "")),
        start=int(data.get("start", 0)),
        end=int(data.get("end", 0)),
        points=float(data.get("points", 0.0)),
    )


def feedback_to_dict(feedback: Feedback) -> dict[str, Any]:
    """The full feedback, enough to show it again exactly as it was first shown."""
    return {
        "overall": feedback.overall,
        "skills": [
            {
                "skill": result.skill.value,
                "score": result.score,
                "label": result.label,
                "asked": result.asked,
            }
            for result in feedback.skills
        ],
        "findings": [finding_to_dict(finding) for finding in feedback.findings],
        "roadblocks": list(feedback.roadblocks),
        "truncated": feedback.truncated,
    }


def feedback_from_dict(data: dict[str, Any]) -> Feedback:
    return Feedback(
        overall=int(data["overall"]),
        skills=tuple(
            SkillResult(
                skill=Skill(item["skill"]),
                score=float(item["score"]),
                label=str(item["label"]),
                asked=bool(item.get("asked", True)),
            )
            for item in data.get("skills", [])
        ),
        findings=tuple(finding_from_dict(item) for item in data.get("findings", [])),
        roadblocks=tuple(str(item) for item in data.get("roadblocks", [])),
        truncated=bool(data.get("truncated", False)),
    )


def batch_record(item_id: Any, feedback: Feedback) -> dict[str, Any]:
    """The documented one-line-per-reply form of `listen-drill score --jsonl`."""
    skills: dict[str, dict[str, Any]] = {}
    for result in feedback.skills:
        score = round(result.score, 4)
        if result.skill is Skill.PARAPHRASE:
            skills["paraphrase"] = {"level": result.label, "score": score}
        elif result.skill is Skill.EMOTION:
            skills["emotion"] = {"acknowledged": result.label == "yes", "score": score}
        elif result.skill is Skill.QUESTION:
            skills["question"] = {"type": result.label, "score": score}
        else:
            skills["language"] = {"score": score, "roadblocks": list(feedback.roadblocks)}
    return {
        "id": item_id,
        "overall": feedback.overall,
        "skills": skills,
        "findings": [
            {
                "kind": finding.kind,
                "start": finding.start,
                "end": finding.end,
                "message": finding.message,
                "suggestion": finding.suggestion,
            }
            for finding in feedback.findings
        ],
    }
