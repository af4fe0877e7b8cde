"""The Progress tab on a laptop screen: it fits, its day labels read, and it starts empty."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from listen_drill.core.store import Store
from listen_drill.ui.app import create_window
from listen_drill.ui.dashboard import DAY_LABEL_EVERY, day_labels
from listen_drill.ui.main_window import MainWindow
from tests.core.export_helpers import add_attempts

SHOTS = Path("/tmp/teamfix")
SIZES = ((800, 600), (1280, 680))  # 1280x680 leaves a 1366x768 laptop its panel and title bar


@pytest.fixture
def practised(data_dir: Path) -> Path:
    """Three weeks of attempts up to now, so both charts have something to draw."""
    with Store.open(data_dir) as store:
        start = datetime.now(UTC) - timedelta(days=21)
        add_attempts(store, store.current_profile(), 60, start=start, every=timedelta(hours=8))
    return data_dir


def open_progress(qtbot: QtBot, data_dir: Path, size: tuple[int, int]) -> MainWindow:
    window = create_window(data_dir)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.wait(50)  # the charts lay out their axes on the next event loop turn
    return window


def practice_axis(window: MainWindow) -> QCategoryAxis:
    chart = window.dashboard.practice_chart.chart()
    (axis,) = chart.axes(Qt.Orientation.Horizontal)
    assert isinstance(axis, QCategoryAxis)
    return axis


@pytest.mark.parametrize("size", SIZES)
def test_the_progress_tab_fits_a_laptop_screen(
    qtbot: QtBot, practised: Path, size: tuple[int, int]
) -> None:
    """The charts' fixed heights made the window at least 722 px tall."""
    window = open_progress(qtbot, practised, size)
    assert window.minimumSizeHint().height() <= 680
    assert window.height() == size[1]
    assert window.dashboard.minimumSizeHint().width() <= size[0]  # the Drill tab sets the width
    assert window.dashboard.scores_chart.isVisible()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / f"progress_{size[0]}x{size[1]}_data.png"))
    window.close()


def test_the_attempts_per_day_dates_read_at_800_px(qtbot: QtBot, practised: Path) -> None:
    """Thirty labels under thirty bars were each cut to "…" at 800 px."""
    window = open_progress(qtbot, practised, (800, 600))
    axis = practice_axis(window)
    assert not axis.labelsTruncated()
    today = date.today()
    assert axis.categoriesLabels()[-1] == f"{today:%b} {today.day}"  # today is always named
    window.close()


@pytest.mark.parametrize("size", SIZES)
def test_no_attempts_shows_a_message_not_an_axis_of_jan_1(
    qtbot: QtBot, data_dir: Path, size: tuple[int, int]
) -> None:
    window = open_progress(qtbot, data_dir, size)
    dashboard = window.dashboard
    assert not dashboard.scores_chart.isVisible()
    assert dashboard.scores_empty.isVisible()
    assert "No attempts yet" in dashboard.scores_empty.text()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / f"progress_{size[0]}x{size[1]}_empty.png"))
    window.close()


def test_the_first_attempt_replaces_the_message_with_the_chart(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_progress(qtbot, data_dir, (1280, 680))
    window.tabs.setCurrentIndex(0)
    window.response_edit.setPlainText("So the parcel is late again; that sounds frustrating.")
    window.submit()
    window.tabs.setCurrentWidget(window.dashboard)
    assert window.dashboard.scores_chart.isVisible()
    assert not window.dashboard.scores_empty.isVisible()
    window.close()


@pytest.mark.parametrize("count", [1, 2, 5, 6, 29, 30, 31])
def test_day_labels_name_today_and_never_repeat(count: int) -> None:
    days = [date(2026, 1, 20) + timedelta(days=i) for i in range(count)]
    labels = day_labels(days)
    indexes = [index for index, _label in labels]
    texts = [text for _index, text in labels]
    assert indexes[-1] == count - 1 and texts[-1] == f"{days[-1]:%b} {days[-1].day}"
    assert indexes == sorted(indexes) and len(set(texts)) == len(texts)
    assert all(b - a == DAY_LABEL_EVERY for a, b in pairwise(indexes))
    assert indexes[0] < DAY_LABEL_EVERY
