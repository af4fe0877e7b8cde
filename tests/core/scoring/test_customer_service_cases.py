"""The scorer against the team's table of customer-service replies and their expected judgement.

The table lives in tests/data/customer_service_cases.toml; one test per row, named by its id.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from listen_drill.core.models import Skill
from listen_drill.core.scoring import default_scorer

TABLE = Path(__file__).resolve().parents[2] / "data" / "customer_service_cases.toml"
HARD_CASES = ("closed_what", "open_invitation", "negated_feeling", "quoted_question",
              "warm_wrong_facts", "fine_but")  # fmt: skip


@cache
def table() -> dict[str, Any]:
    return tomllib.loads(TABLE.read_text(encoding="utf-8"))


def cases() -> list[dict[str, Any]]:
    return list(table()["cases"])


def test_the_table_is_large_and_covers_the_hard_cases() -> None:
    rows = cases()
    assert len(rows) >= 150
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    tags = {tag for row in rows for tag in row["tags"]}
    for tag in HARD_CASES:
        assert tag in tags, tag
    for row in rows:
        assert row["statement"] in table()["statements"], row["id"]


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["id"])
def test_scorer_agrees_with_the_team(case: dict[str, Any]) -> None:
    statement = table()["statements"][case["statement"]]
    feedback = default_scorer().score(statement, case["response"])
    got = {
        "question": feedback.skill(Skill.QUESTION).label,
        "paraphrase": feedback.skill(Skill.PARAPHRASE).label,
        "emotion": feedback.skill(Skill.EMOTION).label == "yes",
        "roadblocks": sorted(feedback.roadblocks),
    }
    expected = {
        "question": case["question"],
        "paraphrase": case["paraphrase"],
        "emotion": case["emotion"],
        "roadblocks": sorted(case["roadblocks"]),
    }
    assert got == expected, [(f.kind, f.points) for f in feedback.findings]
    kinds = {f.kind for f in feedback.findings}
    if "finding" in case:
        assert case["finding"] in kinds
    if "not_finding" in case:
        assert case["not_finding"] not in kinds
