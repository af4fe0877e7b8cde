"""The progress dashboard: scores over time, practice per day, streak, and the listening profile.

Every number comes from `core.stats`; this module only draws. The figures come from SQLite's
daily sums plus the latest 1,000 attempts, so even a long history opens quickly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from listen_drill.core import stats
from listen_drill.core.models import Skill
from listen_drill.core.store import Store
from listen_drill.core.wording import noun_for
from listen_drill.ui.band_colours import BAND_COLOURS

SERIES_COLOURS = {
    "overall": "#1b2b34",
    Skill.PARAPHRASE: "#2f6f8f",
    Skill.EMOTION: "#c0392b",
    Skill.QUESTION: "#d68910",
    Skill.LANGUAGE: "#1e8449",
}
SKILL_NAMES = {
    Skill.PARAPHRASE: "Paraphrase",
    Skill.EMOTION: "Feeling",
    Skill.QUESTION: "Question",
    Skill.LANGUAGE: "Language",
}
PROFILE_WINDOW = 50  # attempts the listening profile looks back over
DAYS_SHOWN = 30
DAY_LABEL_EVERY = 5  # a date under every fifth bar: thirty of them did not fit at 800 px
# The charts give way before the window does: it must fit a 1366x768 laptop with room to spare.
SCORES_MIN_HEIGHT = 150
PRACTICE_MIN_HEIGHT = 110
NO_SCORES_TEXT = "No attempts yet — your scores will appear here."
PRACTISE_SHOWN = 5
DRILL_KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class PractiseItem:
    """A drill to practise, by the names the agent knows it by."""

    pack_id: str
    drill_id: str
    pack_title: str
    statement: str
    average: float


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, computed in one go from the store."""

    series: list[stats.PeriodPoint]
    per_day: list[tuple[date, int]]
    streak: int
    averages: stats.SkillAverages
    weakest: list[stats.SkillScore]
    practise: list[PractiseItem]
    profile: stats.ListeningProfile


def compute(store: Store, profile_id: int, by: stats.Period, today: date) -> DashboardData:
    totals = store.daily_totals(profile_id)
    recent = store.attempt_rows(profile_id, with_response=False, latest=1000)
    return DashboardData(
        series=stats.period_series(totals, by),
        per_day=stats.attempts_per_day(
            totals, start=today - timedelta(days=DAYS_SHOWN - 1), end=today
        ),
        streak=stats.current_streak(totals, today),
        averages=stats.skill_averages(totals),
        weakest=stats.weakest_skills(totals),
        practise=_practise(store, stats.drills_to_practise(recent, limit=len(recent))),
        profile=stats.listening_profile(recent, last_n=PROFILE_WINDOW),
    )


def _practise(store: Store, ranked: list[stats.DrillScore]) -> list[PractiseItem]:
    """The weakest drills that can still be opened: removed packs and dropped drills skipped."""
    names = store.installed_drills((d.pack_id, d.drill_id) for d in ranked)
    items = [
        PractiseItem(d.pack_id, d.drill_id, *names[(d.pack_id, d.drill_id)], d.average)
        for d in ranked
        if (d.pack_id, d.drill_id) in names
    ]
    return items[:PRACTISE_SHOWN]


def practise_text(item: PractiseItem) -> str:
    """A "Practise next" row: the score, the customer's words, then the pack's title.

    The statement comes first because it is what tells two rows apart: two drills of one pack
    with a long title read the same when the title comes first and the list cuts off the rest.
    """
    one_line = " ".join(item.statement.split())  # the list elides what does not fit
    return f"{item.average:.0f} · “{one_line}” · {item.pack_title}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def metric_text(metric: stats.ProfileMetric, *, ratio: bool = False) -> str:
    if metric.value is None:
        return "not enough data yet"
    shown = f"{metric.value:.1f} : 1" if ratio else f"{metric.value * 100:.0f}%"
    band = metric.band.value if metric.band else ""
    colour = BAND_COLOURS.get(metric.band, "#4a5d68") if metric.band else "#4a5d68"
    return f"<b>{shown}</b> <span style='color:{colour}'>({band})</span>"


