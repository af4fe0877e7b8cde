"""The card that shows the customer's statement and its context."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from listen_drill.core.models import DRILL_SKILLS, Drill, Skill
from listen_drill.ui.rich_text import escaped_lines

SKILL_ASKS = {
    Skill.PARAPHRASE: "say back what happened in your own words",
    Skill.EMOTION: "name how they feel",
    Skill.QUESTION: "ask one open question",
}

#: The statement scrolls inside the card past this many lines, or past this share of the
#: screen's height, whichever is less, but always shows at least MIN_STATEMENT_LINES: a
#: trainer's 2,000-character statement grew the window past the screen, Submit with it.
MAX_STATEMENT_LINES = 10
MIN_STATEMENT_LINES = 3
MAX_STATEMENT_SCREEN_SHARE = 0.25
STATEMENT_POINT_SIZE = 14


def _asks(drill: Drill) -> list[str]:
    return [SKILL_ASKS[skill] for skill in DRILL_SKILLS if skill in drill.skills]


def _joined(asks: list[str]) -> str:
    return asks[0] if len(asks) == 1 else ", ".join(asks[:-1]) + f" and {asks[-1]}"


def practise_line(drill: Drill) -> str:
    """What this drill asks for, in words: single-skill drills say so plainly."""
    asks = _asks(drill)
    if len(asks) == 1:
        return f"<b>This drill:</b> only {asks[0]}."
    return f"<b>Your reply:</b> {_joined(asks)}."


def reply_placeholder(drill: Drill | None) -> str:
    """The reply box's hint, asking for what this drill asks and nothing more.

    It said "reflect, name the feeling, ask an open question" on drills that score only one of
    them, contradicting the card right above it.
    """
    asks = _asks(drill) if drill is not None else [SKILL_ASKS[s] for s in DRILL_SKILLS]
    if len(asks) == 1:
        return f"Reply to the customer: only {asks[0]}. Ctrl+Enter to submit."
    return f"Reply to the customer: {_joined(asks)}. Ctrl+Enter to submit."


def statement_html(statement: str) -> str:
    """The customer's words as rich text, escaped, with their own line breaks kept."""
    return f"<p style='font-size:{STATEMENT_POINT_SIZE}pt'>“{escaped_lines(statement)}”</p>"


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
        self.statement_view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.statement_view.setTextFormat(Qt.TextFormat.RichText)
        self.statement_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Who the customer is and what they say scroll inside the card past `statement_cap`
        # (keyboard: Tab to it, then the arrows) instead of making the card, and with it the
        # window, taller than the screen; where the drill is and what it asks stay in sight.
        self.statement_body = QWidget()
        self.statement_body.setObjectName("statementBody")
        self._body_layout = QVBoxLayout(self.statement_body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        self._body_layout.addWidget(self.context_label)
        self._body_layout.addWidget(self.statement_view)
        self._body_layout.addStretch(1)
        self.statement_scroll = QScrollArea()
        self.statement_scroll.setObjectName("statementScroll")
        self.statement_scroll.setAccessibleName("Customer statement, scrolls when long")
        self.statement_scroll.setWidget(self.statement_body)
        self.statement_scroll.setWidgetResizable(True)
        self.statement_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.statement_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.statement_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab only when it scrolls
        # The card's colour through it: setWidget turned the body's background on.
        self.statement_scroll.viewport().setAutoFillBackground(False)
        self.statement_body.setAutoFillBackground(False)
        self.statement_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.skills_label = QLabel()
        self.skills_label.setObjectName("drillSkills")
        self.skills_label.setTextFormat(Qt.TextFormat.RichText)
        self.skills_label.setWordWrap(True)
        for widget in (self.position_label, self.statement_scroll, self.skills_label):
            layout.addWidget(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped rich text does not ask its layout for height; reserve what it needs."""
        super().resizeEvent(event)
        self._fit_statement()

    def statement_cap(self) -> int:
        """The most height the context and statement take before they scroll, in pixels."""
        font = self.statement_view.font()
        font.setPointSize(STATEMENT_POINT_SIZE)
        line = QFontMetrics(font).lineSpacing()
        screen = self.screen() or QGuiApplication.primaryScreen()
        most = line * MAX_STATEMENT_LINES
        if screen is not None:
            most = min(most, int(screen.availableGeometry().height() * MAX_STATEMENT_SCREEN_SHARE))
        return max(line * MIN_STATEMENT_LINES, most)

    def _fit_statement(self) -> None:
        """Give the context and statement the height they need at this width, up to
        `statement_cap`; past it they scroll.

        Wrapped rich text does not ask its layout for height, so each label's minimum height
        is set to what it needs at the width it will have (narrower by the scroll bar when it
        scrolls), which also lets the scroll bar reach every line. QLabel counts its minimum
        height in `heightForWidth`, so it is measured without one, or a short statement after
        a long one would keep the long one's height.
        """
        scroll = self.statement_scroll
        frame = 2 * scroll.frameWidth()
        labels = [
            label for label in (self.context_label, self.statement_view) if not label.isHidden()
        ]
        spacing = max(self._body_layout.spacing(), 0) * (len(labels) - 1)
        for label in labels:
            label.setMinimumHeight(0)

        def heights_at(width: int) -> list[int]:
            heights = []
            for label in labels:
                needed = label.heightForWidth(width) if width > 0 else -1
                heights.append(needed if needed > 0 else label.sizeHint().height())
            return heights

        width = scroll.width() - frame
        heights = heights_at(width)
        cap = self.statement_cap()
        scrolls = sum(heights) + spacing + frame > cap
        if scrolls:  # the scroll bar takes its width from the text
            heights = heights_at(width - scroll.verticalScrollBar().sizeHint().width())
        for label, height in zip(labels, heights, strict=True):
            label.setMinimumHeight(height)
        scroll.setFixedHeight(cap if scrolls else sum(heights) + spacing + frame)
        # Only a statement that scrolls needs the keyboard: then Tab stops on it, and the
        # arrow keys and Page Up/Down scroll it.
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus if scrolls else Qt.FocusPolicy.NoFocus)
        scroll.setToolTip("Scroll for the rest of what the customer said" if scrolls else "")

    def show_drill(self, drill: Drill, position: int, total: int, pack_title: str) -> None:
        self.position_label.setText(f"{html.escape(pack_title)} · drill {position} of {total}")
        self.context_label.setText(drill.context.describe())
        self.context_label.setVisible(bool(drill.context.describe()))
        self.statement_view.setText(statement_html(drill.statement))
        self.statement_view.setAccessibleDescription(drill.statement)
        self.statement_scroll.verticalScrollBar().setValue(0)  # a new statement reads from the top
        self._fit_statement()
        self.skills_label.setText(practise_line(drill))
