"""Where the agent's data lives: `--data-dir`, then `LISTEN_DRILL_HOME`, then the OS data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "listen-drill"
HOME_ENV = "LISTEN_DRILL_HOME"
DB_FILENAME = "listen-drill.db"


def resolve_data_dir(explicit: Path | str | None = None) -> Path:
    """Pick the data folder without creating it; the explicit choice wins, then the environment."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(HOME_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME
