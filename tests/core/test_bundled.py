"""Bundled packs and resources are found through importlib.resources, installed or editable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from listen_drill.core.bundled import bundled_pack_files, read_resource_text
from listen_drill.core.library import sync_bundled_packs
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


def test_a_changed_bundled_file_is_reinstalled_even_at_the_same_version(store: Store) -> None:
    sync_bundled_packs(store)
    name = bundled_pack_files()[0].name
    store.set_setting(f"bundled_pack_sha256:{name}", "the fingerprint of an older file")
    assert sync_bundled_packs(store) == 1
    assert sync_bundled_packs(store) == 0


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
