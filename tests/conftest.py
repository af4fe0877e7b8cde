"""Shared fixtures. Qt runs offscreen: without a display Qt would otherwise abort the process."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from listen_drill.core.library import sync_bundled_packs
from listen_drill.core.store import Store


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder; the environment points nowhere else, so nothing leaks."""
    folder = tmp_path / "data"
    monkeypatch.setenv("LISTEN_DRILL_HOME", str(folder))
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A real SQLite store in a fresh folder, closed after the test."""
    opened = Store.open(data_dir)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def library_store(store: Store) -> Store:
    """A store with the bundled packs installed, as on a first start."""
    sync_bundled_packs(store)
    return store
