from pathlib import Path

import pytest

from listen_drill.core.paths import resolve_data_dir


def test_explicit_folder_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LISTEN_DRILL_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "cli") == tmp_path / "cli"


def test_environment_beats_platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LISTEN_DRILL_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"


def test_platform_default_is_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LISTEN_DRILL_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/somewhere/share")
    assert resolve_data_dir(None) == Path("/somewhere/share/listen-drill")
