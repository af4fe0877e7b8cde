"""Packs as CSV, for trainers who write drills in a spreadsheet: one row per drill.

The columns (documented in docs/packs.md) follow `spec.py`: the pack's keys prefixed with
`pack_` and filled in on the first row (later rows leave them empty or repeat them), then one
column per drill key, with `context` spread over `channel`, `customer` and `situation`.
Lists go in one cell separated by `;`; a key point's synonyms follow its text after `|`
(`late again|delayed|third time`); a backslash keeps the next character as it is (`\\;`).
Model replies, whose prose has semicolons of its own, go one per line of their cell (see
`_exemplars_cell`). Line ends are read as "\\n" whatever system saved the file.
A spreadsheet set to a European locale saves "CSV" with `;` between cells, and some tools save
tab-separated text: the separator is read from the header row, which names columns only.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from typing import Any

from listen_drill.core.models import Pack
from listen_drill.core.packs.locate import LineMap
from listen_drill.core.packs.spec import CONTEXT_FIELDS, DRILL_FIELDS, PACK_FIELDS, Field, Kind
from listen_drill.core.packs.validate import Finding, unix_line_ends

PACK_PREFIX = "pack_"


def _drill_columns() -> list[tuple[str, Field, bool]]:
    """(column, field, is a context field) for each drill column, in order."""
    columns: list[tuple[str, Field, bool]] = []
    for spec in DRILL_FIELDS:
        if spec.kind is Kind.TABLE:
            columns.extend((inner.name, inner, True) for inner in CONTEXT_FIELDS)
        else:
            columns.append((spec.name, spec, False))
    return columns


DRILL_COLUMNS = _drill_columns()
PACK_COLUMNS = [(PACK_PREFIX + spec.name, spec) for spec in PACK_FIELDS]
COLUMNS: list[str] = [name for name, _ in PACK_COLUMNS] + [name for name, _, _ in DRILL_COLUMNS]


# -- cells ----------------------------------------------------------------------------------


def split_cell(cell: str, separator: str = ";") -> list[str]:
    """Split on unescaped `separator`, keeping backslash escapes for a later `unescape`."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in cell:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    out: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            out.append(char)
    if escaped:
        out.append("\\")
    return "".join(out)


def escape(text: str, specials: str = ";") -> str:
    text = text.replace("\\", "\\\\")
    for char in specials:
        text = text.replace(char, "\\" + char)
    return text


def _list_cell(cell: str) -> list[str]:
    return [item for item in (unescape(part).strip() for part in split_cell(cell)) if item]


def _key_points_cell(cell: str) -> list[Any]:
    points: list[Any] = []
    for part in split_cell(cell):
        if not part.strip():
            continue
        pieces = [unescape(piece).strip() for piece in split_cell(part, "|")]
        text, synonyms = pieces[0], [piece for piece in pieces[1:] if piece]
        points.append({"text": text, "synonyms": synonyms} if synonyms else text)
    return points


# -- model replies ---------------------------------------------------------------------------
#
# A model reply is prose, and prose has semicolons: "..., which is confusing; I can see why".
# So in the exemplars column a line break separates model replies (one reply per line of the
# cell). A cell on one line is read as packs written before that were: a ';' separates two
# replies where it follows the end of a sentence ("What happened?; So it..."), and anywhere
# else it is part of the reply. Where that reading may not be what the trainer meant, a warning
# names the drill's row and the column.

# The end of a sentence: . ? ! or an ellipsis, then any closing quotes or brackets.
_SENTENCE_END = re.compile("[.?!\u2026][\"'\u201d\u2019\u00bb)\\]]*$")
# "I" as a word ("I can see", "I'm"), which starts a clause after ';' as well as a reply.
_PRONOUN_I = re.compile("I(?![A-Za-z])")


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def _starts_like_a_reply(text: str) -> bool:
    """A capital (other than "I") after ';': in prose a clause goes on in lower case."""
    text = text.lstrip()
    return text[:1].isupper() and not _PRONOUN_I.match(text)


def _starts_lower(text: str) -> bool:
    return text.lstrip()[:1].islower()


def _marked(line: str) -> bool:
    """Whether a line of an exemplars cell starts with a backslash escape ("\\so ..."): the
    writer's (or a trainer's) sign that a reply starting in lower case is meant to stand alone,
    so it draws no warning. The backslash keeps the letter as it is, as anywhere else."""
    return line.lstrip()[:1] == "\\"


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 30 else text[:29].rstrip() + "\u2026")


def _semicolon_is_text(before: str, after: str) -> bool:
    """Whether a one-line exemplars cell reads this ';' as part of a reply, with no warning."""
    if not before.strip() or not after.strip():
        return False  # a ';' at either end of the cell is dropped as an empty separator
    return not _ends_sentence(before) and not _starts_like_a_reply(after)


