"""The history view: every attempt, filtered and sorted; Enter or double-click reopens one."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from listen_drill.core.models import Attempt, AttemptRow, Skill
from listen_drill.core.session import drill_available
from listen_drill.core.store import Store, StoreError, read_attempt_rows
from listen_drill.core.wording import plural
from listen_drill.ui.feedback_panel import FeedbackPanel
from listen_drill.ui.history_model import (
    ROW_ROLE,
    HistoryFilterProxy,
    HistoryTableModel,
    local_time,
)
from listen_drill.ui.rich_text import escaped_lines
from listen_drill.ui.screen_fit import fit_to_screen

SKILL_CHOICES: tuple[tuple[str, Skill | None], ...] = (
    ("All skills", None),
    ("Paraphrase", Skill.PARAPHRASE),
    ("Feeling", Skill.EMOTION),
    ("Question", Skill.QUESTION),
)


class AttemptDialog(QDialog):
    """One past attempt, its feedback exactly as it was shown, and a way to try it again."""

    retry_requested = Signal(str, str)  # pack id, drill id

    def __init__(
        self,
        attempt: Attempt,
        exemplars: tuple[str, ...],
        parent: QWidget,
        retry_available: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attemptDialog")
        # Local time, as the History table shows it, so the two agree.
        self.setWindowTitle(f"Attempt of {local_time(attempt.created_at)}")
        fit_to_screen(self, 760, 640)  # never past a small screen
        layout = QVBoxLayout(self)
        statement = QLabel(f"<p><b>Customer:</b> “{escaped_lines(attempt.statement)}”</p>")
        statement.setObjectName("attemptStatement")
        statement.setWordWrap(True)
        statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # A trainer's long statement scrolls in its own area: it pushed the feedback and the
        # buttons off the bottom of the screen.
        self.statement_area = QScrollArea()
        self.statement_area.setObjectName("attemptStatementArea")
        self.statement_area.setAccessibleName("The customer's statement")
        self.statement_area.setWidgetResizable(True)
        self.statement_area.setFrameShape(QFrame.Shape.NoFrame)
        self.statement_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.statement_area.setWidget(statement)
        text_width = max(self.width() - 60, 200)
        self.statement_area.setMaximumHeight(
            min(statement.heightForWidth(text_width) + 8, max(self.height() // 4, 80))
        )
        layout.addWidget(self.statement_area)
        self.feedback_panel = FeedbackPanel(self)
        self.feedback_panel.show_feedback(attempt.response, attempt.feedback, exemplars)
        layout.addWidget(self.feedback_panel, stretch=1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.retry_button = QPushButton("&Retry this drill")
        self.retry_button.setObjectName("attemptRetryButton")
        self.retry_button.setAccessibleName("Retry this drill")
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self._target = (attempt.pack_id, attempt.drill_id)
        self.retry_button.clicked.connect(self._retry)
        if not retry_available:  # its pack or drill was removed: nothing to go back to
            self.retry_button.setEnabled(False)
            self.retry_button.setToolTip(
                "This drill is no longer installed, so it cannot be retried."
            )
            self.retry_button.setAccessibleDescription("This drill is no longer installed.")
        layout.addWidget(buttons)

    def _retry(self) -> None:
        self.retry_requested.emit(*self._target)
        self.accept()


class BoundDateEdit(QDateEdit):
    """A date filter that Tab leaves, like any other field.

    QDateTimeEdit spends Tab on moving between its year, month and day, and while it shows its
    special value ("any") it swallows Tab altogether, trapping keyboard users; the sections are
    still reached with the arrow keys.
    """

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


FIRST_PAGE = 200  # the newest attempts, shown at once while the whole history loads


class _RowsLoaded(QObject):
    # load number, list of rows (or None when the read failed), whether that is all of them
    loaded = Signal(int, object, bool)


class _LoadRows(QRunnable):
    """Reads a profile's rows on a pool thread, through a connection of its own.

    The newest page comes first, so a long history shows rows at once; then the whole of it.
    """

    def __init__(self, path: Path, profile_id: int, number: int, signals: _RowsLoaded) -> None:
        super().__init__()
        self.path, self.profile_id, self.number, self.signals = path, profile_id, number, signals

    def run(self) -> None:
        try:
            first = read_attempt_rows(self.path, self.profile_id, latest=FIRST_PAGE)
            if len(first) < FIRST_PAGE:
                self.signals.loaded.emit(self.number, first, True)
                return
            self.signals.loaded.emit(self.number, first, False)
            rows: list[AttemptRow] | None = read_attempt_rows(self.path, self.profile_id)
        except sqlite3.Error:
            rows = None
        self.signals.loaded.emit(self.number, rows, True)


class HistoryView(QWidget):
    """Loads the profile's attempts once, then filters and sorts them in memory.

    The rows are read on a worker thread (100,000 take about 0.3-0.8 s), so opening the view
    never freezes the window. The newest page shows first (`first_rows_shown`); `ready` turns
    true and `rows_loaded` fires when all of them are shown.
    """

    retry_requested = Signal(str, str)
    first_rows_shown = Signal()
    rows_loaded = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.store = store
        self.profile_id: int | None = None
        self.loaded = False
        self.ready = False
        self._load_number = 0
        self._added_while_loading: list[AttemptRow] = []
        self._titles: dict[str, str] | None = None  # pack titles, read when the first rows come
        # the words each drill the rows name had when last answered, for the Drill column
        self._statements: dict[tuple[str, str], str] = {}
        self._pack_ids: set[str] = set()  # the packs the rows name: the Pack filter's choices
        self._signals = _RowsLoaded(self)
        self._signals.loaded.connect(self._rows_arrived)
        self.model = HistoryTableModel(self)
        self.proxy = HistoryFilterProxy(self)  # attached to the model only while filtering
        self._detached = HistoryTableModel(self)  # what the idle proxy watches: nothing

        self.pack_filter = QComboBox()
        self.pack_filter.setObjectName("historyPackFilter")
        self.pack_filter.setAccessibleName("Filter by pack")
        self.pack_filter.addItem("All packs", None)  # the packs themselves come with the rows
        self.skill_filter = QComboBox()
        self.skill_filter.setObjectName("historySkillFilter")
        self.skill_filter.setAccessibleName("Filter by skill practised")
        for label, skill in SKILL_CHOICES:
            self.skill_filter.addItem(label, skill)
        self.since_edit = self._date_edit("historySince", "From date")
        self.until_edit = self._date_edit("historyUntil", "To date")
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setAccessibleName("Search replies and statements")
        self.search.setPlaceholderText("Search replies…")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCount")

        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName("Attempt history")
        # Unfiltered, the view shows the table model itself; a filter puts the proxy in between.
        # Filtering 100,000 rows calls back into Python once per row, so skip it when idle.
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The Drill column (what the customer said) takes the room left: at 800 px a 200 px
        # Pack column left it 40 px, and wrapped text made every row two lines of "“I ord…".
        for column, width in enumerate((130, 140, 200, 65, 90, 70, 80, 80)):
            self.table.setColumnWidth(column, width)
        # Tab leaves the table for the next control instead of walking its cells forever.
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)  # one line a row; the rest is in the tooltip
        self.table.doubleClicked.connect(self.open_attempt)
        self.table.activated.connect(self.open_attempt)  # Enter on a row

        filters = QHBoxLayout()
        # Alt+F and Alt+T belong to the File and Team menus; these must not take them.
        for caption, widget in (
            ("&Pack", self.pack_filter),
            ("S&kill", self.skill_filter),
            ("Fro&m", self.since_edit),
            ("&Until", self.until_edit),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(widget)
            buddy.setMinimumWidth(buddy.sizeHint().width())  # never clipped to "Tc"
            filters.addWidget(buddy)
            filters.addWidget(widget)
        search_label = QLabel("&Search")  # Alt+S: no menu or filter takes it
        search_label.setObjectName("historySearchLabel")
        search_label.setBuddy(self.search)
        search_label.setMinimumWidth(search_label.sizeHint().width())
        filters.addWidget(search_label)
        filters.addWidget(self.search, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.count_label)

        self.pack_filter.currentIndexChanged.connect(self.apply_filters)
        self.skill_filter.currentIndexChanged.connect(self.apply_filters)
        self.since_edit.dateChanged.connect(self.apply_filters)
        self.until_edit.dateChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = BoundDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setSpecialValueText("any")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setDate(edit.minimumDate())  # the special value: no bound
        edit.setMinimumWidth(120)
        return edit

    # -- loading --------------------------------------------------------------------------

    def load(self, profile_id: int) -> None:
        """Start reading this profile's attempts (numbers only; replies stay in SQLite)."""
        self.profile_id = profile_id
        self.loaded = True
        self.ready = False
        self._load_number += 1
        self._added_while_loading = []
        self._titles = None
        self.count_label.setText("Loading your history…")
        QThreadPool.globalInstance().start(
            _LoadRows(self.store.path, profile_id, self._load_number, self._signals)
        )

    def _rows_arrived(self, number: int, rows: list[AttemptRow] | None, complete: bool) -> None:
        if number != self._load_number:
            return  # a newer load (another profile) superseded this one
        if rows is None:
            self.count_label.setText("Your history could not be read; try reopening the app.")
            return
        first_page = self._titles is None
        if self._titles is None:  # read once per load, for the first page and the whole
            self._titles = self._read_titles()
        titles = self._titles
        if not complete:
            self._statements = self._read_statements({(r.pack_id, r.drill_id) for r in rows})
            self.model.set_rows(rows, titles, self._statements)
            self._update_count()
            self._ensure_current()
            self.first_rows_shown.emit()
            return
        seen = {row.id for row in rows}
        rows = rows + [row for row in self._added_while_loading if row.id not in seen]
        self._statements = self._read_statements({(r.pack_id, r.drill_id) for r in rows})
        self.model.set_rows(rows, titles, self._statements)
        self._pack_ids = {row.pack_id for row in rows}
        self._fill_pack_filter()
        self.ready = True
        self.apply_filters()
        if first_page:  # a short history arrives whole, in one go
            self.first_rows_shown.emit()
        self.rows_loaded.emit()

    def _read_titles(self) -> dict[str, str]:
        return {summary.id: summary.title for summary in self.store.packs()}

    def _read_statements(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """What the customer said in each drill the rows name, as the attempts copied it: the
        Drill column's words (an id such as "para-cold-meal" meant nothing to an agent).

        Not the installed drill's words: a re-import may reword a drill or a removal drop it,
        and the rows must still say what was answered, as the PDF report does.
        """
        if self.profile_id is None:
            return {}
        return self.store.answered_statements(self.profile_id, keys)

    def refresh_packs(self) -> None:
        """Read pack titles again after packs were (re)imported, so the table and the Pack
        filter show a re-imported pack's new title, not the one first loaded. The Drill column
        keeps its words: they come from the attempts, which an import does not change."""
        if self._titles is None:
            return  # nothing loaded yet: the first rows read them afresh
        self._titles = self._read_titles()
        self.model.set_pack_titles(self._titles)
        if self.ready:
            self._fill_pack_filter()

    def focus_table(self) -> None:
        """Put the keyboard on the table, on a row, so Enter reopens an attempt at once."""
        self.table.setFocus()
        self._ensure_current()

    def _ensure_current(self) -> None:
        """Make the first row current when none is: Enter on a table without one does nothing."""
        model = self.table.model()
        if model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(model.index(0, 0))

    def _fill_pack_filter(self) -> None:
        """One choice per pack the rows name, by title; the choice made stays chosen."""
        titles = self._titles or {}
        current = self.pack_filter.currentData()
        self.pack_filter.blockSignals(True)
        self.pack_filter.clear()
        self.pack_filter.addItem("All packs", None)
        for pack_id in sorted(self._pack_ids, key=lambda p: titles.get(p, p)):
            self.pack_filter.addItem(titles.get(pack_id, pack_id), pack_id)
        index = self.pack_filter.findData(current)
        self.pack_filter.setCurrentIndex(max(0, index))
        self.pack_filter.blockSignals(False)

    def add_attempt(self, attempt: Attempt) -> None:
        """Show a just-saved attempt at once, without reloading the whole history.

        An attempt on a pack the history had no rows of yet adds that pack to the Pack filter,
        which otherwise offered only the packs of the rows first loaded.
        """
        if not self.loaded or attempt.id is None:
            return
        rows = self.store.attempt_rows(self.profile_id, since=attempt.created_at,
                                       with_response=False)  # fmt: skip
        for row in rows:
            if row.id != attempt.id:
                continue
            if not self.ready:
                self._added_while_loading.append(row)  # the filter is filled when all arrive
                continue
            key = (row.pack_id, row.drill_id)
            titles_stale = self._titles is not None and row.pack_id not in self._titles
            if titles_stale or self._statements.get(key) != attempt.statement:
                # a pack imported, or a drill first tried or reworded, since the history loaded:
                # the attempt just made holds the drill's latest words
                if titles_stale:
                    self._titles = self._read_titles()
                self._statements = {**self._statements, key: attempt.statement}
                self.model.set_pack_titles(self._titles or {}, self._statements)
            self.model.append_row(row)
            if row.pack_id not in self._pack_ids:
                self._pack_ids.add(row.pack_id)
                self._fill_pack_filter()
        if self.ready:
            self._update_count()

    # -- filtering ------------------------------------------------------------------------

    def _bound(self, edit: QDateEdit) -> date | None:
        if edit.date() == edit.minimumDate():
            return None
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def apply_filters(self) -> None:
        text = self.search.text().strip()
        matching = self.store.attempt_ids_matching(self.profile_id, text) if text else None
        filters = (
            self.pack_filter.currentData(),
            self.skill_filter.currentData(),
            self._bound(self.since_edit),
            self._bound(self.until_edit),
        )
        if matching is None and not any(value is not None for value in filters):
            if self.table.model() is not self.model:
                self.table.setModel(self.model)
                self.proxy.setSourceModel(self._detached)  # idle, it would re-filter on reset
        else:
            if self.proxy.sourceModel() is not self.model:
                self.proxy.setSourceModel(self.model)
            self.proxy.set_filters(
                pack_id=filters[0], skill=filters[1], since=filters[2], until=filters[3],
                matching_ids=matching,
            )  # fmt: skip
            if self.table.model() is not self.proxy:
                self.table.setModel(self.proxy)
        self._update_count()
        self._ensure_current()

    def _update_count(self) -> None:
        shown, total = self.table.model().rowCount(), self.model.rowCount()
        if not self.ready:  # only the newest page so far
            self.count_label.setText(f"Your latest {plural(total, 'attempt')}; loading the rest…")
            return
        self.count_label.setText(
            plural(total, "attempt")
            if shown == total
            else f"{shown:,} of {plural(total, 'attempt')}"
        )

    # -- reopening ------------------------------------------------------------------------

    def open_attempt(self, index: QModelIndex) -> AttemptDialog | None:
        """Show the attempt with its feedback exactly as it was first shown."""
        attempt_id = index.siblingAtColumn(0).data(ROW_ROLE)
        if attempt_id is None:
            return None
        try:
            attempt = self.store.attempt(int(attempt_id))
        except StoreError:
            return None
        exemplars: tuple[str, ...] = ()
        # When the pack or drill is gone, the attempt and its feedback still show.
        with suppress(StoreError, KeyError):
            exemplars = self.store.load_pack(attempt.pack_id).drill(attempt.drill_id).exemplars
        dialog = AttemptDialog(
            attempt,
            exemplars,
            self,
            retry_available=drill_available(self.store, attempt.pack_id, attempt.drill_id),
        )
        dialog.retry_requested.connect(self.retry_requested)
        dialog.setModal(False)
        dialog.show()
        return dialog