class DashboardView(QWidget):
    """Charts and figures for the current profile; refreshed when shown after new attempts."""

    practise_requested = Signal(str, str)  # pack id, drill id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store = store
        self.profile_id: int | None = None
        self.data: DashboardData | None = None

        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        self.period.setAccessibleName("Group scores by")
        self.period.addItem("By day", "day")
        self.period.addItem("By week", "week")
        self.period.currentIndexChanged.connect(self.refresh)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("dashboardSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)

        self.scores_chart = QChartView()
        self.scores_chart.setObjectName("scoresChart")
        self.scores_chart.setAccessibleName("Scores over time")
        self.scores_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scores_chart.setMinimumHeight(SCORES_MIN_HEIGHT)
        # Before the first attempt a chart has no dates to show; it said "Jan 1" five times.
        self.scores_empty = QLabel(NO_SCORES_TEXT)
        self.scores_empty.setObjectName("scoresEmpty")
        self.scores_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scores_empty.setWordWrap(True)
        self.scores_stack = QStackedWidget()
        self.scores_stack.addWidget(self.scores_chart)
        self.scores_stack.addWidget(self.scores_empty)
        self.practice_chart = QChartView()
        self.practice_chart.setObjectName("practiceChart")
        self.practice_chart.setAccessibleName("Attempts per day")
        self.practice_chart.setMinimumHeight(PRACTICE_MIN_HEIGHT)

        self.profile_labels: dict[str, QLabel] = {}
        profile_box = QGroupBox(f"Listening profile (last {PROFILE_WINDOW} attempts)")
        profile_box.setObjectName("listeningProfile")
        grid = QGridLayout(profile_box)
        for row, (key, title, bands) in enumerate(
            (
                ("open", "Open questions", "fair 50%, good 70%"),
                ("ratio", "Reflections per question", "fair 1:1, good 2:1"),
                ("complex", "Complex reflections", "fair 40%, good 50%"),
            )
        ):
            label = QLabel()
            label.setObjectName(f"profile_{key}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName(title)
            grid.addWidget(QLabel(title), row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(QLabel(f"<small>{bands}</small>"), row, 2)
            self.profile_labels[key] = label

        self.next_label = QLabel()
        self.next_label.setObjectName("practiseNext")
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label.setWordWrap(True)
        self.practise_list = QListWidget()
        self.practise_list.setObjectName("practiseList")
        self.practise_list.setAccessibleName("Drills to practise next")
        self.practise_list.setToolTip("Enter or double-click opens the drill")
        self.practise_list.itemActivated.connect(self._open_practise_item)
        # five rows, never more: the charts above keep their room; long statements are elided
        self.practise_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.practise_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.practise_list.setUniformItemSizes(True)
        row_height = self.practise_list.fontMetrics().height() + 4
        frame = 2 * self.practise_list.frameWidth()
        self.practise_list.setFixedHeight(row_height * PRACTISE_SHOWN + frame)
        next_box = QGroupBox("Practise next")
        next_layout = QVBoxLayout(next_box)
        next_layout.addWidget(self.next_label)
        next_layout.addWidget(self.practise_list)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, stretch=1)
        show_label = QLabel("&Show")  # Alt+S: no other control of this view takes S
        show_label.setBuddy(self.period)
        top.addWidget(show_label)
        top.addWidget(self.period)
        bottom = QHBoxLayout()
        bottom.addWidget(profile_box, stretch=3)
        bottom.addWidget(next_box, stretch=2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scores_stack, stretch=3)
        layout.addWidget(self.practice_chart, stretch=2)
        layout.addLayout(bottom)

    def load(self, profile_id: int) -> None:
        self.profile_id = profile_id
        self.refresh()

    def refresh(self) -> None:
        if self.profile_id is None:
            return
        by: stats.Period = "week" if self.period.currentData() == "week" else "day"
        self.data = compute(self.store, self.profile_id, by, date.today())
        self._show(self.data)

    # -- drawing --------------------------------------------------------------------------

    def _show(self, data: DashboardData) -> None:
        averages = data.averages
        if averages.attempts == 0:
            self.summary_label.setText(
                "<b>No attempts yet.</b> Drill a few statements and your progress appears here."
            )
        else:
            weakest = SKILL_NAMES.get(averages.weakest, "–") if averages.weakest else "–"
            best = SKILL_NAMES.get(averages.best, "–") if averages.best else "–"
            self.summary_label.setText(
                f"<b>{averages.attempts:,}</b> {noun_for(averages.attempts, 'attempt')}"
                f" · average <b>{_percent(averages.overall)}</b>"
                f" · streak <b>{data.streak}</b> {noun_for(data.streak, 'day')}"
                f" · strongest {best} · weakest <b>{weakest}</b>"
            )
        self.scores_chart.setChart(self._scores_chart(data.series))
        self.scores_stack.setCurrentWidget(self.scores_chart if data.series else self.scores_empty)
        self.practice_chart.setChart(self._practice_chart(data.per_day))
        profile = data.profile
        self.profile_labels["open"].setText(metric_text(profile.open_question_share))
        self.profile_labels["ratio"].setText(
            metric_text(profile.reflections_per_question, ratio=True)
        )
        self.profile_labels["complex"].setText(metric_text(profile.complex_share))
        weakest_skill = [
            f"Weakest skill: <b>{SKILL_NAMES[s.skill]}</b> ({s.average:.0f})"
            for s in data.weakest[:1]
        ]
        hint = "Your lowest-scoring drills; Enter opens one." if data.practise else ""
        lines = [line for line in (*weakest_skill, hint) if line]
        self.next_label.setText("<br>".join(lines) or "Nothing yet.")
        self.practise_list.clear()
        for item in data.practise:
            entry = QListWidgetItem(practise_text(item))
            entry.setToolTip(f"{item.pack_title}\n\n{item.statement}")
            entry.setData(DRILL_KEY_ROLE, (item.pack_id, item.drill_id))
            self.practise_list.addItem(entry)
        self.practise_list.setVisible(bool(data.practise))
        if data.practise:
            self.practise_list.setCurrentRow(0)

    def focus_practise(self) -> None:
        """Put the keyboard on "Practise next", on its first drill, so Enter opens it; with
        nothing to practise yet, on the period choice."""
        if self.practise_list.isVisibleTo(self) and self.practise_list.count():
            if self.practise_list.currentRow() < 0:
                self.practise_list.setCurrentRow(0)
            self.practise_list.setFocus()
        else:
            self.period.setFocus()

    def _open_practise_item(self, item: QListWidgetItem) -> None:
        pack_id, drill_id = item.data(DRILL_KEY_ROLE)
        self.practise_requested.emit(pack_id, drill_id)

    def _scores_chart(self, series_points: list[stats.PeriodPoint]) -> QChart:
        chart = _compact_chart()
        chart.setTitle("Scores over time")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MMM d")
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        keys: list[str | Skill] = ["overall", *SKILL_NAMES]
        for key in keys:
            line = QLineSeries()
            line.setName("Overall" if key == "overall" else SKILL_NAMES[Skill(key)])
            pen = QPen(QColor(SERIES_COLOURS[key]))
            pen.setWidth(3 if key == "overall" else 2)
            line.setPen(pen)
            line.setPointsVisible(len(series_points) < 40)
            for point in series_points:
                value = point.overall if key == "overall" else point.skills.get(Skill(key))
                if value is not None:
                    line.append(_msecs(point.start), value)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        if series_points:
            first, last, ticks = day_ticks(series_points[0].start, series_points[-1].start)
            axis_x.setRange(_qdatetime(first), _qdatetime(last))
            axis_x.setTickCount(ticks)
        return chart

    def _practice_chart(self, per_day: list[tuple[date, int]]) -> QChart:
        chart = _compact_chart()
        chart.setTitle(f"Attempts per day (last {DAYS_SHOWN} days)")
        chart.legend().setVisible(False)
        bars = QBarSet("Attempts")
        bars.setColor(QColor("#2f6f8f"))
        for _day, count in per_day:
            bars.append(count)
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        # Bar i stands at x = i; a category axis labels only some of them, on the bar itself.
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis_x.setRange(-0.5, len(per_day) - 0.5)
        axis_x.setStartValue(-0.5)
        axis_x.setGridLineVisible(False)
        for index, label in day_labels([day for day, _count in per_day]):
            axis_x.append(label, index)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        top, ticks = count_axis(max([count for _day, count in per_day] + [1]))
        axis_y.setRange(0, top)
        axis_y.setTickCount(ticks)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        return chart


def day_ticks(first: date, last: date, most: int = 7) -> tuple[date, date, int]:
    """An axis range and tick count whose ticks fall on whole days, so no date label repeats.

    Qt spaces the ticks evenly over the range: five ticks over two days fell at noon and
    midnight and read "Nov 29, Nov 30, Nov 30, Dec 1, Dec 1". Every gap between ticks is the
    same whole number of days; the range's end moves out by a fifth of it at most for that.
    """
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    days = (last - first).days
    gaps = next(
        (g for g in range(min(days, most - 1), 1, -1) if -(-days // g) * g - days <= days // 5),
        1,
    )
    per_gap = -(-days // gaps)  # rounded up
    return first, first + timedelta(days=per_gap * gaps), gaps + 1


def _compact_chart() -> QChart:
    """A chart with thin margins: on a laptop screen the plot gets the room, not the frame."""
    chart = QChart()
    chart.setMargins(QMargins(4, 2, 8, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setBackgroundRoundness(0)
    return chart


def day_labels(days: list[date], every: int = DAY_LABEL_EVERY) -> list[tuple[int, str]]:
    """Which bars of a day-by-day chart get a date, and the date: every `every`-th day, counted
    back from the last (today), so today is always named and no label repeats.

    A label under every one of thirty bars was cut to "…" at 800 px; "Mar 3" every fifth day
    fits, and names the month the bare day numbers did not.
    """
    last = len(days) - 1
    chosen = range(last, -1, -every)
    return [(index, f"{days[index]:%b} {days[index].day}") for index in reversed(chosen)]


def count_axis(most: int) -> tuple[int, int]:
    """The top and tick count of an axis of counts whose ticks fall on whole numbers.

    With Qt's default five ticks, a top of 6 put ticks at 1.5 and 4.5 and "%d" printed them as
    1 and 4: the labels lied about the bars. The step is 1, 2 or 5 times a power of ten, so at
    most six steps reach `most`.
    """
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            steps = -(-most // step)  # ceiling
            if steps <= 6:
                return steps * step, steps + 1
        magnitude *= 10


def _qdatetime(day: date) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(_msecs(day))


def _msecs(day: date) -> int:
    return int(datetime.combine(day, time(12)).timestamp() * 1000)
