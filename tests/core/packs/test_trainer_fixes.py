"""What a trainer meets writing packs: model replies with semicolons, wrong file kinds, hints.

Each test writes a real file in `tmp_path` and reads it the way `pack validate` and the import
do; the import tests use a real SQLite store.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from listen_drill.core.models import Skill
from listen_drill.core.packs import load_pack_file, validate_file
from listen_drill.core.packs.csv_format import pack_to_csv
from listen_drill.core.packs.importer import import_pack_file
from listen_drill.core.packs.template import pack_id_from_name, template_text
from listen_drill.core.packs.toml_format import pack_to_toml
from listen_drill.core.scoring import default_scorer
from listen_drill.core.session import DrillSession
from listen_drill.core.store import Store

DOCS = Path(__file__).parents[3] / "docs" / "packs.md"
HEADER = "pack_id,pack_title,pack_version,id,statement,emotions,exemplars\n"
BILL = "My bill has doubled and nobody told me why."
SEMICOLON_REPLY = (
    "So your bill has doubled without warning, which is confusing; I can see why you'd want "
    "answers. What did you expect it to be?"
)


def write_csv(folder: Path, rows: str, name: str = "bills.csv") -> Path:
    path = folder / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


# -- 1. a semicolon inside a model reply -------------------------------------------------------


def test_a_semicolon_inside_a_model_reply_keeps_the_reply_whole(tmp_path: Path) -> None:
    """The reviewer's cell became two half-replies; it is one reply, with no warning."""
    path = write_csv(tmp_path, f"bills,Bills,1,doubled,{BILL},confused,{quoted(SEMICOLON_REPLY)}\n")

    validation = validate_file(path, score_exemplars=False)

    assert validation.problems == []
    assert validation.pack is not None
    assert validation.pack.drills[0].exemplars == (SEMICOLON_REPLY,)


def test_model_replies_go_one_per_line_of_the_cell(tmp_path: Path) -> None:
    second = "So the bill doubled with no warning; that's a shock. What would help most now?"
    cell = quoted(f"{SEMICOLON_REPLY}\r\n{second}\r\n")
    path = write_csv(tmp_path, f"bills,Bills,1,doubled,{BILL},confused,{cell}\r\n")

    validation = validate_file(path, score_exemplars=False)

    assert validation.problems == []
    assert validation.pack is not None
    assert validation.pack.drills[0].exemplars == (SEMICOLON_REPLY, second)


def test_older_packs_that_separate_whole_replies_with_semicolons_still_work(
    tmp_path: Path,
) -> None:
    cell = quoted("So it doubled. What happened?; So nobody told you. What would help?")
    path = write_csv(tmp_path, f"bills,Bills,1,doubled,{BILL},confused,{cell}\n")

    pack = load_pack_file(path)

    assert pack.drills[0].exemplars == (
        "So it doubled. What happened?",
        "So nobody told you. What would help?",
    )


def test_a_semicolon_that_may_separate_two_replies_gets_a_warning_naming_row_and_column(
    tmp_path: Path,
) -> None:
    cell = quoted("So the bill doubled, that is a shock; What would help?")
    path = write_csv(
        tmp_path,
        f"bills,Bills,1,first,{BILL},confused,{quoted(SEMICOLON_REPLY)}\n"
        f",,,second,{BILL},confused,{cell}\n",
    )

    validation = validate_file(path, score_exemplars=False)

    assert validation.ok and validation.pack is not None
    assert validation.pack.drills[1].exemplars == (
        "So the bill doubled, that is a shock; What would help?",
    )
    [warning] = validation.warnings
    assert (warning.line, warning.where) == (3, "drills[1].exemplars")
    assert str(warning).startswith(f"{path}:3: warning: drills[1].exemplars: the ';' before")
    assert "put each on its own line in the cell" in warning.message
    # The warning is about the file, not the scorer: --no-score keeps it (as above).


