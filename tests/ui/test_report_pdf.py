"""The printed report as a reader sees it: PDFs from real stores, rendered back to images.

The checks look at pixels of the pages that ought to be blank, the margins: a table pushed off
the page by a long name reaches the right edge, and a best-reply card split by a page break
painted its grey over the foot (under the page number) and the head of the next page. Where a
page breaks is read from the PDF's own text, page by page.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6 import QtPdf  # PySide6-Addons, a dependency: a missing module must fail
from PySide6.QtCore import QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QImage, QPainter, QTextBlock
from PySide6.QtWidgets import QApplication

from listen_drill.core.export.report import ReportData, build_report
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.models import Attempt, Feedback, Finding, Skill, SkillResult
from listen_drill.core.store import Store, new_attempt_uuid
from listen_drill.ui.report_pdf import (
    _card_blocks,
    _sentences,
    pdf_writer,
    print_layout,
    render_report_pdf,
    report_document,
)

LONG_NAME = "Jonathan Alexander Featherstonehaugh-Whitcombe"
START = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
#: Millimetres to points; the text sits 22 mm in (print_'s 2 cm and the printer's 2 mm).
MM = 72 / 25.4
TEXT_INSET = 22 * MM
SENTENCE = "You said back what the customer told you, and named how they feel about it. "


def feedback(overall: int) -> Feedback:
    return Feedback(
        overall=overall,
        skills=(
            SkillResult(Skill.PARAPHRASE, 0.8, "complex"),
            SkillResult(Skill.EMOTION, 1.0, "yes"),
            SkillResult(Skill.QUESTION, 1.0, "open"),
            SkillResult(Skill.LANGUAGE, 1.0, ""),
        ),
        findings=(
            Finding("respect", Skill.LANGUAGE, "Respectful wording.", points=10.0),
            Finding("reflection", Skill.PARAPHRASE, "You said back the main point.", points=20.0),
        ),
    )


def team_store(store: Store, names: list[str], reply_sentences: list[int]) -> ReportData:
    """Agents with three best replies each, of the given lengths (in sentences), in turn."""
    turn = 0
    for name in names:
        profile = store.create_profile(name)
        for index in range(12):
            sentences = reply_sentences[turn % len(reply_sentences)]
            turn += 1
            store.record_attempt(
                Attempt(
                    uuid=new_attempt_uuid(),
                    profile_id=profile.id,
                    pack_id="basics",
                    drill_id=f"d{index % 6}",
                    statement=f"My parcel is late again ({index}), and nobody called me back.",
                    response=SENTENCE * sentences + "What would help most?",
                    feedback=feedback(60 + index),
                    seconds=30.0,
                    created_at=(START + timedelta(hours=19) * index).isoformat(),
                )
            )
    return build_report(AttemptSource.for_store(store))


def pages(pdf: Path) -> Iterator[QImage]:
    """Each page at one pixel a point (A4: 595 x 842)."""
    document = QtPdf.QPdfDocument()
    document.load(str(pdf))
    assert document.pageCount() > 0
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        rendered = document.render(page, QSize(round(size.width()), round(size.height())))
        paper = QImage(rendered.size(), QImage.Format.Format_RGB32)  # on white, not transparent
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, rendered)
        painter.end()
        yield paper
    document.close()


def inked(image: QImage, left: float, top: float, right: float, bottom: float) -> int:
    """How many pixels in the rectangle are not white."""
    count = 0
    for y in range(int(top), int(bottom)):
        for x in range(int(left), int(right)):
            colour = image.pixelColor(x, y)
            if min(colour.red(), colour.green(), colour.blue()) < 250:
                count += 1
    return count


def test_a_long_name_wraps_and_every_team_column_stays_on_the_page(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """`white-space: nowrap` on the name cut the table at 'Langua' and lost the last columns."""
    one_word = "Wolfeschlegelsteinhausenbergerdorff" * 2  # cut to 60 characters, then wraps
    report = team_store(store, ["Ana", LONG_NAME, one_word], [1])
    pdf = render_report_pdf(report, tmp_path / "team.pdf")

    first = next(pages(pdf))
    width = first.width()
    assert inked(first, width - TEXT_INSET + 4, 0, width, first.height()) == 0
    text = QtPdf.QPdfDocument()
    text.load(str(pdf))
    words = text.getAllText(0).text()
    assert "Last seen" in words and "Trend" in words and "Language" in words
    text.close()


def test_a_best_reply_card_is_never_split_by_a_page_break(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Cards of many heights, on many agents' pages: some fall on a page's foot. Each must move
    whole to the next page, leaving the margins white (the page number alone, at the right)."""
    report = team_store(store, ["Ana", "Ben", "Chloé", "Dev", "Eun-ji"], [1, 6, 3, 9, 2, 5, 7])
    pdf = render_report_pdf(report, tmp_path / "team.pdf")

    for number, page in enumerate(pages(pdf), start=1):
        width, height = page.width(), page.height()
        foot = inked(page, 0, height - TEXT_INSET + 4, width - TEXT_INSET - 30, height)
        head = inked(page, 0, 0, width, TEXT_INSET - 4)
        assert (foot, head) == (0, 0), f"page {number} has ink in its margins"


