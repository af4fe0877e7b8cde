"""The CLI on a read-only data folder: one clear line naming the folder, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from listen_drill.cli import main
from listen_drill.core.paths import database_path
from listen_drill.core.store import Store
from tests.unwritable import as_unprivileged_user, make_folder_read_only, reachable_folder

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
                ["export", "--format", "json", "-o", str(out_dir / "out.json")],
            ):
                assert main([*base, *command]) == 1, command
                err = capsys.readouterr().err
                assert str(data_dir) in err, (command, err)
                assert "read-only or not writable" in err, (command, err)
                assert "damaged" not in err and "Traceback" not in err
                assert "cannot write" not in err, "the output folder is writable"
            assert main([*base, "check"]) == 0
            captured = capsys.readouterr()
            assert captured.out.strip() == f"{database_path(data_dir)}: ok"
            assert "read-only" in captured.err and "--data-dir" in captured.err


def test_backup_list_and_restore_say_what_is_missing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "backup", "--list"]) == 0
    assert capsys.readouterr().out.strip() == f"No backups yet in {data_dir / 'backups'}."
    assert main(["--data-dir", str(data_dir), "restore"]) == 1
    err = capsys.readouterr().err
    assert "no data file" in err and "nothing to restore" in err
    assert "passes its check" not in err