def test_an_exported_pack_with_semicolons_in_replies_reads_back_without_warnings(
    tmp_path: Path,
) -> None:
    source = write_csv(
        tmp_path,
        f"bills,Bills,1,one,{BILL},confused,{quoted(SEMICOLON_REPLY)}\n"
        f",,,two,{BILL},confused,"
        + quoted(f"{SEMICOLON_REPLY}\nWhat happened?; So nobody said. What now?")
        + "\n"
        f",,,three,{BILL},confused," + quoted("That is hard.\\; What now?") + "\n",
    )
    pack = load_pack_file(source)
    assert pack.drills[1].exemplars == (
        SEMICOLON_REPLY,
        "What happened?; So nobody said. What now?",
    )
    assert pack.drills[2].exemplars == ("That is hard.; What now?",)

    exported = tmp_path / "exported.csv"
    exported.write_text(pack_to_csv(pack), encoding="utf-8-sig", newline="")
    validation = validate_file(exported, score_exemplars=False)

    assert validation.problems == []
    assert validation.pack == pack


# -- 2. the template ---------------------------------------------------------------------------


def test_the_template_model_replies_end_with_an_open_question_and_score_well(
    tmp_path: Path,
) -> None:
    path = tmp_path / "refunds.toml"
    path.write_text(template_text("Refunds", path.name), encoding="utf-8")
    pack = load_pack_file(path)
    scorer = default_scorer()
    for drill in pack.drills:
        for reply in drill.exemplars:
            feedback = scorer.score_drill(drill, reply, pack.avoid)
            assert feedback.skill(Skill.QUESTION).label == "open", reply
            assert feedback.overall >= 80 and not feedback.roadblocks, (reply, feedback.overall)


def test_the_template_avoid_example_is_not_already_a_built_in_roadblock(tmp_path: Path) -> None:
    """Its commented `avoid` line shows a phrase the pack adds; a built-in one shows nothing."""
    text = template_text("Refunds", "refunds.toml")
    [line] = [line for line in text.splitlines() if line.startswith("# avoid = [")]
    path = tmp_path / "refunds.toml"
    path.write_text(text.replace(line, line[2:]), encoding="utf-8")  # uncomment it
    pack = load_pack_file(path)
    [phrase] = pack.avoid
    drill = pack.drills[0]
    reply = f"So your parcel is late, {phrase}, and that is frustrating. What would help most?"
    scorer = default_scorer()
    assert scorer.score_drill(drill, reply, ()).roadblocks == ()
    assert scorer.score_drill(drill, reply, pack.avoid).roadblocks == ("avoid",)


