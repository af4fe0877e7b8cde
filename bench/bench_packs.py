"""Validate and import a 10,000-drill pack: the limit the format allows (target: under 2 s each).

Prints the time to validate it (with and without scoring every model reply for warnings), to
import it into a fresh store, to re-import a newer version over it, and the same for CSV.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from listen_drill.core.packs.csv_format import pack_to_csv
from listen_drill.core.packs.importer import import_pack_file
from listen_drill.core.packs.spec import MAX_DRILLS, MAX_FILE_BYTES
from listen_drill.core.packs.validate import validate_file
from listen_drill.core.store import Store

DRILL = """
[[drills]]
id = "drill-{n}"
statement = "Delivery {n} is late again, and it was a birthday present."
emotions = ["frustrated", "disappointed"]
intensity = {intensity}
key_points = [{{ text = "late again", synonyms = ["delayed"] }}, "birthday"]
difficulty = {difficulty}
exemplars = [
  "So it is late again, and a birthday present: how frustrating. What date do you need it?",
  "Another late parcel, and a gift; you must feel let down. What would help most?",
]
tags = ["delivery"]
"""


def pack_text(version: str, drills: int = MAX_DRILLS) -> str:
    head = f'[pack]\nid = "bench"\ntitle = "Bench"\nversion = "{version}"\n'
    return head + "".join(
        DRILL.format(n=n, intensity=n % 3 + 1, difficulty=(n // 3) % 3 + 1) for n in range(drills)
    )


T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    print(f"{label:<48} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "bench.toml"
        path.write_text(pack_text("1"), encoding="utf-8")
        size = path.stat().st_size
        print(
            f"pack: {MAX_DRILLS:,} drills, {size / 1e6:.2f} MB (limit {MAX_FILE_BYTES / 1e6:.2f})"
        )

        validation = timed(
            "validate (no exemplar scoring)", lambda: validate_file(path, score_exemplars=False)
        )
        assert validation.ok
        timed("validate + score up to 750 exemplars", lambda: validate_file(path))

        with Store(root / "bench.db") as store:
            timed(
                "import into an empty store (no scoring)",
                lambda: import_pack_file(store, path, score_exemplars=False),
            )
            path.write_text(pack_text("2"), encoding="utf-8")
            timed(
                "import version 2 over it (no scoring)",
                lambda: import_pack_file(store, path, score_exemplars=False),
            )
            timed(
                "import v2 again, scoring up to 750 exemplars",
                lambda: import_pack_file(store, path),
            )
            csv_path = root / "bench.csv"
            csv_path.write_text(pack_to_csv(store.load_pack("bench")), encoding="utf-8")
            print(f"csv: {csv_path.stat().st_size / 1e6:.2f} MB")
            timed(
                "validate the CSV form (no scoring)",
                lambda: validate_file(csv_path, score_exemplars=False),
            )

        broken = root / "broken.toml"
        broken.write_text(pack_text("1").replace("intensity = 2", "intensity = 9"), "utf-8")
        result = timed(
            "validate with 3,333 errors (lines located)",
            lambda: validate_file(broken, score_exemplars=False),
        )
        print(f"  {len(result.errors):,} errors, first: {result.errors[0]}")


if __name__ == "__main__":
    main()
