"""Two copies of the app on one data folder: both write, nothing is lost or damaged."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from listen_drill.core.paths import database_path
from listen_drill.core.store import Store
from tests.core.store_helpers import sample_attempt

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from listen_drill.core.store import Store
    from tests.core.store_helpers import sample_attempt

    data_dir, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    sys.stdin.readline()  # start together
    with Store.open(data_dir) as store:
        profile = next(p for p in store.profiles() if p.name == name)
        for index in range(count):
            store.record_attempt(sample_attempt(profile.id, index))
    """
)


def test_two_stores_in_one_process_see_each_others_attempts(data_dir: Path) -> None:
    with Store.open(data_dir) as first, Store.open(data_dir) as second:
        profile = first.current_profile()
        saved = first.record_attempt(sample_attempt(profile.id))
        assert [row.uuid for row in second.attempt_rows(profile.id)] == [saved.uuid]
        second.record_attempt(sample_attempt(profile.id, 1))
        assert first.attempt_count(profile.id) == 2


def test_two_processes_writing_at_once_lose_nothing(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.create_profile("One")
        store.create_profile("Two")
    count = 150
    root = Path(__file__).resolve().parents[2]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), name, str(count)],
            stdin=subprocess.PIPE,
            cwd=root,
            text=True,
        )
        for name in ("One", "Two")
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.close()
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]
    with Store.open(data_dir) as store:
        by_name = {p.name: store.attempt_count(p.id) for p in store.profiles()}
        assert by_name["One"] == by_name["Two"] == count
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_processes_starting_on_an_empty_folder_both_open_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    opener = (
        "import sys; from pathlib import Path; from listen_drill.core.store import Store\n"
        "sys.stdin.readline()\n"
        "Store.open(Path(sys.argv[1])).close()\n"
    )
    root = Path(__file__).resolve().parents[2]
    logs = [(tmp_path / f"stderr-{index}.txt").open("w") for index in range(3)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", opener, str(data_dir)],
            stdin=subprocess.PIPE,
            stderr=log,
            cwd=root,
            text=True,
        )
        for log in logs
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.close()
    codes = [proc.wait(timeout=60) for proc in procs]
    for log in logs:
        log.close()
    errors = [path.read_text() for path in sorted(tmp_path.glob("stderr-*.txt"))]
    assert codes == [0, 0, 0], errors
    assert database_path(data_dir).is_file()
    with Store.open(data_dir) as store:
        applied = [row["name"] for row in store.db["_sqlite_migrations"].rows]
        assert len(applied) == len(set(applied))  # every migration ran exactly once
        store.record_attempt(sample_attempt(store.current_profile().id))
