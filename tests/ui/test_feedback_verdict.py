"""The feedback's verdict and bar colours use the bands the report colours scores by."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from listen_drill.core.models import Feedback, Skill, SkillResult
from listen_drill.ui.feedback_panel import FeedbackPanel
from tests.ui.windows import keep_picture


def feedback(overall: int, paraphrase: float, emotion: float) -> Feedback:
    skills = (
        SkillResult(Skill.PARAPHRASE, paraphrase, "simple", True),
        SkillResult(Skill.EMOTION, emotion, "yes", True),
        SkillResult(Skill.QUESTION, 0.55, "open", True),
        SkillResult(Skill.LANGUAGE, 1.0, "", True),
    )
    return Feedback(overall=overall, skills=skills, findings=(), roadblocks=(), truncated=False)


def plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def test_a_72_is_a_strong_reply_with_bars_in_the_reports_colours(qtbot: QtBot) -> None:
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 420)
    panel.show_feedback("So it came late again.", feedback(72, 0.72, 0.39), [])
    assert "Strong reply" in plain(panel.overall_label.text())
    bars = panel.skill_bars
    assert "#1e8449" in bars[Skill.PARAPHRASE].styleSheet()  # 72: green, as in the report
    assert "#c0392b" in bars[Skill.EMOTION].styleSheet()  # 39: red
    assert "#d68910" in bars[Skill.QUESTION].styleSheet()  # 55: amber
    keep_picture(panel, "feedback_verdict.png")
