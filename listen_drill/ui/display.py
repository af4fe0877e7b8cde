"""Whether a window can open here: asked before any widget exists, so it imports no widgets."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    """Whether Qt can open a window here; without one Qt would abort the whole process."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
