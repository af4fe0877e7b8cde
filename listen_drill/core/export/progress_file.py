"""The progress file: everything about one or more agents' practice, in one JSON document.

An agent exports it and sends it to the team lead, whose `team merge` reads it back. The format
is versioned (`"format": "listen-drill-progress"`, `"version": 1`) and documented in
docs/progress-format.md, with a JSON Schema in resources/schemas/progress.schema.json.

Reading validates the whole file before anything uses it: a truncated file, a file of another
version, or a file that is not ours raises `ProgressFileError` naming the file and the place.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from listen_drill import __version__
from listen_drill.core.export import json_codec
from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.export.filters import EVERYTHING, ExportFilter
from listen_drill.core.export.progress import CancelFn, ProgressFn, Steps
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.store import utc_now

FORMAT = "listen-drill-progress"
VERSION = 1
SKILL_KEYS = ("paraphrase", "emotion", "question", "language")


class ProgressFileError(ValueError):
    """A progress file that cannot be used; the message names the file, the place and the fix."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True, slots=True)
class ProgressExportResult:
    path: Path
    profiles: int
    attempts: int


# -- writing ----------------------------------------------------------------------------------


def attempt_document(record: dict[str, Any]) -> dict[str, Any]:
    """One attempt of the file from its columns (as `AttemptSource.records` gives them)."""
    acknowledged = record["emotion_acknowledged"]
    return {
        "uuid": record["uuid"],
        "pack_id": record["pack_id"],
        "drill_id": record["drill_id"],
        "pack_version": record["pack_version"] or "",
        "statement": record["statement"] or "",
        "response": record["response"],
        "scores": {
            "overall": record["overall"],
            "paraphrase": record["paraphrase_score"],
            "emotion": record["emotion_score"],
            "question": record["question_score"],
            "language": record["language_score"],
        },
        "labels": {
            "paraphrase": record["paraphrase_level"],
            "emotion": None if acknowledged is None else ("yes" if acknowledged else "no"),
            "question": record["question_type"],
        },
        "feedback": json.loads(record["feedback"]),
        "seconds": record["seconds"] or 0.0,
        "created_at": record["created_at"],
    }


def _filters_document(filters: ExportFilter) -> dict[str, Any]:
    return {
        "profiles": list(filters.profiles),
        "since": filters.since.isoformat() if filters.since else None,
        "until": filters.until.isoformat() if filters.until else None,
        "pack_id": filters.pack_id,
    }


def export_progress_file(
    source: AttemptSource,
    output: Path,
    filters: ExportFilter = EVERYTHING,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ProgressExportResult:
    """Write the progress file for the filtered profiles and attempts, atomically.

    Attempts are streamed one by one, so a large history never sits in memory twice.
    """
    profiles = source.chosen_profiles(filters)
    counts = {p.id: source.count(p.id, filters) for p in profiles}
    steps = Steps(sum(counts.values()), progress, cancel)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utc_now(),
        "app_version": __version__,
        "filters": _filters_document(filters),
    }
    with atomic_paths(output) as (temp,), temp.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2])
        handle.write(',\n "profiles": [')
        for index, profile in enumerate(profiles):
            person = {"uuid": profile.uuid, "name": profile.name, "created_at": profile.created_at}
            handle.write("," if index else "")
            handle.write("\n  " + json.dumps(person, ensure_ascii=False)[:-1])
            handle.write(', "attempts": [')
            for number, record in enumerate(source.records(profile.id, filters)):
                handle.write(",\n   " if number else "\n   ")
                handle.write(json.dumps(attempt_document(record), ensure_ascii=False))
                steps.advance()
            handle.write("\n  ]}")
        handle.write("\n ]\n}\n")
        steps.finish()
    return ProgressExportResult(output, len(profiles), steps.total)


# -- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgressProfile:
    uuid: str
    name: str
    created_at: str
    attempts: tuple[dict[str, Any], ...]  # validated attempt documents


@dataclass(frozen=True, slots=True)
class ProgressFile:
    path: Path
    exported_at: str
    app_version: str
    profiles: tuple[ProgressProfile, ...]

    @property
    def attempt_count(self) -> int:
        return sum(len(p.attempts) for p in self.profiles)


class _InvalidError(Exception):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"at {where}: {message}")


def _text(value: Any, where: str, *, empty: bool = True) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise _InvalidError(where, "expected " + ("text" if empty else "non-empty text"))
    return value


def _optional_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _number(value: Any, where: str, low: float, high: float) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not low <= value <= high
    ):
        raise _InvalidError(where, f"expected a number from {low:g} to {high:g}")
    return float(value)


