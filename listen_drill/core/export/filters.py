"""Which attempts an export covers: profiles, a date range and a pack."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from listen_drill.core.models import Profile


class FilterError(ValueError):
    """A filter names something that is not there; the message says what is."""


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Profiles by name or uuid (none: all), local calendar days `since`..`until` (both
    included, either open), and one pack id (None: all packs)."""

    profiles: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    pack_id: str | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise FilterError(
                f"The date range is empty: since {self.since.isoformat()} is after "
                f"until {self.until.isoformat()}."
            )

    def bounds(self) -> tuple[str | None, str | None]:
        """The range as stored timestamps: UTC ISO text, `until` exclusive.

        A day is the agent's local day, as on their dashboard, so midnight is converted from
        the machine's time zone to UTC before comparing with stored times.
        """
        return (
            None if self.since is None else _utc_stamp(self.since),
            None if self.until is None else _utc_stamp(self.until + timedelta(days=1)),
        )

    def select(self, profiles: Sequence[Profile]) -> list[Profile]:
        """The profiles this filter names, in the order given; all of them when none named."""
        if not self.profiles:
            return list(profiles)
        chosen: list[Profile] = []
        for wanted in self.profiles:
            key = wanted.strip().casefold()
            match = next(
                (p for p in profiles if key in (p.name.casefold(), p.uuid.casefold())), None
            )
            if match is None:
                known = ", ".join(p.name for p in profiles) or "none yet"
                raise FilterError(f"No profile called {wanted!r}. Profiles: {known}.")
            if match not in chosen:
                chosen.append(match)
        return chosen

    def check_pack(self, known: Collection[str]) -> None:
        """Refuse a pack id that is not among `known`: a typo would export an empty file and
        look like success, where an unknown profile already stops with its list."""
        if self.pack_id is None or self.pack_id in known:
            return
        close = difflib.get_close_matches(self.pack_id, list(known), n=1, cutoff=0.6)
        hint = f"Did you mean {close[0]!r}? " if close else ""
        listed = ", ".join(sorted(known)) or "none yet"
        raise FilterError(f"No pack with id {self.pack_id!r}. {hint}Packs: {listed}.")

    def describe(self, pack_titles: Mapping[str, str] | None = None) -> str:
        """One line for a report's header, e.g. "2026-01-05 to 2026-02-01 · pack Fundamentals".

        A lead knows packs by title, so the pack is named by `pack_titles` when it is there
        (its id only for a pack no longer known).
        """
        parts: list[str] = []
        if self.since and self.until:
            parts.append(f"{self.since.isoformat()} to {self.until.isoformat()}")
        elif self.since:
            parts.append(f"from {self.since.isoformat()}")
        elif self.until:
            parts.append(f"up to {self.until.isoformat()}")
        else:
            parts.append("all dates")
        if self.pack_id:
            parts.append(f"pack {(pack_titles or {}).get(self.pack_id, self.pack_id)}")
        else:
            parts.append("all packs")
        return " · ".join(parts)


def _utc_stamp(day: date) -> str:
    local_midnight = datetime.combine(day, time()).astimezone()
    return local_midnight.astimezone(UTC).isoformat(timespec="seconds")


#: No filter: every profile, every date, every pack.
EVERYTHING = ExportFilter()
