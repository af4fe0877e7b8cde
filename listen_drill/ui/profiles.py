"""The Profile menu: several agents on one computer, each with their own history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMenu, QMessageBox

from listen_drill.core.models import Profile
from listen_drill.core.store import Store, StoreError


class ProfileMenu:
    """Switch (a checkable list, or Switch profile... on Ctrl+Shift+P), New profile...
    (Ctrl+Shift+N) and Rename... (F2)."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        current: Callable[[], Profile],
        switch_to: Callable[[Profile], None],
    ) -> None:
        self.window = window
        self.store = store
        self.current = current
        self.switch_to = switch_to
        # Alt+O: Alt+R is the Drill view's Retry button, Alt+P its pack list.
        self.menu = QMenu("Pr&ofile", window)
        self.menu.setObjectName("profileMenu")
        window.menuBar().insertMenu(window.menuBar().actions()[-1], self.menu)
        self.new_action = QAction("&New profile…", window)
        self.new_action.setObjectName("newProfileAction")
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.setStatusTip("New profile")
        self.new_action.triggered.connect(lambda: self.create())
        self.rename_action = QAction("&Rename profile…", window)
        self.rename_action.setObjectName("renameProfileAction")
        self.rename_action.setShortcut(QKeySequence("F2"))
        self.rename_action.setStatusTip("Rename this profile")
        self.rename_action.triggered.connect(lambda: self.rename())
        # Switching had no key at all: the menu's list needed Alt, the arrows and Enter.
        self.switch_action = QAction("&Switch profile…", window)
        self.switch_action.setObjectName("switchProfileAction")
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.switch_action.setStatusTip("Switch to another profile (arrows to choose, Enter)")
        self.switch_action.triggered.connect(lambda: self.choose())
        self.dialog: QInputDialog | None = None  # the last Switch profile dialog (tests read it)
        self._only_message: str | None = None  # the "only profile" status message, while up
        window.addAction(self.switch_action)
        window.addAction(self.new_action)
        window.addAction(self.rename_action)
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        self.menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """List the profiles, the current one checked; Alt+1..9 switch from the menu."""
        self.menu.clear()
        for action in self.group.actions():
            self.group.removeAction(action)
        current = self.current()
        for number, profile in enumerate(self.store.profiles(), start=1):
            prefix = f"&{number} " if number <= 9 else ""
            action = QAction(f"{prefix}{profile.name}", self.menu)
            action.setCheckable(True)
            action.setChecked(profile.id == current.id)
            action.triggered.connect(lambda _checked=False, p=profile: self.switch_to(p))
            self.group.addAction(action)
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.switch_action)
        self.menu.addAction(self.new_action)
        self.menu.addAction(self.rename_action)

    def choose(self) -> QInputDialog | None:
        """Offer every profile in a list, the current one selected; Enter switches to it.

        Window-modal and not blocking, like the rest of the window's boxes. With one profile
        there is nothing to choose, and the status bar says how to make another.
        """
        profiles = self.store.profiles()
        current = self.current()
        if len(profiles) < 2:
            self._only_message = f"{current.name} is the only profile; Ctrl+Shift+N makes another."
            self.window.statusBar().showMessage(self._only_message, 8000)
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()  # the last one, closed long since
        dialog = QInputDialog(self.window)
        dialog.setObjectName("switchProfileDialog")
        dialog.setWindowTitle("Switch profile")
        dialog.setLabelText("Switch to the profile of:")
        dialog.setComboBoxItems([profile.name for profile in profiles])
        dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems)
        dialog.setTextValue(current.name)
        by_name = {profile.name: profile for profile in profiles}
        dialog.textValueSelected.connect(
            lambda name: self.switch_to(by_name[name]) if name in by_name else None
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def create(self, name: str | None = None) -> Profile | None:
        """Ask for a name (or take `name`), make the profile and switch to it."""
        if name is None:
            name, accepted = QInputDialog.getText(
                self.window, "New profile", "Name of the agent:", QLineEdit.EchoMode.Normal
            )
            if not accepted:
                return None
        try:
            profile = self.store.create_profile(name)
        except StoreError as error:
            QMessageBox.warning(self.window, "New profile", str(error))
            return None
        self.switch_to(profile)
        self._clear_only_message()
        return profile

    def _clear_only_message(self) -> None:
        """ "X is the only profile" is no longer true once another is made: take it down."""
        bar = self.window.statusBar()
        if self._only_message is not None and bar.currentMessage() == self._only_message:
            bar.clearMessage()
        self._only_message = None

    def rename(self, name: str | None = None) -> Profile | None:
        current = self.current()
        if name is None:
            name, accepted = QInputDialog.getText(
                self.window, "Rename profile", "New name:", QLineEdit.EchoMode.Normal,
                current.name,
            )  # fmt: skip
            if not accepted:
                return None
        try:
            profile = self.store.rename_profile(current.id, name)
        except StoreError as error:
            QMessageBox.warning(self.window, "Rename profile", str(error))
            return None
        self.switch_to(profile)
        return profile