def _exemplars_cell(cell: str) -> tuple[list[str], list[str]]:
    """The model replies in an exemplars cell, and warnings about how the cell was read."""
    notes: list[str] = []
    lines = split_cell(cell, "\n")
    if len(lines) > 1:
        read = [(line, text) for line in lines if (text := unescape(line).strip())]
        replies = [text for _line, text in read]
        for (_, previous), (line, text) in itertools.pairwise(read):
            if _starts_lower(text) and not _ends_sentence(previous) and not _marked(line):
                notes.append(
                    f"the line {_snippet(text)} is read as a model reply of its own (in this "
                    "column each line of a cell is one model reply); if it goes on from the "
                    "line before, join the two lines; if it is a reply of its own, start it "
                    "with a backslash"
                )
        return replies, notes
    parts = split_cell(cell, ";")
    replies = []
    current = parts[0]
    for part in parts[1:]:
        if not part.strip():  # "...?;" at the end, or ";;": nothing to read
            continue
        before, after = unescape(current), unescape(part)
        if not before.strip():
            current = part
        elif _ends_sentence(before):
            replies.append(current)
            current = part
            if _starts_lower(after):
                notes.append(
                    f"the ';' before {_snippet(after)} is read as the start of another model "
                    "reply, as it follows the end of a sentence; if it is one reply, write \\; "
                    "for that semicolon"
                )
        else:
            current = f"{current};{part}"
            if _starts_like_a_reply(after):
                notes.append(
                    f"the ';' before {_snippet(after)} is read as part of one model reply, as "
                    "the text before it does not end a sentence; to give two model replies, put "
                    "each on its own line in the cell (Alt+Enter in Excel, Ctrl+Enter in "
                    "LibreOffice)"
                )
    replies.append(current)
    return [text for text in (unescape(reply).strip() for reply in replies) if text], notes


def exemplars_to_cell(exemplars: tuple[str, ...]) -> str:
    """Model replies as one exemplars cell that `_exemplars_cell` reads back the same, quietly.

    Several replies go one per line; a reply that starts in lower case after one that does not
    end a sentence (which reads as a line broken by mistake, and warns) starts with a backslash
    (`_marked`). A single reply stays on one line, with a backslash before any ';' that would
    otherwise split it or draw a warning (rare: the plain prose semicolon needs none). A line
    break inside a reply is kept by a backslash before it.
    """
    exemplars = tuple(unix_line_ends(text) for text in exemplars)
    if len(exemplars) != 1:
        lines = []
        previous = ""  # the reply before, as read back: blank lines are skipped
        for text in exemplars:
            if previous and _starts_lower(text) and not _ends_sentence(previous):
                lines.append("\\" + escape(text.lstrip(), "\n"))  # read back stripped anyway
            else:
                lines.append(escape(text, "\n"))
            previous = text.strip() or previous
        return "\n".join(lines)
    (text,) = exemplars
    pieces = text.split(";")
    out = escape(pieces[0], "\n")
    for number, piece in enumerate(pieces[1:], start=1):
        before = ";".join(pieces[:number])
        out += (";" if _semicolon_is_text(before, piece) else "\\;") + escape(piece, "\n")
    return out


def _value(spec: Field, cell: str) -> Any:
    """A cell as the value the TOML form would hold; `None` leaves the key out."""
    if spec.kind is Kind.TEXT:
        return cell if cell or spec.required else None
    if spec.kind is Kind.WHOLE:
        stripped = cell.strip()
        if not stripped:
            return None
        return int(stripped) if stripped.lstrip("-").isdigit() and len(stripped) < 10 else cell
    if not cell.strip():
        return [] if spec.required else None
    if spec.kind is Kind.KEY_POINTS:
        return _key_points_cell(cell)
    return _list_cell(cell)


# -- reading ---------------------------------------------------------------------------------

#: Cell separators a pack's CSV may use; the header row tells which one.
SEPARATORS = (",", ";", "\t")


