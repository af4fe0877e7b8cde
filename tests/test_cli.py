"""The `listen-drill` command itself."""

from __future__ import annotations

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
