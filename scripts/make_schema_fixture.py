"""Make a sample database of one released schema version, for the migration tests.

    python scripts/make_schema_fixture.py m001_initial tests/fixtures/schema_v1.db

Applies the shipped migrations up to and including the one named, then writes a few profiles,
packs, drills, attempts and settings with plain SQL (not through today's Store, whose code may
expect a newer schema). The content is fixed, so running it again gives the same rows. Make one
fixture per released schema and never regenerate an old one after a later migration changes
what "up to" means: add a new file instead.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from listen_drill.core.migrations import MIGRATIONS

PROFILES = [
    (1, "0b0c6c1e-0000-4000-8000-000000000001", "Agent", "2024-01-05T08:00:00+00:00"),
    (2, "0b0c6c1e-0000-4000-8000-000000000002", "Sam", "2024-01-06T09:30:00+00:00"),
]
DRILLS = [
    ("late-parcel", "My parcel was due on Monday and it still has not come."),
    ("double-charge", "You charged my card twice and I want my money back today."),
]


def feedback(overall: int, para: float, level: str, emotion: float, qtype: str) -> str:
    question = {"open": 1.0, "closed": 0.3, "none": 0.0}[qtype]
    return json.dumps(
        {
            "overall": overall,
            "skills": [
                {"skill": "paraphrase", "score": para, "label": level, "asked": True},
                {
                    "skill": "emotion",
                    "score": emotion,
                    "label": "yes" if emotion else "no",
                    "asked": True,
                },
                {"skill": "question", "score": question, "label": qtype, "asked": True},
                {"skill": "language", "score": 1.0, "label": "", "asked": True},
            ],
            "findings": [
                {
                    "kind": "missing-emotion",
                    "skill": "emotion",
                    "start": 0,
                    "end": 0,
                    "message": "Say what feeling you hear.",
                    "suggestion": "",
                    "points": -10.0,
                }
            ],
            "roadblocks": [],
            "truncated": False,
        }
    )


def populate(db: Database) -> None:
    for profile_id, uuid, name, created in PROFILES:
        db.execute(
            "INSERT INTO profiles (id, uuid, name, created_at) VALUES (?, ?, ?, ?)",
            [profile_id, uuid, name, created],
        )
    db.execute(
        "INSERT INTO packs (id, title, version, author, language, description, avoid, source,"
        " source_path, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            "fixture-pack",
            "Fixture pack",
            "1.0",
            "Tests",
            "en",
            "Two drills",
            "[]",
            "imported",
            "/tmp/fixture.toml",
            "2024-01-05T08:00:00+00:00",
        ],
    )
    for position, (drill_id, statement) in enumerate(DRILLS):
        db.execute(
            "INSERT INTO drills (pack_id, id, position, active, statement, context, emotions,"
            " intensity, key_points, skills, difficulty, exemplars, tags, avoid, notes)"
            " VALUES (?, ?, ?, 1, ?, '{}', '[\"annoyed\"]', 2, '[]',"
            " '[\"paraphrase\", \"emotion\", \"question\"]', 1, '[]', '[]', '[]', '')",
            ["fixture-pack", drill_id, position, statement],
        )
    attempts = [
        (1, "late-parcel", 72, 0.8, "simple", 1.0, "open", "2024-01-05T08:10:00+00:00"),
        (1, "double-charge", 35, 0.1, "none", 0.0, "closed", "2024-01-05T08:12:30+00:00"),
        (1, "late-parcel", 90, 1.0, "complex", 1.0, "open", "2024-01-08T17:45:00+00:00"),
        (2, "double-charge", 58, 0.6, "simple", 0.0, "none", "2024-01-06T09:40:00+00:00"),
        (2, "late-parcel", 66, 0.5, "simple", 1.0, "closed", "2024-01-07T10:00:00+00:00"),
    ]
    for index, (profile_id, drill_id, overall, para, level, emotion, qtype, created) in enumerate(
        attempts, start=1
    ):
        statement = dict(DRILLS)[drill_id]
        db.execute(
            "INSERT INTO attempts (id, uuid, profile_id, pack_id, drill_id, pack_version,"
            " statement, response, overall, paraphrase_score, paraphrase_level, emotion_score,"
            " emotion_acknowledged, question_score, question_type, language_score, feedback,"
            " seconds, created_at) VALUES (?, ?, ?, 'fixture-pack', ?, '1.0', ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, 1.0, ?, ?, ?)",
            [
                index,
                f"a77e0000-0000-4000-8000-{index:012d}",
                profile_id,
                drill_id,
                statement,
                f"Reply {index}: so the order is late and that is worrying; what happened?",
                overall,
                para,
                level,
                emotion,
                int(emotion == 1.0),
                {"open": 1.0, "closed": 0.3, "none": 0.0}[qtype],
                qtype,
                feedback(overall, para, level, emotion, qtype),
                20.0 + index,
                created,
            ],
        )
    db.execute("INSERT INTO settings (key, value) VALUES ('last_profile_id', '2')")


def make_fixture(upto: str, target: Path) -> None:
    names = [migration.name for migration in MIGRATIONS.pending(Database(memory=True))]
    if upto not in names:
        raise SystemExit(f"no migration named {upto!r}; known: {', '.join(names)}")
    later = names[names.index(upto) + 1 :]
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(str(target), isolation_level=None)
    db = Database(conn)
    MIGRATIONS.apply(db, stop_before=later[0] if later else None)
    with db.atomic():
        populate(db)
    conn.execute("VACUUM")
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upto", help="the last migration to apply, e.g. m001_initial")
    parser.add_argument("target", type=Path, help="where to write the .db file")
    args = parser.parse_args(argv)
    make_fixture(args.upto, args.target)
    print(f"wrote {args.target} (schema up to {args.upto})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
