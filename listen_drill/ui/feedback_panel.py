"""The feedback panel: overall score, each skill's result, findings and model replies."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from listen_drill.core.models import DRILL_SKILLS, Feedback, Finding, Skill
from listen_drill.core.stats import score_band
from listen_drill.core.wording import verdict
from listen_drill.ui.band_colours import BAND_COLOURS
from listen_drill.ui.highlight import highlighted_html

SKILL_TITLES = {
    Skill.PARAPHRASE: "Paraphrase",
    Skill.EMOTION: "Feeling",
    Skill.QUESTION: "Question",
    Skill.LANGUAGE: "Language",
}

LABEL_TEXT = {
    (Skill.PARAPHRASE, "none"): "no paraphrase",
    (Skill.PARAPHRASE, "simple"): "simple reflection",
    (Skill.PARAPHRASE, "complex"): "complex reflection",
    (Skill.EMOTION, "yes"): "feeling acknowledged",
    (Skill.EMOTION, "no"): "feeling not acknowledged",
    (Skill.QUESTION, "none"): "no question",
    (Skill.QUESTION, "open"): "open question",
    (Skill.QUESTION, "closed"): "closed question",
}

#: A skill's bar may narrow to this (its style asks 95 px) before the window has to widen.
BAR_MIN_WIDTH = 48

#: What each asked skill looks like in a reply, for the getting-started text.
SKILL_STEPS = {
    Skill.PARAPHRASE: (
        "<b>Says back what happened</b>, in your words and from the customer's side: "
        "<i>“So the parcel missed the date you needed it for…”</i>"
    ),
    Skill.EMOTION: (
        "<b>Names the feeling</b> you hear, without telling them how to feel: "
        "<i>“…and that has left you worried.”</i>"
    ),
    Skill.QUESTION: (
        "<b>Asks one open question</b> that invites them to say more: "
        "<i>“What would help most right now?”</i>"
    ),
}

GETTING_STARTED_TAIL = """
<p>Words that push people away (“calm down”, “that's our policy”, “I understand, but…”)
cost points. After you submit, the words that hurt are highlighted and model replies appear.</p>
<p>Keys: <b>Ctrl+Enter</b> submit · <b>Ctrl+R</b> retry · <b>Ctrl+N</b> next drill ·
<b>F1</b> all shortcuts.</p>
"""


def getting_started_html(skills: Sequence[Skill] = DRILL_SKILLS) -> str:
    """How to reply, for the drill on screen: a drill that scores one skill asks for that one.

    "A strong reply does three things" beside a card saying "only say back what happened"
    told the agent two different things.
    """
    asked = [skill for skill in DRILL_SKILLS if skill in skills] or list(DRILL_SKILLS)
    steps = "".join(f"<li>{SKILL_STEPS[skill]}</li>" for skill in asked)
    if len(asked) == len(DRILL_SKILLS):
        head = "<p><b>A strong reply does three things</b></p>"
        return f"{head}<ol>{steps}</ol>{GETTING_STARTED_TAIL}"
    head = (
        "<p><b>This drill practises one thing</b>; only that is scored here</p>"
        if len(asked) == 1
        else "<p><b>This drill practises two things</b>; only those are scored here</p>"
    )
    note = (
        "<p><i>Later drills put all three together: say back what happened, name the "
        "feeling, ask one open question.</i></p>"
    )
    return f"{head}<ul>{steps}</ul>{note}{GETTING_STARTED_TAIL}"


#: The getting-started text for a drill that asks for all three skills.
GETTING_STARTED_HTML = getting_started_html()


class FeedbackPanel(QFrame):
    """Shows one `Feedback`; empty until the first submit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        self.setAccessibleName("Feedback")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)

        self.overall_label = QLabel("Submit a reply to see feedback.")
        self.overall_label.setObjectName("overallScore")
        self.overall_label.setAccessibleName("Overall score")
        self.overall_label.setTextFormat(Qt.TextFormat.RichText)
        # Every label here wraps: one unwrapped line ("Submit a reply (Ctrl+Enter) to see
        # feedback.", "feeling not acknowledged (not asked in this drill)") set the panel's
        # minimum width, and with it the window's, past 800 px.
        self.overall_label.setWordWrap(True)
        layout.addWidget(self.overall_label)

        grid = QGridLayout()
        self.skill_bars: dict[Skill, QProgressBar] = {}
        self.skill_labels: dict[Skill, QLabel] = {}
        for row, skill in enumerate(SKILL_TITLES):
            title = QLabel(SKILL_TITLES[skill])
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setObjectName(f"{skill.value}Score")
            bar.setAccessibleName(f"{SKILL_TITLES[skill]} score")
            bar.setTextVisible(False)
            bar.setMaximumHeight(14)
            bar.setMinimumWidth(BAR_MIN_WIDTH)
            label = QLabel("")
            label.setObjectName(f"{skill.value}Label")
            label.setWordWrap(True)
            grid.addWidget(title, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(label, row, 2)
            self.skill_bars[skill] = bar
            self.skill_labels[skill] = label
        grid.setColumnStretch(2, 1)  # the words take the room; the bars keep their width
        layout.addLayout(grid)

        self.findings_view = QTextBrowser()
        self.findings_view.setObjectName("findingsView")
        self.findings_view.setAccessibleName("Your reply with findings highlighted")
        self.findings_view.setOpenLinks(False)
        layout.addWidget(self.findings_view, stretch=3)

        self.exemplars_view = QTextBrowser()
        self.exemplars_view.setObjectName("exemplarsView")
        self.exemplars_view.setAccessibleName("Model replies")
        layout.addWidget(self.exemplars_view, stretch=2)
        self.feedback: Feedback | None = None  # what the panel shows, None before a submit
        self.previous = False  # True while it shows the feedback of the try being retried
        self.clear()

    def clear(self, skills: Sequence[Skill] = DRILL_SKILLS) -> None:
        """Empty the panel, with how to reply to a drill asking for `skills`."""
        self.feedback = None
        self.previous = False
        self.overall_label.setText("<b>Submit a reply</b> (Ctrl+Enter) to see feedback.")
        for bar in self.skill_bars.values():
            bar.setValue(0)
            bar.setEnabled(False)
        for label in self.skill_labels.values():
            label.setText("")
        self.findings_view.setHtml(getting_started_html(skills))
        self.exemplars_view.clear()
        self.exemplars_view.setVisible(False)

    def mark_previous(self) -> None:
        """Keep the feedback on screen while the agent edits a retry, marked as the last try's.

        Retry used to clear the panel, taking away the very feedback the agent was acting on;
        it stays until the next submit replaces it.
        """
        if self.feedback is None:
            return
        self.previous = True
        overall = self.feedback.overall
        self.overall_label.setText(
            f"<span style='color:#4a5d68'>Previous attempt:</span> <b>{overall}</b> / 100 · "
            f"{verdict(overall)}<br><small>Edit your reply below and submit again "
            "(Ctrl+Enter) for new feedback.</small>"
        )
        self.overall_label.setAccessibleDescription(f"Previous attempt scored {overall}")

    def show_feedback(self, response: str, feedback: Feedback, exemplars: Sequence[str]) -> None:
        """Fill the panel; model replies appear only now, after the agent has tried."""
        self.feedback = feedback
        self.previous = False
        self.overall_label.setAccessibleDescription("")
        self.overall_label.setText(
            f"<span style='font-size:20pt;font-weight:600'>{feedback.overall}</span>"
            f"<span style='font-size:11pt'> / 100 · {verdict(feedback.overall)}</span>"
        )
        for result in feedback.skills:
            bar = self.skill_bars[result.skill]
            percent = round(result.score * 100)
            bar.setEnabled(result.asked)
            bar.setValue(percent)
            bar.setStyleSheet(bar_style(percent) if result.asked else "")
            text = LABEL_TEXT.get((result.skill, result.label), result.label)
            shown = f"{percent} · {text}" if text else str(percent)
            self.skill_labels[result.skill].setText(
                shown if result.asked else f"{text or 'judged'} (not asked in this drill)"
            )
        self.findings_view.setHtml(findings_html(response, feedback))
        self.exemplars_view.setHtml(exemplars_html(exemplars))
        self.exemplars_view.setVisible(bool(exemplars))


def bar_style(percent: int) -> str:
    """Red, amber or green, so a glance says where to look; the number is always beside it."""
    colour = BAND_COLOURS[score_band(percent)]
    return f"QProgressBar::chunk {{ background-color: {colour}; }}"


def findings_html(response: str, feedback: Feedback) -> str:
    parts = [f"<p><b>Your reply</b><br>{highlighted_html(response, feedback.findings)}</p>"]
    good = [f for f in feedback.findings if f.worked]
    to_work_on = [f for f in feedback.findings if not f.worked]
    if good:
        parts.append("<p><b>What worked</b></p><ul>")
        parts.extend(_finding_item(response, f) for f in good)
        parts.append("</ul>")
    if to_work_on:
        parts.append("<p><b>What to work on</b></p><ul>")
        parts.extend(_finding_item(response, f) for f in to_work_on)
        parts.append("</ul>")
    if feedback.truncated:
        parts.append("<p><i>Only the first part of a very long reply was judged.</i></p>")
    return "".join(parts)


def _finding_item(response: str, finding: Finding) -> str:
    quote = ""
    if finding.has_span:
        quote = f" <i>“{html.escape(response[finding.start : finding.end])}”</i>"
    tip = f"<br>→ {html.escape(finding.suggestion)}" if finding.suggestion else ""
    return f"<li>{html.escape(finding.message)}{quote}{tip}</li>"


def exemplars_html(exemplars: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(text)}</li>" for text in exemplars)
    return f"<p><b>Model replies</b> (one way to say it, not the only one)</p><ul>{items}</ul>"
