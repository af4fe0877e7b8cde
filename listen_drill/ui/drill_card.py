"""The card that shows the customer's statement and its context."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from listen_drill.core.models import DRILL_SKILLS, Drill, Skill

SKILL_ASKS = {
    Skill.PARAPHRASE: "say back what happened in your own words",
    Skill.EMOTION: "name how they feel",
    Skill.QUESTION: "ask one open question",
}


def practise_line(drill: Drill) -> str:
    """What this drill asks for, in words: single-skill drills say so plainly."""
    asks = [SKILL_ASKS[skill] for skill in DRILL_SKILLS if skill in drill.skills]
    if len(asks) == 1:
        return f"<b>This drill:</b> only {asks[0]}."
    return "<b>Your reply:</b> " + ", ".join(asks[:-1]) + f" and {asks[-1]}."


class DrillCard(QFrame):
    """The customer's words, large and readable, with who they are and where they wrote from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.position_label = QLabel()
        self.position_label.setObjectName("drillPosition")
        # "Billing and subscriptions · drill 1 of 30" on one line widened the window past
        # 800 px; a trainer's pack title may be longer still.
        self.position_label.setWordWrap(True)
        self.context_label = QLabel()
        self.context_label.setObjectName("drillContext")
        self.context_label.setWordWrap(True)
        self.statement_view = QLabel()
        self.statement_view.setObjectName("statementView")
        self.statement_view.setAccessibleName("Customer statement")
        self.statement_view.setWordWrap(True)
        # The customer's words must never be clipped, however long: the card grows to fit.
        self.statement_view.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.statement_view.setTextFormat(Qt.TextFormat.RichText)
        self.statement_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skills_label = QLabel()
        self.skills_label.setObjectName("drillSkills")
        self.skills_label.setTextFormat(Qt.TextFormat.RichText)
        self.skills_label.setWordWrap(True)
        for widget in (
            self.position_label,
            self.context_label,
            self.statement_view,
            self.skills_label,
        ):
            layout.addWidget(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped rich text does not ask its layout for height; reserve what it needs."""
        super().resizeEvent(event)
        self._fit_statement()

    def _fit_statement(self) -> None:
        """Reserve the height the statement needs at this width, no more: QLabel counts its
        minimum height in `heightForWidth`, so it is measured without one, or a short statement
        after a long one would keep the long one's height."""
        view = self.statement_view
        kept = view.minimumHeight()
        view.setMinimumHeight(0)
        needed = view.heightForWidth(view.width())
        view.setMinimumHeight(needed if needed > 0 else kept)

    def show_drill(self, drill: Drill, position: int, total: int, pack_title: str) -> None:
        self.position_label.setText(f"{html.escape(pack_title)} · drill {position} of {total}")
        self.context_label.setText(drill.context.describe())
        self.context_label.setVisible(bool(drill.context.describe()))
        self.statement_view.setText(
            f"<p style='font-size:14pt'>“{html.escape(drill.statement)}”</p>"
        )
        self.statement_view.setAccessibleDescription(drill.statement)
        self._fit_statement()
        self.skills_label.setText(practise_line(drill))
