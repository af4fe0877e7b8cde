"""The corpus of broken packs: each file gets the message and the line a trainer needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from listen_drill.core.packs import PackError, load_pack_file, validate_bytes, validate_file
from listen_drill.core.packs.spec import MAX_DRILLS, MAX_FILE_BYTES

CORPUS = Path(__file__).parents[2] / "data" / "broken_packs"

# file name -> (line of the first error or None, a substring of its message)
EXPECTED: dict[str, tuple[int | None, str]] = {
    "bad-drill-id.toml": (7, "drills[0].id: 'late parcel!' is not allowed here: use ASCII letters"),
    "bad-language.toml": (5, "pack.language: 'English' is not allowed here"),
    "binary.toml": (3, "is not a text file"),
    "context-typo.toml": (11, "unknown key 'chanel' in 'context'; did you mean 'channel'?"),
    "csv-bad-intensity.csv": (3, "drills[1].intensity: must be a whole number from 1 to 3"),
    "csv-no-rows.csv": (None, "has a header row but no drills"),
    "csv-unknown-column.csv": (1, "unknown column 'emotion'; did you mean 'emotions'?"),
    "difficulty-boolean.toml": (11, "drills[0].difficulty: must be a whole number from 1 to 3"),
    "drills-not-tables.toml": (1, "drills: must be [[drills]] tables"),
    "duplicate-ids.toml": (13, "drills[1].id: 'late-parcel' is already the id of drills[0]"),
    "duplicate-key.toml": (11, "is not valid TOML: Cannot overwrite a value"),
    "empty-exemplars.toml": (10, "drills[0].exemplars: is empty; add at least one model reply"),
    "empty-statement.toml": (8, "drills[0].statement: is empty; write what the customer says"),
    "empty.toml": (None, "is empty; a pack needs a [pack] table"),
    "intensity-as-text.toml": (11, "drills[0].intensity: must be a whole number from 1 to 3"),
    "intensity-out-of-range.toml": (11, "not the number 5"),
    "key-point-without-text.toml": (13, "drills[0].key_points[1]: a key point needs 'text'"),
    "latin-1.toml": (8, "is not UTF-8 text"),
    "missing-exemplars.toml": (6, "drills[0]: a drill needs 'exemplars'"),
    "no-drills.toml": (None, "has no drills"),
    "no-pack.toml": (None, "has no [pack] table"),
    "no-skills.toml": (11, "drills[0].skills: is empty"),
    "not-toml.toml": (1, "is not valid TOML"),
    "only-comments.toml": (None, "is empty"),
    "pack-missing-title.toml": (1, "[pack] needs 'title'"),
    "skill-twice.toml": (11, "drills[0].skills[1]: 'emotion' is listed twice"),
    "statement-as-number.toml": (8, "drills[0].statement: must be text in quotes, not the num"),
    "statement-too-long.toml": (8, "is 2,005 characters long; the limit is 2,000"),
    "unknown-drill-key.toml": (11, "unknown key 'emotion' in a drill; did you mean 'emotions'?"),
    "unknown-emotion.toml": (9, "'angryish' is not a known emotion (did you mean 'angry'?"),
    "unknown-pack-key.toml": (5, "pack.titel: unknown key 'titel' in [pack]; did you mean"),
    "unknown-skill.toml": (11, "'empathy' is not a known skill (known: paraphrase, emotion"),
    "version-as-number.toml": (4, "pack.version: must be text in quotes, not the number 2"),
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_pack_gets_its_message_and_line(name: str) -> None:
    line, message = EXPECTED[name]
    path = CORPUS / name
    validation = validate_file(path)
    assert validation.pack is None and not validation.ok
    first = validation.errors[0]
    assert message in str(first)
    assert first.line == line
    rendered = str(first)
    assert rendered.startswith(f"{path}:{line}: " if line else f"{path}: ")
    with pytest.raises(PackError) as refused:
        load_pack_file(path)
    assert message in str(refused.value)


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(
        '[pack]\nid = "many"\ntitle = "Many"\nversion = "1"\n\n'
        '[[drills]]\nid = "a"\nstatement = ""\nexemplars = []\nintensity = 9\n\n'
        '[[drills]]\nid = "a"\nstatement = "Fine."\nexemplars = ["Fine, what next?"]\n'
        'emotions = ["angryish"]\n',
        encoding="utf-8",
    )
    messages = [(problem.line, problem.where) for problem in validate_file(path).errors]
    assert messages == [
        (8, "drills[0].statement"),
        (9, "drills[0].exemplars"),
        (10, "drills[0].intensity"),
        (13, "drills[1].id"),
        (16, "drills[1].emotions[0]"),
    ]


def test_an_oversize_file_is_refused_before_parsing() -> None:
    data = b"# " + b"x" * MAX_FILE_BYTES
    validation = validate_bytes(data, "big.toml")
    assert "is too large (5,242,882 bytes); the limit is 5 MB (5,242,880 bytes)" in str(
        validation.errors[0]
    )


def test_an_oversize_file_reports_its_real_size_not_the_bytes_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * (int(6.4 * 1024 * 1024) - 2))
    [problem] = validate_file(path).errors
    assert problem.message == (
        "is too large (6.4 MB); the limit is 5 MB: split it into smaller packs"
    )


def test_more_drills_than_the_limit_is_refused() -> None:
    drill = '[[drills]]\nid = "d{0}"\nstatement = "s"\nexemplars = ["e"]\n'
    text = '[pack]\nid = "x"\ntitle = "x"\nversion = "1"\n' + "".join(
        drill.format(number) for number in range(MAX_DRILLS + 1)
    )
    validation = validate_bytes(text.encode(), "many.toml", score_exemplars=False)
    assert [problem.message for problem in validation.errors] == [
        "has 10,001 drills; the limit is 10,000: split it into smaller packs"
    ]


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    validation = validate_file(tmp_path / "nowhere.toml")
    assert "cannot be read (No such file or directory)" in str(validation.errors[0])


def test_a_low_rated_model_reply_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "weak.toml"
    path.write_text(
        '[pack]\nid = "weak"\ntitle = "Weak"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "My parcel is late again and I am fed up."\nemotions = ["frustrated"]\n'
        'exemplars = [\n  "So the parcel is late again and you feel fed up. What happened?",\n'
        '  "Calm down.",\n]\n',
        encoding="utf-8",
    )
    validation = validate_file(path)
    assert validation.ok and validation.pack is not None
    [warning] = validation.warnings
    assert warning.where == "drills[0].exemplars[1]" and warning.line == 12
    assert str(warning).startswith(f"{path}:12: warning: drills[0].exemplars[1]: the scorer")
    assert validate_file(path, score_exemplars=False).problems == []


def test_the_complete_example_in_the_guide_is_valid() -> None:
    guide = (Path(__file__).parents[3] / "docs" / "packs.md").read_text(encoding="utf-8")
    example = guide.split("```toml\n", 1)[1].split("```", 1)[0]
    validation = validate_bytes(example.encode(), "docs/packs.md")
    assert validation.ok and validation.pack is not None, validation.problems
    assert len(validation.pack.drills) == 2


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_semicolon_or_tab_separated_csv_loads_like_a_comma_one(
    tmp_path: Path, separator: str
) -> None:
    """A spreadsheet in a European locale saves "CSV" with ';' between cells (and a BOM)."""
    header = ["pack_id", "pack_title", "pack_version", "id", "statement", "emotions", "exemplars"]
    row = [
        "eu",
        "Europe",
        "1",
        "late",
        "My parcel is late again.",
        '"frustrated; worried"',  # quoted, as the spreadsheet quotes a cell holding ';'
        '"So it is late again\\; that is frustrating. What would help?"',
    ]
    path = tmp_path / "europe.csv"
    text = "\ufeff" + separator.join(header) + "\r\n" + separator.join(row) + "\r\n"
    path.write_bytes(text.encode("utf-8"))

    pack = load_pack_file(path)

    assert (pack.id, pack.title, pack.version) == ("eu", "Europe", "1")
    (drill,) = pack.drills
    assert drill.statement == "My parcel is late again."
    assert drill.emotions == ("frustrated", "worried")
    assert drill.exemplars == ("So it is late again; that is frustrating. What would help?",)


def test_a_header_with_mixed_separators_gets_one_clear_problem(tmp_path: Path) -> None:
    """Only a header holding ',' and ';' both is still refused; one line says why."""
    path = tmp_path / "mixed.csv"
    path.write_text(
        "pack_id;pack_title,pack_version,id,statement,exemplars\nx;X,1,a,Hi.,Hello.\n",
        encoding="utf-8",
    )
    problems = [str(problem) for problem in validate_file(path, score_exemplars=False).errors]
    assert problems == [
        f"{path}:1: columns: unknown column 'pack_id;pack_title'; separate every column of the "
        "first row with the same character: ',' (or ';', or a tab, throughout)"
    ], "one line that says what to do, not 'has no pack_id column' as well"


def test_a_csv_row_problem_does_not_hide_the_other_rows_problems(tmp_path: Path) -> None:
    """A pack column that differs on one row used to be the only problem reported."""
    path = tmp_path / "rows.csv"
    reply = '"So nobody answers, that is worrying. What have you tried?"'
    path.write_text(
        "pack_id,pack_title,pack_version,id,statement,emotions,intensity,exemplars\n"
        f"rows,Rows,1,d1,My bill doubled,frustrated,2,{reply}\n"
        f",,,d2,,worried,2,{reply}\n"
        f",,,d3,Nobody answers the phone,sadd,5,{reply}\n"
        f",other,,d4,Nobody answers the phone,sad,2,{reply}\n",
        encoding="utf-8",
    )
    validation = validate_file(path, score_exemplars=False)
    assert validation.pack is None
    assert [(problem.line, problem.where) for problem in validation.errors] == [
        (3, "drills[1].statement"),
        (4, "drills[2].emotions[0]"),
        (4, "drills[2].intensity"),
        (5, "drills[3].pack_title"),
    ]
    assert all(str(problem).startswith(f"{path}:") for problem in validation.errors)


def test_a_row_with_too_many_cells_keeps_the_next_rows_problems_and_lines(
    tmp_path: Path,
) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        "pack_id,pack_title,pack_version,id,statement,exemplars\n"
        'p,P,1,a,"Late again","So late again, frustrating. What helps?",extra\n'
        "p,P,1,a,,\n",
        encoding="utf-8",
    )
    validation = validate_file(path, score_exemplars=False)
    assert validation.pack is None
    found = [(problem.line, problem.where, problem.message) for problem in validation.errors]
    assert found[0][:2] == (2, "drills[0]") and "row has 7 cells" in found[0][2]
    assert sorted(found[1:]) == [
        (3, "drills[1].exemplars", "is empty; add at least one model reply"),
        (3, "drills[1].id", "'a' is already the id of drills[0]; every drill needs its own id"),
        (3, "drills[1].statement", "is empty; write what the customer says"),
    ]


def test_an_empty_csv_gets_csv_wording(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n  \n", encoding="utf-8")
    [problem] = validate_file(path).errors
    assert "[pack]" not in problem.message and "[[drills]]" not in problem.message
    assert "first row naming the columns and one row per drill" in problem.message
    assert "`listen-drill pack new NAME --csv`" in problem.message


def test_a_csv_holding_a_control_character_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bell.csv"
    path.write_text(
        "pack_id,pack_title,pack_version,id,statement,exemplars\n"
        "r,R,1,a,My parcel\a is late.,So your parcel is late. What would help?\n",
        encoding="utf-8",
    )
    [problem] = validate_file(path, score_exemplars=False).errors
    assert str(problem) == (
        f"{path}:2: holds the control character U+0007 at column 18; delete it: "
        "tab, new line and carriage return are the only control characters a pack may hold"
    )


def test_a_toml_escape_for_a_control_character_is_refused_in_any_text(tmp_path: Path) -> None:
    path = tmp_path / "bell.toml"
    path.write_text(
        '[pack]\nid = "r"\ntitle = "R"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "My parcel\\u0007 is late."\n'
        'exemplars = ["So your parcel is late.\\u001b What would help?"]\n'
        'key_points = [{ text = "late", synonyms = ["\\u000cdelayed"] }]\n',
        encoding="utf-8",
    )
    errors = validate_file(path, score_exemplars=False).errors
    assert [(problem.line, problem.where, problem.message) for problem in errors] == [
        (
            8,
            "drills[0].statement",
            "holds the control character U+0007 (character 10); delete it: "
            "tab, new line and carriage return are the only control characters a pack may hold",
        ),
        (
            9,
            "drills[0].exemplars[0]",
            "holds the control character U+001B (character 24); delete it: "
            "tab, new line and carriage return are the only control characters a pack may hold",
        ),
        (
            10,
            "drills[0].key_points[0].synonyms[0]",
            "holds the control character U+000C (character 1); delete it: "
            "tab, new line and carriage return are the only control characters a pack may hold",
        ),
    ]


def test_tabs_and_line_breaks_in_text_are_still_accepted(tmp_path: Path) -> None:
    path = tmp_path / "tabs.toml"
    path.write_bytes(
        b'[pack]\r\nid = "r"\r\ntitle = "R"\r\nversion = "1"\r\n\r\n[[drills]]\r\nid = "a"\r\n'
        b'statement = "My parcel\tis late.\\r\\nAgain."\r\nexemplars = ["Late again?"]\r\n'
    )
    assert validate_file(path, score_exemplars=False).ok
