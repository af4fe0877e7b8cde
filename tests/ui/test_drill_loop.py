"""End to end through the real main window: pick a pack, reply, submit, see feedback, move on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from tests.ui.windows import open_window


def test_a_newcomer_drills_a_bundled_pack_with_the_keyboard(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    packs = window.findChild(QListWidget, "packList")
    assert packs is not None and packs.count() >= 1
    packs.setFocus()
    qtbot.keyClick(packs, Qt.Key.Key_Home)
    qtbot.keyClick(packs, Qt.Key.Key_Return)
    statement = window.findChild(QLabel, "statementView")
    assert statement is not None
    first_statement = statement.text()
    assert first_statement

    reply = window.findChild(QPlainTextEdit, "responseEdit")
    assert reply is not None and reply.hasFocus()
    qtbot.keyClicks(reply, "Calm down, it sounds like it was late again. What happened?")
    qtbot.keyClick(reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    score = window.findChild(QLabel, "overallScore")
    assert score is not None and "/ 100" in score.text()
    findings = window.findChild(QTextBrowser, "findingsView")
    assert findings is not None
    assert "background-color" in findings.toHtml(), "the words that hurt are highlighted"
    submit = window.findChild(QPushButton, "submitButton")
    assert submit is not None and not submit.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert statement.text() != first_statement
    assert reply.toPlainText() == ""

    window.close()
    with Store.open(data_dir) as store:
        attempts = store.attempts()
    assert len(attempts) == 1
    assert attempts[0].response.startswith("Calm down")
    assert attempts[0].feedback.findings


def test_empty_reply_is_not_submitted(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.submit()
    assert window.last_attempt is None
    assert "Type a reply" in window.statusBar().currentMessage()
    window.close()


def test_retry_keeps_the_reply_for_editing(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.response_edit.setPlainText("That sounds frustrating.")
    window.submit()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.response_edit.toPlainText() == "That sounds frustrating."
    assert not window.response_edit.isReadOnly()
    assert window.submit_button.isEnabled()
    window.close()


def test_every_control_has_an_accessible_name(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    for name in (
        "packList",
        "statementView",
        "responseEdit",
        "submitButton",
        "overallScore",
        "feedbackPanel",
        "nextButton",
        "retryButton",
    ):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    window.close()


def test_the_saved_message_goes_when_the_drill_or_profile_changes(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    window.response_edit.setPlainText("That sounds frustrating. What happened?")
    window.submit()
    assert window.statusBar().currentMessage().startswith("Saved. Score")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not window.retry_button.isEnabled()
    assert window.statusBar().currentMessage() == ""  # no "Ctrl+R to retry" without a retry
    window.response_edit.setPlainText("That sounds worrying. What would help?")
    window.submit()
    assert window.statusBar().currentMessage().startswith("Saved. Score")
    sam = window.profile_menu.create("Sam")
    assert sam is not None and window.profile.id == sam.id
    assert "Saved" not in window.statusBar().currentMessage()
    window.close()


def test_pack_titles_fit_beside_the_feedback_at_1024_wide(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.resize(1024, 640)
    window.response_edit.setPlainText("That sounds frustrating. What happened?")
    window.submit()  # the feedback fills in and the splitter shares the width again
    qtbot.wait(50)
    packs = window.pack_list
    widest = max(
        packs.fontMetrics().horizontalAdvance(packs.item(row).text())
        for row in range(packs.count())
    )
    assert any("Billing and subscriptions" in packs.item(r).text() for r in range(packs.count()))
    assert packs.viewport().width() >= widest
    assert not packs.horizontalScrollBar().isVisible()
    assert window.feedback_panel.width() > 0 and window.response_edit.width() > 0
    window.grab().save(str(data_dir.parent / "main-1024.png"))
    window.close()


def test_the_card_fits_a_short_statement_after_a_long_one(qtbot: QtBot, data_dir: Path) -> None:
    """The card grows for a long statement and must give the space back to the reply box."""
    window = open_window(qtbot, data_dir)
    window.resize(1024, 640)
    statement = window.findChild(QLabel, "statementView")
    reply = window.findChild(QPlainTextEdit, "responseEdit")
    assert statement is not None and reply is not None

    def heights_at(pack_id: str, drill_id: str) -> tuple[int, int]:
        window.go_to_drill(pack_id, drill_id)
        qtbot.wait(50)
        return statement.height(), reply.height()

    short_first = heights_at("fundamentals", "full-curt")  # "Wrong item. Again. Sort it."
    long_ = heights_at("banking-utilities", "new-tenant-previous-debt-rambling")
    short_after = heights_at("fundamentals", "full-curt")
    assert long_[0] > 2 * short_first[0]
    assert short_after == short_first, "the reply box gets the space back"