def _timestamp(value: Any, where: str) -> str:
    text = _text(value, where, empty=False)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise _InvalidError(where, "expected an ISO 8601 date and time") from None
    return text


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _InvalidError(where, "expected an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _InvalidError(where, "expected a list")
    return value


def _check_attempt(item: Any, where: str) -> dict[str, Any]:
    attempt = _object(item, where)
    for key in ("uuid", "pack_id", "drill_id"):
        _text(attempt.get(key), f"{where}.{key}", empty=False)
    for key in ("statement", "response"):
        _text(attempt.get(key), f"{where}.{key}")
    _optional_text(attempt.get("pack_version"), f"{where}.pack_version")
    scores = _object(attempt.get("scores"), f"{where}.scores")
    overall = scores.get("overall")
    if isinstance(overall, bool) or not isinstance(overall, int) or not 0 <= overall <= 100:
        raise _InvalidError(f"{where}.scores.overall", "expected a whole number from 0 to 100")
    for key in SKILL_KEYS:
        if scores.get(key) is not None:
            _number(scores[key], f"{where}.scores.{key}", 0.0, 1.0)
    labels = _object(attempt.get("labels"), f"{where}.labels")
    for key in ("paraphrase", "emotion", "question"):
        _optional_text(labels.get(key), f"{where}.labels.{key}")
    feedback = _object(attempt.get("feedback"), f"{where}.feedback")
    _list(feedback.get("skills"), f"{where}.feedback.skills")
    _list(feedback.get("findings"), f"{where}.feedback.findings")
    _number(attempt.get("seconds"), f"{where}.seconds", 0.0, math.inf)
    _timestamp(attempt.get("created_at"), f"{where}.created_at")
    return attempt


def _check_document(data: Any) -> tuple[str, str, tuple[ProgressProfile, ...]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _NotOursError
    version = data.get("version")
    if version != VERSION:
        raise _UnknownVersionError(version)
    profiles: list[ProgressProfile] = []
    for index, item in enumerate(_list(data.get("profiles"), "profiles")):
        where = f"profiles[{index}]"
        person = _object(item, where)
        attempts = tuple(
            _check_attempt(attempt, f"{where}.attempts[{number}]")
            for number, attempt in enumerate(_list(person.get("attempts"), f"{where}.attempts"))
        )
        profiles.append(
            ProgressProfile(
                uuid=_text(person.get("uuid"), f"{where}.uuid", empty=False),
                name=_text(person.get("name"), f"{where}.name", empty=False).strip(),
                created_at=_optional_text(person.get("created_at"), f"{where}.created_at") or "",
                attempts=attempts,
            )
        )
    exported_at = _optional_text(data.get("exported_at"), "exported_at") or ""
    return exported_at, str(data.get("app_version", "")), tuple(profiles)


class _NotOursError(Exception):
    pass


class _UnknownVersionError(Exception):
    def __init__(self, version: Any) -> None:
        self.version = version


def parse_progress_text(path: Path, text: str) -> ProgressFile:
    """Validate a progress file's text completely; raise ProgressFileError on any problem."""
    try:
        data = json_codec.loads(text)
    except json.JSONDecodeError as error:
        stripped = text.strip()
        if error.pos >= len(stripped) or (stripped.startswith("{") and not stripped.endswith("}")):
            raise ProgressFileError(
                path,
                "the file is truncated: it ends before the progress data is complete "
                f"({len(text.encode('utf-8')):,} bytes). Ask the agent to export it again.",
            ) from None
        raise ProgressFileError(
            path,
            f"not a listen-drill progress file: it is not valid JSON (line {error.lineno}, "
            f"column {error.colno}: {error.msg}).",
        ) from None
    try:
        exported_at, app_version, profiles = _check_document(data)
    except _NotOursError:
        raise ProgressFileError(
            path,
            f'not a listen-drill progress file (it has no "format": "{FORMAT}"). '
            "Agents make one with File > Export... > Progress file, or "
            "`listen-drill export --format json`.",
        ) from None
    except _UnknownVersionError as error:
        newer = isinstance(error.version, int) and error.version > VERSION
        fix = (
            "it was made by a newer listen-drill; update listen-drill to import it."
            if newer
            else f"this listen-drill reads version {VERSION}."
        )
        raise ProgressFileError(
            path, f"progress file version {error.version!r} is not supported: {fix}"
        ) from None
    except _InvalidError as error:
        raise ProgressFileError(
            path, f"the progress file is damaged {error}. Ask the agent to export it again."
        ) from None
    return ProgressFile(path, exported_at, app_version, profiles)


def read_progress_file(path: Path) -> ProgressFile:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProgressFileError(path, f"cannot read the file ({error.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgressFileError(
            path, "not a listen-drill progress file: it is not UTF-8 text."
        ) from None
    return parse_progress_text(path, text)


def iter_attempt_documents(progress_file: ProgressFile) -> Iterator[tuple[str, dict[str, Any]]]:
    """(profile uuid, attempt) pairs in file order."""
    for profile in progress_file.profiles:
        for attempt in profile.attempts:
            yield profile.uuid, attempt