def test_what_worked_reads_as_sentences(qapp: QApplication, store: Store) -> None:
    """Messages end in full stops already; '; ' between them read "wording.; You said"."""
    assert _sentences(["Respectful wording.", "  You said back the main point", ""]) == (
        "Respectful wording. You said back the main point."
    )
    report = team_store(store, ["Ana"], [1])
    text = report_document(report).toPlainText()
    assert "what worked: Respectful wording. You said back the main point." in text
    assert ".;" not in text


def test_the_pdf_gets_the_mode_a_new_file_gets(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Not mkstemp's 0600: a team lead's colleagues read the report from a shared folder."""
    report = team_store(store, ["Ana"], [1])
    previous = os.umask(0o022)
    try:
        pdf = render_report_pdf(report, tmp_path / "ana.pdf")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o644


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of `pdf` as QtPdf reads it back, on one line (spaces collapsed)."""
    document = QtPdf.QPdfDocument()
    document.load(str(pdf))
    texts = [
        " ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())
    ]
    document.close()
    return texts


def line_page(
    layout: QAbstractTextDocumentLayout, block: QTextBlock, line: int, page: float
) -> int:
    """The page a block's line (-1: its last) is printed on. Measured from the line itself: a
    line that did not fit above the foot moved down inside its block, whose rect stayed where
    the block began."""
    top = layout.blockBoundingRect(block).top()  # first: this lays the block out
    lines = block.layout()
    return int((top + lines.lineAt(line % lines.lineCount()).y()) // page)


def parted_headings(report: ReportData, folder: Path) -> dict[str, str]:
    """Headings that, laid out with no page breaks of ours, end a page while what they keep with
    (the whole first card after "Best replies", else the next block's first line) starts or
    ends on the next: heading's text -> the start of what follows it."""
    document = report_document(report)  # held: the copy is laid out on its writer
    writer = pdf_writer(folder / "probe.pdf", "probe")
    copy, _ = print_layout(document, writer)
    page = copy.pageSize().height()
    layout = copy.documentLayout()
    cards = set(_card_blocks(copy))
    parted = {}
    block = copy.begin()
    while block.isValid():
        after = block.next()
        if block.blockFormat().headingLevel() > 0 and after.isValid():
            last = -1 if after.blockNumber() in cards else 0
            if line_page(layout, block, 0, page) != line_page(layout, after, last, page):
                parted[block.text()] = " ".join(after.text().split()[:3])
        block = after
    return parted


def with_first_reply(report: ReportData, sentences: int) -> ReportData:
    """The one agent's first (top) best reply made `sentences` sentences long."""
    agent = report.agents[0]
    first = replace(agent.best_replies[0], response=SENTENCE * sentences + "What would help?")
    return replace(report, agents=(replace(agent, best_replies=(first, *agent.best_replies[1:])),))


def test_the_best_replies_heading_moves_with_a_card_that_would_cross_the_foot(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Moving the first card whole to the next page left "Best replies" alone above the foot."""
    report = team_store(store, ["Ana"], [1])
    longer = (with_first_reply(report, n) for n in range(1, 40))
    parted = next(
        (
            r
            for r in longer
            if any(h.startswith("Best replies") for h in parted_headings(r, tmp_path))
        ),
        None,
    )
    assert parted is not None, "no first card long enough to cross the foot"
    pdf = render_report_pdf(parted, tmp_path / "ana.pdf")

    [page] = [text for text in page_texts(pdf) if "Best replies" in text]
    first_card = parted.agents[0].best_replies[0]
    assert f"one per drill) {first_card.overall}" in page  # the heading, then the card
    assert f"Reply: {first_card.response}" in page  # the whole card, on the heading's page


def test_no_heading_is_left_at_the_foot_of_a_page(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Ever more lines above the agent's sections (the scope line at the top wraps) bring each
    heading in turn to a page's last line, where Qt leaves it when what follows does not fit.
    Printed, each heading shares its page with what follows it."""
    report = team_store(store, ["Ana"], [1])
    headings = ("Best replies", "Strongest and weakest drills", "Listening profile")
    found: dict[str, tuple[ReportData, str]] = {}
    for words in range(0, 800, 4):
        padded = replace(report, scope=report.scope + " pack" * words)
        for heading, following in parted_headings(padded, tmp_path).items():
            found.setdefault(heading.split(" (")[0], (padded, f"{heading} {following}"))
        if all(name in found for name in headings):
            break
    assert set(headings) <= set(found), f"only {sorted(found)} came to a page's foot"

    for name in headings:
        padded, heading_and_next = found[name]
        pdf = render_report_pdf(padded, tmp_path / "ana.pdf")
        [page] = [text for text in page_texts(pdf) if name in text]
        assert heading_and_next in page, f"{name!r} is printed apart from what follows it"
