"""Measure how often the scorer agrees with human judges on public labelled data.

Usage: python scripts/evaluate_scorer.py CSV [CSV ...]
(e.g. ../shared/eval/*/*.csv). Each file is recognised by its name; unknown files are skipped
with a note. Prints one line per measure: crude rule, target, ours. Measurement only: nothing
here reads these files at test time.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from listen_drill.core.models import Feedback, Skill
from listen_drill.core.scoring import Scorer

Row = dict[str, str]
Measure = tuple[str, str, float | None, float, float]  # file, task, crude, target, ours


def read_rows(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def f1(gold: Iterable[bool], predicted: Iterable[bool]) -> float:
    pairs = list(zip(gold, predicted, strict=True))
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    labels = sorted(set(gold))
    return sum(f1([g == c for g in gold], [p == c for p in predicted]) for c in labels) / len(
        labels
    )


def accuracy(gold: list[str], predicted: list[str]) -> float:
    return sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)


class Judge:
    """Scores each (prompt, response) once, whatever measures use it."""

    def __init__(self) -> None:
        self.scorer = Scorer()

    def __call__(self, row: Row) -> Feedback:
        return self.scorer.score(row.get("prompt", ""), row["response"])


def question_type(feedback: Feedback) -> str:
    return feedback.skill(Skill.QUESTION).label


def reflection_level(feedback: Feedback) -> str:
    return feedback.skill(Skill.PARAPHRASE).label


def acknowledged(feedback: Feedback) -> bool:
    return feedback.skill(Skill.EMOTION).label == "yes"


def open_or_closed(feedback: Feedback) -> str:
    """For rows that are all questions, a reply we call no question counts as closed."""
    kind = question_type(feedback)
    return "open" if kind == "open" else "closed"


def annomi_utterances(rows: list[Row], judge: Judge) -> list[Measure]:
    name = "annomi/annomi_therapist_utterances.csv"
    judged = [judge(r) for r in rows]
    gold_q = ["none" if r["question_exists"] != "True" else r["question_subtype"] for r in rows]
    ours_q = [question_type(f) for f in judged]
    gold_r = [r["reflection_exists"] == "True" for r in rows]
    ours_r = [reflection_level(f) != "none" for f in judged]
    return [
        (name, "question type none/open/closed (macro-F1)", 0.72, 0.80, macro_f1(gold_q, ours_q)),
        (name, "reflection present (F1)", 0.37, 0.60, f1(gold_r, ours_r)),
    ]


def annomi_questions(rows: list[Row], judge: Judge) -> list[Measure]:
    gold = [r["label"] for r in rows]
    ours = [open_or_closed(judge(r)) for r in rows]
    return [("annomi/annomi_questions.csv", "open vs closed (accuracy)", 0.62, 0.80,
             accuracy(gold, ours))]  # fmt: skip


def mi_gold(rows: list[Row], judge: Judge) -> list[Measure]:
    wanted = {"Open Question": "open", "Closed Question": "closed"}
    kept = [r for r in rows if r["label"] in wanted]
    gold = [wanted[r["label"]] for r in kept]
    ours = [open_or_closed(judge(r)) for r in kept]
    return [("mi_gold_welivita/mi_gold_test.csv", "open vs closed (accuracy)", 0.86, 0.92,
             accuracy(gold, ours))]  # fmt: skip


def pair_levels(rows: list[Row], judge: Judge) -> list[Measure]:
    by_prompt: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for row in rows:
        score = judge(row).skill(Skill.PARAPHRASE).score
        by_prompt[row["prompt_id"]].append((int(row["level"]), score))

    def pairwise(high: int, low: int) -> float:
        wins = total = 0.0
        for items in by_prompt.values():
            for level_a, score_a in items:
                if level_a != high:
                    continue
                for level_b, score_b in items:
                    if level_b == low:
                        total += 1
                        wins += 1.0 if score_a > score_b else 0.5 if score_a == score_b else 0.0
        return wins / total if total else 0.0

    name = "pair/pair_reflection_levels.csv"
    return [
        (name, "complex above non-reflection (pairwise)", 0.64, 0.85, pairwise(2, 0)),
        (name, "simple above non-reflection (pairwise)", None, 0.75, pairwise(1, 0)),
    ]


def epitome(rows: list[Row], judge: Judge) -> list[Measure]:
    judged = [judge(r) for r in rows]
    name = "epitome/epitome_reddit.csv"
    return [
        (name, "emotional reaction present (F1)", 0.38, 0.65,
         f1([r["er_level"] != "0" for r in rows], [acknowledged(f) for f in judged])),
        (name, "interpretation present (F1)", 0.12, 0.70,
         f1([r["ip_level"] != "0" for r in rows], [reflection_level(f) != "none" for f in judged])),
        (name, "interpretation or own story (F1, see note)", 0.12, 0.70,
         f1([r["ip_level"] != "0" for r in rows],
            [reflection_level(f) != "none" or tells_own_story(f) for f in judged])),
        (name, "exploration present (F1)", 0.76, 0.85,
         f1([r["ex_level"] != "0" for r in rows], [question_type(f) != "none" for f in judged])),
    ]  # fmt: skip


OWN_STORY_NOTE = """
Note: EPITOME's judges count relating one's own experience ("I've been there too") as an
interpretation. The scorer never credits that: it reports it as a self-focus finding, which
costs points. "interpretation present" counts reflections only; "interpretation or own story"
also counts that finding, to show whether the scorer notices what the judges saw.
"""


def tells_own_story(feedback: Feedback) -> bool:
    return any(finding.kind == "paraphrase.self_focus" for finding in feedback.findings)


MEASURES: dict[str, Callable[[list[Row], Judge], list[Measure]]] = {
    "annomi_therapist_utterances.csv": annomi_utterances,
    "annomi_questions.csv": annomi_questions,
    "mi_gold_test.csv": mi_gold,
    "pair_reflection_levels.csv": pair_levels,
    "epitome_reddit.csv": epitome,
}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    judge = Judge()
    results: list[Measure] = []
    for arg in argv:
        path = Path(arg)
        measure = MEASURES.get(path.name)
        if measure is None:
            print(f"skipped {path}: no measure defined for this file", file=sys.stderr)
            continue
        results.extend(measure(read_rows(path), judge))
    print(f"| {'file':<40} | {'task':<44} | crude | target | ours  | met |")
    print(f"|{'-' * 42}|{'-' * 46}|-------|--------|-------|-----|")
    for name, task, crude, target, ours in results:
        crude_text = "  —  " if crude is None else f"{crude:.2f} "
        met = "yes" if ours >= target else "no"
        print(f"| {name:<40} | {task:<44} | {crude_text} | {target:.2f}   | {ours:.3f} | {met} |")
    if any(name.startswith("epitome") for name, *_ in results):
        print(OWN_STORY_NOTE.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
