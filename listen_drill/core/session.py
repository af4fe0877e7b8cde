"""A round of drills: which drill is up, how long the agent took, and saving each attempt.

Pure Python so the window, the CLI and the tests all drive the same loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from listen_drill.core.models import Attempt, Drill, Feedback, Pack
from listen_drill.core.scoring import Scorer, default_scorer
from listen_drill.core.store import Store, StoreError, new_attempt_uuid, utc_now

#: The settings key under which the window remembers a profile's last pack.
LAST_PACK_KEY = "last_pack_id:{profile_id}"


def resume_index(pack: Pack, answered: Callable[[str], bool]) -> int:
    """Where to pick a pack up: its first drill not yet answered (`answered(drill_id)`), or
    the first when all were. An agent doing a few drills a day then meets new ones instead of
    drill 1 every time."""
    for index, drill in enumerate(pack.drills):
        if not answered(drill.id):
            return index
    return 0


def last_pack_id(store: Store, profile_id: int) -> str | None:
    """The pack this profile last drilled, to open it again at start; None if never saved."""
    return store.get_setting(LAST_PACK_KEY.format(profile_id=profile_id)) or None


def remember_last_pack(store: Store, profile_id: int, pack_id: str) -> bool:
    """Remember `pack_id` as the profile's last pack; False when the file cannot be written.

    A read-only file must not stop the agent practising, so a failed write is only reported.
    """
    try:
        store.set_setting(LAST_PACK_KEY.format(profile_id=profile_id), pack_id)
    except StoreError:
        return False
    return True


def drill_available(store: Store, pack_id: str, drill_id: str) -> bool:
    """True when the pack is installed and still has the drill, so it can be drilled again."""
    try:
        store.load_pack(pack_id).drill(drill_id)
    except (StoreError, KeyError):
        return False
    return True


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

    @classmethod
    def resumed(cls, store: Store, pack: Pack, profile_id: int) -> DrillSession:
        """A session on `pack` at the profile's first drill not yet attempted (`resume_index`)."""
        session = cls(store, pack, profile_id)
        session.index = resume_index(
            pack, lambda drill_id: store.has_answered(profile_id, pack.id, drill_id)
        )
        return session

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

    def move_to_version(self, pack: Pack) -> bool:
        """Drill `pack`, a new version of this one, on the same drill (by id) if it is still
        there; True when that drill is unchanged, so what is on screen for it still holds."""
        if not pack.drills:
            raise ValueError(f"pack {pack.id!r} has no drills")
        old = self.drill
        self.pack = pack
        ids = [drill.id for drill in pack.drills]
        if old.id in ids:
            self.index = ids.index(old.id)
        else:
            self.index = min(self.index, len(pack.drills) - 1)
            self.restart_timer()
        return self.drill == old

    def start_round(self) -> None:
        """Forget this round's attempts (they stay saved) so the next summary starts afresh."""
        self.attempts.clear()

    @property
    def at_end(self) -> bool:
        return self.index == len(self.pack.drills) - 1
