"""The team view: agents side by side, skill by skill (average, attempts, recent trend).

Opened from Team > Import progress files... on a team file (created when new). Merging and
exporting run in the background with progress and Cancel; the numbers come from
`core.team.team_overview`, the same figures as each agent's dashboard. What a merge did is said
here and, through `merged`, in the main window's status bar (`export_menu.show_team`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from listen_drill.core.export.progress import CancelFn, ProgressFn
from listen_drill.core.export.report import OVERALL, TREND_KEYS, build_report
from listen_drill.core.team import (
    AgentOverview,
    FileMerge,
    MergeReport,
    TeamDb,
    merge_progress_files,
    team_overview,
)
from listen_drill.core.team_export import export_team_csv
from listen_drill.core.wording import plural
from listen_drill.ui.background import BackgroundTask
from listen_drill.ui.screen_fit import fit_to_screen

HEADERS = (
    "Agent",
    "Attempts",
    "Overall",
    "Paraphrase",
    "Feeling",
    "Question",
    "Language",
    "Trend (4 wk)",
    "Last practised",
)
#: How long the main window's status bar keeps a merge's line: as long as a pack import's.
MERGE_MESSAGE_MS = 10_000


class _SortableItem(QTableWidgetItem):
    """Sorts by its number (UserRole) when it has one: "1,204" after "95", "–" first."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine = self.data(Qt.ItemDataRole.UserRole)
        theirs = other.data(Qt.ItemDataRole.UserRole)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return self.text().casefold() < other.text().casefold()


NO_VALUE = float("-inf")  # "–" (no figure yet) sorts below every figure


def _cell(text: str, sort: float | None = None, align_right: bool = True) -> QTableWidgetItem:
    item = _SortableItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if sort is not None:
        item.setData(Qt.ItemDataRole.UserRole, sort)
    return item


def _figure(value: float | None, change: float | None) -> str:
    if value is None:
        return "–"
    if change is None or abs(change) < 0.5:
        return f"{value:.0f}"
    return f"{value:.0f}  ({'+' if change > 0 else '−'}{abs(change):.0f})"


def _file_outcome(merged: FileMerge) -> str:
    """One merged file by the agents in it: what it added, as the CLI says it."""
    who = ", ".join(merged.agents) or merged.path.name
    if merged.already_imported:
        return f"{who} (already merged, nothing added)"
    if merged.added == 0:
        return f"{who} (nothing new: every attempt was already merged)"
    if merged.added < merged.in_file:
        return f"{who} (+{merged.added:,} new of {plural(merged.in_file, 'attempt')})"
    return f"{who} (+{plural(merged.added, 'attempt')})"


def _merge_parts(report: MergeReport, *, into: str, aside: str, refused: str) -> list[str]:
    """A merge in up to two sentences, the one shape both messages share: the files merged
    ("Merged 2 files{into}: ...") and, when any were refused, "Not merged (1 file{aside})"
    followed by `refused` (their reasons at length in the team view, names in a status bar)."""
    merged = [f for f in report.files if not f.error]
    parts = []
    if merged:
        outcomes = ", ".join(_file_outcome(f) for f in merged)
        parts.append(f"Merged {plural(len(merged), 'file')}{into}: {outcomes}.")
    if report.errors:
        parts.append(f"Not merged ({plural(len(report.errors), 'file')}{aside}){refused}")
    return parts


def merge_summary(report: MergeReport, gap: str = "\n") -> str:
    """Every file of a merge in one message: what each added, which were refused and why.

    A merge that adds nothing (the same file twice) changes no number on screen, so without
    this the team lead cannot tell a repeat from a merge that never ran.
    """
    failures = "\n".join(f.error for f in report.errors)
    parts = _merge_parts(report, into="", aside=", nothing changed", refused=f":\n{failures}")
    return gap.join(parts) or "No files to merge."


def merge_status_line(report: MergeReport, team_path: Path) -> str:
    """The merge on one line, for a status bar: the files and agents merged, and the files
    refused by name only (their reasons, with full paths, are in the team view and its box)."""
    names = ", ".join(f.path.name for f in report.errors)
    parts = _merge_parts(
        report, into=f" into {team_path.name}", aside="", refused=f": {names}; see the team view."
    )
    return " ".join(parts) or "No files to merge."


