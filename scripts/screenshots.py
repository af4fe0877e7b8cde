"""Render the main views offscreen to PNG files for the README: `make screenshots`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from listen_drill.ui.app import create_window
from listen_drill.ui.main_window import MainWindow

SAMPLE_REPLY = (
    "Calm down, I understand, but it sounds like this is the third late delivery and this one "
    "was a birthday present, so you must feel really let down. What date did you need it by?"
)


def render(out_dir: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        window = create_window(Path(data))
        assert isinstance(window, MainWindow)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / "drill.png"
        window.grab().save(str(path))
        written.append(path)

        window.response_edit.setPlainText(SAMPLE_REPLY)
        window.submit()
        app.processEvents()
        path = out_dir / "feedback.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for written_path in render(target):
        print(written_path)
