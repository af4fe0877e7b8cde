"""Score a reply on paraphrase, emotion, question and language, with a finding for every point.

First version: simple, deterministic rules that the calibrated scorer replaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from listen_drill.core.models import DRILL_SKILLS, Drill, Feedback, Finding, Skill, SkillResult

WORD = re.compile(r"[A-Za-z']+")
OPEN_STARTS = ("what", "how", "tell me", "walk me", "could you describe", "which")
ROADBLOCKS = ("calm down", "you should have", "policy", "no need to", "unfortunately")


class Scorer:
    """Holds the lexicons, loaded once; `score` does no I/O."""

    def score(
        self,
        statement: str,
        response: str,
        *,
        key_points: Iterable[str] = (),
        emotions: Iterable[str] = (),
        skills: Iterable[Skill] = DRILL_SKILLS,
        avoid: Iterable[str] = (),
    ) -> Feedback:
        asked = set(skills)
        findings: list[Finding] = []
        lowered = response.lower()
        statement_words = {w.lower() for w in WORD.findall(statement) if len(w) > 3}
        reply_words = {w.lower() for w in WORD.findall(response)}
        overlap = len(statement_words & reply_words) / max(1, len(statement_words))
        para = min(1.0, overlap * 2)
        emotion_hit = any(word in lowered for word in emotions) or "feel" in lowered
        question_open = any(lowered.split("?")[0].strip().startswith(s) for s in OPEN_STARTS)
        question_type = "open" if question_open else ("closed" if "?" in response else "none")
        for phrase in (*ROADBLOCKS, *avoid):
            index = lowered.find(phrase)
            if index >= 0:
                findings.append(
                    Finding(
                        kind="roadblock",
                        skill=Skill.LANGUAGE,
                        message=f"“{phrase}” pushes the customer away.",
                        suggestion="Reflect what they said instead.",
                        start=index,
                        end=index + len(phrase),
                        points=-10,
                    )
                )
        results = (
            SkillResult(
                Skill.PARAPHRASE,
                para,
                "simple" if para > 0.2 else "none",
                Skill.PARAPHRASE in asked,
            ),
            SkillResult(
                Skill.EMOTION,
                1.0 if emotion_hit else 0.0,
                "yes" if emotion_hit else "no",
                Skill.EMOTION in asked,
            ),
            SkillResult(
                Skill.QUESTION,
                {"open": 1.0, "closed": 0.3, "none": 0.0}[question_type],
                question_type,
                Skill.QUESTION in asked,
            ),
            SkillResult(Skill.LANGUAGE, 1.0 if not findings else 0.5, "", True),
        )
        counted = [r.score for r in results if r.asked]
        overall = round(100 * sum(counted) / len(counted)) if counted else 0
        return Feedback(
            overall=overall,
            skills=results,
            findings=tuple(findings),
            roadblocks=tuple(f.kind for f in findings),
        )

    def score_drill(self, drill: Drill, response: str, pack_avoid: Iterable[str] = ()) -> Feedback:
        """Score a reply against a drill, using its key points, emotions, skills and phrases."""
        return self.score(
            drill.statement,
            response,
            key_points=[kp.text for kp in drill.key_points],
            emotions=drill.emotions,
            skills=drill.skills,
            avoid=(*pack_avoid, *drill.avoid),
        )


@cache
def default_scorer() -> Scorer:
    """One shared scorer per process, so the lexicons are read once."""
    return Scorer()
