"""History, profiles, round summary and dashboard, through the real main window."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from listen_drill.core.models import AttemptRow, Skill
from listen_drill.core.store import Store
from listen_drill.ui.dashboard import count_axis, day_ticks
from listen_drill.ui.history_model import ROW_ROLE, HistoryFilterProxy, HistoryTableModel
from listen_drill.ui.history_view import FIRST_PAGE
from listen_drill.ui.main_window import MainWindow
from tests.core.store_helpers import sample_attempt
from tests.ui.windows import open_window

REPLIES = (
    "So this is the third late parcel and it was a birthday gift; that sounds so "
    "disappointing. What would help most now?",
    "Calm down. Is there anything else?",
)


def make_row(
    row_id: int, pack_id: str, overall: int, created_at: str, **scores: float | None
) -> AttemptRow:
    return AttemptRow(
        id=row_id, uuid=f"u{row_id}", profile_id=1, pack_id=pack_id, drill_id=f"d{row_id}",
        created_at=created_at, overall=overall,
        paraphrase_score=scores.get("paraphrase", 0.5), paraphrase_level="simple",
        emotion_score=scores.get("emotion", 0.5), emotion_acknowledged=True,
        question_score=scores.get("question"), question_type="open",
        language_score=1.0, seconds=10.0,
    )  # fmt: skip


def drill_twice(window: MainWindow) -> None:
    for reply in REPLIES:
        window.response_edit.setPlainText(reply)
        window.submit()
        window.next_drill()
    if window.round_summary is not None:  # a two-drill pack ends its round here
        window.round_summary.accept()


def test_history_model_passes_qtmodeltester(qtmodeltester: object) -> None:
    model = HistoryTableModel()
    model.set_rows(
        [make_row(1, "a", 40, "2026-01-01T10:00:00+00:00"),
         make_row(2, "b", 90, "2026-01-02T10:00:00+00:00", question=1.0)],
        {"a": "Pack A"},
    )  # fmt: skip
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.append_row(make_row(3, "a", 70, "2026-01-03T10:00:00+00:00"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 3


def test_proxy_filters_by_pack_skill_date_and_text_and_sorts_by_score() -> None:
    model = HistoryTableModel()
    model.set_rows(
        [make_row(1, "a", 40, "2026-01-01T10:00:00+00:00"),
         make_row(2, "b", 90, "2026-01-05T10:00:00+00:00", question=1.0),
         make_row(3, "a", 70, "2026-01-09T10:00:00+00:00", question=0.3)],
        {},
    )  # fmt: skip
    proxy = HistoryFilterProxy()
    proxy.setSourceModel(model)

    def shown() -> list[int]:
        return [int(proxy.index(r, 3).data()) for r in range(proxy.rowCount())]

    proxy.sort(3)
    assert shown() == [40, 70, 90]
    proxy.set_filters(pack_id="a", skill=None, since=None, until=None, matching_ids=None)
    assert sorted(shown()) == [40, 70]
    proxy.set_filters(pack_id=None, skill=Skill.QUESTION, since=None, until=None,
                      matching_ids=None)  # fmt: skip
    assert sorted(shown()) == [70, 90]
    proxy.set_filters(pack_id=None, skill=None, since=date(2026, 1, 3), until=date(2026, 1, 6),
                      matching_ids=None)  # fmt: skip
    assert shown() == [90]
    proxy.set_filters(pack_id=None, skill=None, since=None, until=None, matching_ids={1, 3})
    assert sorted(shown()) == [40, 70]


def test_submitted_attempts_appear_and_reopen_exactly_as_shown(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    drill_twice(window)
    qtbot.keyClick(
        window,
        "2",
        modifier=__import__("PySide6.QtCore").QtCore.Qt.KeyboardModifier.ControlModifier,
    )
    assert window.tabs.currentWidget() is window.history_view
    qtbot.waitUntil(lambda: window.history_view.ready)  # rows load on a worker thread
    table = window.history_view.table
    assert table.model().rowCount() == 2
    window.history_view.search.setText("birthday gift")
    assert table.model().rowCount() == 1
    dialog = window.history_view.open_attempt(table.model().index(0, 0))
    assert dialog is not None
    with Store.open(data_dir) as store:
        saved = next(a for a in store.attempts() if "birthday" in a.response)
    panel = dialog.feedback_panel
    assert str(saved.feedback.overall) in panel.overall_label.text()
    shown_text = panel.findings_view.toPlainText()
    for finding in saved.feedback.findings:
        assert finding.message[:25] in shown_text, finding.kind
    dialog.retry_button.click()
    assert window.tabs.currentIndex() == 0
    assert window.session is not None and window.session.drill.id == saved.drill_id
    window.close()


def test_round_summary_appears_at_the_end_of_a_round(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    total = len(window.session.pack.drills)
    for _ in range(total):
        window.response_edit.setPlainText(REPLIES[0])
        window.submit()
        window.next_drill()
    dialog = window.round_summary
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.attempts == total
    assert window.session.attempts == []
    dialog.accept()
    window.close()


def test_profiles_create_switch_and_rename(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    drill_twice(window)
    first = window.profile
    sam = window.profile_menu.create("Sam")
    assert sam is not None and window.profile.id == sam.id
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history_view.ready)
    assert window.history_view.table.model().rowCount() == 0  # Sam has no attempts yet
    renamed = window.profile_menu.rename("Samira")
    assert renamed is not None and renamed.name == "Samira"
    assert "Samira" in window.profile_label.text()
    window.set_profile(first)
    qtbot.waitUntil(lambda: window.history_view.ready)
    assert window.history_view.table.model().rowCount() == 2
    window.close()
    with Store.open(data_dir) as store:
        assert store.current_profile().id == first.id  # the last one opens by default


def test_dashboard_shows_hand_computed_numbers(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    drill_twice(window)
    with Store.open(data_dir) as store:
        overalls = [a.feedback.overall for a in store.attempts()]
        questions = [a.feedback.skill(Skill.QUESTION).label for a in store.attempts()]
    window.tabs.setCurrentIndex(2)
    data = window.dashboard.data
    assert data is not None
    assert data.averages.attempts == 2
    assert data.averages.overall == pytest.approx(sum(overalls) / 2)
    assert data.streak == 1
    assert sum(count for _day, count in data.per_day) == 2
    assert data.profile.questions == sum(1 for q in questions if q != "none")
    assert data.profile.open_questions == questions.count("open")
    text = window.dashboard.summary_label.text()
    assert "<b>2</b> attempts" in text and f"{sum(overalls) / 2:.0f}" in text
    window.close()


def test_history_loads_in_the_background_and_keeps_attempts_made_meanwhile(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    drill_twice(window)
    view = window.history_view
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        window.tabs.setCurrentIndex(1)
        assert not view.ready  # the window is not blocked while rows are read
        window.tabs.setCurrentIndex(0)
        window.response_edit.setPlainText(REPLIES[0])
        window.submit()  # saved while the rows are still being read
    assert view.table.model().rowCount() == 3
    window.close()


def test_a_long_history_shows_its_newest_page_first_then_all_of_it(
    qtbot: QtBot, data_dir: Path
) -> None:
    total = FIRST_PAGE * 3 + 7
    with Store.open(data_dir) as store:
        profile = store.current_profile()
        for index in range(total):
            store.record_attempt(sample_attempt(profile.id, index))
    window = open_window(qtbot, data_dir)
    view = window.history_view

    seen: list[tuple[bool, int, str, object]] = []  # the view as it was when the page arrived
    view.first_rows_shown.connect(
        lambda: seen.append((view.ready, view.model.rowCount(), view.count_label.text(),
                             view.table.model().index(0, 0).data(ROW_ROLE)))
    )  # fmt: skip

    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        window.tabs.setCurrentIndex(1)

    newest_id = max(row.id for row in view.model._rows)
    assert len(seen) == 1
    ready, shown, label, top = seen[0]
    assert (ready, shown, top) == (False, FIRST_PAGE, newest_id)  # newest page on top, at once
    assert "loading the rest" in label
    assert view.model.rowCount() == total
    assert view.count_label.text() == f"{total:,} attempts"
    assert view.table.model().index(0, 0).data(ROW_ROLE) == newest_id
    window.close()


@pytest.mark.parametrize("most", [1, 2, 3, 5, 6, 7, 9, 11, 13, 27, 60, 99, 250, 1234])
def test_the_attempts_per_day_axis_labels_whole_numbers(most: int) -> None:
    top, ticks = count_axis(most)
    step = top / (ticks - 1)
    assert top >= most and step == int(step)  # every tick a whole number, printed as it is
    assert 2 <= ticks <= 7
    assert top - most < step  # no empty step above the tallest bar


@pytest.mark.parametrize("days", [0, 1, 2, 3, 5, 6, 7, 13, 29, 70, 365])
def test_the_scores_axis_never_repeats_a_date(days: int) -> None:
    """Ticks spread evenly over the range must each land on a different whole day."""
    first = date(2026, 11, 29)
    start, end, ticks = day_ticks(first, first + timedelta(days=days))
    span = (end - start).days
    assert start <= first and end >= first + timedelta(days=days)
    assert 2 <= ticks <= 7
    assert span % (ticks - 1) == 0  # every gap the same whole number of days
    if days:  # one day alone is padded by a day each side
        assert (end - (first + timedelta(days=days))).days <= days // 5
    assert ticks >= min(days + 1, 4)  # enough dates to read the axis by


def test_practise_next_names_drills_and_enter_opens_one(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    pack_title = window.session.pack.title
    drill_twice(window)
    with Store.open(data_dir) as store:
        attempts = store.attempts()
    weakest = min(attempts, key=lambda a: a.feedback.overall)
    window.tabs.setCurrentIndex(2)
    practise = window.dashboard.practise_list
    assert practise.count() == 2
    first = practise.item(0)
    # the customer's words first, so rows of one long-titled pack still differ
    assert first.text().startswith(f"{weakest.feedback.overall} · “")
    assert first.text().endswith(f"” · {pack_title}")
    assert first.toolTip() == f"{pack_title}\n\n{weakest.statement}"  # words, not an id
    practise.setFocus()
    qtbot.keyClick(practise, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    assert window.session.drill.id == weakest.drill_id
    assert window.response_edit.hasFocus()
    window.close()


@pytest.fixture
def away_from_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A machine whose clock is 5 h 30 ahead of UTC, so local and UTC times differ."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("away_from_utc")
def test_a_reopened_attempt_shows_the_local_time_the_table_shows(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    drill_twice(window)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history_view.ready)
    index = window.history_view.table.model().index(0, 0)
    dialog = window.history_view.open_attempt(index)
    assert dialog is not None
    assert dialog.windowTitle() == f"Attempt of {index.data()}"
    assert "UTC" not in dialog.windowTitle()
    dialog.close()
    window.close()


def test_the_pack_filter_offers_a_pack_first_drilled_after_history_loaded(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    assert window.session is not None
    first_pack = window.session.pack
    drill_twice(window)
    view = window.history_view
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.ready)
    choices = [view.pack_filter.itemText(i) for i in range(view.pack_filter.count())]
    assert choices == ["All packs", first_pack.title]
    view.pack_filter.setCurrentIndex(1)  # the agent is looking at the first pack only

    window.tabs.setCurrentIndex(0)
    other_row = next(
        row for row in range(window.pack_list.count())
        if window.pack_list.item(row).data(Qt.ItemDataRole.UserRole) != first_pack.id
    )  # fmt: skip
    window.pack_list.setCurrentRow(other_row)
    other_pack = window.session.pack
    assert other_pack.id != first_pack.id
    window.response_edit.setPlainText(REPLIES[0])
    window.submit()
    window.tabs.setCurrentIndex(1)

    data = [view.pack_filter.itemData(i) for i in range(view.pack_filter.count())]
    assert set(data) == {None, first_pack.id, other_pack.id}
    assert other_pack.title in [view.pack_filter.itemText(i) for i in range(len(data))]
    assert view.pack_filter.currentData() == first_pack.id  # the choice made stays
    assert view.table.model().rowCount() == 2  # and still filters
    view.pack_filter.setCurrentIndex(view.pack_filter.findData(other_pack.id))
    assert view.table.model().rowCount() == 1
    assert view.table.model().index(0, 1).data() == other_pack.title
    window.close()