class TeamView(QDialog):
    exported = Signal(str)  # the confirmation, for the main window's status bar
    merged = Signal(str)  # `merge_status_line` after each merge, for a status bar

    def __init__(self, team_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team_path = team_path
        self.task: BackgroundTask | None = None
        self.last_merge: MergeReport | None = None
        self.setObjectName("teamView")
        self.setWindowTitle(f"Team: {team_path.name}")
        fit_to_screen(self, 980, 460)  # never past a small screen

        self.summary = QLabel()
        self.summary.setObjectName("teamSummary")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("teamTable")
        self.table.setAccessibleName("Agents compared skill by skill")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the buttons; the arrows move between cells.
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        note = QLabel(
            "Averages out of 100. In brackets: the change over the latest four weeks against "
            "the four weeks before."
        )
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("teamStatus")
        self.status.setAccessibleName("Last merge or export")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names and errors, as they are
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        buttons = QHBoxLayout()
        self.import_button = self._button(
            "teamImport", "&Import progress files…", "Ctrl+I", self.choose_files
        )
        self.csv_button = self._button(
            "teamExportCsv", "Export &CSV…", "Ctrl+Shift+C", lambda: self.choose_export("csv")
        )
        self.pdf_button = self._button(
            "teamExportPdf", "Export &PDF…", "Ctrl+Shift+P", lambda: self.choose_export("pdf")
        )
        close = self._button("teamClose", "Close", "Esc", self.accept)
        for button in (self.import_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    def _button(self, name: str, text: str, keys: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(f"{text.replace('&', '')} ({keys})")
        if keys != "Esc":
            button.setShortcut(QKeySequence(keys))
        button.clicked.connect(slot)
        return button

    # -- numbers --------------------------------------------------------------------------

    def overview(self) -> list[AgentOverview]:
        with TeamDb(self.team_path) as team:
            return team_overview(team)

    def refresh(self) -> None:
        rows = self.overview()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            averages = row.averages
            values = [averages.overall, *averages.skills.values()]
            last_day = row.last_day
            cells = [
                _cell(row.agent.name, align_right=False),
                _cell(f"{row.attempts:,}", row.attempts),
                *(
                    _cell(
                        _figure(value, row.trend.change(key)),
                        NO_VALUE if value is None else value,
                    )
                    for value, key in zip(values, TREND_KEYS, strict=True)
                ),
                self._trend_cell(row.trend.change(OVERALL)),
                _cell(
                    last_day.isoformat() if last_day else "–",
                    last_day.toordinal() if last_day else NO_VALUE,
                    align_right=False,
                ),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(index, column, cell)
        self.table.setSortingEnabled(True)  # sorts again by the column the user chose
        self.table.resizeColumnsToContents()
        total = sum(r.attempts for r in rows)
        self.summary.setText(
            f"<b>{len(rows)}</b> agent{'' if len(rows) == 1 else 's'} · <b>{total:,}</b> "
            f"attempt{'' if total == 1 else 's'} · {self.team_path}"
        )
        self.csv_button.setEnabled(bool(rows))
        self.pdf_button.setEnabled(bool(rows))

    def _trend_cell(self, change: float | None) -> QTableWidgetItem:
        if change is None:
            return _cell("–", NO_VALUE)
        if abs(change) < 0.05:
            return _cell("±0", 0.0)
        item = _cell(f"{'▲' if change > 0 else '▼'} {abs(change):.1f}", change)
        item.setForeground(QColor("#1e8449" if change > 0 else "#c0392b"))
        return item

    # -- background work ------------------------------------------------------------------

    def _run(self, label: str, job: Any, done: Any) -> None:
        self.task = BackgroundTask(self, label, job)
        self.task.finished.connect(done)
        self.task.failed.connect(lambda message: QMessageBox.warning(self, "Team", message))
        self.task.cancelled.connect(self.refresh)
        self.task.start()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Progress files to import", str(Path.home()), "Progress files (*.json)"
        )
        if names:
            self.merge([Path(name) for name in names])

    def merge(self, paths: list[Path]) -> None:
        team_path = self.team_path

        def job(progress: ProgressFn, cancel: CancelFn) -> MergeReport:
            return merge_progress_files(paths, team_path, progress=progress, cancel=cancel)

        self._run(f"Importing {len(paths)} progress files…", job, self._merged)

    def _merged(self, report: object) -> None:
        """Refresh the numbers and say what each file did, here and (on failures) in a box."""
        assert isinstance(report, MergeReport)
        self.last_merge = report
        self.refresh()
        self._say(merge_summary(report))
        self.merged.emit(merge_status_line(report, self.team_path))
        if report.errors:
            QMessageBox.warning(
                self, "Some files were not imported", merge_summary(report, gap="\n\n")
            )

    def choose_export(self, fmt: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the team", str(self.team_path.with_suffix(f".{fmt}")), f"*.{fmt}"
        )
        if name:
            self.export(fmt, Path(name))

    def export(self, fmt: str, output: Path) -> None:
        team_path = self.team_path

        def job(progress: ProgressFn, cancel: CancelFn) -> Path:
            with TeamDb(team_path) as team:
                if fmt == "csv":
                    export_team_csv(team, output, progress=progress, cancel=cancel)
                    return output
                report = build_report(
                    team.source,
                    title="Reflective listening: team report",
                    progress=progress,
                    cancel=cancel,
                )
            from listen_drill.ui.report_pdf import render_report_pdf

            return render_report_pdf(report, output, cancel=cancel)

        self._run(f"Exporting {output.name}…", job, self._exported)

    def _exported(self, path: object) -> None:
        """Say where the file went, here and (through `exported`) in the main window."""
        message = f"Exported the team to {path}"
        self._say(message)
        self.exported.emit(message)

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()
