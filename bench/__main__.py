"""Run every benchmark module in this folder, in name order, printing their figures."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    folder = Path(__file__).parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )
    wanted = set(sys.argv[1:])
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"== {name}")
        module = importlib.import_module(f"bench.{name}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
