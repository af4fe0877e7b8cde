"""The card that shows the customer's statement and its context."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from listen_drill.core.models import Drill


class DrillCard(QFrame):
    """The customer's words, large and readable, with who they are and where they wrote from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.position_label = QLabel()
        self.position_label.setObjectName("drillPosition")
        self.context_label = QLabel()
        self.context_label.setObjectName("drillContext")
        self.context_label.setWordWrap(True)
        self.statement_view = QLabel()
        self.statement_view.setObjectName("statementView")
        self.statement_view.setAccessibleName("Customer statement")
        self.statement_view.setWordWrap(True)
        self.statement_view.setTextFormat(Qt.TextFormat.RichText)
        self.statement_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skills_label = QLabel()
        self.skills_label.setObjectName("drillSkills")
        for widget in (
            self.position_label,
            self.context_label,
            self.statement_view,
            self.skills_label,
        ):
            layout.addWidget(widget)

    def show_drill(self, drill: Drill, position: int, total: int, pack_title: str) -> None:
        self.position_label.setText(f"{html.escape(pack_title)} · drill {position} of {total}")
        self.context_label.setText(drill.context.describe())
        self.context_label.setVisible(bool(drill.context.describe()))
        self.statement_view.setText(
            f"<p style='font-size:14pt'>“{html.escape(drill.statement)}”</p>"
        )
        self.statement_view.setAccessibleDescription(drill.statement)
        wanted = ", ".join(skill.value for skill in drill.skills)
        self.skills_label.setText(f"Practise: {wanted}")