def sniff_separator(text: str) -> str:
    """The cell separator of a CSV pack: `,` unless the header row has none but `;` or tab.

    Column names hold only letters and `_`, so the header row has nothing else to split on;
    the most frequent of `;` and tab wins when a header without a comma has both.
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in header:
        return ","
    counts = {separator: header.count(separator) for separator in SEPARATORS[1:]}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def document_from_csv(text: str) -> tuple[dict[str, Any], LineMap, list[Finding]]:
    """The TOML-shaped document a CSV pack stands for, its lines, and problems with its shape.

    A row that cannot be read (more cells than columns, broken quoting) stands in the drills as
    a placeholder table (at most its id) with a finding at its path `("drills", n)`, so every
    later row keeps its own index and line; the validator leaves out the placeholder's problems.
    """
    lines = LineMap()
    # Windows line ends, also inside a cell that holds a line break, read as "\n".
    text = unix_line_ends(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return {}, lines, [Finding((), "has no header row; the first row names the columns")]
    header = [name.strip() for name in header]
    lines.record(("columns",), 1)
    known = set(COLUMNS)
    problems: list[Finding] = []
    run_together: set[str] = set()  # columns inside a cell that mixed separators joined
    for name in header:
        if name not in known:
            close = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(COLUMNS)}"
            if ";" in name or "\t" in name:
                run_together.update(part.strip() for part in name.replace("\t", ";").split(";"))
                hint = "separate every column of the first row with the same character: ','"
                hint += " (or ';', or a tab, throughout)"
            problems.append(Finding(("columns",), f"unknown column {name!r}; {hint}"))
    for required in ("pack_id", "pack_title", "pack_version", "id", "statement", "exemplars"):
        if required not in header and required not in run_together:
            problems.append(Finding(("columns",), f"has no {required!r} column"))
    if len(set(header)) != len(header):
        twice = sorted({name for name in header if header.count(name) > 1})
        problems.append(Finding(("columns",), f"names a column twice: {', '.join(twice)}"))
    if problems:
        return {}, lines, problems

    pack_specs = dict(PACK_COLUMNS)
    drill_specs = {name: (spec, in_context) for name, spec, in_context in DRILL_COLUMNS}
    pack: dict[str, Any] = {}
    pack_from: dict[str, int] = {}
    drills: list[dict[str, Any]] = []
    previous_end = 1
    try:
        for row in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            index = len(drills)
            lines.record(("drills", index), start)
            if len(row) > len(header):
                problems.append(
                    Finding(
                        ("drills", index),
                        f"row has {len(row)} cells but the header names {len(header)} columns; "
                        "put quotes around a cell that holds the separator",
                    )
                )
                # A placeholder keeps the next rows' indexes and lines; its id (most likely
                # still in place: ids come before the text that holds stray separators) lets a
                # later row with the same id be told it is a duplicate.
                drill_id = row[header.index("id")].strip()
                drills.append({"id": drill_id} if drill_id else {})
                continue
            drill: dict[str, Any] = {}
            context: dict[str, Any] = {}
            for name, cell in zip(header, row, strict=False):
                if name == "exemplars" and cell.strip():
                    drill[name], notes = _exemplars_cell(cell)
                    problems.extend(
                        Finding(("drills", index, name), note, warning=True) for note in notes
                    )
                    continue
                if name.startswith(PACK_PREFIX):
                    key = name[len(PACK_PREFIX) :]
                    value = _value(pack_specs[name], cell)
                    if value is None or (not cell.strip() and index > 0):
                        continue
                    if key not in pack:
                        pack[key] = value
                        pack_from[key] = start
                        lines.record(("pack", key), start)
                    elif pack[key] != value:
                        problems.append(
                            Finding(
                                ("drills", index, name),
                                f"{cell!r} differs from the first row's {name}; fill the "
                                "pack columns in the first row only",
                            )
                        )
                    continue
                spec, in_context = drill_specs[name]
                value = _value(spec, cell)
                if value is None:
                    continue
                (context if in_context else drill)[name] = value
            if context:
                drill["context"] = context
            drills.append(drill)
    except csv.Error as error:
        problems.append(Finding(("drills", len(drills)), f"is not valid CSV ({error})"))
        lines.record(("drills", len(drills)), previous_end + 1)
        drills.append({})  # the rows from here on cannot be read
    lines.record(("pack",), min(pack_from.values(), default=2))
    document: dict[str, Any] = {"pack": pack, "drills": drills}
    if not drills and not problems:
        problems.append(Finding((), "has a header row but no drills; add one row per drill"))
    return document, lines, problems


# -- writing ---------------------------------------------------------------------------------


def pack_to_csv(pack: Pack) -> str:
    """A pack as CSV text that `document_from_csv` reads back to the same pack."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    header_cells = [
        pack.id,
        pack.title,
        pack.version,
        pack.author,
        pack.language,
        pack.description,
        "; ".join(escape(item) for item in pack.avoid),
    ]
    assert len(header_cells) == len(PACK_COLUMNS)
    for index, drill in enumerate(pack.drills):
        cells = header_cells if index == 0 else [""] * len(header_cells)
        drill_cells = [
            drill.id,
            drill.statement,
            drill.context.channel,
            drill.context.customer,
            drill.context.situation,
            "; ".join(drill.emotions),
            str(drill.intensity),
            "; ".join(
                "|".join(escape(part, ";|") for part in (point.text, *point.synonyms))
                for point in drill.key_points
            ),
            "; ".join(skill.value for skill in drill.skills),
            str(drill.difficulty),
            exemplars_to_cell(drill.exemplars),
            "; ".join(escape(tag) for tag in drill.tags),
            "; ".join(escape(item) for item in drill.avoid),
            drill.notes,
        ]
        # A pack imported before line ends were normalised may still hold "\r\n".
        writer.writerow([unix_line_ends(cell) for cell in (*cells, *drill_cells)])
    return out.getvalue()
