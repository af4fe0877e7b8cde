"""`listen-drill score`: the scorer from the command line, for one reply or a JSON Lines batch.

The batch form is how trainers calibrate packs and how the scorer is measured: one JSON object in,
one out, in input order; a bad line gets an error line naming its number and the rest still run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from listen_drill.core.models import Feedback, KeyPoint
from listen_drill.core.scoring import default_scorer
from listen_drill.core.serialize import batch_record
from listen_drill.core.wording import plural

SKILL_LINES = (
    ("paraphrase", "Paraphrase"),
    ("emotion", "Feeling"),
    ("question", "Question"),
    ("language", "Language"),
)


#: Why a blank text is refused, as the window refuses an empty reply: an empty reply scored
#: 10/100 for "respectful wording", and an empty statement leaves nothing to listen to.
BLANK_HINTS = {
    "--statement": "give what the customer said",
    "--response": "give the agent's reply to score",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score a reply to a customer's statement",
        description="Score one reply (--statement and --response) or a JSON Lines file of them "
        '(--jsonl: one {"id", "statement", "response"} per line, optionally "key_points" and '
        '"emotions"; one result per line, in input order).',
    )
    parser.add_argument("--statement", "-s", metavar="TEXT", help="what the customer said")
    parser.add_argument("--response", "-r", metavar="TEXT", help="the agent's reply")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--jsonl", type=Path, metavar="IN", help="score every line of IN ('-' for stdin)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write --jsonl results here"
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, _data_dir: Path) -> int:
    if args.jsonl is not None:
        return _batch(args.jsonl, args.output)
    if args.statement is None or args.response is None:
        print(
            "listen-drill score: give --statement and --response, or --jsonl FILE", file=sys.stderr
        )
        return 2
    for name, text in (("--statement", args.statement), ("--response", args.response)):
        if not text.strip():
            print(f"listen-drill score: {name} is empty; {BLANK_HINTS[name]}", file=sys.stderr)
            return 2
    feedback = default_scorer().score(args.statement, args.response)
    if args.json:
        print(json.dumps(batch_record(None, feedback), ensure_ascii=False, indent=2))
    else:
        print(describe(args.response, feedback))
    return 0


def describe(response: str, feedback: Feedback) -> str:
    """Feedback for people: score, each skill, then every finding with its words and a tip."""
    record = batch_record(None, feedback)["skills"]
    lines = [f"Overall: {feedback.overall}/100"]
    for key, title in SKILL_LINES:
        skill = record[key]
        label = (
            skill.get("level")
            or skill.get("type")
            or (
                "acknowledged"
                if skill.get("acknowledged")
                else "not acknowledged"
                if key == "emotion"
                else ""
            )
        )
        lines.append(f"  {title:<11} {round(skill['score'] * 100):>3}  {label}")
    for finding in feedback.findings:
        sign = f"{finding.points:+.0f}" if finding.points else "  0"
        quote = f' "{response[finding.start : finding.end]}"' if finding.has_span else ""
        lines.append(f"{sign:>4} {finding.kind}:{quote} {finding.message}")
        if finding.suggestion:
            lines.append(f"       -> {finding.suggestion}")
    return "\n".join(lines)


def _batch(source: Path, output: Path | None) -> int:
    """Score every line; exit 1 when any line was bad (its error line says which)."""
    scorer = default_scorer()
    bad = 0
    with _open_in(source) as lines, _open_out(output) as out:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = _parse(line, number)
                feedback = scorer.score(
                    item["statement"],
                    item["response"],
                    key_points=_key_points(item.get("key_points", [])),
                    emotions=[str(e) for e in item.get("emotions", [])],
                )
                result: dict[str, Any] = batch_record(item.get("id"), feedback)
            except ValueError as error:
                bad += 1
                result = {"line": number, "error": str(error)}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    if bad:
        print(
            f"listen-drill score: {plural(bad, 'line')} could not be scored; see their error lines",
            file=sys.stderr,
        )
    return 1 if bad else 0


def _parse(line: str, number: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"line {number}: not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(item, dict):
        raise ValueError(f"line {number}: expected a JSON object")
    for key in ("statement", "response"):
        if key not in item:
            raise ValueError(f"line {number}: '{key}' is missing; every line needs one")
        if not isinstance(item[key], str):
            raise ValueError(f"line {number}: '{key}' must be a string")
        if not item[key].strip():
            raise ValueError(f"line {number}: '{key}' is empty; there is nothing to score")
    for key in ("key_points", "emotions"):
        if key in item and not isinstance(item[key], list):
            raise ValueError(f"line {number}: '{key}' must be a list")
    return item


def _key_points(raw: list[Any]) -> list[KeyPoint]:
    points: list[KeyPoint] = []
    for entry in raw:
        if isinstance(entry, str):
            points.append(KeyPoint(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
            points.append(KeyPoint(entry["text"], tuple(str(s) for s in entry.get("synonyms", []))))
        else:
            raise ValueError('each key point must be a string or {"text", "synonyms"}')
    return points


class _open_in:  # noqa: N801 - a context manager used like open()
    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: TextIO | None = None

    def __enter__(self) -> Iterator[str]:
        if str(self.path) == "-":
            return iter(sys.stdin)
        try:
            self.handle = self.path.open(encoding="utf-8")
        except OSError as error:
            raise SystemExit(
                f"listen-drill score: cannot read {self.path}: {error.strerror}"
            ) from None
        return iter(self.handle)

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


class _open_out:  # noqa: N801
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        self.handle = self.path.open("w", encoding="utf-8")
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()
