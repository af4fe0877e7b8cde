"""Item models for the history view: loaded attempt rows, filtered by a proxy.

`data()` only indexes rows already in memory: it never runs SQL. Sorting happens in the table
model with one Python `list.sort` (about 50 ms for 100,000 rows); a proxy sorting through
`data()` would call back into Python millions of times (25 s measured). The proxy filters.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from listen_drill.core.models import AttemptRow, Skill
from listen_drill.core.wording import drill_name

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS: tuple[str, ...] = (
    "Date", "Pack", "Drill", "Overall", "Paraphrase", "Feeling", "Question", "Language",
)  # fmt: skip
SKILL_COLUMNS: dict[int, Skill] = {
    4: Skill.PARAPHRASE,
    5: Skill.EMOTION,
    6: Skill.QUESTION,
    7: Skill.LANGUAGE,
}
_SCORE_FIELD = {
    Skill.PARAPHRASE: "paraphrase_score",
    Skill.EMOTION: "emotion_score",
    Skill.QUESTION: "question_score",
    Skill.LANGUAGE: "language_score",
}


def local_date(stamp: str) -> date:
    """The agent's own calendar day for a stored UTC timestamp."""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as the agent's wall clock shows it, to the minute."""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


#: How much of a statement the Drill column keeps (the view elides what does not fit).
DRILL_NAME_CHARS = 120
#: How much of it the Drill column's tooltip shows, wrapped at TOOLTIP_WIDTH characters.
TOOLTIP_CHARS = 400
TOOLTIP_WIDTH = 70


def skill_score(row: AttemptRow, skill: Skill) -> float | None:
    value: float | None = getattr(row, _SCORE_FIELD[skill])
    return value


class HistoryTableModel(QAbstractTableModel):
    """One row per attempt, oldest first as loaded; the proxy decides the order shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AttemptRow] = []
        self._pack_titles: dict[str, str] = {}
        # (pack id, drill id) -> the statement answered, for the Drill column; ids where none
        self._statements: dict[tuple[str, str], str] = {}
        self._names: dict[tuple[str, str], str] = {}  # made once per drill, not once per row
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)

    def set_rows(
        self,
        rows: Sequence[AttemptRow],
        pack_titles: Mapping[str, str],
        statements: Mapping[tuple[str, str], str] | None = None,
    ) -> None:
        """Take rows oldest first (as the store returns them) and show them in the current order."""
        self.beginResetModel()
        self._rows = list(rows)
        self._pack_titles = dict(pack_titles)
        self._set_statements(statements or {})
        column, order = self._sort
        if column == 0:  # already in date order: reversing is O(n), sorting is not
            if order == Qt.SortOrder.DescendingOrder:
                self._rows.reverse()
        else:
            self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python in one pass; the view's header clicks arrive here through the proxy."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = {id(row): index for index, row in enumerate(self._rows)}
        old_rows = list(self._rows)
        self._sort = (column, order)
        self._sort_rows()
        after = {id(row): index for index, row in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        moved = [
            self.index(after[id(old_rows[index.row()])], index.column())
            if 0 <= index.row() < len(old_rows) and id(old_rows[index.row()]) in before
            else QModelIndex()
            for index in persistent
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(
            key=lambda row: self._sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def append_row(self, row: AttemptRow) -> None:
        """Add one new attempt without reloading everything (after each submit).

        It goes where the current order puts it: on top when newest come first.
        """
        newest_first = self._sort == (0, Qt.SortOrder.DescendingOrder)
        position = 0 if newest_first else len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)  # first and last, inclusive
        self._rows.insert(position, row)
        self.endInsertRows()

    def set_pack_titles(
        self,
        pack_titles: Mapping[str, str],
        statements: Mapping[tuple[str, str], str] | None = None,
    ) -> None:
        """Take titles (and statements) again, after an import: redraw the Pack and Drill columns.

        A sort by either column is redone, as the new names may order differently.
        """
        self._pack_titles = dict(pack_titles)
        if statements is not None:
            self._set_statements(statements)
        if self._sort[0] in (1, 2):
            self.sort(*self._sort)
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 2))

    def _set_statements(self, statements: Mapping[tuple[str, str], str]) -> None:
        self._statements = dict(statements)
        self._names = {
            key: drill_name(text, key[1], limit=DRILL_NAME_CHARS)
            for key, text in self._statements.items()
        }

    def drill_keys(self) -> set[tuple[str, str]]:
        """Every (pack id, drill id) the loaded rows name."""
        return {(row.pack_id, row.drill_id) for row in self._rows}

    def row_at(self, index: int) -> AttemptRow:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self._drill_tooltip(row)
        return None

    def _drill_tooltip(self, row: AttemptRow) -> str:
        """The statement, wrapped, then the ids a trainer looks for in the pack file."""
        ids = f"{row.pack_id} / {row.drill_id}"
        statement = self._statements.get((row.pack_id, row.drill_id))
        if statement is None:
            return f"{ids}\n(Enter shows the attempt)"
        text = " ".join(statement.split())
        if len(text) > TOOLTIP_CHARS:
            text = text[:TOOLTIP_CHARS].rstrip() + "…"
        return "\n".join([*textwrap.wrap(text, TOOLTIP_WIDTH), ids])

    def _drill_text(self, row: AttemptRow) -> str:
        return self._names.get((row.pack_id, row.drill_id), row.drill_id)

    def _display(self, row: AttemptRow, column: int) -> str:
        if column == 0:
            return local_time(row.created_at)
        if column == 1:
            return self._pack_titles.get(row.pack_id, row.pack_id)
        if column == 2:
            return self._drill_text(row)
        if column == 3:
            return str(row.overall)
        value = skill_score(row, SKILL_COLUMNS[column])
        return "–" if value is None else str(round(value * 100))

    def _sort_key(self, row: AttemptRow, column: int) -> Any:
        if column == 0:
            return row.created_at
        if column == 1:
            return self._pack_titles.get(row.pack_id, row.pack_id)
        if column == 2:
            return self._drill_text(row).casefold()
        if column == 3:
            return row.overall
        value = skill_score(row, SKILL_COLUMNS[column])
        return -1.0 if value is None else value


