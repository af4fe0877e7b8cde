"""The feedback text: what worked, and what to work on, with the tips where they belong."""

from __future__ import annotations

from listen_drill.core.scoring import default_scorer
from listen_drill.ui.feedback_panel import findings_html

STATEMENT = "This is the third time my delivery has been late and it was a birthday present!"


def _sections(html: str) -> tuple[str, str]:
    worked, _, work_on = html.partition("What to work on")
    return worked, work_on


def test_part_credit_with_a_tip_is_listed_under_what_to_work_on() -> None:
    reply = "That sounds really frustrating. Did it arrive in the end?"
    feedback = default_scorer().score(STATEMENT, reply)
    closed = next(f for f in feedback.findings if f.kind == "question.closed")
    assert closed.points > 0 and closed.suggestion  # part credit, with a way to do better
    worked, work_on = _sections(findings_html(reply, feedback))
    assert "What worked" in worked
    assert "You named how the customer feels" in worked
    assert closed.message not in worked
    assert closed.message in work_on


def test_full_credit_without_a_tip_stays_under_what_worked() -> None:
    reply = (
        "A third late delivery, and a birthday present too: that's so disappointing. What happened?"
    )
    feedback = default_scorer().score(STATEMENT, reply)
    open_question = next(f for f in feedback.findings if f.kind == "question.open")
    worked, work_on = _sections(findings_html(reply, feedback))
    assert open_question.message in worked
    assert open_question.message not in work_on
