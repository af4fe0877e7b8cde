"""The main window's hook for exports: File > Export... and the Team menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from listen_drill.core.store import Store
from listen_drill.core.team import TeamError
from listen_drill.ui.export_dialog import ExportDialog
from listen_drill.ui.team_view import MERGE_MESSAGE_MS, TeamView


def _action(
    window: QMainWindow, name: str, text: str, keys: str, slot: object, tip: str
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setStatusTip(tip)  # also its line in the F1 list
    if keys:
        action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def install_export_menus(window: QMainWindow, store: Store, file_menu: QMenu) -> None:
    """Add File > Export... (Ctrl+Shift+S) and Team > Import progress files... / Open team."""
    export = _action(
        window,
        "exportAction",
        "&Export…",
        "Ctrl+Shift+S",
        lambda: open_export_dialog(window, store),
        "Export your progress (CSV, JSON progress file or PDF report)",
    )
    existing = file_menu.actions()
    if existing:
        file_menu.insertAction(existing[0], export)
    else:
        file_menu.addAction(export)
    team_menu = window.menuBar().insertMenu(window.menuBar().actions()[-1], QMenu("&Team", window))
    menu = team_menu.menu()
    assert isinstance(menu, QMenu)
    menu.addAction(
        _action(
            window,
            "teamImportAction",
            "&Import progress files…",
            "Ctrl+Shift+I",
            lambda: open_team(window, import_files=True),
            "Import agents' progress files into a team file",
        )
    )
    menu.addAction(
        _action(
            window,
            "teamOpenAction",
            "&Open team file…",
            "Ctrl+Shift+T",
            lambda: open_team(window, import_files=False),
            "Open (or create) a team file and compare agents",
        )
    )


def open_export_dialog(window: QMainWindow, store: Store) -> ExportDialog:
    dialog = ExportDialog(store, window)
    dialog.exported.connect(lambda message: window.statusBar().showMessage(message))
    dialog.open()
    return dialog


def open_team(window: QMainWindow, *, import_files: bool) -> TeamView | None:
    """Ask for a team file (a new name creates it), show the team view, optionally import."""
    name, _ = QFileDialog.getSaveFileName(
        window,
        "Team file (open or create)",
        str(Path.home() / "team.db"),
        "Team files (*.db)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not name:
        return None
    return show_team(window, Path(name), import_files=import_files)


def show_team(window: QMainWindow, path: Path, *, import_files: bool = False) -> TeamView | None:
    """The team view on `path`; its exports and merges are told in the window's status bar too
    (a merge for `MERGE_MESSAGE_MS`, so a lead who closes the view or changes tab still sees it)."""
    try:
        view = TeamView(path, window)
    except TeamError as error:
        QMessageBox.warning(window, "Team", str(error))
        return None
    view.exported.connect(lambda message: window.statusBar().showMessage(message))
    view.merged.connect(lambda message: window.statusBar().showMessage(message, MERGE_MESSAGE_MS))
    view.open()
    if import_files:
        view.choose_files()
    return view
