"""`listen-drill export` and `listen-drill team` from the command line, on real data folders.

Two agents train in their own folders, export progress files, and a team lead merges them and
writes the team's CSV and PDF reports: the path a team lead takes without the window. The PDF
tests take pytest-qt's `qapp` so the CLI reuses it instead of making a bare QGuiApplication.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from listen_drill.cli import main
from listen_drill.core.bundled import read_resource_text
from listen_drill.core.store import Store
from tests.core.store_helpers import sample_attempt


def agent_folder(root: Path, name: str, attempts: int) -> Path:
    """A data folder holding one named profile with `attempts` attempts."""
    folder = root / name
    with Store.open(folder) as store:
        profile = store.create_profile(name)
        for index in range(attempts):
            store.record_attempt(sample_attempt(profile.id, index))
    return folder


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:  # the BOM is for spreadsheets
        return list(csv.DictReader(handle))


def test_export_csv_writes_attempts_and_a_weekly_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = agent_folder(tmp_path, "Ana", 12)
    output = tmp_path / "out" / "ana.csv"
    output.parent.mkdir()

    assert run(folder, "export", "--format", "csv", "-o", str(output), "--profile", "Ana") == 0

    assert "Wrote 12 attempts" in capsys.readouterr().out
    assert len(csv_rows(output)) == 12
    summary = csv_rows(output.with_name("ana-summary.csv"))
    assert summary, "the weekly summary has at least one row"


def test_export_json_is_a_valid_progress_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = agent_folder(tmp_path, "Ana", 5)
    output = tmp_path / "ana.json"

    assert run(folder, "export", "--format", "json", "-o", str(output), "--profile", "Ana") == 0

    assert "5 attempts" in capsys.readouterr().out
    data = json.loads(output.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(read_resource_text("schemas", "progress.schema.json")))


def test_export_pdf_draws_a_printable_report(tmp_path: Path, qapp: object) -> None:
    folder = agent_folder(tmp_path, "Ana", 5)
    output = tmp_path / "ana.pdf"

    assert run(folder, "export", "--format", "pdf", "-o", str(output)) == 0

    assert output.read_bytes().startswith(b"%PDF")


def test_export_errors_name_the_problem_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = agent_folder(tmp_path, "Ana", 3)

    assert run(folder, "export", "--format", "csv", "-o", str(tmp_path)) == 1
    assert "is a folder" in capsys.readouterr().err

    missing = tmp_path / "nobody.csv"
    assert run(folder, "export", "--format", "csv", "-o", str(missing), "--profile", "Zed") == 1
    assert "Zed" in capsys.readouterr().err
    assert not missing.exists()

    with pytest.raises(SystemExit):
        run(folder, "export", "--format", "csv", "-o", str(missing), "--since", "last week")
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_export_from_a_folder_without_history_says_so_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exporting only reads: a mistyped --data-dir is named, not filled with an empty store."""
    typo = tmp_path / "Anna"
    output = tmp_path / "anna.json"

    assert run(typo, "export", "--format", "json", "-o", str(output)) == 1

    error = capsys.readouterr().err
    assert str(typo) in error and "no data file" in error and "--data-dir" in error
    assert not typo.exists() and not output.exists()


def test_export_from_a_relative_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    agent_folder(tmp_path, "Ana", 2)
    monkeypatch.chdir(tmp_path)

    assert run(Path("Ana"), "export", "--format", "json", "-o", "ana.json") == 0

    assert "2 attempts" in capsys.readouterr().out
    assert (tmp_path / "ana.json").is_file()


