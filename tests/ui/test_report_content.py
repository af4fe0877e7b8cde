"""What the printed report says to a team lead: only good replies held up as good, no good drill
sent back for practice, packs and drills by the names the agent knows, statements as written.

Real stores in tmp_path; the PDF is rendered and read back (text) and drawn as images (looked
at while writing these: `LISTEN_DRILL_SHOTS=DIR` keeps them)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6 import QtPdf
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from listen_drill.core.export.filters import ExportFilter
from listen_drill.core.export.report import build_report
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.models import Attempt
from listen_drill.core.store import Store, new_attempt_uuid
from listen_drill.ui.report_pdf import render_report_pdf, report_document, report_html
from tests.ui.test_report_pdf import feedback, page_texts
from tests.ui.windows import shots_folder

START = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
COLD = "My meal came cold.\nAnd the driver was rude about it."
POLICY = "You charged me twice for one order and nobody answers the phone."


def attempt(
    profile_id: int, pack: str, drill: str, said: str, reply: str, overall: int, hours: int
) -> Attempt:
    return Attempt(
        uuid=new_attempt_uuid(),
        profile_id=profile_id,
        pack_id=pack,
        drill_id=drill,
        statement=said,
        response=reply,
        feedback=feedback(overall),
        seconds=20.0,
        created_at=(START + timedelta(hours=hours)).isoformat(),
    )


def two_drills(store: Store, good: int = 88) -> None:
    """One agent, two drills of the bundled Fundamentals pack: one done well, one badly."""
    profile = store.current_profile()
    for hour in range(3):
        store.record_attempt(
            attempt(
                profile.id,
                "fundamentals",
                "para-cold-meal",
                COLD,
                "So the meal was cold.\nThat sounds upsetting. What happened?",
                good,
                hour,
            )
        )
        store.record_attempt(
            attempt(
                profile.id,
                "fundamentals",
                "billing-twice",
                POLICY,
                "Calm down, it is our policy.",
                0,
                hour + 10,
            )
        )


def shots(pdf: Path, name: str) -> None:
    """Draw each page as the reader sees it, into LISTEN_DRILL_SHOTS (when set) to look at."""
    folder = shots_folder()
    if folder is None:
        return
    document = QtPdf.QPdfDocument()
    document.load(str(pdf))
    for page in range(document.pageCount()):
        document.render(page, QSize(1240, 1754)).save(str(folder / f"{name}-p{page + 1}.png"))
    document.close()


def test_best_replies_are_good_ones_and_a_good_drill_is_not_to_practise(
    qapp: QApplication, library_store: Store, tmp_path: Path
) -> None:
    two_drills(library_store)
    report = build_report(AttemptSource.for_store(library_store))
    (agent,) = report.agents

    assert [r.overall for r in agent.best_replies] == [88]
    assert [d.drill_id for d in agent.strongest] == ["para-cold-meal"]
    assert [d.drill_id for d in agent.weakest] == ["billing-twice"]

    pdf = render_report_pdf(report, tmp_path / "report.pdf")
    shots(pdf, "two-drills")
    text = " ".join(page_texts(pdf))
    assert "Calm down, it is our policy." not in text
    assert "scoring 70 or more" in text
    html = report_html(report, report_document(report))
    assert "color:#c0392b'>0</b>" in html  # the 0 drill's score in red, not green


def test_a_good_second_drill_is_never_under_to_practise(
    qapp: QApplication, library_store: Store
) -> None:
    two_drills(library_store, good=95)
    profile = library_store.current_profile()
    library_store.record_attempt(
        attempt(profile.id, "fundamentals", "billing-twice", POLICY, "Reply.", 88, 40)
    )
    library_store.record_attempt(
        attempt(profile.id, "fundamentals", "billing-twice", POLICY, "Reply.", 88, 41)
    )
    library_store.record_attempt(
        attempt(profile.id, "fundamentals", "billing-twice", POLICY, "Reply.", 88, 42)
    )
    (agent,) = build_report(AttemptSource.for_store(library_store)).agents
    assert agent.weakest == ()
    assert len(agent.strongest) == 2


def test_no_good_reply_leaves_the_section_out(qapp: QApplication, library_store: Store) -> None:
    two_drills(library_store, good=55)
    report = build_report(AttemptSource.for_store(library_store))
    assert report.agents[0].best_replies == ()
    assert "Best replies" not in report_document(report).toPlainText()


def test_packs_and_drills_by_name_and_statements_keep_their_lines(
    qapp: QApplication, library_store: Store, tmp_path: Path
) -> None:
    two_drills(library_store)
    profile = library_store.current_profile()
    library_store.record_attempt(attempt(profile.id, "gone-pack", "d1", "", "Some reply.", 20, 50))
    source = AttemptSource.for_store(library_store)

    report = build_report(source, ExportFilter(pack_id="fundamentals"))
    assert report.scope.endswith("pack Fundamentals")
    pdf = render_report_pdf(report, tmp_path / "fundamentals.pdf")
    shots(pdf, "by-name")
    text = " ".join(page_texts(pdf))
    assert "fundamentals /" not in text and "para-cold-meal" not in text
    assert "“My meal came cold. And the driver was rude about it.”" in text  # the drill's name
    plain = report_document(report).toPlainText()
    assert "My meal came cold.\nAnd the driver was rude about it." in plain  # the card's quote

    everything = build_report(source)
    pdf = render_report_pdf(everything, tmp_path / "all.pdf")
    text = " ".join(page_texts(pdf))
    assert "gone-pack" in text and "d1" in text  # a removed pack's drill: its ids, the fallback
