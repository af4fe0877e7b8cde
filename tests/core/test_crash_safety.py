"""A process writing attempts, killed with SIGKILL at random moments, loses no committed attempt."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from listen_drill.core.store import Store

ROUNDS = 30

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from listen_drill.core.store import Store
    from tests.core.store_helpers import sample_attempt

    with Store.open(Path(sys.argv[1])) as store:
        profile_id = store.current_profile().id
        index = 0
        while True:
            saved = store.record_attempt(sample_attempt(profile_id, index))
            # Printed only after record_attempt returned, i.e. after COMMIT.
            sys.stdout.write(saved.uuid + "\\n")
            sys.stdout.flush()
            index += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_killed_writers_lose_no_committed_attempt(data_dir: Path) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    with Store.open(data_dir) as store:
        store.current_profile()
    root = Path(__file__).resolve().parents[2]
    committed: list[str] = []
    for round_number in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir)],
            stdout=subprocess.PIPE,
            cwd=root,
            text=True,
        )
        assert writer.stdout is not None
        first = writer.stdout.readline()  # the writer is up and has committed once
        assert first.endswith("\n"), f"seed {seed}: writer died before writing"
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(writer.pid, signal.SIGKILL)
        rest = writer.stdout.read()
        writer.stdout.close()
        writer.wait(timeout=10)
        lines = [first, *rest.splitlines(keepends=True)]
        committed.extend(line.strip() for line in lines if line.endswith("\n"))

        with Store.open(data_dir) as store:  # the start-up quick_check passes
            saved = {row[0] for row in store.db.execute("SELECT uuid FROM attempts")}
            missing = [uuid for uuid in committed if uuid not in saved]
            assert not missing, f"seed {seed}, round {round_number}: lost {missing[:3]}"
            assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert len(committed) > ROUNDS  # the kills landed mid-stream, not before the first write
