"""The `listen-drill` command itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from listen_drill import __version__
from listen_drill.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"listen-drill {__version__}"


def test_help_names_the_data_folder_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out and "LISTEN_DRILL_HOME" in out


def test_no_display_gives_a_clear_message_not_a_crash(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "LISTEN_DRILL_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "listen_drill"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no display" in result.stderr


@pytest.mark.parametrize(
    ("statement", "response", "named"),
    [
        ("My parcel is late", "", "--response"),
        ("My parcel is late", "  \n\t ", "--response"),
        ("", "So it is late again; what would help?", "--statement"),
        ("   ", "So it is late again; what would help?", "--statement"),
    ],
)
def test_score_refuses_a_blank_statement_or_reply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], statement: str, response: str, named: str
) -> None:
    """As the window does: an empty reply scored 10/100 for "respectful wording"."""
    code = main(["--data-dir", str(tmp_path), "score", "-s", statement, "-r", response])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert f"{named} is empty" in captured.err


def test_score_jsonl_gives_an_error_line_for_a_blank_text_and_scores_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"id": "ok", "statement": "My parcel is late again!", "response": "So it is late again?"},
        {"id": "no-reply", "statement": "My parcel is late", "response": " "},
        {"id": "no-statement", "statement": "", "response": "What would help?"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    output = tmp_path / "out.jsonl"

    code = main(["--data-dir", str(tmp_path), "score", "--jsonl", str(source), "-o", str(output)])

    results = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert code == 1
    assert results[0]["id"] == "ok" and "overall" in results[0]
    assert results[1:] == [
        {"line": 2, "error": "line 2: 'response' is empty; there is nothing to score"},
        {"line": 3, "error": "line 3: 'statement' is empty; there is nothing to score"},
    ]
    assert "2 lines could not be scored" in capsys.readouterr().err


def test_score_jsonl_says_a_missing_text_is_missing_not_the_wrong_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "statement": "My parcel is late"}\n'
        '{"id": "b", "statement": "My parcel is late", "response": 7}\n',
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"

    code = main(["--data-dir", str(tmp_path), "score", "--jsonl", str(source), "-o", str(output)])

    results = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert code == 1
    assert results == [
        {"line": 1, "error": "line 1: 'response' is missing; every line needs one"},
        {"line": 2, "error": "line 2: 'response' must be a string"},
    ]
    assert "2 lines could not be scored" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "wanted"),
    [
        (["pack", "new", "--help"], "lowercase"),
        (["pack", "list", "--help"], "List the packs in your library"),
        (["export", "--help"], "YYYY-MM-DD"),
    ],
)
def test_help_says_what_a_command_does_and_how_to_write_its_values(
    capsys: pytest.CaptureFixture[str], command: list[str], wanted: str
) -> None:
    with pytest.raises(SystemExit):
        main(command)
    assert wanted in " ".join(capsys.readouterr().out.split())


def test_data_dir_may_follow_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pack list --data-dir X` was "unrecognized arguments"; it now means what it says."""
    before, after = tmp_path / "before", tmp_path / "after"
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nid = "mine"\ntitle = "Mine"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "My parcel is late."\nemotions = ["frustrated"]\n'
        'exemplars = ["So your parcel is late, how frustrating. What would help?"]\n',
        encoding="utf-8",
    )

    assert main(["pack", "import", "--no-score", str(pack), "--data-dir", str(after)]) == 0
    assert "Imported 'Mine'" in capsys.readouterr().out
    assert main(["pack", "list", "--data-dir", str(after)]) == 0
    listed = capsys.readouterr().out
    assert any(line.startswith("mine ") for line in listed.splitlines())
    # Before the command still works, and the option after it wins when both are given.
    assert main(["--data-dir", str(before), "pack", "list", "--data-dir", str(after)]) == 0
    assert capsys.readouterr().out == listed
    assert main(["--data-dir", str(before), "pack", "list"]) == 0
    assert "mine " not in capsys.readouterr().out
    assert (after / "listen-drill.db").exists() and (before / "listen-drill.db").exists()


def test_pack_validate_says_what_to_do_with_a_json_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"pack": {"id": "p"}}', encoding="utf-8")

    code = main(["pack", "validate", str(path)])

    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith(f"{path}: is a JSON file; a pack is a .toml or .csv file")
    assert "CSV UTF-8" in out and "not valid TOML" not in out


def test_pack_export_csv_has_a_byte_order_mark_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the mark Excel shows "café" as "cafÃ©"."""
    data = str(tmp_path / "data")
    pack = tmp_path / "cafe.toml"
    pack.write_text(
        '[pack]\nid = "cafe"\ntitle = "Café"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "My café order is late."\nemotions = ["frustrated"]\n'
        'exemplars = ["So your café order is late, how frustrating. What would help?"]\n',
        encoding="utf-8",
    )
    assert main(["--data-dir", data, "pack", "import", "--no-score", str(pack)]) == 0
    exported = tmp_path / "cafe.csv"

    assert main(["--data-dir", data, "pack", "export", "cafe", str(exported)]) == 0

    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfpack_id,") and "Café".encode() in raw
    capsys.readouterr()
    assert main(["--data-dir", data, "pack", "import", "--no-score", str(exported)]) == 0
    assert "1 drill: 1 unchanged." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "file_name"),
    [("Rückerstattung", "ruckerstattung.toml"), ("Café & Co", "cafe-co.toml")],
)
def test_pack_new_names_the_file_in_ascii_letters(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    file_name: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["pack", "new", name]) == 0
    written = tmp_path / file_name
    assert f'title = "{name}"' in written.read_text(encoding="utf-8")
    assert main(["pack", "validate", "--no-score", file_name]) == 0
    assert f"{file_name}: valid (2 drills)" in capsys.readouterr().err
