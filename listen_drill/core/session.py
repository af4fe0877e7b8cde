"""A round of drills: which drill is up, how long the agent took, and saving each attempt.

Pure Python so the window, the CLI and the tests all drive the same loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from listen_drill.core.models import Attempt, Drill, Feedback, Pack
from listen_drill.core.scoring import Scorer, default_scorer
from listen_drill.core.store import Store, new_attempt_uuid, utc_now


@dataclass
class DrillSession:
    """Walks through one pack's drills in order, scoring and saving every submitted reply."""

    store: Store
    pack: Pack
    profile_id: int
    scorer: Scorer = field(default_factory=default_scorer)
    clock: Callable[[], float] = time.monotonic
    index: int = 0
    attempts: list[Attempt] = field(default_factory=list)
    _started: float = 0.0

    def __post_init__(self) -> None:
        if not self.pack.drills:
            raise ValueError(f"pack {self.pack.id!r} has no drills")
        self._started = self.clock()

    @property
    def drill(self) -> Drill:
        return self.pack.drills[self.index]

    @property
    def position(self) -> tuple[int, int]:
        """1-based position and total, for "Drill 3 of 12"."""
        return self.index + 1, len(self.pack.drills)

    def restart_timer(self) -> None:
        self._started = self.clock()

    def submit(self, response: str) -> Attempt:
        """Score the reply, commit it to the store at once, and return the saved attempt."""
        feedback: Feedback = self.scorer.score_drill(self.drill, response, self.pack.avoid)
        attempt = Attempt(
            uuid=new_attempt_uuid(),
            profile_id=self.profile_id,
            pack_id=self.pack.id,
            drill_id=self.drill.id,
            pack_version=self.pack.version,
            statement=self.drill.statement,
            response=response,
            feedback=feedback,
            seconds=max(0.0, self.clock() - self._started),
            created_at=utc_now(),
        )
        saved = self.store.record_attempt(attempt)
        self.attempts.append(saved)
        return saved

    def next(self) -> Drill:
        """Move to the next drill, wrapping round at the end of the pack."""
        self.index = (self.index + 1) % len(self.pack.drills)
        self.restart_timer()
        return self.drill

    def go_to(self, drill_id: str) -> Drill:
        """Jump to a drill by id (retrying one from history); KeyError when the pack lacks it."""
        for index, drill in enumerate(self.pack.drills):
            if drill.id == drill_id:
                self.index = index
                self.restart_timer()
                return drill
        raise KeyError(drill_id)

    def start_round(self) -> None:
        """Forget this round's attempts (they stay saved) so the next summary starts afresh."""
        self.attempts.clear()

    @property
    def at_end(self) -> bool:
        return self.index == len(self.pack.drills) - 1
