"""Team roll-up at scale: merge 200 progress files of 2,000 attempts, then the team view's numbers.

Targets (issue 7): merging under 30 s; the team view's numbers under 1 s.
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from listen_drill.core.team import TeamDb, merge_progress_files, team_overview

AGENTS = 200
ATTEMPTS = 2_000


def attempt(index: int, start: datetime) -> dict[str, Any]:
    para, emo, que, lang = (index % 10) / 10, float(index % 2), (index % 4) / 4, 0.9
    return {
        "uuid": str(uuid.uuid4()),
        "pack_id": f"pack{index % 5}",
        "drill_id": f"d{index % 40}",
        "pack_version": "1.0",
        "statement": "My order is late again and nobody has called me back about it.",
        "response": "It sounds like the delay has left you frustrated; what would help most now?",
        "scores": {
            "overall": 30 + index * 7 % 70,
            "paraphrase": para,
            "emotion": emo,
            "question": que,
            "language": lang,
        },
        "labels": {
            "paraphrase": ("none", "simple", "complex")[index % 3],
            "emotion": "yes" if emo else "no",
            "question": "open",
        },
        "feedback": {
            "overall": 30 + index * 7 % 70,
            "skills": [
                {"skill": "paraphrase", "score": para, "label": "simple", "asked": True},
                {"skill": "emotion", "score": emo, "label": "yes", "asked": True},
                {"skill": "question", "score": que, "label": "open", "asked": True},
                {"skill": "language", "score": lang, "label": "", "asked": True},
            ],
            "findings": [
                {
                    "kind": "reflection",
                    "skill": "paraphrase",
                    "start": 0,
                    "end": 20,
                    "message": "You said back the main point.",
                    "suggestion": "",
                    "points": 10.0,
                },
                {
                    "kind": "no_feeling",
                    "skill": "emotion",
                    "start": 0,
                    "end": 0,
                    "message": "Name the feeling you hear.",
                    "suggestion": "Try: you sound worried.",
                    "points": -5.0,
                },
            ],
            "roadblocks": [],
            "truncated": False,
        },
        "seconds": 25.0,
        "created_at": (start + timedelta(hours=3 * index)).isoformat(timespec="seconds"),
    }


def write_files(folder: Path) -> list[Path]:
    start = datetime(2026, 1, 5, 8, tzinfo=UTC)
    paths = []
    for agent in range(AGENTS):
        document = {
            "format": "listen-drill-progress",
            "version": 1,
            "exported_at": "2026-12-01T10:00:00+00:00",
            "app_version": "bench",
            "filters": {"profiles": [], "since": None, "until": None, "pack_id": None},
            "profiles": [
                {
                    "uuid": str(uuid.uuid4()),
                    "name": f"Agent {agent:03d}",
                    "created_at": "2026-01-01T08:00:00+00:00",
                    "attempts": [attempt(i + agent, start) for i in range(ATTEMPTS)],
                }
            ],
        }
        path = folder / f"agent-{agent:03d}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths = write_files(folder)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"generated {len(paths)} files x {ATTEMPTS:,} attempts ({size:,.0f} MB) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        team_path = folder / "team.db"
        started = time.perf_counter()
        report = merge_progress_files(paths, team_path)
        merge_seconds = time.perf_counter() - started
        print(
            f"merge: {report.added:,} attempts in {merge_seconds:.1f} s "
            f"(target < 30 s) {'OK' if merge_seconds < 30 else 'SLOW'}"
        )
        started = time.perf_counter()
        again = merge_progress_files(paths[:20], team_path)
        print(
            f"merge the first 20 again: {again.added} added in "
            f"{time.perf_counter() - started:.2f} s"
        )
        started = time.perf_counter()
        with TeamDb(team_path) as team:
            rows = team_overview(team)
        view_seconds = time.perf_counter() - started
        print(
            f"team view numbers: {len(rows)} agents in {view_seconds:.2f} s "
            f"(target < 1 s) {'OK' if view_seconds < 1 else 'SLOW'}"
        )
        print(f"team file: {team_path.stat().st_size / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
