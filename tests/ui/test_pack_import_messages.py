"""What the window says about a pack: the problems dialog's heading, refused drops, round titles.

Titles and file names go into rich text (a bold heading), so "Q&A: refunds <beta>" must show as
written; counts must agree with their nouns ("1 warning", "2 model replies", "1 attempt").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from listen_drill.core.session import DrillSession
from listen_drill.core.wording import noun_for, plural
from listen_drill.ui.main_window import MainWindow
from listen_drill.ui.round_summary import RoundSummaryDialog
from tests.ui.pack_files import import_file
from tests.ui.windows import open_window

TITLE = "Q&A: refunds <beta>"

# Two warnings of different kinds: a drill asking for the emotion skill with no emotions, and a
# model reply the scorer rates low.
WARNED = f"""[pack]
id = "qa-refunds"
title = "{TITLE}"
version = "1"

[[drills]]
id = "late"
statement = "My refund is late and I am fed up."
exemplars = ["So the refund is late and you feel fed up. What happened when you asked?"]

[[drills]]
id = "rude"
statement = "Your agent hung up on me."
emotions = ["angry"]
exemplars = ["Calm down."]
"""


def plain(rich: str) -> str:
    """What a rich-text label shows, as text."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def heading_of(window: MainWindow) -> str:
    dialog = window.pack_importer.dialog
    assert dialog is not None
    label = dialog.findChild(QLabel, "packProblemsHeading")
    assert label is not None
    return plain(label.text())


def test_the_warnings_heading_counts_warnings_and_shows_the_title_as_written(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    path = tmp_path / "qa.toml"
    path.write_text(WARNED, encoding="utf-8")

    assert import_file(qtbot, window, path)

    dialog = window.pack_importer.dialog
    assert dialog is not None and dialog.windowTitle() == "Pack imported with warnings"
    assert [dialog.problems[0].where, dialog.problems[1].where] == [
        "drills[0].emotions",
        "drills[1].exemplars[0]",
    ]
    heading = heading_of(window)
    assert heading.startswith(f"Imported '{TITLE}' (qa-refunds, version 1)")
    assert "2 warnings to check" in heading
    assert "model repl" not in heading, "one of the two warnings is not about a model reply"
    dialog.resize(720, 300)
    dialog.grab().save(str(tmp_path / "pack-imported-with-warnings.png"))


def test_a_refused_file_name_with_markup_shows_as_written(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    path = tmp_path / "Q&A <draft>.toml"
    path.write_text(WARNED.replace('version = "1"', "version = 1"), encoding="utf-8")

    assert not import_file(qtbot, window, path)

    heading = heading_of(window)
    assert heading.startswith("Q&A <draft>.toml was not imported: 1 error and 1 warning.")
    window.pack_importer.dialog.grab().save(str(tmp_path / "pack-not-imported.png"))  # type: ignore[union-attr]


def test_the_round_summary_shows_the_title_as_written_and_one_attempt(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    path = tmp_path / "qa.toml"
    path.write_text(WARNED, encoding="utf-8")
    assert import_file(qtbot, window, path)
    store = window.store
    session = DrillSession(store, store.load_pack("qa-refunds"), store.current_profile().id)
    attempt = session.submit("So the refund is late and you are fed up. What happened?")

    dialog = RoundSummaryDialog([attempt], TITLE, window)
    qtbot.addWidget(dialog)

    label = dialog.findChild(QLabel, "roundSummaryText")
    assert label is not None
    shown = plain(label.text())
    assert shown.startswith(f"{TITLE}: round complete")
    assert "1 attempt ·" in shown


def test_counts_agree_with_their_nouns() -> None:
    assert [plural(count, "model reply") for count in (0, 1, 2)] == [
        "0 model replies",
        "1 model reply",
        "2 model replies",
    ]
    assert plural(1_200, "attempt") == "1,200 attempts"
    assert plural(2, "day") == "2 days"
    assert noun_for(1, "attempt") == "attempt" and noun_for(3, "attempt") == "attempts"
