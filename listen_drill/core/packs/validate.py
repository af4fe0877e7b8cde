"""Check a pack file and say everything that is wrong with it, never raising on bad input.

Reading goes in three steps, each of which can stop with problems: bytes (size, binary, UTF-8),
text (TOML or CSV syntax), document (keys, types, ranges, ids against `spec.py`). Only a pack with
no errors becomes a `Pack`; warnings (a model reply the scorer rates low) ride along.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path as FilePath
from types import MappingProxyType
from typing import Any

from listen_drill.core.models import Drill, DrillContext, KeyPoint, Pack, Skill
from listen_drill.core.packs.locate import LineMap, Path, locate_toml
from listen_drill.core.packs.problems import Problem
from listen_drill.core.packs.reserved import reserved_id_message, reserved_ids_for
from listen_drill.core.packs.spec import (
    CONTROL_PATTERN,
    DRILL_FIELDS,
    EXEMPLAR_WARNING_BELOW,
    ID_PATTERN,
    KEY_POINT_FIELDS,
    MAX_DRILLS,
    MAX_FILE_BYTES,
    NON_BLANK_RE,
    PACK_FIELDS,
    TOP_LEVEL_KEYS,
    Field,
    Kind,
)
from listen_drill.core.packs.template import pack_id_from_name
from listen_drill.core.wording import plural

try:  # the compiled build of the parser tomllib was taken from: same results, ~3x faster
    import tomli as toml_parser
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the same parser
    import tomllib as toml_parser  # type: ignore[no-redef]

_TEXT, _WHOLE, _TABLE, _KEY_POINTS, _CHOICES = (
    Kind.TEXT,
    Kind.WHOLE,
    Kind.TABLE,
    Kind.KEY_POINTS,
    Kind.CHOICE_LIST,
)
_FIELDS_BY_NAME: dict[int, dict[str, Field]] = {}

_NONE_RESERVED: Mapping[str, str] = MappingProxyType({})

# Control characters a pack may not hold: all but tab, newline and carriage return (and DEL).
# They are invisible in an editor and spreadsheet, and garble the drill card and exports.
_CONTROL_RE = re.compile(CONTROL_PATTERN)
_CONTROL_HINT = (
    "delete it: tab, new line and carriage return are the only control characters a pack may hold"
)

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem before it has a file name and a line: a path into the document and a message."""

    path: Path
    message: str
    warning: bool = False


@dataclass(slots=True)
class Validation:
    """The outcome of reading one pack file: the pack when it has no errors, and every problem."""

    source: str
    pack: Pack | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.warning]

    @property
    def ok(self) -> bool:
        return self.pack is not None and not self.errors


