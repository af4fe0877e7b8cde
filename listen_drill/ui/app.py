"""Build the main window and run the Qt application."""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from listen_drill.core.backup import daily_backup
from listen_drill.core.bundled import read_resource_text, resource_path
from listen_drill.core.library import sync_bundled_packs
from listen_drill.core.store import DamagedStoreError, Store, StoreError
from listen_drill.ui.display import has_display
from listen_drill.ui.main_window import MainWindow
from listen_drill.ui.restore_offer import StartProblem, build_cannot_start_box, offer_restore


def create_window(data_dir: Path) -> QMainWindow:
    """The one way to make the app's window: opens the store and installs the bundled packs.

    A QApplication must exist already (the `listen-drill` command and pytest-qt both make one).
    """
    store = Store.open(data_dir)  # checks the file: DamagedStoreError offers a restore
    with suppress(StoreError):  # a missed backup must not keep the agent from practising
        daily_backup(data_dir)
    sync_bundled_packs(store)
    profile = store.current_profile()
    window = MainWindow(store, profile)
    window.setWindowIcon(QIcon(str(resource_path("icons", "listen-drill.svg"))))
    window.setStyleSheet(read_resource_text("styles", "app.qss"))
    return window


def run(data_dir: Path) -> int:
    """Open the app; returns the exit code for the shell."""
    if not has_display():
        print(
            "listen-drill: no display found, so the window cannot open.\n"
            "Run it from a desktop session, or set DISPLAY (e.g. under Xvfb: "
            "xvfb-run listen-drill).",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("listen-drill")
    app.setOrganizationName("listen-drill")
    problem: StartProblem | None = None
    try:
        try:
            window = create_window(data_dir)
        except DamagedStoreError as damaged:  # offer the newest good backup, then try again
            problem = offer_restore(damaged, data_dir)
            if problem is None:
                window = create_window(data_dir)
    except StoreError as error:  # unusable data (read-only folder, busy...): say so, exit
        problem = StartProblem(str(error), details=getattr(error, "details", ""))
    if problem is not None:
        build_cannot_start_box(problem).exec()
        return 1
    window.show()
    return app.exec()
