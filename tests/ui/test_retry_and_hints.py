"""Retry keeps the feedback being acted on; the reply hints ask for what the drill asks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from tests.ui.windows import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
REPLY = "So the dinner came an hour late and stone cold."


def plain(rich: str) -> str:
    """What a rich-text label reads as."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def test_retry_keeps_the_feedback_marked_as_the_previous_attempt(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    window.response_edit.setFocus()
    qtbot.keyClicks(window.response_edit, REPLY)
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return, CTRL)
    first = window.last_attempt
    assert first is not None
    panel = window.feedback_panel
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)

    overall = plain(panel.overall_label.text())
    assert f"Previous attempt: {first.feedback.overall} / 100" in overall
    assert "Submit a reply" not in overall
    findings = panel.findings_view.toPlainText()
    assert "Your reply" in findings and "three things" not in findings
    for finding in first.feedback.findings:
        assert finding.message[:25] in findings, "what to work on is still there"
    window.grab().save(str(data_dir.parent / "retry-previous.png"))

    qtbot.keyClicks(window.response_edit, " What would help most now?")
    qtbot.keyClick(window.response_edit, Qt.Key.Key_Return, CTRL)
    second = window.last_attempt
    assert second is not None and second.id != first.id
    assert "Previous attempt" not in panel.overall_label.text(), "the new feedback replaces it"
    assert f"{second.feedback.overall}" in panel.overall_label.text()
    window.close()


def test_the_reply_hint_asks_only_for_what_the_drill_asks(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None and window.session.drill.id == "para-cold-meal"
    hint = window.response_edit.placeholderText()
    assert "only say back what happened" in hint
    assert "feel" not in hint and "question" not in hint
    getting_started = window.feedback_panel.findings_view.toPlainText()
    assert "three things" not in getting_started
    assert "This drill practises one thing" in getting_started
    window.grab().save(str(data_dir.parent / "single-skill-hint.png"))

    window.go_to_drill("fundamentals", "full-curt")  # asks for all three
    hint = window.response_edit.placeholderText()
    for asked in ("say back what happened", "name how they feel", "ask one open question"):
        assert asked in hint
    assert "only" not in hint
    assert "three things" in window.feedback_panel.findings_view.toPlainText()
    window.close()