def test_the_complete_example_in_the_guide_is_what_pack_new_writes() -> None:
    example = DOCS.read_text(encoding="utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
    assert example == template_text("Refunds", "refunds.toml")


# -- 4. files of another kind -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("p.json", b'{"pack": {"id": "p"}}', "is a JSON file; a pack is a .toml or .csv file"),
        ("p.xlsx", b"PK\x03\x04 zipped", "is a spreadsheet file (.xlsx); a pack is a .toml or"),
        ("p.xls", b"\xd0\xcf\x11\xe0", "is a spreadsheet file (.xls)"),
        (
            "p.txt",
            HEADER.encode(),
            "looks like a CSV pack; a pack is a .toml or .csv file: rename it p.csv",
        ),
        (
            "p.txt",
            b'[pack]\nid = "p"\n',
            "looks like a TOML pack; a pack is a .toml or .csv file: rename it p.toml",
        ),
        ("notes", b"hello", "a pack is TOML text (.toml) or a spreadsheet saved as CSV UTF-8"),
        ("p.csv", b"PK\x03\x04 zipped", "is a spreadsheet or other zipped file (such as .xlsx)"),
        ("p.csv", b"\xff\xfep\x00a\x00", 'is saved as UTF-16 (what Excel calls "Unicode Text")'),
    ],
)
def test_a_file_of_another_kind_is_told_what_to_do(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [problem] = validate_file(path).problems
    assert expected in problem.message
    assert "not valid TOML" not in problem.message
    if name.endswith((".json", ".xlsx", ".xls")) or content.startswith((b"PK", b"\xff\xfe")):
        assert "CSV UTF-8" in problem.message


def test_a_csv_not_saved_as_utf8_names_excels_csv_utf8_option(tmp_path: Path) -> None:
    path = tmp_path / "bills.csv"
    path.write_bytes(
        (HEADER + f"bills,Bills,1,a,Café,confused,{quoted(SEMICOLON_REPLY)}\n").encode("cp1252")
    )
    [problem] = validate_file(path).problems
    assert problem.line == 2
    assert "is not UTF-8 text (byte 0xe9 cannot be read)" in problem.message
    assert 'File > Save As > "CSV UTF-8 (Comma delimited)"' in problem.message


# -- 5. fix hints ---------------------------------------------------------------------------------


def test_commas_between_emotions_in_a_csv_cell_say_to_use_semicolons(tmp_path: Path) -> None:
    cell = quoted("frustrated, worried")
    path = write_csv(tmp_path, f"bills,Bills,1,a,{BILL},{cell},{quoted(SEMICOLON_REPLY)}\n")
    [problem] = validate_file(path, score_exemplars=False).errors
    assert (problem.line, problem.where) == (2, "drills[0].emotions[0]")
    assert problem.message == (
        "'frustrated, worried' is not a known emotion but 2 emotions: separate them with ';', "
        "not ',': frustrated; worried"
    )
    assert "did you mean 'frustrated'" not in problem.message


def test_commas_inside_one_toml_item_say_to_quote_each(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[pack]\nid = "p"\ntitle = "P"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        f'statement = "{BILL}"\nemotions = ["frustrated, worried"]\nexemplars = ["What now?"]\n',
        encoding="utf-8",
    )
    [problem] = validate_file(path, score_exemplars=False).errors
    assert problem.line == 9
    assert problem.message.endswith('put each in its own quotes: ["frustrated", "worried"]')


def test_curly_quotes_in_toml_say_to_use_straight_quotes(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[pack]\nid = "p"\ntitle = \u201cRefunds\u201d\nversion = "1"\n', "utf-8")
    [problem] = validate_file(path).errors
    assert problem.line == 3
    assert (
        'is not valid TOML: Invalid value at column 9; use straight quotes (")' in problem.message
    )


def test_a_quote_inside_toml_text_says_to_escape_it(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[pack]\nid = "p"\ntitle = "P"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "He said "no" to a refund."\nexemplars = ["What happened?"]\n',
        encoding="utf-8",
    )
    [problem] = validate_file(path).errors
    assert problem.line == 8
    assert (
        '; a " inside text ends the text early: write \\" for a quote inside text'
        in problem.message
    )


def test_a_misspelt_drills_table_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[pack]\nid = "p"\ntitle = "P"\nversion = "1"\n\n[[drill]]\nid = "a"\n'
        'statement = "Late."\nexemplars = ["What happened?"]\n',
        encoding="utf-8",
    )
    problems = {problem.where: problem for problem in validate_file(path).errors}
    typo = problems["drill"]
    assert typo.line == 6
    assert (
        str(typo)
        == f"{path}:6: drill: unknown key 'drill' at the top level; did you mean 'drills'?"
    )


# -- 7. pack ids from names in other languages ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pack_id"),
    [
        ("Rückerstattung", "ruckerstattung"),
        ("Café & Co", "cafe-co"),
        ("Straße", "strasse"),
        ("Refunds, level 2", "refunds-level-2"),
        ("Возвраты", "my-pack"),
    ],
)
def test_pack_ids_from_names_keep_their_letters_without_accents(name: str, pack_id: str) -> None:
    assert pack_id_from_name(name) == pack_id


def test_an_id_with_an_accent_is_told_ascii_letters_and_given_one(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[pack]\nid = "café"\ntitle = "Café"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "Late."\nexemplars = ["What happened?"]\n',
        encoding="utf-8",
    )
    [problem] = validate_file(path, score_exemplars=False).errors
    assert problem.message.startswith("'café' is not allowed here: use ASCII letters a-z and A-Z")
    assert problem.message.endswith(", e.g. 'cafe'")


# -- 8. what a re-import reports ------------------------------------------------------------------

DRILL = (
    '\n[[drills]]\nid = "{id}"\nstatement = "{statement}"\nemotions = ["frustrated"]\n'
    'exemplars = ["So it happened again, and that is frustrating. What would help most?"]\n'
)


