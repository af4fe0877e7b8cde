"""The main window: pick a pack, read the customer, reply, get feedback, move on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from listen_drill import __version__
from listen_drill.core.models import Attempt, Pack, Profile
from listen_drill.core.session import DrillSession
from listen_drill.core.store import Store, StoreError
from listen_drill.ui.dashboard import DashboardView
from listen_drill.ui.drill_card import DrillCard
from listen_drill.ui.export_menu import install_export_menus
from listen_drill.ui.feedback_panel import FeedbackPanel
from listen_drill.ui.history_view import HistoryView
from listen_drill.ui.pack_import import PackImporter
from listen_drill.ui.profiles import ProfileMenu
from listen_drill.ui.round_summary import RoundSummaryDialog
from listen_drill.ui.shortcuts_help import plain_text, shortcuts_help
from listen_drill.ui.speech import install_read_aloud

PACK_ID_ROLE = Qt.ItemDataRole.UserRole

# The pack list never narrows below this, so "Billing and subscriptions (3)" is not clipped.
PACK_LIST_MAX_WIDTH = 320


class MainWindow(QMainWindow):
    """Owns the store for its lifetime; widgets reach the data only through the core."""

    def __init__(self, store: Store, profile: Profile) -> None:
        super().__init__()
        self.store = store
        self.profile = profile
        self.session: DrillSession | None = None
        self.last_attempt: Attempt | None = None
        self.round_summary: RoundSummaryDialog | None = None
        # The last "could not save" or "cannot be written" box shown (tests read it).
        self.save_problem_box: QMessageBox | None = None
        self._warned_unwritable = False
        self.setObjectName("mainWindow")
        self.setWindowTitle("listen-drill")
        self.resize(1180, 760)

        self.pack_list = QListWidget()
        self.pack_list.setObjectName("packList")
        self.pack_list.setAccessibleName("Drill packs")
        self.pack_list.currentItemChanged.connect(self._pack_chosen)

        self.pack_list.itemActivated.connect(self._focus_reply)

        self.card = DrillCard()
        self.response_edit = QPlainTextEdit()
        self.response_edit.setObjectName("responseEdit")
        self.response_edit.setAccessibleName("Your reply")
        self.response_edit.setPlaceholderText(
            "Reply to the customer: reflect what they said, name the feeling, ask an open "
            "question. Ctrl+Enter to submit."
        )
        # Tab leaves the box for the buttons, as everywhere else; a reply needs no tab character.
        self.response_edit.setTabChangesFocus(True)
        self.submit_button = self._button("submitButton", "&Submit", "Submit reply")
        self.retry_button = self._button("retryButton", "&Retry", "Retry this drill")
        self.next_button = self._button("nextButton", "&Next drill", "Next drill")
        self.submit_button.clicked.connect(self.submit)
        self.retry_button.clicked.connect(self.retry)
        self.next_button.clicked.connect(self.next_drill)
        self.submit_button.setToolTip("Submit your reply (Ctrl+Enter)")
        self.retry_button.setToolTip("Try this drill again, keeping your reply to edit (Ctrl+R)")
        self.next_button.setToolTip("Go to the next drill (Ctrl+N)")

        self.feedback_panel = FeedbackPanel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.card)
        reply_label = QLabel("Your &reply")
        reply_label.setBuddy(self.response_edit)
        centre_layout.addWidget(reply_label)
        centre_layout.addWidget(self.response_edit, stretch=1)
        centre_layout.addLayout(buttons)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        packs_label = QLabel("Drill &packs")
        packs_label.setBuddy(self.pack_list)
        left_layout.addWidget(packs_label)
        left_layout.addWidget(self.pack_list)
        self.pack_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # never "Billing and (3"
        self.pack_list.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.feedback_panel)
        splitter.setCollapsible(0, False)
        # When the feedback appears, the reply and the feedback give way, not the pack list.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([240, 500, 440])
        self.splitter = splitter

        self.history_view = HistoryView(store)
        self.history_view.retry_requested.connect(self.go_to_drill)
        self.dashboard = DashboardView(store)
        self.dashboard.practise_requested.connect(self.go_to_drill)
        self._dashboard_stale = True
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(splitter, "Drill")
        self.tabs.addTab(self.history_view, "History")
        self.tabs.addTab(self.dashboard, "Progress")
        self.tabs.currentChanged.connect(self._view_shown)
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self.profile_menu = ProfileMenu(self, store, lambda: self.profile, self.set_profile)
        self.pack_importer = PackImporter(self)  # File > Import Pack..., and file drops
        self.profile_label = QLabel(f"Profile: {profile.name}")
        self.profile_label.setObjectName("profileLabel")
        self.statusBar().addPermanentWidget(self.profile_label)
        self._drill_message: str | None = None  # what the status bar says about this drill
        self.reload_packs()
        self._update_buttons()
        self.response_edit.setFocus()  # a newcomer can start typing at once

    # -- construction ---------------------------------------------------------------------

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        # Enter presses the focused button (outside a dialog Qt only honours Space): after a
        # submit the focus is on Next drill, and Enter must move on.
        button.setAutoDefault(True)
        return button

    def _action(
        self, text: str, shortcuts: list[QKeySequence], slot: object, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setStatusTip(tip)  # also the action's line in the F1 list
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        self.file_menu = file_menu
        quit_action = self._action(
            "&Quit",
            [QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")],
            self.close,
            "Quit",
        )
        file_menu.addAction(quit_action)

        drill_menu = menu_bar.addMenu("&Drill")
        self.drill_menu = drill_menu
        self.submit_action = self._action(
            "&Submit reply",
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self.submit,
            "Submit your reply",
        )
        self.retry_action = self._action(
            "&Retry", [QKeySequence("Ctrl+R")], self.retry, "Retry this drill, keeping your reply"
        )
        self.next_action = self._action(
            "&Next drill", [QKeySequence("Ctrl+N")], self.next_drill, "Next drill"
        )
        focus_packs = self._action(
            "Go to &packs",
            [QKeySequence("Ctrl+L")],
            lambda: self.pack_list.setFocus(),
            "Go to the pack list (arrows to choose, Enter to start)",
        )
        focus_reply = self._action(
            "Go to r&eply",
            [QKeySequence("Ctrl+E")],
            lambda: self.response_edit.setFocus(),
            "Go to the reply box",
        )
        for action in (
            self.submit_action,
            self.retry_action,
            self.next_action,
            focus_packs,
            focus_reply,
        ):
            drill_menu.addAction(action)
        install_read_aloud(self, drill_menu, self._current_statement)

        self.end_round_action = self._action(
            "&End round",
            [QKeySequence("Ctrl+Shift+E")],
            self.end_round,
            "End the round and see its summary",
        )
        drill_menu.addAction(self.end_round_action)

        view_menu = menu_bar.addMenu("&View")
        for number, title in enumerate(("&Drill", "&History", "&Progress")):
            view_menu.addAction(
                self._action(title, [QKeySequence(f"Ctrl+{number + 1}")],
                             lambda _checked=False, n=number: self.tabs.setCurrentIndex(n),
                             f"Show the {plain_text(title)} view")
            )  # fmt: skip

        help_menu = menu_bar.addMenu("&Help")
        self.help_menu = help_menu
        help_menu.addAction(
            self._action(
                "&Keyboard shortcuts", [QKeySequence("F1")], self.show_shortcuts, "This list"
            )
        )
        help_menu.addAction(self._action("&About listen-drill", [], self.show_about))
        install_export_menus(self, self.store, file_menu)

    # -- packs ----------------------------------------------------------------------------

    def reload_packs(self, select: str | None = None) -> None:
        """Refill the pack list from the store, keeping or moving the selection."""
        keep = select or self.current_pack_id()
        self.pack_list.blockSignals(True)
        self.pack_list.clear()
        for summary in self.store.packs():
            item = QListWidgetItem(f"{summary.title}  ({summary.drill_count})")
            item.setData(PACK_ID_ROLE, summary.id)
            # The whole title too: a very long one is elided in the list.
            item.setToolTip(
                f"{summary.title} ({summary.drill_count} drills)\n{summary.description}"
            )
            self.pack_list.addItem(item)
        self.pack_list.blockSignals(False)
        self._fit_pack_list()
        row = 0
        for index in range(self.pack_list.count()):
            if self.pack_list.item(index).data(PACK_ID_ROLE) == keep:
                row = index
        if self.pack_list.count():
            self.pack_list.setCurrentRow(row)
            self._start_pack(self.pack_list.item(row).data(PACK_ID_ROLE))

    def _fit_pack_list(self) -> None:
        """Keep the pack list wide enough for its titles (capped; longer ones are elided)."""
        widest = self.pack_list.sizeHintForColumn(0) if self.pack_list.count() else 0
        scroll_bar = self.pack_list.verticalScrollBar().sizeHint().width()
        frame = 2 * self.pack_list.frameWidth() + scroll_bar
        self.pack_list.setMinimumWidth(min(max(widest + frame + 8, 160), PACK_LIST_MAX_WIDTH))

    def _current_statement(self) -> str | None:
        return None if self.session is None else self.session.drill.statement

    def _focus_reply(self, *_args: object) -> None:
        self.response_edit.setFocus()

    def current_pack_id(self) -> str | None:
        item = self.pack_list.currentItem()
        return None if item is None else str(item.data(PACK_ID_ROLE))

    def _pack_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._start_pack(str(current.data(PACK_ID_ROLE)))

    def _start_pack(self, pack_id: str) -> None:
        pack = self.store.load_pack(pack_id)
        if self.session is not None and self.session.pack.id == pack_id and pack.drills:
            # Same pack: keep the round going, but take a re-imported version's drills.
            if pack != self.session.pack:
                self._update_pack(pack)
            return
        if not pack.drills:
            self.session = None
            self._say(f"{pack.title} has no drills.")
            self._update_buttons()
            return
        self.session = DrillSession(self.store, pack, self.profile.id)
        self._show_current_drill()

    def _update_pack(self, pack: Pack) -> None:
        """Drill the new version of the current pack, staying on the current drill if it is
        still there (by id); an unchanged drill keeps the reply and feedback on screen."""
        assert self.session is not None
        old_drill = self.session.drill
        self.session.pack = pack
        ids = [drill.id for drill in pack.drills]
        if old_drill.id in ids:
            self.session.index = ids.index(old_drill.id)
        else:
            self.session.index = min(self.session.index, len(pack.drills) - 1)
            self.session.restart_timer()
        if self.session.drill == old_drill:
            position, total = self.session.position
            self.card.show_drill(self.session.drill, position, total, pack.title)
        else:
            self._show_current_drill()

    # -- the drill loop -------------------------------------------------------------------

    def _show_current_drill(self) -> None:
        assert self.session is not None
        position, total = self.session.position
        self.card.show_drill(self.session.drill, position, total, self.session.pack.title)
        self.response_edit.clear()
        self.response_edit.setReadOnly(False)
        self.feedback_panel.clear()
        self.last_attempt = None
        self._forget_drill_message()  # "Saved. Score 43. Ctrl+R to retry" is about the last one
        self._update_buttons()

    def _say(self, message: str, timeout: int = 0) -> None:
        """A status message about the current drill, cleared when the drill changes."""
        self._drill_message = message
        self.statusBar().showMessage(message, timeout)

    def _forget_drill_message(self) -> None:
        if self._drill_message is not None and (
            self.statusBar().currentMessage() == self._drill_message
        ):
            self.statusBar().clearMessage()
        self._drill_message = None

    def submit(self) -> None:
        """Score the reply, save it, and show the feedback."""
        if self.session is None or self.last_attempt is not None:
            return
        response = self.response_edit.toPlainText().strip()
        if not response:
            self._say("Type a reply first, then press Ctrl+Enter.", 5000)
            self.response_edit.setFocus()
            return
        try:
            attempt = self.session.submit(response)
        except StoreError as error:  # e.g. a read-only file: the reply stays, nothing lost
            self._say("Your reply was not saved; it is still in the box.")
            self._show_save_problem(
                "Your reply could not be saved.",
                f"{error}\n\nYour reply is still in the box: copy it somewhere safe, or make "
                "the file writable and press Submit again.",
            )
            return
        self.last_attempt = attempt
        self.response_edit.setReadOnly(True)
        self.feedback_panel.show_feedback(response, attempt.feedback, self.session.drill.exemplars)
        self._say(
            f"Saved. Score {attempt.feedback.overall}. Ctrl+R to retry, Ctrl+N for the next drill."
        )
        self._update_buttons()
        self.next_button.setFocus()
        self.history_view.add_attempt(attempt)
        self._dashboard_stale = True

    def _show_save_problem(self, text: str, informative: str) -> QMessageBox:
        """A window-modal box that does not block the event loop: the window stays as it was."""
        box = QMessageBox(self)
        box.setObjectName("saveProblemBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("listen-drill: not saved")
        box.setText(text)
        box.setInformativeText(informative)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAccessibleName(text)
        box.finished.connect(lambda _result: self.response_edit.setFocus())
        self.save_problem_box = box
        box.open()
        return box

    def warn_if_unwritable(self) -> None:
        """Say at start that replies cannot be saved, before the agent types the first one."""
        reason = self.store.unwritable_reason()
        if reason is None:
            return
        self._show_save_problem(
            "Your replies cannot be saved.",
            f"{self.store.path} cannot be written: {reason}. You can practise, but nothing you "
            "submit will be kept.\n\nMake the file writable, or start listen-drill with "
            "another data folder (--data-dir DIR).",
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warned_unwritable:
            self._warned_unwritable = True
            self.warn_if_unwritable()

    def retry(self) -> None:
        """Same drill again, keeping the reply to edit."""
        if self.session is None:
            return
        previous = self.response_edit.toPlainText()
        self._show_current_drill()
        self.session.restart_timer()
        self.response_edit.setPlainText(previous)
        self.response_edit.setFocus()

    def next_drill(self) -> None:
        if self.session is None:
            return
        if self.session.at_end and self.session.attempts:
            self.end_round()
        self.session.next()
        self._show_current_drill()
        self.response_edit.setFocus()

    def _update_buttons(self) -> None:
        has_session = self.session is not None
        submitted = self.last_attempt is not None
        self.submit_button.setEnabled(has_session and not submitted)
        self.submit_action.setEnabled(has_session and not submitted)
        self.retry_button.setEnabled(has_session and submitted)
        self.retry_action.setEnabled(has_session and submitted)
        self.next_button.setEnabled(has_session)
        self.next_action.setEnabled(has_session)

    def end_round(self) -> RoundSummaryDialog | None:
        """Show how this round went, then start counting a new one."""
        if self.session is None or not self.session.attempts:
            self.statusBar().showMessage("Submit at least one reply before ending a round.", 5000)
            return None
        dialog = RoundSummaryDialog(self.session.attempts, self.session.pack.title, self)
        self.session.start_round()
        dialog.setModal(True)
        dialog.show()
        self.round_summary = dialog
        return dialog

    def go_to_drill(self, pack_id: str, drill_id: str) -> None:
        """Open a drill in the Drill view, e.g. to retry an attempt from history."""
        self.reload_packs(select=pack_id)
        if self.session is None or self.session.pack.id != pack_id:
            self.statusBar().showMessage("That pack is no longer installed.", 5000)
            return
        try:
            self.session.go_to(drill_id)
        except KeyError:
            self.statusBar().showMessage("That drill is no longer in its pack.", 5000)
            return
        self._show_current_drill()
        self.tabs.setCurrentIndex(0)
        self.response_edit.setFocus()

    # -- profiles and views ---------------------------------------------------------------

    def set_profile(self, profile: Profile) -> None:
        """Make `profile` the one drilling: remembered for next start, views reloaded."""
        self.profile = self.store.switch_profile(profile.id)
        self.profile_label.setText(f"Profile: {self.profile.name}")
        self._forget_drill_message()  # the last score was the other profile's
        if self.session is not None:
            pack_id = self.session.pack.id
            self.session = None
            self._start_pack(pack_id)
        self.history_view.loaded = False
        self._dashboard_stale = True
        self._view_shown(self.tabs.currentIndex())

    def _view_shown(self, index: int) -> None:
        """Load history and statistics only when they are looked at, and only when stale."""
        widget = self.tabs.widget(index)
        if widget is self.history_view and not self.history_view.loaded:
            self.history_view.load(self.profile.id)
        elif widget is self.dashboard and self._dashboard_stale:
            self.dashboard.load(self.profile.id)
            self._dashboard_stale = False

    # -- help -----------------------------------------------------------------------------

    def shortcuts_box(self) -> QMessageBox:
        """The F1 list in a message box wide enough that each line reads on one or two rows."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Keyboard shortcuts",
            shortcuts_help(self),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("shortcutsHelp")
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 90)
        return box

    def show_shortcuts(self) -> None:
        self.shortcuts_box().exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About listen-drill",
            f"<b>listen-drill {__version__}</b><p>Practise reflective listening: reflect what "
            "the customer said, name how they feel, and ask an open question.</p>"
            f"<p>Data: {self.store.path}</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.store.close()
        super().closeEvent(event)
