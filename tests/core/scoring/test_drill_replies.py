"""The scorer on replies to the bundled drills, judged as a trainer judges them.

The table, tests/data/drill_replies.toml, is scored through `Scorer.score_drill`, the window's
path: each drill's key points, emotions and skills count, which the statement-only table
(customer_service_cases.toml) cannot show.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from listen_drill.core.models import Skill
from listen_drill.core.scoring import default_scorer
from tests.core.scoring.bundled_drills import drills

TABLE = Path(__file__).resolve().parents[2] / "data" / "drill_replies.toml"
JUDGED = ("question", "paraphrase", "emotion", "roadblocks")


def cases() -> list[dict[str, Any]]:
    return list(tomllib.loads(TABLE.read_text(encoding="utf-8"))["cases"])


def test_every_row_names_a_bundled_drill_and_judges_something() -> None:
    rows = cases()
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["drill"] in drills(), row["id"]
        assert any(key in row for key in (*JUDGED, "finding", "not_finding")), row["id"]


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["id"])
def test_the_scorer_agrees_with_the_trainer(case: dict[str, Any]) -> None:
    feedback = default_scorer().score_drill(drills()[case["drill"]], case["response"])
    got = {
        "question": feedback.skill(Skill.QUESTION).label,
        "paraphrase": feedback.skill(Skill.PARAPHRASE).label,
        "emotion": feedback.skill(Skill.EMOTION).label == "yes",
        "roadblocks": sorted(feedback.roadblocks),
    }
    expected = {key: case[key] for key in JUDGED if key in case}
    if "roadblocks" in expected:
        expected["roadblocks"] = sorted(expected["roadblocks"])
    kinds = [(f.kind, f.points) for f in feedback.findings]
    assert {key: got[key] for key in expected} == expected, kinds
    if "finding" in case:
        assert case["finding"] in {kind for kind, _points in kinds}, kinds
    if "not_finding" in case:
        assert case["not_finding"] not in {kind for kind, _points in kinds}, kinds


def test_the_reflection_pointed_at_is_the_one_that_says_back_the_situation() -> None:
    """Condolence first, reflection second: the highlight goes on the reflection."""
    reply = (
        "I'm so sorry about your mum. Having to find a flight to Poland for tomorrow, and seeing "
        "900 pounds for the only seats, is a lot to deal with on top of losing her. Tell me a "
        "bit about when you need to be there."
    )
    feedback = default_scorer().score_drill(
        drills()["travel-bookings/funeral-flight-poland"], reply
    )
    reflected = next(f for f in feedback.findings if f.kind == "paraphrase.reflected")
    assert reply[reflected.start : reflected.end].startswith("Having to find a flight")
