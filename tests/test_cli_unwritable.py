"""The CLI on a read-only data folder: one clear line naming the folder, never a traceback;
exports, which only read, work there."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from listen_drill.cli import main
from listen_drill.core.paths import database_path
from listen_drill.core.store import Store
from tests.core.store_helpers import sample_attempt
from tests.unwritable import as_unprivileged_user, make_folder_read_only, reachable_folder

V1_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "schema_v1.db"

PACK = """\
id = "ro-pack"
title = "Read-only pack"
version = "1"

[[drills]]
id = "late"
statement = "My parcel is late again."
"""


def test_every_command_names_the_read_only_folder(capsys: pytest.CaptureFixture[str]) -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            store.current_profile()
        pack = root / "pack.toml"
        pack.write_text(PACK)
        out_dir = root / "out"
        out_dir.mkdir()
        make_folder_read_only(data_dir)
        base = ["--data-dir", str(data_dir)]
        with as_unprivileged_user():
            for command in (
                ["pack", "list"],
                ["pack", "import", str(pack)],
                ["backup"],
                ["restore"],
            ):
                assert main([*base, *command]) == 1, command
                err = capsys.readouterr().err
                assert str(data_dir) in err, (command, err)
                assert "read-only or not writable" in err, (command, err)
                assert "damaged" not in err and "Traceback" not in err
            assert main([*base, "check"]) == 0
            captured = capsys.readouterr()
            assert captured.out.strip() == f"{database_path(data_dir)}: ok"
            assert "read-only" in captured.err and "--data-dir" in captured.err


def test_export_works_from_a_read_only_data_folder(
    capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    """A team lead's copy of a folder, a locked-down machine: exporting only reads, so every
    format is written to the (writable) output folder and the data folder is left as it was."""
    with reachable_folder() as root:
        data_dir = root / "data"
        with Store.open(data_dir) as store:
            profile = store.create_profile("Maya")
            for index in range(4):
                store.record_attempt(sample_attempt(profile.id, index))
        out_dir = root / "out"
        out_dir.mkdir()
        make_folder_read_only(data_dir)
        before = sorted(path.name for path in data_dir.iterdir())
        base = ["--data-dir", str(data_dir), "export", "--profile", "Maya"]
        with as_unprivileged_user():
            assert main([*base, "--format", "csv", "-o", str(out_dir / "maya.csv")]) == 0
            assert main([*base, "--format", "json", "-o", str(out_dir / "maya.json")]) == 0
            assert main([*base, "--format", "pdf", "-o", str(out_dir / "maya.pdf")]) == 0
        captured = capsys.readouterr()
        assert captured.err == ""
        assert "Wrote 4 attempts" in captured.out and "1 profile, 4 attempts" in captured.out
        with (out_dir / "maya.csv").open(newline="", encoding="utf-8-sig") as handle:
            assert len(list(csv.DictReader(handle))) == 4
        progress = json.loads((out_dir / "maya.json").read_text(encoding="utf-8"))
        assert [agent["name"] for agent in progress["profiles"]] == ["Maya"]
        assert (out_dir / "maya.pdf").read_bytes().startswith(b"%PDF")
        assert sorted(path.name for path in data_dir.iterdir()) == before


def test_export_of_an_old_file_in_a_read_only_folder_says_how_to_upgrade(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with reachable_folder() as root:
        data_dir = root / "data"
        data_dir.mkdir()
        shutil.copyfile(V1_FIXTURE, database_path(data_dir))
        output = root / "out.json"
        make_folder_read_only(data_dir)
        args = ["--data-dir", str(data_dir), "export", "--format", "json", "-o", str(output)]
        with as_unprivileged_user():
            assert main(args) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err and "damaged" not in err
        assert f"data folder {data_dir}" in err and "older version" in err
        assert "writable" in err and "--data-dir" in err
        assert not output.exists()


def test_backup_list_and_restore_say_what_is_missing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "backup", "--list"]) == 0
    assert capsys.readouterr().out.strip() == f"No backups yet in {data_dir / 'backups'}."
    assert main(["--data-dir", str(data_dir), "restore"]) == 1
    err = capsys.readouterr().err
    assert "no data file" in err and "nothing to restore" in err
    assert "passes its check" not in err
