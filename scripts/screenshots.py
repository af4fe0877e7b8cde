"""Render the main views offscreen to PNG files for the README: `make screenshots`.

Two weeks of sample practice are made up on the spot (real scorer, real store, in a temporary
folder) so History and Progress have something to show.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from listen_drill.core.library import sync_bundled_packs
from listen_drill.core.models import Attempt
from listen_drill.core.scoring import default_scorer
from listen_drill.core.store import Store, new_attempt_uuid
from listen_drill.ui.app import create_window
from listen_drill.ui.main_window import MainWindow

SAMPLE_REPLY = (
    "Calm down, I understand, but it sounds like this is the third late delivery and this one "
    "was a birthday present, so you must feel really let down. What date did you need it by?"
)
PRACTICE_REPLIES = (
    "Okay. Is there anything else?",
    "I'm sorry for any inconvenience. Can I have your order number?",
    "That sounds frustrating. What happened?",
    "So this has happened before and it's left you fed up. What would help most today?",
    "You were counting on this, and now it feels like nobody is listening, which is really "
    "disappointing. Tell me what matters most to you right now.",
)


def seed_practice(data_dir: Path, days: int = 14) -> None:
    """A fortnight of attempts that slowly get better, as an agent's would."""
    rng = random.Random(7)
    scorer = default_scorer()
    with Store.open(data_dir) as store:
        sync_bundled_packs(store)
        profile = store.current_profile()
        packs = [store.load_pack(summary.id) for summary in store.packs()]
        start = datetime.now(UTC) - timedelta(days=days)
        for day in range(days):
            for _ in range(rng.randint(0, 6)):
                pack = rng.choice(packs)
                drill = rng.choice(pack.drills)
                level = min(len(PRACTICE_REPLIES) - 1, int(day / days * 4 + rng.random() * 2))
                response = PRACTICE_REPLIES[level]
                feedback = scorer.score_drill(drill, response, pack.avoid)
                moment = start + timedelta(days=day, hours=rng.randint(8, 17))
                store.record_attempt(
                    Attempt(
                        uuid=new_attempt_uuid(), profile_id=profile.id, pack_id=pack.id,
                        drill_id=drill.id, statement=drill.statement, response=response,
                        feedback=feedback, seconds=rng.uniform(20, 90),
                        created_at=moment.isoformat(timespec="seconds"),
                        pack_version=pack.version,
                    )
                )  # fmt: skip


def render(out_dir: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    written: list[Path] = []
    out_dir.mkdir(parents=True, exist_ok=True)

    def shoot(window: MainWindow, name: str) -> None:
        for _ in range(5):  # a size change asks its parents in turn: let the layouts settle
            app.processEvents()
        path = out_dir / name
        window.grab().save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory() as data:
        seed_practice(Path(data))
        window = create_window(Path(data))
        assert isinstance(window, MainWindow)
        window.resize(1280, 800)
        window.show()
        shoot(window, "drill.png")
        window.go_to_drill("orders-delivery", "late-birthday-gift")
        window.response_edit.setPlainText(SAMPLE_REPLY)
        window.submit()
        shoot(window, "feedback.png")
        window.tabs.setCurrentIndex(1)
        while not window.history_view.ready:  # rows are read on a worker thread
            app.processEvents()
        shoot(window, "history.png")
        window.tabs.setCurrentIndex(2)
        shoot(window, "progress.png")
        window.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for written_path in render(target):
        print(written_path)