def where(path: Path) -> str:
    """`("drills", 3, "emotions")` -> `drills[3].emotions`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def is_csv_name(name: str) -> bool:
    return name.lower().endswith(".csv")


# -- file kinds ---------------------------------------------------------------------------

#: The file name endings read as packs; every other file is refused with what to do instead.
PACK_SUFFIXES = (".toml", ".csv")
_SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".numbers"})
_SAVE_AS_CSV_UTF8 = (
    'save it as CSV UTF-8 (in Excel: File > Save As > "CSV UTF-8 (Comma delimited)"; '
    "in LibreOffice: Text CSV, character set UTF-8)"
)
_PACK_KINDS = "a pack is a .toml or .csv file"
_CSV_HEADER_RE = re.compile(r"\bpack_id\b.*\bstatement\b|\bstatement\b.*\bpack_id\b")
_TOML_PACK_RE = re.compile(r"^[ \t]*\[pack\]", re.MULTILINE)


def not_a_pack_file(name: str, data: bytes | None = None) -> str | None:
    """Why a file called `name` is not read as a pack, with what to do; None for .toml, .csv.

    A trainer may try a JSON file or the spreadsheet itself, or save the CSV as .txt; each gets
    the fix for that case rather than a TOML syntax error. `data` (the file's start), when
    given, tells a CSV or TOML pack saved under another name, so the fix can name the rename.
    """
    suffix = FilePath(name).suffix.lower()
    if suffix in PACK_SUFFIXES:
        return None
    if suffix == ".json":
        return (
            f"is a JSON file; {_PACK_KINDS}, and JSON is not read: write the drills in TOML "
            "(`listen-drill pack new NAME` writes a template), or keep them in a spreadsheet "
            f"and {_SAVE_AS_CSV_UTF8}"
        )
    if suffix in _SPREADSHEET_SUFFIXES:
        return (
            f"is a spreadsheet file ({suffix}); {_PACK_KINDS}, and spreadsheet files are not "
            f"read: {_SAVE_AS_CSV_UTF8} and import the .csv file"
        )
    shown = f"a {suffix} file" if suffix else "a file without an ending such as .toml"
    if data is not None:
        text = data[:65536].decode("utf-8", "replace").lstrip("\ufeff")
        first = next((line for line in text.splitlines() if line.strip()), "")
        for kind, looks_so, new_suffix in (
            ("CSV", bool(_CSV_HEADER_RE.search(first)) and "=" not in first, ".csv"),
            ("TOML", bool(_TOML_PACK_RE.search(text)), ".toml"),
        ):
            if looks_so:
                stem = FilePath(name).stem  # "refunds.csv.txt" -> "refunds.csv", kept
                renamed = stem if stem.lower().endswith(new_suffix) else stem + new_suffix
                return (
                    f"is {shown} that looks like a {kind} pack; {_PACK_KINDS}: rename it {renamed}"
                )
    return (
        f"is {shown}, not a .toml or .csv file: a pack is TOML text (.toml) or a spreadsheet "
        "saved as CSV UTF-8 (.csv); JSON and spreadsheet files (.xlsx) are not read"
    )


# -- entry points -------------------------------------------------------------------------


def validate_file(
    path: FilePath, *, score_exemplars: bool = True, reserve_bundled_ids: bool = True
) -> Validation:
    """Validate a .toml or .csv pack file; a file that cannot be read is a problem, not a crash.

    A trainer's file may not take a bundled pack's id (the import would replace the bundled
    pack), so the bundled ids are refused here, where the problem gets its file and line.
    """
    source = str(path)
    reserved = reserved_ids_for(path) if reserve_bundled_ids else {}
    try:
        with path.open("rb") as handle:
            # The size on disk, not what was read: a 6.4 MB file is reported as 6.4 MB, while
            # reading stops one byte past the limit so a huge file is never loaded whole.
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                # a 6 MB spreadsheet needs "save it as CSV", not "too large"
                wrong_kind = not_a_pack_file(path.name, handle.read(4096))
                if wrong_kind is not None:
                    return _refused(source, wrong_kind)
                return _too_large(source, size)
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        return Validation(source, None, [Problem(source, "", f"cannot be read ({reason})")])
    wrong_kind = not_a_pack_file(path.name, data)
    if wrong_kind is not None:
        return _refused(source, wrong_kind)
    return validate_bytes(
        data,
        source,
        csv=is_csv_name(path.name),
        score_exemplars=score_exemplars,
        reserved_ids=reserved,
    )


def validate_bytes(
    data: bytes,
    source: str,
    *,
    csv: bool = False,
    score_exemplars: bool = True,
    reserved_ids: Mapping[str, str] = _NONE_RESERVED,
) -> Validation:
    """Validate the bytes of a pack file (TOML unless `csv`); `reserved_ids`: id -> its pack."""
    if len(data) > MAX_FILE_BYTES:
        return _too_large(source, len(data))
    foreign = _foreign_bytes(data, csv)
    if foreign is not None:
        return _refused(source, foreign)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return _refused(
            source,
            "is not a text file (it holds binary data); a pack is a TOML or CSV text file",
            line,
        )
    if data.startswith(b"\xef\xbb\xbf"):  # a byte-order mark, as spreadsheets write it
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        fix = _SAVE_AS_CSV_UTF8 if csv else "save the file with the UTF-8 encoding"
        return _refused(
            source, f"is not UTF-8 text (byte 0x{byte:02x} cannot be read); {fix}", line
        )
    return validate_text(
        text, source, csv=csv, score_exemplars=score_exemplars, reserved_ids=reserved_ids
    )


def validate_text(
    text: str,
    source: str,
    *,
    csv: bool = False,
    score_exemplars: bool = True,
    reserved_ids: Mapping[str, str] = _NONE_RESERVED,
) -> Validation:
    """Validate the text of a pack file (TOML unless `csv`); `reserved_ids`: id -> its pack."""
    if csv and not NON_BLANK_RE.search(text):
        return _refused(
            source,
            "is empty; a CSV pack needs a first row naming the columns and one row per drill "
            "(`listen-drill pack new NAME --csv` writes a template)",
        )
    if not NON_BLANK_RE.search(text) or (not csv and _only_comments(text)):
        return _refused(
            source,
            "is empty; a pack needs a [pack] table and at least one [[drills]] table "
            "(`listen-drill pack new` writes a template)",
        )
    control = _CONTROL_RE.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return _refused(
            source,
            f"holds the control character {_control_name(control.group())} at column {column}; "
            + _CONTROL_HINT,
            line,
        )
    if csv:
        return _validate_csv(text, source, score_exemplars, reserved_ids)
    try:
        document = toml_parser.loads(text)
    except toml_parser.TOMLDecodeError as error:
        return _refused(source, *_toml_error(str(error), text))
    except (RecursionError, ValueError) as error:  # pathological nesting or numbers
        return _refused(source, f"cannot be read as TOML ({error})")
    return validate_document(
        document,
        source,
        lambda: locate_toml(text),
        score_exemplars=score_exemplars,
        reserved_ids=reserved_ids,
    )


def _validate_csv(
    text: str, source: str, score_exemplars: bool, reserved_ids: Mapping[str, str]
) -> Validation:
    """A CSV pack's problems with its shape and every field problem of the rows it could read.

    A problem with the first row (the columns) stops there: cells are read by their column, so
    rows under a wrong header would only give guesses. A problem with one row (too many cells,
    a pack column that differs, broken quoting) does not hide the problems of the other rows.
    """
    from listen_drill.core.packs.csv_format import document_from_csv

    document, line_map, early = document_from_csv(text)
    drills = document.get("drills", [])
    # The reader's warnings (how a model reply cell was split) ride along like any warning.
    shape_errors = [finding for finding in early if not finding.warning]
    unreadable = {
        finding.path[1]
        for finding in shape_errors
        if len(finding.path) == 2 and finding.path[0] == "drills"
    }
    if not drills or len(unreadable) >= len(drills):
        return _located(source, None, early, lambda: line_map)
    pack, findings = check_document(document, reserved_ids, csv=True)
    findings = [
        finding
        for finding in findings
        if not (len(finding.path) >= 2 and finding.path[:1] == ("drills",))
        or finding.path[1] not in unreadable
    ]
    findings[:0] = early
    if pack is not None and not shape_errors and score_exemplars:
        findings.extend(exemplar_warnings(pack))
    return _located(source, None if shape_errors else pack, findings, lambda: line_map)


def validate_document(
    document: Mapping[str, Any],
    source: str,
    lines: Callable[[], LineMap] = LineMap,
    *,
    score_exemplars: bool = True,
    reserved_ids: Mapping[str, str] = _NONE_RESERVED,
) -> Validation:
    """Check a parsed document; `lines` builds the line map, called only if there are problems."""
    pack, findings = check_document(document, reserved_ids)
    if pack is not None and score_exemplars:
        findings.extend(exemplar_warnings(pack))
    return _located(source, pack, findings, lines)


# -- the document -------------------------------------------------------------------------


def check_document(
    document: Mapping[str, Any],
    reserved_ids: Mapping[str, str] = _NONE_RESERVED,
    *,
    csv: bool = False,
) -> tuple[Pack | None, list[Finding]]:
    """Every finding in a parsed document, and the pack when none of them is an error.

    `reserved_ids` maps ids the pack may not take (the bundled packs') to their packs' titles;
    `csv` says the document came from a CSV file, so fixes are worded for a spreadsheet's cells.
    """
    found: list[Finding] = []
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            found.append(Finding((key,), _unknown_key(key, TOP_LEVEL_KEYS, "at the top level")))
    header = document.get("pack")
    if header is None:
        found.append(
            Finding(
                (),
                "has no [pack] table; start the file with [pack] and its id, title and version",
            )
        )
        header_values: dict[str, Any] | None = None
    elif not isinstance(header, dict):
        found.append(Finding(("pack",), "must be a [pack] table, not " + _describe(header)))
        header_values = None
    else:
        header_values = _check_table(header, PACK_FIELDS, ("pack",), found, "[pack]", csv)
        taken_by = reserved_ids.get(header_values.get("id", ""))
        if taken_by is not None:
            found.append(
                Finding(("pack", "id"), reserved_id_message(header_values["id"], taken_by))
            )

    drills_value = document.get("drills")
    drills: list[Drill] = []
    if drills_value is None:
        found.append(Finding((), "has no drills; add at least one [[drills]] table"))
    elif not isinstance(drills_value, list) or not all(
        isinstance(item, dict) for item in drills_value
    ):
        found.append(
            Finding(
                ("drills",),
                "must be [[drills]] tables, one per drill, not " + (_describe(drills_value)),
            )
        )
    elif not drills_value:
        found.append(Finding(("drills",), "is empty; add at least one [[drills]] table"))
    elif len(drills_value) > MAX_DRILLS:
        found.append(
            Finding(
                ("drills",),
                f"has {len(drills_value):,} drills; the limit is {MAX_DRILLS:,}: "
                "split it into smaller packs",
            )
        )
    else:
        seen: dict[str, int] = {}
        for index, item in enumerate(drills_value):
            drill = _check_drill(item, index, found, csv)
            drill_id = item.get("id")
            if isinstance(drill_id, str):
                first = seen.setdefault(drill_id, index)
                if first != index:
                    found.append(
                        Finding(
                            ("drills", index, "id"),
                            f"{drill_id!r} is already the id of drills[{first}]; "
                            "every drill needs its own id",
                        )
                    )
            if drill is not None:
                drills.append(drill)

    if header_values is None or any(not finding.warning for finding in found):
        return None, found
    pack = Pack(
        id=header_values["id"],
        title=header_values["title"],
        version=header_values["version"],
        drills=tuple(drills),
        author=header_values.get("author", ""),
        language=header_values.get("language", "en"),
        description=header_values.get("description", ""),
        avoid=tuple(header_values.get("avoid", ())),
    )
    return pack, found


def _check_drill(
    item: dict[str, Any], index: int, found: list[Finding], csv: bool = False
) -> Drill | None:
    path: Path = ("drills", index)
    before = len(found)
    values = _check_table(item, DRILL_FIELDS, path, found, "a drill", csv)
    if len(found) != before:
        return None
    skills = tuple(
        Skill(name) for name in values.get("skills", ("paraphrase", "emotion", "question"))
    )
    emotions = tuple(values.get("emotions", ()))
    if Skill.EMOTION in skills and not emotions:
        found.append(
            Finding(
                (*path, "emotions"),
                "the drill asks for the emotion skill but names no emotions; "
                "list the feelings the customer shows",
                warning=True,
            )
        )
    context = values.get("context", {})
    return Drill(
        id=values["id"],
        statement=values["statement"].strip(),
        context=DrillContext(**context),
        emotions=emotions,
        intensity=values.get("intensity", 2),
        key_points=tuple(values.get("key_points", ())),
        skills=skills,
        difficulty=values.get("difficulty", 1),
        exemplars=tuple(text.strip() for text in values["exemplars"]),
        tags=tuple(values.get("tags", ())),
        avoid=tuple(values.get("avoid", ())),
        notes=values.get("notes", ""),
    )


def _check_table(
    table: Mapping[str, Any],
    fields: tuple[Field, ...],
    path: Path,
    found: list[Finding],
    what: str,
    csv: bool = False,
) -> dict[str, Any]:
    """Check a table's keys and values; returns the values that passed, converted."""
    by_name = _FIELDS_BY_NAME.get(id(fields))
    if by_name is None:
        by_name = _FIELDS_BY_NAME[id(fields)] = {spec.name: spec for spec in fields}
    values: dict[str, Any] = {}
    for key, value in table.items():
        spec = by_name.get(key)
        if spec is None:
            found.append(Finding((*path, key), _unknown_key(key, tuple(by_name), f"in {what}")))
            continue
        checked = _check_value(spec, value, (*path, key), found, csv)
        if checked is not _INVALID:
            values[key] = checked
    for spec in fields:
        if spec.required and spec.name not in table:
            hint = f": {spec.empty_hint}" if spec.empty_hint else ""
            found.append(Finding(path, f"{what} needs '{spec.name}'{hint}"))
    return values


_INVALID = object()


def _check_value(
    spec: Field, value: Any, path: Path, found: list[Finding], csv: bool = False
) -> Any:
    kind = spec.kind
    if kind is _TEXT:
        return _check_text(spec, value, path, found)
    if kind is _WHOLE:
        return _check_whole(spec, value, path, found)
    if kind is _TABLE:
        if not isinstance(value, dict):
            found.append(
                Finding(
                    path, f'must be a table such as {{ channel = "Chat" }}, not {_describe(value)}'
                )
            )
            return _INVALID
        before = len(found)
        checked = _check_table(value, spec.fields, path, found, f"'{spec.name}'", csv)
        return checked if len(found) == before else _INVALID
    if not isinstance(value, list):
        found.append(
            Finding(
                path,
                f"must be a list in square brackets, e.g. {spec.name} = [...], "
                f"not {_describe(value)}",
            )
        )
        return _INVALID
    before = len(found)
    if len(value) < spec.min_items:
        hint = f"; {spec.empty_hint}" if spec.empty_hint else ""
        found.append(Finding(path, f"is empty{hint}"))
    elif len(value) > spec.max_items:
        found.append(Finding(path, f"has {len(value)} items; the limit is {spec.max_items}"))
        return _INVALID
    items: list[Any] = []
    if kind is _KEY_POINTS:
        for number, item in enumerate(value):
            point = _check_key_point(spec, item, (*path, number), found)
            if point is not None:
                items.append(point)
    else:
        seen: set[str] = set()
        choices = spec.choices if kind is _CHOICES else ()
        for number, item in enumerate(value):
            text = _check_item_text(spec, item, (*path, number), found)
            if text is None:
                continue
            if kind is _CHOICES:
                if text not in choices:
                    found.append(Finding((*path, number), _unknown_choice(text, spec, csv)))
                    continue
                if text in seen:
                    found.append(Finding((*path, number), f"{text!r} is listed twice"))
                    continue
                seen.add(text)
            items.append(text)
    return items if len(found) == before else _INVALID


def _check_key_point(spec: Field, item: Any, path: Path, found: list[Finding]) -> KeyPoint | None:
    if isinstance(item, dict):
        before = len(found)
        values = _check_table(item, KEY_POINT_FIELDS, path, found, "a key point")
        if len(found) != before:
            return None
        return KeyPoint(text=values["text"].strip(), synonyms=tuple(values.get("synonyms", ())))
    if isinstance(item, str):
        text = _check_item_text(spec, item, path, found)
        return None if text is None else KeyPoint(text=text)
    found.append(
        Finding(
            path,
            'must be text, or a table such as { text = "late again", '
            f'synonyms = ["delayed"] }}, not {_describe(item)}',
        )
    )
    return None


def _check_item_text(spec: Field, item: Any, path: Path, found: list[Finding]) -> str | None:
    if not isinstance(item, str):
        found.append(Finding(path, f"must be text in quotes, not {_describe(item)}"))
        return None
    text = unix_line_ends(item)
    if not NON_BLANK_RE.search(text):
        found.append(Finding(path, "is empty; remove it or write something"))
        return None
    if len(text) > spec.max_length:
        found.append(Finding(path, _too_long(text, spec.max_length)))
        return None
    if _has_control(text, path, found):
        return None
    return text.strip()


def _check_text(spec: Field, value: Any, path: Path, found: list[Finding]) -> Any:
    if not isinstance(value, str):
        found.append(Finding(path, f"must be text in quotes, not {_describe(value)}"))
        return _INVALID
    value = unix_line_ends(value)
    if spec.non_blank and not NON_BLANK_RE.search(value):
        hint = f"; {spec.empty_hint}" if spec.empty_hint else ""
        found.append(Finding(path, f"is empty{hint}"))
        return _INVALID
    if len(value) > spec.max_length:
        found.append(Finding(path, _too_long(value, spec.max_length)))
        return _INVALID
    if _has_control(value, path, found):
        return _INVALID
    if spec.pattern and not re.search(spec.pattern, value):
        example = ""
        if spec.pattern == ID_PATTERN:  # an id made from the value, as `pack new` makes one
            suggested = pack_id_from_name(value)
            example = f", e.g. {suggested!r}" if suggested != "my-pack" else ""
        found.append(
            Finding(path, f"{value!r} is not allowed here: use {spec.pattern_hint}{example}")
        )
        return _INVALID
    return value


def unix_line_ends(text: str) -> str:
    """Text with Windows ("\\r\\n") and old Mac ("\\r") line ends as "\\n".

    A pack saved on Windows, or a spreadsheet cell with a line break, brings "\\r\\n" into
    the text; kept, it would come out of `pack export` and the drill card as stray characters.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _has_control(text: str, path: Path, found: list[Finding]) -> bool:
    """Report a control character a TOML escape such as "\\u0007" put into a text value.

    The file itself is checked before parsing; an escape is plain text until it is parsed.
    """
    control = _CONTROL_RE.search(text)
    if control is None:
        return False
    found.append(
        Finding(
            path,
            f"holds the control character {_control_name(control.group())} "
            f"(character {control.start() + 1}); " + _CONTROL_HINT,
        )
    )
    return True


def _control_name(character: str) -> str:
    return f"U+{ord(character):04X}"


def _check_whole(spec: Field, value: Any, path: Path, found: list[Finding]) -> Any:
    # Like JSON Schema's "integer": 2 and 2.0 are whole numbers, true is not.
    whole = (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and math.isfinite(value) and value.is_integer()
    )
    if not whole or not spec.minimum <= value <= spec.maximum:
        found.append(
            Finding(
                path,
                f"must be a whole number from {spec.minimum} to {spec.maximum}, "
                f"not {_describe(value)}",
            )
        )
        return _INVALID
    return int(value)


# -- warnings from the scorer -------------------------------------------------------------


EXEMPLAR_CHECK_LIMIT = 750  # model replies scored per pack: well under a second


def exemplar_warnings(
    pack: Pack, threshold: int = EXEMPLAR_WARNING_BELOW, limit: int = EXEMPLAR_CHECK_LIMIT
) -> list[Finding]:
    """A warning for every model reply the scorer rates under `threshold`.

    A huge pack has its replies checked at an even spread, at most `limit` of them, so
    validating 10,000 drills stays within seconds; a warning says how many were checked.
    """
    from listen_drill.core.scoring import default_scorer

    scorer = default_scorer()
    found: list[Finding] = []
    replies = [
        (index, number, exemplar)
        for index, drill in enumerate(pack.drills)
        for number, exemplar in enumerate(drill.exemplars)
    ]
    if len(replies) > limit:
        step = len(replies) / limit
        replies = [replies[int(position * step)] for position in range(limit)]
        found.append(
            Finding(
                (),
                f"checked {limit:,} of the pack's model replies against the scorer, spread "
                "evenly; split the pack into smaller packs to have every reply checked",
                warning=True,
            )
        )
    for index, number, exemplar in replies:
        overall = scorer.score_drill(pack.drills[index], exemplar, pack.avoid).overall
        if overall < threshold:
            found.append(
                Finding(
                    ("drills", index, "exemplars", number),
                    f"the scorer rates this model reply {overall}/100 (warnings start "
                    f"under {threshold}): check the reply, or the drill's key points, "
                    "emotions and skills",
                    warning=True,
                )
            )
    return found


# -- messages -----------------------------------------------------------------------------


def _unknown_key(key: str, known: Iterable[str], place: str) -> str:
    known = tuple(known)
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r} {place}; did you mean {close[0]!r}?"
    return f"unknown key {key!r} {place} (known keys: {', '.join(known)})"


def _unknown_choice(value: str, spec: Field, csv: bool = False) -> str:
    choices = spec.choices
    parts = [part.strip() for part in value.split(",")]
    if len(parts) > 1 and all(parts):
        # Several names in one item: a comma where the format wants ';' or separate items.
        if csv:
            fix = f"separate them with ';', not ',': {'; '.join(parts)}"
        else:
            fix = "put each in its own quotes: [" + ", ".join(f'"{part}"' for part in parts) + "]"
        known = "" if all(part in choices for part in parts) else f" (known: {', '.join(choices)})"
        several = plural(len(parts), spec.noun)
        return f"{value!r} is not a known {spec.noun} but {several}: {fix}{known}"
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{value!r} is not a known {spec.noun} ({hint}known: {', '.join(choices)})"


def _too_long(text: str, limit: int) -> str:
    return f"is {len(text):,} characters long; the limit is {limit:,}"


def _describe(value: Any) -> str:
    """A value as a trainer would recognise it in their file."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime | date | time):
        return f"the date or time {value.isoformat()}"
    return type(value).__name__


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _toml_error(message: str, text: str) -> tuple[str, int | None]:
    line: int | None = None
    hint = ""
    match = _TOML_POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = f"{message[: match.start()]} at column {column}"
        hint = _toml_hint(
            text.split("\n")[line - 1] if line <= text.count("\n") + 1 else "", column
        )
    else:
        end = _TOML_END.search(message)
        if end:
            line = text.count("\n") + 1
            message = f"{message[: end.start()]} at the end of the file"
    if not hint and text.lstrip("\ufeff \t\r\n").startswith("{"):
        hint = (
            "; this looks like JSON, which is not read: write the pack in TOML (see docs/packs.md)"
        )
    return f"is not valid TOML: {message}{hint}", line


# Quotes a word processor, a phone or a chat tool puts in place of the straight ones TOML needs.
_CURLY_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2033"
_AFTER_TEXT = " \t\r,]}#"


def _toml_hint(line_text: str, column: int) -> str:
    """The likely fix for a TOML syntax error at `column` (from 1) of `line_text`, or ""."""
    at = line_text[column - 1 : column]
    before = line_text[: column - 1].rstrip(" \t")
    if at in _CURLY_QUOTES or (not at.strip() and before[-1:] in _CURLY_QUOTES):
        return (
            '; use straight quotes (") around text: an editor or word processor turned them '
            "into curly ones (\u201c \u201d)"
        )
    if at and at not in _AFTER_TEXT and line_text[column - 2 : column - 1] == '"':
        return (
            '; a " inside text ends the text early: write \\" for a quote inside text '
            '(He said \\"no\\"), or put the text in single quotes (\'He said "no"\')'
        )
    return ""


def _foreign_bytes(data: bytes, csv: bool) -> str | None:
    """What a file in a format other than UTF-8 text is, by its first bytes, and the fix."""
    if data.startswith(b"PK\x03\x04"):
        return (
            "is a spreadsheet or other zipped file (such as .xlsx), not text; "
            f"{_PACK_KINDS}: {_SAVE_AS_CSV_UTF8}"
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return f"is an Office file (such as .xls), not text; {_PACK_KINDS}: {_SAVE_AS_CSV_UTF8}"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        fix = _SAVE_AS_CSV_UTF8 if csv else "save the file with the UTF-8 encoding"
        return f'is saved as UTF-16 (what Excel calls "Unicode Text"), which is not read; {fix}'
    return None


def _too_large(source: str, size: int) -> Validation:
    """Refuse a file over the size limit, giving its real size so the trainer knows how much."""
    megabyte = 1024 * 1024
    limit = f"{MAX_FILE_BYTES // megabyte} MB"
    shown = f"{size / megabyte:.1f} MB"
    if round(size / megabyte, 1) <= MAX_FILE_BYTES / megabyte:  # "5.0 MB" reads as within it
        shown, limit = f"{size:,} bytes", f"{limit} ({MAX_FILE_BYTES:,} bytes)"
    return _refused(
        source, f"is too large ({shown}); the limit is {limit}: split it into smaller packs"
    )


def _refused(source: str, message: str, line: int | None = None) -> Validation:
    return Validation(source, None, [Problem(source, "", message, line)])


def _located(
    source: str, pack: Pack | None, findings: list[Finding], lines: Callable[[], LineMap]
) -> Validation:
    if not findings:
        return Validation(source, pack, [])
    # Locating lines scans the whole text; a note about the whole file needs no line.
    line_map = lines() if any(finding.path for finding in findings) else LineMap()
    problems = [
        Problem(
            source,
            where(finding.path),
            finding.message,
            line_map.line_of(finding.path),
            finding.warning,
        )
        for finding in findings
    ]
    problems.sort(key=lambda problem: (problem.warning, problem.line or 0))
    errors = any(not problem.warning for problem in problems)
    return Validation(source, None if errors else pack, problems)
