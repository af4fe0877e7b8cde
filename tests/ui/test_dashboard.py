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
from tests.ui.windows import keep_picture

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
    keep_picture(window, f"progress_{size[0]}x{size[1]}_data.png")
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
    keep_picture(window, f"progress_{size[0]}x{size[1]}_empty.png")
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


LONG_TITLE = "Northern region returns desk: level two refunds and exchanges"
TWO_DRILLS = f"""[pack]
id = "north"
title = "{LONG_TITLE}"
version = "1"

[[drills]]
id = "late"
statement = "My refund is three weeks late and I am fed up with waiting."
exemplars = ["So the refund is late and you are fed up. What happened when you asked?"]

[[drills]]
id = "rude"
statement = "Your agent hung up on me when I asked about the exchange."
exemplars = ["So you were cut off mid-call. That sounds upsetting. What did you need?"]
"""


def test_practise_next_rows_differ_when_the_pack_title_is_long(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """Title first, both rows read "88 · Northern region returns desk: level two ref…"."""
    from listen_drill.core.packs.validate import validate_file

    pack_file = tmp_path / "north.toml"
    pack_file.write_text(TWO_DRILLS, encoding="utf-8")
    validation = validate_file(pack_file, score_exemplars=False)
    assert validation.pack is not None, validation.problems
    with Store.open(data_dir) as store:
        store.save_pack(validation.pack, source="imported", source_path=str(pack_file))
        profile = store.current_profile()
        for index in range(4):
            add_attempts(store, profile, 1, start=datetime.now(UTC) - timedelta(hours=index + 1))
        rows = store.db.execute("SELECT id FROM attempts ORDER BY id").fetchall()
        for (attempt_id,), drill in zip(rows, ("late", "rude", "late", "rude"), strict=True):
            store.db.execute(
                "UPDATE attempts SET pack_id = 'north', drill_id = ?, overall = 40 WHERE id = ?",
                [drill, attempt_id],
            )
        store.db.conn.commit()

    window = open_progress(qtbot, data_dir, (800, 600))
    practise = window.dashboard.practise_list
    assert practise.count() == 2
    width = practise.viewport().width()
    shown = [
        practise.fontMetrics().elidedText(
            practise.item(row).text(), Qt.TextElideMode.ElideRight, width
        )
        for row in range(2)
    ]
    assert shown[0] != shown[1], shown
    assert all("“" in text for text in shown), "the customer's words show before the title"
    tips = [practise.item(row).toolTip() for row in range(2)]
    assert all(LONG_TITLE in tip for tip in tips)
    assert any("three weeks late" in tip for tip in tips)
    assert any("hung up on me" in tip for tip in tips)
