"""The end-of-round summary: how the round went and what to practise next."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from listen_drill.core.models import Attempt
from listen_drill.core.stats import round_summary
from listen_drill.core.wording import noun_for
from listen_drill.ui.dashboard import SKILL_NAMES


class RoundSummaryDialog(QDialog):
    """Attempts, average, best and weakest skill, and one concrete next step."""

    def __init__(self, attempts: Sequence[Attempt], pack_title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("roundSummary")
        self.setWindowTitle("Round complete")
        summary = round_summary(attempts)
        self.summary = summary
        average = "–" if summary.average is None else f"{summary.average:.0f}"
        rows = "".join(
            f"<tr><td>{SKILL_NAMES[skill]}</td><td align=right>"
            f"{'–' if value is None else f'{value:.0f}'}</td></tr>"
            for skill, value in summary.skills.items()
            if skill in SKILL_NAMES
        )
        best = SKILL_NAMES.get(summary.best, "–") if summary.best else "–"
        weakest = SKILL_NAMES.get(summary.weakest, "–") if summary.weakest else "–"
        text = QLabel(
            f"<h3>{html.escape(pack_title)}: round complete</h3>"
            f"<p><b>{summary.attempts:,}</b> {noun_for(summary.attempts, 'attempt')}"
            f" · average <b>{average}</b></p>"
            f"<table cellpadding=3>{rows}</table>"
            f"<p>Strongest: <b>{best}</b> · Weakest: <b>{weakest}</b></p>"
            f"<p><b>Next:</b> {summary.next_step}</p>"
        )
        text.setObjectName("roundSummaryText")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start next round")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(420, 320)