def test_export_refuses_an_unknown_pack_and_lists_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = agent_folder(tmp_path, "Ana", 3)  # attempts on pack "p", no longer in the library
    output = tmp_path / "report.json"

    assert run(folder, "export", "--format", "json", "-o", str(output), "--pack", "basics") == 1
    error = capsys.readouterr().err
    assert error.startswith("listen-drill: No pack with id 'basics'. Packs: ")
    assert "banking-utilities, " in error and "fundamentals, " in error and ", p, " in error
    assert not output.exists()

    assert run(folder, "export", "--format", "json", "-o", str(output), "--pack", "p") == 0
    assert "1 profile, 3 attempts" in capsys.readouterr().out
    csv_output = str(tmp_path / "f.csv")
    assert run(folder, "export", "--format", "csv", "-o", csv_output, "--pack", "fundamentals") == 0
    assert "Wrote 0 attempts" in capsys.readouterr().out


def test_team_merge_twice_then_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    files = []
    for name, attempts in (("Ana", 8), ("Ben", 5)):
        folder = agent_folder(tmp_path, name, attempts)
        progress = tmp_path / f"{name}.json"
        assert run(folder, "export", "--format", "json", "-o", str(progress)) == 0
        files.append(str(progress))
    team_db = tmp_path / "team.db"
    lead = tmp_path / "lead"

    assert run(lead, "team", "merge", *files, "-o", str(team_db)) == 0
    assert "13 added" in capsys.readouterr().out
    assert run(lead, "team", "merge", *files, "-o", str(team_db)) == 0
    out = capsys.readouterr().out
    assert "already merged" in out and "(0 added)" in out

    report = tmp_path / "team.csv"
    assert run(lead, "team", "report", str(team_db), "--format", "csv", "-o", str(report)) == 0
    compared = csv_rows(report)
    assert {"Ana", "Ben"} <= {row["profile"] for row in compared}
    summary = csv_rows(report.with_name("team-summary.csv"))
    # one vocabulary: the comparison's person and skill columns are the summary's
    assert {row["profile_uuid"] for row in compared} == {row["profile_uuid"] for row in summary}
    assert {row["skill"] for row in summary} <= set(compared[0])

    pdf = tmp_path / "team.pdf"
    assert run(lead, "team", "report", str(team_db), "--format", "pdf", "-o", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_team_merge_reports_a_bad_file_and_keeps_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = agent_folder(tmp_path, "Ana", 4)
    good = tmp_path / "ana.json"
    assert run(folder, "export", "--format", "json", "-o", str(good)) == 0
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "listen-drill-progress", "version": 1, "profiles": [', "utf-8")
    team_db = tmp_path / "team.db"
    capsys.readouterr()

    assert run(tmp_path / "lead", "team", "merge", str(bad), str(good), "-o", str(team_db)) == 1

    captured = capsys.readouterr()
    assert "broken.json" in captured.err
    assert "4 added" in captured.out


def test_team_report_on_a_missing_team_file_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.db"
    output = tmp_path / "team.csv"

    assert run(tmp_path, "team", "report", str(missing), "--format", "csv", "-o", str(output)) == 1

    assert "team merge" in capsys.readouterr().err
    assert not output.exists()


def test_a_pdf_export_from_the_shell_loads_no_window_and_no_multimedia(tmp_path: Path) -> None:
    """The CLI must not drag in the window's modules: speech loads Qt Multimedia, which warns
    about missing audio libraries on a headless machine. Checked by what the process imported,
    so other harmless noise on a fresh machine (fonts, runtime folders) cannot fail it."""
    folder = agent_folder(tmp_path, "Ana", 3)
    output = tmp_path / "ana.pdf"
    script = (
        "import sys\n"
        "from listen_drill.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "heavy = ('PySide6.QtMultimedia', 'PySide6.QtTextToSpeech',\n"
        "         'listen_drill.ui.main_window')\n"
        "print(sorted(name for name in sys.modules if name.startswith(heavy)))\n"
        "sys.exit(code)\n"
    )
    args = ["--data-dir", str(folder), "export", "--format", "pdf", "-o", str(output)]

    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]"), done.stdout
    assert "multimedia" not in done.stderr.lower()
    assert output.read_bytes().startswith(b"%PDF")
