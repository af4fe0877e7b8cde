"""The bundled library and the scorer keep each other honest.

Every bundled pack loads; every model reply scores 80 or more; every deliberately poor reply
(tests/data/poor_replies/<pack id>.toml) scores 40 or less.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from listen_drill.core.bundled import bundled_pack_files
from listen_drill.core.models import Pack, Skill
from listen_drill.core.packs import load_pack_text
from listen_drill.core.scoring import default_scorer

POOR_REPLIES = Path(__file__).resolve().parents[1] / "data" / "poor_replies"
POOR_KINDS = frozenset({"roadblock", "scripted", "closed", "parroting"})
ALL_THREE = frozenset({Skill.PARAPHRASE, Skill.EMOTION, Skill.QUESTION})


@cache
def bundled_packs() -> tuple[Pack, ...]:
    return tuple(
        load_pack_text(entry.read_text(encoding="utf-8"), entry.name)
        for entry in bundled_pack_files()
    )


def exemplar_cases() -> list[tuple[str, str, int]]:
    return [
        (pack.id, drill.id, index)
        for pack in bundled_packs()
        for drill in pack.drills
        for index in range(len(drill.exemplars))
    ]


def poor_replies() -> list[tuple[str, dict[str, str]]]:
    """(pack id, reply table) for every deliberately poor reply, named by its file."""
    return [
        (path.stem, reply)
        for path in sorted(POOR_REPLIES.glob("*.toml"))
        for reply in tomllib.loads(path.read_text(encoding="utf-8"))["replies"]
    ]


def poor_cases() -> list[tuple[str, str, str]]:
    return [(pack_id, reply["drill"], reply["response"]) for pack_id, reply in poor_replies()]


def pack(pack_id: str) -> Pack:
    return next(p for p in bundled_packs() if p.id == pack_id)


def test_the_library_has_150_drills_in_five_packs() -> None:
    packs = bundled_packs()
    assert len(packs) >= 5
    assert sum(len(p.drills) for p in packs) >= 150
    assert len({p.id for p in packs}) == len(packs)


def test_every_drill_is_complete() -> None:
    for p in bundled_packs():
        ids = [d.id for d in p.drills]
        assert len(ids) == len(set(ids)), p.id
        for drill in p.drills:
            where = f"{p.id}/{drill.id}"
            assert drill.statement, where
            assert len(drill.exemplars) >= 2, where
            assert drill.key_points, where
            assert drill.emotions, where
            assert drill.context.describe(), where


def test_fundamentals_trains_each_skill_alone_and_together() -> None:
    skill_sets = {frozenset(d.skills) for d in pack("fundamentals").drills}
    for skill in (Skill.PARAPHRASE, Skill.EMOTION, Skill.QUESTION):
        assert frozenset({skill}) in skill_sets
    assert frozenset({Skill.PARAPHRASE, Skill.EMOTION, Skill.QUESTION}) in skill_sets


def test_fundamentals_rises_from_easy_to_hard_within_each_stage() -> None:
    """Each stage (one skill alone, then all three) starts easy and ends harder."""
    stages: dict[frozenset[Skill], list[int]] = {}
    for drill in pack("fundamentals").drills:
        stages.setdefault(frozenset(drill.skills), []).append(drill.difficulty)
    assert set(stages) == {frozenset({s}) for s in ALL_THREE} | {ALL_THREE}
    for skills, difficulties in stages.items():
        assert len(difficulties) >= 5, skills
        assert difficulties == sorted(difficulties), (skills, difficulties)
        assert difficulties[0] < difficulties[-1], (skills, difficulties)


def test_question_drills_give_the_closed_draft_to_open_up() -> None:
    for drill in pack("fundamentals").drills:
        if drill.skills == (Skill.QUESTION,):
            assert "Your draft:" in drill.context.situation, drill.id


def test_poor_replies_name_real_drills_and_every_kind_of_mistake() -> None:
    kinds: dict[str, set[str]] = {}
    for pack_id, reply in poor_replies():
        assert reply["why"] in POOR_KINDS, (pack_id, reply)
        pack(pack_id).drill(reply["drill"])  # raises if the drill id is wrong
        kinds.setdefault(pack_id, set()).add(reply["why"])
    for p in bundled_packs():
        assert kinds.get(p.id, set()) == set(POOR_KINDS), p.id


def test_every_pack_has_poor_replies() -> None:
    counts: dict[str, int] = {}
    for pack_id, _drill, _text in poor_cases():
        counts[pack_id] = counts.get(pack_id, 0) + 1
    for p in bundled_packs():
        assert counts.get(p.id, 0) >= 8, p.id


@pytest.mark.parametrize(("pack_id", "drill_id", "index"), exemplar_cases())
def test_model_replies_score_80_or_more(pack_id: str, drill_id: str, index: int) -> None:
    p = pack(pack_id)
    drill = p.drill(drill_id)
    feedback = default_scorer().score_drill(drill, drill.exemplars[index], p.avoid)
    assert feedback.overall >= 80, (drill.exemplars[index], feedback.findings)


@pytest.mark.parametrize(("pack_id", "drill_id", "index"), exemplar_cases())
def test_model_replies_use_no_roadblock(pack_id: str, drill_id: str, index: int) -> None:
    """A model reply teaches by example: no order, dismissal or excuse, whatever its total."""
    p = pack(pack_id)
    drill = p.drill(drill_id)
    feedback = default_scorer().score_drill(drill, drill.exemplars[index], p.avoid)
    roadblocks = [f.message for f in feedback.findings if f.kind.startswith("roadblock.")]
    assert roadblocks == [], (drill.exemplars[index], roadblocks)


@pytest.mark.parametrize(("pack_id", "drill_id", "response"), poor_cases())
def test_poor_replies_score_40_or_less(pack_id: str, drill_id: str, response: str) -> None:
    p = pack(pack_id)
    feedback = default_scorer().score_drill(p.drill(drill_id), response, p.avoid)
    assert feedback.overall <= 40, (response, feedback.findings)
