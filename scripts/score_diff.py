"""Score one corpus on an earlier commit and on the working tree, and print what changed.

Usage: python scripts/score_diff.py [REV] [--eval CSV ...]

REV defaults to HEAD. The corpus is every reply the project keeps with its statement: the
customer-service table, the drill replies, the bundled packs' model replies and the poor
replies (and, with --eval, the responses of the given evaluation CSVs). A rule that fixes one
reply can break others no table row has the shape of; reading this list before a scorer commit
shows them. REV's scorer runs as plain Python from a `git archive` copy, so nothing installed
changes.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
Case = tuple[str, str, str, str]  # id, statement, response, "pack/drill" or ""


def corpus(eval_files: list[Path]) -> Iterator[Case]:
    """Every kept reply with what it answers, read from the working tree's data files."""
    data = ROOT / "tests" / "data"
    table = tomllib.loads((data / "customer_service_cases.toml").read_text(encoding="utf-8"))
    for case in table["cases"]:
        yield case["id"], table["statements"][case["statement"]], case["response"], ""
    drills = tomllib.loads((data / "drill_replies.toml").read_text(encoding="utf-8"))
    for case in drills["cases"]:
        yield f"drill:{case['id']}", "", case["response"], case["drill"]
    for path in sorted((data / "poor_replies").glob("*.toml")):
        replies = tomllib.loads(path.read_text(encoding="utf-8"))["replies"]
        for number, reply in enumerate(replies):
            drill_key = f"{path.stem}/{reply['drill']}"
            yield f"poor:{path.stem}:{number}", "", reply["response"], drill_key
    for path in eval_files:
        with path.open(newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                if row.get("response"):
                    yield f"{path.stem}:{number}", row.get("prompt", ""), row["response"], ""


def score_all(cases: list[Case]) -> dict[str, list[object]]:
    """Each case's overall score, labels and roadblocks, by the scorer importable here."""
    from listen_drill.core.bundled import bundled_pack_files
    from listen_drill.core.models import Drill, Skill
    from listen_drill.core.packs import load_pack_text
    from listen_drill.core.scoring import default_scorer

    scorer = default_scorer()
    drills: dict[str, Drill] = {}
    for path in bundled_pack_files():
        pack = load_pack_text(path.read_text(encoding="utf-8"), path.name)
        drills.update({f"{pack.id}/{drill.id}": drill for drill in pack.drills})
        for drill in pack.drills:
            for number, exemplar in enumerate(drill.exemplars):
                cases.append((f"model:{pack.id}/{drill.id}:{number}", "", exemplar, ""))
                drills[f"model:{pack.id}/{drill.id}:{number}"] = drill
    results: dict[str, list[object]] = {}
    for case_id, statement, response, drill_key in cases:
        found = drills.get(drill_key) or drills.get(case_id)
        if found is not None:
            feedback = scorer.score_drill(found, response)
        elif drill_key:
            continue  # a drill that REV's packs don't have
        else:
            feedback = scorer.score(statement, response)
        results[case_id] = [
            feedback.overall,
            *(feedback.skill(skill).label for skill in (Skill.PARAPHRASE, Skill.EMOTION,
                                                       Skill.QUESTION)),
            sorted(feedback.roadblocks),
            response,
        ]  # fmt: skip
    return results


def scored_at(rev: str, cases: list[Case]) -> dict[str, list[object]]:
    """`score_all` run by REV's scorer, as plain Python from an archive of that commit."""
    with tempfile.TemporaryDirectory() as temp:
        archive = subprocess.run(
            ["git", "archive", rev, "listen_drill", "resources", "drills"],
            cwd=ROOT, check=True, capture_output=True,
        ).stdout  # fmt: skip
        tar_path = Path(temp) / "rev.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(temp, filter="data")
        package = Path(temp) / "listen_drill"
        (Path(temp) / "resources").rename(package / "resources")  # where the editable
        (Path(temp) / "drills").rename(package / "drills")  # install maps them
        cases_path = Path(temp) / "cases.json"
        cases_path.write_text(json.dumps(cases), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, __file__, "--emit", temp, str(cases_path)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        result: dict[str, list[object]] = json.loads(run.stdout)
        return result


def emit(source_root: str, cases_path: str) -> None:
    """The child process: import the archived scorer, not the installed one, and print JSON."""
    sys.meta_path[:] = [
        f
        for f in sys.meta_path
        if "editable" not in repr(f).lower() and "editable" not in type(f).__module__.lower()
    ]
    sys.path.insert(0, source_root)
    cases = [tuple(case) for case in json.loads(Path(cases_path).read_text(encoding="utf-8"))]
    print(json.dumps(score_all(cases)))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--emit"]:
        emit(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", nargs="?", default="HEAD")
    parser.add_argument("--eval", nargs="*", type=Path, default=[], metavar="CSV")
    args = parser.parse_args(argv)
    cases = list(corpus(args.eval))
    before = scored_at(args.rev, list(cases))
    after = score_all(list(cases))
    changed = [key for key in after if key in before and before[key][:5] != after[key][:5]]
    for key in changed:
        print(f"{key}: {before[key][:5]} -> {after[key][:5]}\n    {after[key][5]}")
    print(f"{len(changed)} of {len(after)} replies judged differently from {args.rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
