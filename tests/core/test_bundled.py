"""Bundled packs and resources are found through importlib.resources, installed or editable."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from listen_drill.cli import main
from listen_drill.core.bundled import bundled_pack_files, read_resource_text
from listen_drill.core.library import sync_bundled_packs
from listen_drill.core.models import Drill, Pack
from listen_drill.core.packs import reserved
from listen_drill.core.session import DrillSession
from listen_drill.core.store import Store

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_bundled_packs_are_found_from_this_install() -> None:
    names = [entry.name for entry in bundled_pack_files()]
    assert names, "no bundled packs found"
    assert all(name.endswith(".toml") for name in names)
    assert "[families." in read_resource_text("lexicons", "emotions.toml")


def test_sync_installs_bundled_packs_once(store: Store) -> None:
    first = sync_bundled_packs(store)
    assert first == len(bundled_pack_files())
    assert sync_bundled_packs(store) == 0
    assert all(summary.source == "bundled" for summary in store.packs())


def test_a_start_with_every_bundled_pack_installed_parses_none(store: Store) -> None:
    """Start-up reads which bundled files are installed from the store: it neither parses the
    packs nor reads the bundled ids (which only an import needs)."""
    sync_bundled_packs(store)
    reserved._bundled.cache_clear()
    assert sync_bundled_packs(store) == 0
    assert reserved._bundled.cache_info().currsize == 0


def test_a_changed_bundled_file_is_reinstalled_even_at_the_same_version(store: Store) -> None:
    sync_bundled_packs(store)
    name = bundled_pack_files()[0].name
    store.set_setting(f"bundled_pack_sha256:{name}", "the fingerprint of an older file")
    assert sync_bundled_packs(store) == 1
    assert sync_bundled_packs(store) == 0


def test_a_removed_bundled_pack_comes_back_though_its_file_is_unchanged(store: Store) -> None:
    """The stored fingerprint says "unchanged"; it must not hide that the pack is gone."""
    sync_bundled_packs(store)
    store.remove_pack("fundamentals")
    assert sync_bundled_packs(store) == 1
    assert store.load_pack("fundamentals").title == "Fundamentals"
    assert sync_bundled_packs(store) == 0


def test_an_old_import_over_a_bundled_id_keeps_its_drills_until_removed_and_loses_nothing(
    store: Store, tmp_path: Path
) -> None:
    """A store from before bundled ids were refused: the trainer's copy stays (their drills and
    attempts), and once removed the bundled pack comes back with its attempts relinked."""
    sync_bundled_packs(store)
    bundled = store.load_pack("fundamentals")
    profile = store.current_profile().id
    DrillSession(store, bundled, profile).submit("So it happened again. What would help?")
    theirs = dataclasses.replace(
        bundled, title="Our fundamentals", version="9", drills=(replace_id(bundled, "ours"),)
    )
    store.save_pack(theirs, source="imported", source_path=str(tmp_path / "ours.toml"))
    DrillSession(store, theirs, profile).submit("So it happened again. What would help?")

    assert sync_bundled_packs(store) == 0
    assert store.load_pack("fundamentals").title == "Our fundamentals"

    store.remove_pack("fundamentals")
    assert sync_bundled_packs(store) == 1
    assert store.load_pack("fundamentals") == bundled
    rows = sorted(store.attempt_rows(), key=lambda row: row.drill_id)
    assert [(row.pack_id, row.drill_id) for row in rows] == sorted(
        [("fundamentals", bundled.drills[0].id), ("fundamentals", "ours")]
    )
    installed = store.installed_drills((row.pack_id, row.drill_id) for row in rows)
    assert set(installed) == {("fundamentals", bundled.drills[0].id)}


def replace_id(pack: Pack, drill_id: str) -> Drill:
    return dataclasses.replace(pack.drills[0], id=drill_id)


def test_a_plain_wheel_install_finds_packs_and_scores_compiled(tmp_path: Path) -> None:
    """Build the wheel, install it alone into a folder, read the packs and score from elsewhere.

    The wheel carries the scorer compiled by mypyc (setup.py), shared library included.
    """
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheel_dir),
            str(PROJECT_ROOT),
        ],
        check=True,
        cwd=tmp_path,
    )
    target = tmp_path / "site"
    wheels = list(wheel_dir.glob("listen_drill-*.whl"))
    assert len(wheels) == 1
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheels[0]),
        ],
        check=True,
        cwd=tmp_path,
    )
    probe = textwrap.dedent(
        """
        import listen_drill
        from listen_drill.core.bundled import bundled_pack_files, read_resource_text
        print(listen_drill.__file__)
        print(len(bundled_pack_files()))
        print("[families." in read_resource_text("lexicons", "emotions.toml"))
        from listen_drill.core.models import Skill
        from listen_drill.core.scoring import scorer
        feedback = scorer.Scorer().score("My parcel is late again!", "What happened?")
        print(scorer.__file__, feedback.skill(Skill.QUESTION).label)
        """
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    module_file, pack_count, lexicon_found, scorer_file, question_type = result.stdout.split()
    assert module_file.startswith(str(target))
    assert int(pack_count) == len(bundled_pack_files())
    assert lexicon_found == "True"
    assert scorer_file.startswith(str(target))
    # LISTEN_DRILL_PURE_PYTHON=1 asks setup.py for a wheel without the compiled scorer
    compiled = os.environ.get("LISTEN_DRILL_PURE_PYTHON") != "1"
    assert scorer_file.endswith(tuple(EXTENSION_SUFFIXES)) == compiled, scorer_file
    assert question_type == "open"


def test_removing_an_old_import_over_a_bundled_id_brings_the_bundled_pack_back_at_once(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(data_dir) as store:
        sync_bundled_packs(store)
        bundled = store.load_pack("fundamentals")
        store.save_pack(dataclasses.replace(bundled, title="Ours"), source="imported")
    assert main(["--data-dir", str(data_dir), "pack", "remove", "fundamentals"]) == 0
    out = capsys.readouterr().out
    assert "The bundled pack 'Fundamentals' (fundamentals) is back in your library." in out
    with Store.open(data_dir) as store:
        assert [s.source for s in store.packs() if s.id == "fundamentals"] == ["bundled"]
