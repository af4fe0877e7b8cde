"""`listen-drill check | backup | restore` on a real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from listen_drill.cli import main
from listen_drill.core.paths import database_path
from listen_drill.core.store import Store
from tests.core.store_helpers import sample_attempt


def test_check_backup_damage_restore(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(data_dir) as store:
        profile = store.current_profile()
        for index in range(300):
            store.record_attempt(sample_attempt(profile.id, index))
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert main(["--data-dir", str(data_dir), "restore"]) == 1
    assert "nothing to restore" in capsys.readouterr().err

    assert main(["--data-dir", str(data_dir), "backup"]) == 0
    assert "backed up to" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "backup", "--list"]) == 0
    assert "listen-drill-" in capsys.readouterr().out

    db_path = database_path(data_dir)
    with db_path.open("r+b") as handle:
        handle.seek(db_path.stat().st_size // 2)
        handle.write(b"\x00\xff" * 4096)
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    assert "is damaged" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "restore"]) == 0
    out = capsys.readouterr().out
    assert "restored the backup" in out and "damaged" in out
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    with Store.open(data_dir) as store:
        assert store.attempt_count() == 300


def test_backup_of_a_missing_file_is_a_clear_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "backup"]) == 1
    assert "no data file" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "check"]) == 1
