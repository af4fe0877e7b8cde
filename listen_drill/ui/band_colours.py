"""Red, amber and green for the three score bands on screen (the printed report has its own)."""

from __future__ import annotations

from listen_drill.core.stats import Band

BAND_COLOURS = {Band.BELOW: "#c0392b", Band.FAIR: "#d68910", Band.GOOD: "#1e8449"}
