"""Draw the core's `ReportData` as a printable PDF: tables as rich text, charts with QPainter.

The numbers all come from `core.export.report`; this module only lays them out. It needs a
QGuiApplication (fonts), works offscreen, and can run in a worker thread: it touches no widget.
The PDF is written to a temporary file beside the target and renamed, like every export.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from listen_drill.core.export.atomic import atomic_paths
from listen_drill.core.export.progress import CancelFn, ProgressFn, Steps
from listen_drill.core.export.report import (
    OVERALL,
    AgentReport,
    ReportData,
    Trend,
)
from listen_drill.core.models import Skill
from listen_drill.core.stats import (
    COMPLEX_SHARE_FAIR,
    COMPLEX_SHARE_GOOD,
    GOOD_SCORE,
    OPEN_SHARE_FAIR,
    OPEN_SHARE_GOOD,
    REFLECTIONS_PER_QUESTION_FAIR,
    REFLECTIONS_PER_QUESTION_GOOD,
    STAT_SKILLS,
    Band,
    DrillScore,
    PeriodPoint,
    ProfileMetric,
    SkillAverages,
    score_band,
)
from listen_drill.core.wording import drill_name
from listen_drill.ui.rich_text import escaped_lines

SKILL_NAMES = {
    OVERALL: "Overall",
    "paraphrase": "Paraphrase",
    "emotion": "Feeling",
    "question": "Question",
    "language": "Language",
}
SERIES_COLOURS = {
    OVERALL: "#1b2631",
    "paraphrase": "#2e86c1",
    "emotion": "#ca6f1e",
    "question": "#7d3c98",
    "language": "#17a589",
}
BAND_COLOURS = {Band.GOOD: "#1e8449", Band.FAIR: "#b9770e", Band.BELOW: "#c0392b"}
BAND_WORDS = {Band.GOOD: "Good", Band.FAIR: "Fair", Band.BELOW: "Below target"}
ACCENT = "#1f4e79"
MUTED = "#5d6d7e"
CHART_SIZE = (2000, 540)  # pixels; shown about 17 cm wide, so ~300 dpi on paper
CHART_WIDTH_PT = 620  # width in layout units: the 166 mm (627 px) between print_ margins
NAME_CHARS = 60  # longest agent name shown whole in the team table
CARD_ANCHOR = "best-reply"  # names each best-reply card's block
PRINT_MARGIN_CM = 2.0  # what QTextDocument.print_ puts around the text
PRINTER_MARGIN_MM = 2.0  # what print_ gives a printer whose margins are all 0

STYLE = f"""
body {{ font-family: 'DejaVu Sans', 'Segoe UI', sans-serif; font-size: 9.5pt; color: #1b2631; }}
h1 {{ font-size: 19pt; color: {ACCENT}; margin: 0 0 2px 0; }}
h2 {{ font-size: 14pt; color: {ACCENT}; margin: 16px 0 2px 0; }}
h3 {{ font-size: 11pt; color: #1b2631; margin: 10px 0 3px 0; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8.5pt; }}
th {{ white-space: nowrap; background-color: #eaf0f6; font-weight: bold; text-align: left; }}
td.num, th.num {{ text-align: right; }}
.quote {{ font-style: italic; }}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _band_colour(value: float) -> str:
    return BAND_COLOURS[score_band(value)]


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _change(value: float | None) -> str:
    if value is None:
        return '<span class="muted">–</span>'
    if abs(value) < 0.5:
        return '<span class="muted">±0</span>'
    colour = "#1e8449" if value > 0 else "#c0392b"
    sign = "+" if value > 0 else "−"
    return f'<span style="color:{colour}">{sign}{abs(value):.0f}</span>'


def _day(day: date | None) -> str:
    return "–" if day is None else day.strftime("%d %b %Y").lstrip("0")


def _tile_row(averages: SkillAverages, trend: Trend) -> str:
    """Five big figures across the page: overall and each skill, with their recent change."""
    cells = []
    for key in (OVERALL, *(s.value for s in STAT_SKILLS)):
        value = averages.overall if key == OVERALL else averages.skills.get(_skill(key))
        colour = SERIES_COLOURS[key]
        cells.append(
            f'<td width="20%" style="border-top: 3px solid {colour};">'
            f'<span class="small muted">{SKILL_NAMES[key]}</span><br>'
            f'<span style="font-size:20pt; font-weight:bold; color:{colour}">{_score(value)}</span>'
            f'<span class="small"> &nbsp;{_change(trend.change(key))}</span></td>'
        )
    return (
        '<table width="100%" cellspacing="6" cellpadding="6" style="margin-top:6px">'
        f"<tr>{''.join(cells)}</tr></table>"
        '<p class="small muted">Averages out of 100. The small figure is the change over the '
        "latest four weeks against the four weeks before.</p>"
    )


def _skill(key: str) -> Skill:
    return Skill(key)


def _metric_row(name: str, metric: ProfileMetric, shown: str, target: str) -> str:
    if metric.band is None:
        band = '<span class="muted">not enough replies yet</span>'
    else:
        colour = BAND_COLOURS[metric.band]
        band = f'<b style="color:{colour}">{BAND_WORDS[metric.band]}</b>'
    return (
        f"<tr><td>{name}</td><td class='num'><b>{shown}</b></td>"
        f"<td class='num small muted'>{metric.numerator} of {metric.denominator}</td>"
        f"<td>{band}</td><td class='small muted'>{target}</td></tr>"
    )


def _listening_table(agent: AgentReport) -> str:
    lp = agent.listening
    share = lp.open_question_share
    per_q = lp.reflections_per_question
    cplx = lp.complex_share
    rows = [
        _metric_row(
            "Open questions of all questions",
            share,
            "–" if share.value is None else f"{share.value:.0%}",
            f"good from {OPEN_SHARE_GOOD:.0%}, fair from {OPEN_SHARE_FAIR:.0%}",
        ),
        _metric_row(
            "Reflections per question",
            per_q,
            "–" if per_q.value is None else f"{per_q.value:.1f}",
            f"good from {REFLECTIONS_PER_QUESTION_GOOD:g}, fair from "
            f"{REFLECTIONS_PER_QUESTION_FAIR:g}",
        ),
        _metric_row(
            "Complex of all reflections",
            cplx,
            "–" if cplx.value is None else f"{cplx.value:.0%}",
            f"good from {COMPLEX_SHARE_GOOD:.0%}, fair from {COMPLEX_SHARE_FAIR:.0%}",
        ),
    ]
    return (
        f"<h3>Listening profile <span class='small muted'>(latest {lp.attempts} replies)"
        "</span></h3>"
        '<table width="100%" cellspacing="0" cellpadding="4" border="0">'
        "<tr><th>Measure</th><th class='num'>Value</th><th class='num'>Count</th>"
        f"<th>Band</th><th>Target</th></tr>{''.join(rows)}</table>"
    )


def _drill_rows(agent: AgentReport, drills: Sequence[DrillScore], empty: str) -> str:
    """Each drill by the start of what the customer said (as History names it) and its pack's
    title: ids mean nothing to a lead; they show only for a drill whose words are unknown."""
    if not drills:
        return f"<tr><td colspan='3' class='muted'>{empty}</td></tr>"
    rows = []
    for drill in drills:
        pack_id, drill_id = drill.pack_id, drill.drill_id
        said = agent.statements.get((pack_id, drill_id), "")
        rows.append(
            f"<tr><td><b>{_esc(drill_name(said, drill_id))}</b><br>"
            f"<span class='small muted'>{_esc(agent.pack_title(pack_id))}</span></td>"
            f"<td class='num'><b style='color:{_band_colour(drill.average)}'>"
            f"{drill.average:.0f}</b></td>"
            f"<td class='num small muted'>{drill.attempts}×</td></tr>"
        )
    return "".join(rows)


def _drills_table(agent: AgentReport) -> str:
    header = "<tr><th>Drill</th><th class='num'>Score</th><th class='num'>Tries</th></tr>"
    strongest = _drill_rows(agent, agent.strongest, f"No drill scores {GOOD_SCORE} or more yet.")
    weakest = _drill_rows(agent, agent.weakest, f"No drill scores below {GOOD_SCORE}.")
    return (
        "<h3>Strongest and weakest drills</h3>"
        "<p class='small muted'>Each drill's score is the average of its latest three tries. "
        f"Strongest: drills scoring {GOOD_SCORE} or more, best first; to practise: drills "
        f"below {GOOD_SCORE}, weakest first (up to three each).</p>"
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        '<td width="49%" valign="top"><p><b style="color:#1e8449">Strongest</b></p>'
        f'<table width="100%" cellpadding="4" cellspacing="0">{header}{strongest}</table></td>'
        '<td width="2%"></td>'
        '<td width="49%" valign="top"><p><b style="color:#c0392b">To practise</b></p>'
        f'<table width="100%" cellpadding="4" cellspacing="0">{header}{weakest}</table></td>'
        "</tr></table>"
    )


def _sentences(messages: Sequence[str]) -> str:
    """Messages as running text: each is a sentence ("Respectful wording."), so they are joined
    with a space; one without a full stop of its own gets one (never "wording.; You said")."""
    return " ".join(
        text if text.endswith((".", "!", "?", "…")) else text + "."
        for text in (message.strip() for message in messages)
        if text
    )


def _best_replies(agent: AgentReport) -> str:
    """One grey card per reply; each card is one block with a `CARD_ANCHOR` name, so
    `keep_together` can find it and move it whole to the next page."""
    if not agent.best_replies:
        return ""
    # The rule goes in the heading's own block: a separate note would come between the
    # heading and its first card, and `keep_together` moves a heading with the card after it.
    parts = [
        "<h3>Best replies <span class='small muted'>(scoring "
        f"{GOOD_SCORE} or more out of 100, highest first, one per drill)</span></h3>"
    ]
    for reply in agent.best_replies:
        worked = _sentences(reply.worked[:2])
        colour = _band_colour(reply.overall)
        parts.append(
            '<p style="background-color:#f4f6f7; margin-bottom:6px">'
            f'<a name="{CARD_ANCHOR}"><b style="font-size:13pt; color:{colour}">{reply.overall}'
            "</b></a>&nbsp;&nbsp;"
            f"<span class='small muted'>{_esc(agent.pack_title(reply.pack_id))}, "
            f"{_esc(reply.created_at[:10])}"
            + (f" · what worked: {_esc(worked)}" if worked else "")
            + "</span><br>"
            f"<span class='muted'>Customer:</span> <span class='quote'>"
            f"{escaped_lines(reply.statement)}</span><br>"
            f"<b>Reply:</b> {escaped_lines(reply.response)}" + "</p>"
        )
    return "".join(parts)


def _team_table(report: ReportData) -> str:
    header = (
        "<tr><th>Agent</th><th class='num'>Attempts</th>"
        + "".join(f"<th class='num'>{SKILL_NAMES[k]}</th>" for k in _keys())
        + "<th class='num'>Trend</th><th>Last seen</th></tr>"
    )
    rows = []
    for index, agent in enumerate(report.agents):
        shade = ' style="background-color:#f4f6f7"' if index % 2 else ""
        figures = "".join(
            f"<td class='num'>{_score(_value(agent.averages, k))}</td>" for k in _keys()
        )
        rows.append(
            f"<tr{shade}><td><b>{_esc(_short_name(agent.profile.name))}</b></td>"
            f"<td class='num'>{agent.averages.attempts:,}</td>{figures}"
            f"<td class='num'>{_change(agent.trend.change())}</td>"
            f"<td class='small' style='white-space: nowrap'>{_day(agent.last_day)}</td></tr>"
        )
    team = "".join(f"<td class='num'><b>{_score(_value(report.team, k))}</b></td>" for k in _keys())
    rows.append(
        f"<tr style='border-top:1px solid #1b2631'><td><b>Team</b></td>"
        f"<td class='num'><b>{report.team.attempts:,}</b></td>{team}<td></td><td></td></tr>"
    )
    return (
        "<h2>The team at a glance</h2>"
        '<table width="100%" cellspacing="0" cellpadding="4" style="font-size:8.5pt">'
        f"{header}{''.join(rows)}</table>"
        "<p class='small muted'>Averages out of 100 over the period; trend is the overall "
        "change over the latest four weeks against the four before.</p>"
    )


def _short_name(name: str) -> str:
    """A name for the team table: it wraps there (a nowrap cell pushed the last columns off the
    page), and past `NAME_CHARS` it is cut, so one long word cannot widen the column either."""
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def _keys() -> tuple[str, ...]:
    return (OVERALL, *(s.value for s in STAT_SKILLS))


def _value(averages: SkillAverages, key: str) -> float | None:
    return averages.overall if key == OVERALL else averages.skills.get(_skill(key))


# -- charts -----------------------------------------------------------------------------------


def weekly_chart(points: Sequence[PeriodPoint], title: str) -> QImage:
    """Weekly averages of overall and each skill on a 0-100 scale, as a line chart."""
    width, height = CHART_SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(26)
    painter.setFont(font)
    left, right, top, bottom = 90, width - 40, 90, height - 90
    plot = QRectF(QPointF(left, top), QPointF(right, bottom))

    painter.setPen(QColor("#1b2631"))
    title_font = QFont(font)
    title_font.setPixelSize(30)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.drawText(QRectF(left, 10, width, 40), Qt.AlignmentFlag.AlignLeft, title)
    painter.setFont(font)

    # Legend on the title line, right-aligned.
    x = right
    for key in reversed(_keys()):
        label = SKILL_NAMES[key]
        text_width = painter.fontMetrics().horizontalAdvance(label)
        x -= text_width
        painter.setPen(QColor("#1b2631"))
        painter.drawText(QPointF(x, 40), label)
        x -= 48
        painter.setPen(QPen(QColor(SERIES_COLOURS[key]), 6 if key == OVERALL else 4))
        painter.drawLine(QPointF(x, 31), QPointF(x + 36, 31))
        x -= 30

    for level in (0, 25, 50, 75, 100):
        y = bottom - (bottom - top) * level / 100
        painter.setPen(QPen(QColor("#d5dbdb"), 2))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(0, y - 16, left - 14, 32),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(level),
        )

    if not points:
        painter.setPen(QColor(MUTED))
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No attempts in this period")
        painter.end()
        return image

    count = len(points)
    step = (right - left - 40) / max(1, count - 1)

    def x_of(index: int) -> float:
        return left + 20 + (step * index if count > 1 else (right - left - 40) / 2)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * max(0.0, min(100.0, value)) / 100

    label_every = max(1, round(count / 10))
    painter.setPen(QColor(MUTED))
    for index, point in enumerate(points):
        if index % label_every == 0 or index == count - 1:
            painter.drawText(
                QRectF(x_of(index) - 90, bottom + 12, 180, 34),
                Qt.AlignmentFlag.AlignHCenter,
                point.start.strftime("%d %b").lstrip("0"),
            )
    painter.drawText(
        QRectF(left, bottom + 48, right - left, 34),
        Qt.AlignmentFlag.AlignHCenter,
        "week starting",
    )

    for key in (*(s.value for s in STAT_SKILLS), OVERALL):
        values = [
            (i, p.overall if key == OVERALL else p.skills.get(_skill(key)))
            for i, p in enumerate(points)
        ]
        pen = QPen(QColor(SERIES_COLOURS[key]), 7 if key == OVERALL else 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        path = QPainterPath()
        drawing = False
        for index, value in values:
            if value is None:
                drawing = False
                continue
            where = QPointF(x_of(index), y_of(value))
            if drawing:
                path.lineTo(where)
            else:
                path.moveTo(where)
                drawing = True
        painter.drawPath(path)
        painter.setBrush(QColor(SERIES_COLOURS[key]))
        radius = 8 if key == OVERALL else 6
        if count <= 26:
            for index, value in values:
                if value is not None:
                    painter.drawEllipse(QPointF(x_of(index), y_of(value)), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.end()
    return image


# -- the document -----------------------------------------------------------------------------


def _agent_section(
    agent: AgentReport, document: QTextDocument, index: int, break_before: bool
) -> str:
    name = f"chart-agent-{index}"
    document.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl(name),
        weekly_chart(agent.weekly, "Weekly averages"),
    )
    style = ' style="page-break-before: always"' if break_before else ""
    return (
        f"<h2{style}>{_esc(agent.profile.name)}</h2>"
        f"<p class='muted'>{agent.averages.attempts:,} attempts · "
        f"{_day(agent.first_day)} to {_day(agent.last_day)}</p>"
        + _tile_row(agent.averages, agent.trend)
        + f'<p><img src="{name}" width="{CHART_WIDTH_PT}"></p>'
        + _listening_table(agent)
        + _drills_table(agent)
        + _best_replies(agent)
    )


def report_html(report: ReportData, document: QTextDocument) -> str:
    """The report as Qt rich text; charts are added to `document` as image resources."""
    head = (
        f"<h1>{_esc(report.title)}</h1>"
        f"<p class='muted'>{_esc(report.scope)} · prepared {_day(report.generated_on)}"
        f" · {len(report.agents)} agent{'s' if len(report.agents) != 1 else ''}</p>"
    )
    parts = [head]
    if not report.agents:
        parts.append("<p>No attempts match this report's filters.</p>")
    if report.is_team:
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl("chart-team"),
            weekly_chart(report.team_weekly, "Team weekly averages"),
        )
        parts.append(_team_table(report))
        parts.append(f'<p><img src="chart-team" width="{CHART_WIDTH_PT}"></p>')
    for index, agent in enumerate(report.agents):
        parts.append(_agent_section(agent, document, index, report.is_team or index > 0))
    return "".join(parts)


def pdf_writer(path: Path, title: str) -> QPdfWriter:
    """An A4 writer at 300 dpi with the margins `QTextDocument.print_` would give it."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("listen-drill")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            # print_ adds its own 2 cm around the text, and gives a printer whose margins are
            # all 0 these 2 mm; set here so that `print_layout` measures the same page.
            QMarginsF(PRINTER_MARGIN_MM, PRINTER_MARGIN_MM, PRINTER_MARGIN_MM, PRINTER_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def print_layout(document: QTextDocument, writer: QPdfWriter) -> tuple[QTextDocument, float]:
    """A copy of `document` laid out in pages as `print_` lays it out on `writer`, and the
    bottom of the text on each page (in the copy's coordinates, from the page's top).

    `print_` does this on a clone of its own: 2 cm margins in the screen's dots, scaled to the
    device, on pages the size of the writer's printable area. Its blocks are the document's.
    """
    copy = document.clone()
    copy.documentLayout().setPaintDevice(writer)
    screen = QGuiApplication.primaryScreen()
    source_dpi = round(screen.logicalDotsPerInchY()) if screen is not None else 96
    margin = int(PRINT_MARGIN_CM / 2.54 * source_dpi)
    frame = copy.rootFrame().frameFormat()
    frame.setMargin(margin)
    copy.rootFrame().setFrameFormat(frame)
    copy.setPageSize(QSizeF(writer.width(), writer.height()))
    bottom_margin = margin * writer.logicalDpiY() / source_dpi
    return copy, writer.height() - bottom_margin


def _card_blocks(document: QTextDocument) -> list[int]:
    """Block numbers of the best-reply cards (`CARD_ANCHOR`), in order."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if CARD_ANCHOR in iterator.fragment().charFormat().anchorNames():
                found.append(block.blockNumber())
                break
            iterator += 1
        block = block.next()
    return found


def _is_heading(block: QTextBlock) -> bool:
    return block.isValid() and block.blockFormat().headingLevel() > 0


def text_span(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> tuple[float, float]:
    """Where a block's lines really start and end, in document coordinates.

    `blockBoundingRect` puts its rect's top at the block's position, but a line that did not
    fit above a page's foot is moved down inside the block: a heading printed at the top of
    page 2 can have its rect at the foot of page 1. The lines' own offsets say where they are.
    """
    rect = layout.blockBoundingRect(block)
    lines = block.layout().boundingRect()
    return rect.top() + lines.top(), rect.top() + lines.bottom()


def _first_line_bottom(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    top = text_span(layout, block)[0]
    lines = block.layout()
    return top + lines.lineAt(0).height() if lines.lineCount() else top


def keep_together(document: QTextDocument, writer: QPdfWriter) -> int:
    """Move to the next page what must not be cut by a page's foot: a best-reply card (whole),
    and a heading with what follows it (the whole card after "Best replies", else the first
    line of the next block, so a heading never ends a page alone).

    Qt's rich text ignores `page-break-inside: avoid` and `page-break-after: avoid`: a card
    split by the page left its grey background over the foot, under the page number, and at
    the top of the next page; moving that card alone left its heading behind it. So the
    document is laid out as it will be printed and the first block of each group that crosses
    the foot (its heading, or the headings just before it) gets `page-break-before`, one at a
    time (each move shifts what follows). A group taller than a page still breaks, though a
    card that fits alone still moves. Returns how many blocks were moved.
    """
    copy, text_bottom = print_layout(document, writer)
    page = copy.pageSize().height()
    text_height = text_bottom - (page - text_bottom)
    layout = copy.documentLayout()
    cards = set(_card_blocks(copy))
    moved = 0
    block = copy.begin()
    while block.isValid():
        number = block.blockNumber()
        following = block.next()
        if number in cards:
            end = text_span(layout, block)[1]
        elif _is_heading(block) and following.isValid() and not _is_heading(following):
            if following.blockNumber() in cards:
                end = text_span(layout, following)[1]
            else:
                end = _first_line_bottom(layout, following)
        else:  # plain text, or a heading kept with the heading after it
            block = following
            continue
        first = block
        while _is_heading(first.previous()):
            first = first.previous()
        for start in (first, block):  # with the headings before it when they all fit
            top = text_span(layout, start)[0]
            if end - top <= text_height:
                break
        else:
            block = following
            continue
        if end > (top // page) * page + text_bottom:
            start_number = start.blockNumber()
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            for target in (copy, document):
                QTextCursor(target.findBlockByNumber(start_number)).mergeBlockFormat(fmt)
            # Qt re-lays out only part of a changed document at once (the rest on a timer,
            # which never runs here): mark it all dirty so what follows is measured where it
            # now is.
            copy.markContentsDirty(0, copy.characterCount())
            moved += 1
        block = following
    return moved


def render_report_pdf(
    report: ReportData,
    output: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    """Write the report as an A4 PDF at `output`, atomically; returns `output`."""
    steps = Steps(3, progress, cancel, every=1)
    document = report_document(report)
    steps.advance()
    with atomic_paths(output) as (temp,):
        writer = pdf_writer(temp, report.title)
        keep_together(document, writer)
        steps.advance()
        document.print_(writer)
        del writer  # closes the file before it is renamed
        steps.finish()
    return output


def report_document(report: ReportData) -> QTextDocument:
    """The report as a QTextDocument, before it is laid out on pages."""
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    document.setDocumentMargin(0)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)
    document.setHtml(report_html(report, document))
    return document


def ensure_gui_application() -> object:
    """A QGuiApplication for fonts and painting; offscreen when there is no display (CLI)."""
    import os

    from PySide6.QtGui import QGuiApplication

    from listen_drill.ui.display import has_display

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["listen-drill"])