def write_pack(folder: Path, version: str, drills: dict[str, str]) -> Path:
    path = folder / f"refunds-{version}.toml"
    path.write_text(
        f'[pack]\nid = "refunds"\ntitle = "Refunds"\nversion = "{version}"\n'
        + "".join(DRILL.format(id=key, statement=value) for key, value in drills.items()),
        encoding="utf-8",
    )
    return path


def test_reimporting_an_unchanged_file_says_unchanged_not_updated(
    store: Store, tmp_path: Path
) -> None:
    path = write_pack(tmp_path, "1", {"late": "It is late.", "lost": "It is lost."})
    import_pack_file(store, path, score_exemplars=False)

    report = import_pack_file(store, path, score_exemplars=False)

    assert (report.added, report.updated, report.unchanged, report.restored) == (0, 0, 2, 0)
    assert report.summary() == (
        "Re-imported 'Refunds' (refunds, version 1): 2 drills: 2 unchanged."
    )


def test_a_drill_that_comes_back_with_its_history_is_not_counted_new(
    store: Store, tmp_path: Path
) -> None:
    import_pack_file(
        store, write_pack(tmp_path, "1", {"late": "Late.", "lost": "Lost."}), score_exemplars=False
    )
    session = DrillSession(store, store.load_pack("refunds"), store.current_profile().id)
    session.go_to("lost")
    session.submit("So it is lost. What would help?")
    import_pack_file(store, write_pack(tmp_path, "2", {"late": "Late."}), score_exemplars=False)

    report = import_pack_file(
        store,
        write_pack(tmp_path, "3", {"late": "Late.", "lost": "Lost.", "new": "New."}),
        score_exemplars=False,
    )

    assert (report.added, report.updated, report.unchanged, report.restored) == (1, 0, 1, 1)
    assert report.summary().endswith("3 drills: 1 new, 1 unchanged, 1 back with its history.")

    # Removing the whole pack and importing it again brings the drill back the same way.
    store.remove_pack("refunds")
    report = import_pack_file(
        store, write_pack(tmp_path, "4", {"lost": "Lost."}), score_exemplars=False
    )
    assert (report.previous_version, report.added, report.restored) == (None, 0, 1)


# -- 9. Windows line ends ------------------------------------------------------------------------


def test_windows_line_ends_in_cells_and_toml_text_are_read_as_new_lines(tmp_path: Path) -> None:
    path = tmp_path / "bills.csv"
    path.write_bytes(
        (
            "pack_id,pack_title,pack_version,id,statement,situation,exemplars\r\n"
            f'bills,Bills,1,a,"{BILL}\r\nAgain.","Day one.\r\nDay two.",'
            f"{quoted(SEMICOLON_REPLY)}\r\n"
        ).encode()
    )
    pack = load_pack_file(path)
    drill = pack.drills[0]
    assert drill.statement == f"{BILL}\nAgain."
    assert drill.context.situation == "Day one.\nDay two."
    # Rows end in "\r\n" as CSV has it; no cell carries a carriage return into the export.
    cells = [cell for row in csv.reader(io.StringIO(pack_to_csv(pack), newline="")) for cell in row]
    assert "Day one.\nDay two." in cells and not any("\r" in cell for cell in cells)
    assert "\\r" not in pack_to_toml(pack)

    toml = tmp_path / "bills.toml"
    toml.write_bytes(
        b'[pack]\r\nid = "b"\r\ntitle = "B"\r\nversion = "1"\r\n\r\n[[drills]]\r\nid = "a"\r\n'
        b'statement = """Late.\r\nAgain."""\r\nnotes = "one\\r\\ntwo\\rthree"\r\n'
        b'exemplars = ["What happened?"]\r\n'
    )
    drill = load_pack_file(toml).drills[0]
    assert (drill.statement, drill.notes) == ("Late.\nAgain.", "one\ntwo\nthree")


def test_a_large_spreadsheet_is_told_to_be_saved_as_csv_not_that_it_is_too_large(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "refunds.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\0" * (6 * 1024 * 1024))
    problems = [p.message for p in validate_file(sheet).problems]
    assert len(problems) == 1
    assert "CSV UTF-8" in problems[0] and "too large" not in problems[0]
