"""The dashboard's core work over 100,000 attempts in one profile.

Times `Store.attempt_rows` and the statistics the progress dashboard draws, and reports peak
memory. The target from issue 6: opening the dashboard well under 300 ms, the app under 250 MB.
Run with `python -m bench bench_history`.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from listen_drill.core import stats
from listen_drill.core.backup import backup_now
from listen_drill.core.store import Store

ATTEMPTS = 100_000
DRILLS_PER_PACK = 12
PACKS = ("workplace-basics", "billing-disputes", "late-deliveries", "tech-support")
T = TypeVar("T")


def make_history(store: Store, profile_id: int, count: int, *, seed: int = 7) -> None:
    """Bulk-insert `count` plausible attempts over the past year in one transaction."""
    rng = random.Random(seed)
    end = datetime.now(UTC).replace(microsecond=0)
    start = end - timedelta(days=365)
    span = int((end - start).total_seconds())
    stamps = sorted(start + timedelta(seconds=rng.randrange(span)) for _ in range(count))
    columns = (
        "uuid, profile_id, pack_id, drill_id, pack_version, statement, response, overall, "
        "paraphrase_score, paraphrase_level, emotion_score, emotion_acknowledged, "
        "question_score, question_type, language_score, feedback, seconds, created_at"
    )
    rows: list[tuple[Any, ...]] = []
    for index, stamp in enumerate(stamps):
        para = round(rng.random(), 4)
        level = "none" if para < 0.2 else ("simple" if para < 0.7 else "complex")
        emotion = float(rng.random() < 0.6)
        qtype = rng.choice(("open", "open", "closed", "none"))
        question = {"open": 1.0, "closed": 0.3, "none": 0.0}[qtype]
        asks_question = rng.random() < 0.8
        language = 1.0 if rng.random() < 0.9 else 0.5
        scores = [para, emotion, language] + ([question] if asks_question else [])
        overall = round(100 * sum(scores) / len(scores))
        feedback = {
            "overall": overall,
            "skills": [
                {"skill": "paraphrase", "score": para, "label": level, "asked": True},
                {"skill": "emotion", "score": emotion, "label": "yes", "asked": True},
                {"skill": "question", "score": question, "label": qtype, "asked": asks_question},
                {"skill": "language", "score": language, "label": "", "asked": True},
            ],
            "findings": [
                {
                    "kind": "missing-emotion",
                    "skill": "emotion",
                    "start": 0,
                    "end": 0,
                    "message": "Name the feeling you hear before the fix.",
                    "suggestion": "It sounds like this has been really frustrating.",
                    "points": -20.0,
                }
            ],
            "roadblocks": [],
            "truncated": False,
        }
        rows.append(
            (
                f"bench-{index:06d}",
                profile_id,
                PACKS[index % len(PACKS)],
                f"drill-{rng.randrange(DRILLS_PER_PACK):02d}",
                "1.0",
                "I have been waiting two weeks for my refund and nobody answers my emails.",
                "So the refund still has not arrived after two weeks and your emails went "
                "unanswered; that sounds really frustrating. What would help most right now?",
                overall,
                para,
                level,
                emotion,
                int(emotion == 1.0),
                question if asks_question else None,
                qtype,
                language,
                json.dumps(feedback),
                round(rng.uniform(8, 90), 3),
                stamp.isoformat(timespec="seconds"),
            )
        )
    placeholders = ", ".join("?" * len(rows[0]))
    with store.write():
        store.db.conn.executemany(f"INSERT INTO attempts ({columns}) VALUES ({placeholders})", rows)


def timed(label: str, func: Callable[[], T], results: dict[str, float]) -> T:
    started = time.perf_counter()
    value = func()
    results[label] = (time.perf_counter() - started) * 1000
    return value


def rows_path(store: Store, profile_id: int, results: dict[str, float]) -> None:
    """The statistics over every row, as the history view loads them (numbers only)."""
    rows = timed(
        "attempt_rows(with_response=False)",
        lambda: store.attempt_rows(profile_id, with_response=False),
        results,
    )
    timed("period_series(rows, day)", lambda: stats.period_series(rows, "day"), results)
    timed("listening_profile(rows)", lambda: stats.listening_profile(rows, 50), results)
    timed("skill_averages(rows)", lambda: stats.skill_averages(rows), results)


def dashboard(store: Store, profile_id: int, results: dict[str, float]) -> None:
    """Everything the progress dashboard shows, the way it should load it."""
    totals = timed("daily_totals (SQL)", lambda: store.daily_totals(profile_id), results)
    timed("period_series day", lambda: stats.period_series(totals, "day"), results)
    timed("period_series week", lambda: stats.period_series(totals, "week"), results)
    timed("attempts_per_day", lambda: stats.attempts_per_day(totals), results)
    timed("current_streak", lambda: stats.current_streak(totals, date.today()), results)
    timed("skill_averages", lambda: stats.skill_averages(totals), results)
    timed("weakest_skills", lambda: stats.weakest_skills(totals), results)
    recent = timed(
        "attempt_rows(latest=1000)",
        lambda: store.attempt_rows(profile_id, with_response=False, latest=1000),
        results,
    )
    timed("listening_profile", lambda: stats.listening_profile(recent, 50), results)
    timed("drills_to_practise", lambda: stats.drills_to_practise(recent, 5), results)


def measure(
    label: str, work: Callable[[Store, int, dict[str, float]], None], store: Store, pid: int
) -> None:
    results: dict[str, float] = {}
    work(store, pid, results)  # warm: the OS cache holds the file, as after the app started
    tracemalloc.start()
    work(store, pid, {})
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    runs = []
    for _ in range(3):
        results = {}
        work(store, pid, results)
        runs.append(results)
    best = min(runs, key=lambda run: sum(run.values()))
    print(f"{label}:")
    for name, millis in best.items():
        print(f"  {name:<36} {millis:7.1f} ms")
    print(f"  {'total (best of 3)':<36} {sum(best.values()):7.1f} ms (target < 300 ms)")
    print(f"  peak Python memory (tracemalloc): {peak / 1e6:.0f} MB")


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure_folder(data_dir: Path) -> None:
    """The measurements, run in a fresh process so its peak memory is the app's, not the
    generator's."""
    started = time.perf_counter()
    store = Store.open(data_dir)  # includes the start-up quick_check
    print(f"open with quick_check: {(time.perf_counter() - started) * 1000:.0f} ms")
    try:
        profile_id = store.current_profile().id
        started = time.perf_counter()
        rows = store.attempt_rows(profile_id, with_response=False)
        millis = (time.perf_counter() - started) * 1000
        print(f"attempt_rows(with_response=False), cold: {millis:.0f} ms ({len(rows):,} rows)")
        print(f"peak RSS of a process holding them: {peak_rss_mb():.0f} MB")
        del rows
        started = time.perf_counter()
        rows = store.attempt_rows(profile_id)
        millis = (time.perf_counter() - started) * 1000
        print(f"attempt_rows with reply text: {millis:.0f} ms")
        print(f"peak RSS of a process holding them: {peak_rss_mb():.0f} MB")
        del rows
        started = time.perf_counter()
        matches = store.attempt_ids_matching(profile_id, "refund")
        millis = (time.perf_counter() - started) * 1000
        print(f"attempt_ids_matching (text filter in SQL): {millis:.0f} ms, {len(matches):,} ids")
        measure("dashboard (daily totals + latest rows)", dashboard, store, profile_id)
        measure("statistics over all rows", rows_path, store, profile_id)
    finally:
        store.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        with Store.open(data_dir) as store:
            profile_id = store.current_profile().id
            started = time.perf_counter()
            make_history(store, profile_id, ATTEMPTS)
            print(f"generated {ATTEMPTS:,} attempts in {time.perf_counter() - started:.1f} s")
        size_mb = (data_dir / "listen-drill.db").stat().st_size / 1e6
        print(f"data file: {size_mb:.1f} MB")
        root = Path(__file__).resolve().parents[1]
        code = (
            "import sys; from pathlib import Path; from bench.bench_history import measure_folder"
        )
        subprocess.run(
            [sys.executable, "-c", f"{code}; measure_folder(Path(sys.argv[1]))", folder],
            cwd=root,
            check=True,
        )
        started = time.perf_counter()
        backup_now(data_dir)
        print(f"backup with the backup API: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