class HistoryFilterProxy(QSortFilterProxyModel):
    """Filters by pack, by skill practised, by local date range and by words in the reply."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._pack_id: str | None = None
        self._skill: Skill | None = None
        self._since: str | None = None  # UTC ISO bounds: rows compare as text, no parsing
        self._until: str | None = None
        self._matching_ids: set[int] | None = None
        self._active = False  # no filter set: accept every row without looking at it

    def set_filters(
        self,
        *,
        pack_id: str | None,
        skill: Skill | None,
        since: date | None,
        until: date | None,
        matching_ids: set[int] | None,
    ) -> None:
        """Set every filter at once; dates are local days, both included; `matching_ids` None
        means no text filter."""
        self.beginFilterChange()
        self._pack_id = pack_id
        self._skill = skill
        self._since = None if since is None else _utc_bound(since)
        self._until = None if until is None else _utc_bound(until + timedelta(days=1))
        self._matching_ids = matching_ids
        self._active = self._filtering()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        """Whether any filter is set; without one the view can show the table model directly."""
        return self._active

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Hand sorting to the table model, which sorts in Python in one pass."""
        model = self.sourceModel()
        if isinstance(model, HistoryTableModel):
            model.sort(column, order)

    def _filtering(self) -> bool:
        return (
            self._pack_id is not None
            or self._skill is not None
            or self._since is not None
            or self._until is not None
            or self._matching_ids is not None
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._active:
            return True
        model = self.sourceModel()
        assert isinstance(model, HistoryTableModel)
        row = model.row_at(source_row)
        if self._pack_id is not None and row.pack_id != self._pack_id:
            return False
        if self._skill is not None and skill_score(row, self._skill) is None:
            return False
        if self._matching_ids is not None and row.id not in self._matching_ids:
            return False
        if self._since is not None and row.created_at < self._since:
            return False
        return self._until is None or row.created_at < self._until


def _utc_bound(day: date) -> str:
    """Local midnight starting `day`, as the stored timestamps' UTC ISO text."""
    local_midnight = datetime.combine(day, time.min).astimezone()
    return local_midnight.astimezone(UTC).isoformat(timespec="seconds")
