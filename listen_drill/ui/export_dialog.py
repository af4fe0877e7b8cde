"""File > Export...: choose format, profiles, dates, pack and file; the export runs in the
background with a progress dialog and Cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from listen_drill.core.export.csv_export import export_csv, summary_path_for
from listen_drill.core.export.filters import ExportFilter
from listen_drill.core.export.progress import CancelFn, ProgressFn
from listen_drill.core.export.progress_file import export_progress_file
from listen_drill.core.export.report import build_report
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.store import Store
from listen_drill.ui.background import BackgroundTask

FORMATS = (
    ("csv", "Spreadsheet (CSV, with a weekly summary beside it)", "csv"),
    ("json", "Progress file for your team lead (JSON)", "json"),
    ("pdf", "Printable report (PDF)", "pdf"),
)


def run_export(
    store_path: Path,
    fmt: str,
    filters: ExportFilter,
    output: Path,
    progress: ProgressFn,
    cancel: CancelFn,
) -> Path:
    """The export itself, for a worker thread: it opens its own connection to the store,
    read-only, so a data folder that has become read-only since the app started still exports."""
    with Store.for_reading(store_path, check=False) as store:
        source = AttemptSource.for_store(store)
        if fmt == "csv":
            return export_csv(
                source, output, filters, progress=progress, cancel=cancel
            ).attempts_path
        if fmt == "json":
            return export_progress_file(
                source, output, filters, progress=progress, cancel=cancel
            ).path
        report = build_report(source, filters, progress=progress, cancel=cancel)
    from listen_drill.ui.report_pdf import render_report_pdf

    return render_report_pdf(report, output, cancel=cancel)


def export_message(fmt: str, path: Path) -> str:
    """What the status bar says when an export is written: where to find it."""
    if fmt == "csv":
        return f"Exported to {path} (weekly summary: {summary_path_for(path).name})"
    return f"Exported to {path}"


class ExportDialog(QDialog):
    exported = Signal(str)  # the confirmation for the window's status bar: where the file is

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.task: BackgroundTask | None = None
        self.result_path: Path | None = None
        self._exporting = "csv"  # the format of the export running, for its confirmation
        # The path Browse… already asked about replacing (its save dialog asks), so Export
        # does not ask again for that one.
        self._replace_confirmed: Path | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export progress")

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        self.format_combo.setAccessibleName("Export format")
        for key, label, _suffix in FORMATS:
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(self._format_changed)

        self.profile_list = QListWidget()
        self.profile_list.setObjectName("exportProfiles")
        self.profile_list.setAccessibleName("Profiles to export")
        for profile in store.profiles():
            item = QListWidgetItem(profile.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, profile.uuid)
            self.profile_list.addItem(item)
        self.profile_list.setMaximumHeight(110)

        self.since_check = QCheckBox("Fro&m")
        self.since_check.setObjectName("exportSinceEnabled")
        self.since_edit = self._date_edit("exportSince", "Export from this day")
        self.until_check = QCheckBox("&To")
        self.until_check.setObjectName("exportUntilEnabled")
        self.until_edit = self._date_edit("exportUntil", "Export up to this day")
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        dates = QHBoxLayout()
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            dates.addWidget(widget)

        self.pack_combo = QComboBox()
        self.pack_combo.setObjectName("exportPack")
        self.pack_combo.setAccessibleName("Pack to export")
        self.pack_combo.addItem("All packs", None)
        for pack in store.packs():
            self.pack_combo.addItem(pack.title, pack.id)

        self.output_edit = QLineEdit(str(Path.home() / "listen-drill-progress.csv"))
        self.output_edit.setObjectName("exportOutput")
        self.output_edit.setAccessibleName("File to write")
        # Wide enough for a usual home-folder path; the full path is always in the tooltip.
        self.output_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 52)
        self.output_edit.textChanged.connect(self.output_edit.setToolTip)
        # A path typed or changed after Browse… asked about it is asked about again.
        self.output_edit.textChanged.connect(self._forget_confirmation)
        self.output_edit.setToolTip(self.output_edit.text())
        browse = QPushButton("&Browse…")
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._browse)
        output = QHBoxLayout()
        output.addWidget(self.output_edit)
        output.addWidget(browse)

        form = QFormLayout(self)
        form.addRow("&Format", self.format_combo)
        form.addRow("&Profiles", self.profile_list)
        form.addRow("Dates", dates)
        form.addRow("P&ack", self.pack_combo)
        # A label given as a string to a row holding a layout gets no buddy (and shows a
        # literal "&"): name the line edit, so Alt+O goes to it.
        output_label = QLabel("&Output file")
        output_label.setObjectName("exportOutputLabel")
        output_label.setBuddy(self.output_edit)
        form.addRow(output_label, output)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate())
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        return edit

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def _format_changed(self) -> None:
        path = Path(self.output_edit.text() or "listen-drill-progress")
        self.output_edit.setText(str(path.with_suffix("." + self.fmt())))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.output_edit.text(), f"*.{self.fmt()}"
        )
        if name:
            self.output_edit.setText(name)
            self._replace_confirmed = Path(name).expanduser()

    def filters(self) -> ExportFilter:
        chosen = [
            str(self.profile_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.profile_list.count())
            if self.profile_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        pack = self.pack_combo.currentData()
        return ExportFilter(
            profiles=tuple(chosen),
            since=_day(self.since_edit) if self.since_check.isChecked() else None,
            until=_day(self.until_edit) if self.until_check.isChecked() else None,
            pack_id=None if pack is None else str(pack),
        )

    def start_export(self) -> None:
        try:
            filters = self.filters()
        except ValueError as error:
            QMessageBox.warning(self, "Export", str(error))
            return
        if not filters.profiles:
            QMessageBox.warning(self, "Export", "Tick at least one profile to export.")
            return
        output = Path(self.output_edit.text()).expanduser()
        fmt, store_path = self.fmt(), self.store.path
        if not self._may_write(output, fmt):
            return
        self._exporting = fmt

        def job(progress: ProgressFn, cancel: CancelFn) -> Any:
            return run_export(store_path, fmt, filters, output, progress, cancel)

        self.buttons.setEnabled(False)
        self.task = BackgroundTask(self, f"Exporting to {output.name}…", job)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self.buttons.setEnabled(True))
        self.task.start()

    def _targets(self, output: Path, fmt: str) -> list[Path]:
        """Every file the export writes: a CSV export writes its weekly summary beside it."""
        return [output, summary_path_for(output)] if fmt == "csv" else [output]

    def _may_write(self, output: Path, fmt: str) -> bool:
        """Refuse a folder (the rename would fail naming the hidden temporary file) and ask
        before replacing an existing file: a typed path got no question, only Browse… asked."""
        targets = self._targets(output, fmt)
        for target in targets:
            if target.is_dir():
                QMessageBox.warning(self, "Export", f"{target} is a folder; give a file name.")
                return False
        existing = [t for t in targets if t.exists()]
        if not existing or (output == self._replace_confirmed and existing == [output]):
            return True
        names = "\n".join(str(t) for t in existing)
        answer = QMessageBox.question(
            self,
            "Replace file?",
            f"This already exists:\n{names}\n\nReplace it?"
            if len(existing) == 1
            else f"These already exist:\n{names}\n\nReplace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _forget_confirmation(self, text: str) -> None:
        if self._replace_confirmed is not None and Path(text).expanduser() != (
            self._replace_confirmed
        ):
            self._replace_confirmed = None

    def _done(self, path: object) -> None:
        self._replace_confirmed = None  # the next export to it replaces what this one wrote
        self.result_path = Path(str(path))
        self.buttons.setEnabled(True)
        self.exported.emit(export_message(self._exporting, self.result_path))
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, "Export failed", message)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
