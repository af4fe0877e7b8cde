"""The main window: pick a pack, read the customer, reply, get feedback, move on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QTextCursor
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
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from listen_drill import __version__
from listen_drill.core.models import Attempt, Pack, Profile
from listen_drill.core.session import (
    DrillSession,
    drill_available,
    last_pack_id,
    remember_last_pack,
)
from listen_drill.core.store import Store, StoreError
from listen_drill.core.wording import plural
from listen_drill.ui.dashboard import DashboardView
from listen_drill.ui.drill_card import DrillCard, reply_placeholder
from listen_drill.ui.export_menu import install_export_menus
from listen_drill.ui.feedback_panel import FeedbackPanel
from listen_drill.ui.history_view import HistoryView
from listen_drill.ui.pack_import import PackImporter
from listen_drill.ui.profiles import ProfileMenu
from listen_drill.ui.round_summary import RoundSummaryDialog
from listen_drill.ui.screen_fit import fit_to_screen
from listen_drill.ui.shortcuts_help import ShortcutsDialog, plain_text
from listen_drill.ui.speech import install_read_aloud

PACK_ID_ROLE = Qt.ItemDataRole.UserRole
PACK_TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
PACK_COUNT_ROLE = Qt.ItemDataRole.UserRole + 2

# The pack list asks for at most this width: wide enough for "Billing and subscriptions (3)",
# narrow enough that a long trainer's title (elided) still lets the window fit 800 px.
PACK_LIST_MAX_WIDTH = 260

DraftKey = tuple[int, str, str]  # profile id, pack id, drill id
SessionKey = tuple[int, str]  # profile id, pack id


class PackItemDelegate(QStyledItemDelegate):
    """Draws a pack as its title, cut short with "…" when the list is too narrow, then its
    drill count, which always shows.

    Items ask for no width of their own, so the list never scrolls sideways: with horizontal
    scrolling Qt never elides, and a long trainer's title pushed the count out of sight.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        title, count = index.data(PACK_TITLE_ROLE), index.data(PACK_COUNT_ROLE)
        if title is None or count is None or option.rect.width() <= 0:
            return
        widget = option.widget
        style = widget.style() if widget is not None else None
        margin = (
            style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
            if style
            else 3
        )
        metrics = option.fontMetrics
        suffix = f"  ({count})"
        room = option.rect.width() - 2 * margin - metrics.horizontalAdvance(suffix)
        option.text = (
            metrics.elidedText(str(title), Qt.TextElideMode.ElideRight, max(room, 0)) + suffix
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(1, super().sizeHint(option, index).height())


class MainWindow(QMainWindow):
    """Owns the store for its lifetime; widgets reach the data only through the core."""

    def __init__(self, store: Store, profile: Profile) -> None:
        super().__init__()
        self.store = store
        self.profile = profile
        self.session: DrillSession | None = None
        self.last_attempt: Attempt | None = None  # submitted, its feedback on screen
        self.retrying: Attempt | None = None  # retried: its feedback shown as the previous one
        # Nothing typed or drilled is lost by looking elsewhere: each (profile, pack) keeps its
        # session (place and round) and each drill its unsent reply, for as long as the app runs.
        self._sessions: dict[SessionKey, DrillSession] = {}
        self._left_on_screen: dict[SessionKey, tuple[Attempt, bool]] = {}  # attempt, retrying
        self._drafts: dict[DraftKey, str] = {}
        # Drills retried and not yet resubmitted: coming back shows that attempt's feedback as
        # the previous one again, and its reply is not mistaken for an unsent draft.
        self._retried: dict[DraftKey, Attempt] = {}
        self._shown: DraftKey | None = None  # the drill the reply box belongs to
        self._remembered: dict[int, str] = {}  # the last pack saved per profile
        self._closed = False
        self._quit_confirmed = False  # the agent chose to discard an unsent reply
        self.quit_box: QMessageBox | None = None  # the last "discard the reply?" box
        self.round_summary: RoundSummaryDialog | None = None
        # The last "could not save" or "cannot be written" box shown (tests read it).
        self.save_problem_box: QMessageBox | None = None
        self._warned_unwritable = False
        self.setObjectName("mainWindow")
        self.setWindowTitle("listen-drill")
        fit_to_screen(self, 1180, 760)  # a 1366x768 or 800x600 screen shows it whole

        self.pack_list = QListWidget()
        self.pack_list.setObjectName("packList")
        self.pack_list.setAccessibleName("Drill packs")
        # Arrowing through the list shows each pack at once; nothing is lost by it, as every
        # pack keeps its round, its place and the reply being typed (see `_start_pack`).
        self.pack_list.currentItemChanged.connect(self._pack_chosen)
        self.pack_list.itemActivated.connect(self._focus_reply)
        self.pack_delegate = PackItemDelegate(self.pack_list)
        self.pack_list.setItemDelegate(self.pack_delegate)
        self.pack_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.card = DrillCard()
        self.response_edit = QPlainTextEdit()
        self.response_edit.setObjectName("responseEdit")
        self.response_edit.setAccessibleName("Your reply")
        self.response_edit.setPlaceholderText(reply_placeholder(None))  # then the drill's
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
        reply_label = QLabel("&Your reply")  # Alt+R is Retry
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
        self.pack_list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the count stays: delegate
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
        self._import_notice: str | None = None  # what an import did to the drill on screen
        self.pack_importer.finished.connect(self._import_finished)
        self.profile_label = QLabel(f"Profile: {profile.name}")
        self.profile_label.setObjectName("profileLabel")
        self.statusBar().addPermanentWidget(self.profile_label)
        self._drill_message: str | None = None  # what the status bar says about this drill
        last = last_pack_id(store, profile.id)
        if last is not None:
            self._remembered[profile.id] = last
        self.reload_packs(select=last)  # where this agent left off
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
            self.request_quit,
            "Quit",
        )
        file_menu.addAction(quit_action)

        drill_menu = menu_bar.addMenu("&Drill")
        self.drill_menu = drill_menu
        self.submit_action = self._action(
            "&Submit reply",
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self._in_drill_view(self.submit),
            "Submit your reply",
        )
        self.retry_action = self._action(
            "&Retry",
            [QKeySequence("Ctrl+R")],
            self._in_drill_view(self.retry),
            "Retry this drill, keeping your reply",
        )
        self.next_action = self._action(
            "&Next drill",
            [QKeySequence("Ctrl+N")],
            self._in_drill_view(self.next_drill),
            "Next drill",
        )
        focus_packs = self._action(
            "Go to &packs",
            [QKeySequence("Ctrl+L")],
            lambda: self._go_to_drill_view(self.pack_list),
            "Go to the pack list (arrows show each pack, Enter goes on to the reply)",
        )
        focus_reply = self._action(
            "Go to r&eply",
            [QKeySequence("Ctrl+E")],
            lambda: self._go_to_drill_view(self.response_edit),
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
            "En&d round",  # Alt+E is "Go to reply" in this menu
            [QKeySequence("Ctrl+Shift+E")],
            self._in_drill_view(self.end_round),
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

    def drill_view_showing(self) -> bool:
        """True when the Drill tab is the one on screen."""
        return self.tabs.currentWidget() is self.splitter

    def _go_to_drill_view(self, widget: QWidget) -> None:
        """Show the Drill tab, then put the keyboard on `widget` (one of its controls): a key
        that goes somewhere must never leave the focus in a view nobody can see."""
        if not self.drill_view_showing():
            self.tabs.setCurrentWidget(self.splitter)
        widget.setFocus()

    def _in_drill_view(self, slot: Callable[[], object]) -> Callable[[], None]:
        """`slot` only when the Drill view shows; from History or Progress the key just brings
        the Drill view back, so nothing is saved, moved on or ended out of sight."""

        def run(*_args: object) -> None:
            if self.drill_view_showing():
                slot()
                return
            self.tabs.setCurrentWidget(self.splitter)
            self.statusBar().showMessage(
                "Back in the Drill view, nothing done yet: press the key again to act here.", 5000
            )

        return run

    # -- packs ----------------------------------------------------------------------------

    def reload_packs(self, select: str | None = None) -> None:
        """Refill the pack list from the store, keeping or moving the selection.

        Called after an import too, so History's pack titles and the Progress view are
        refreshed here: a re-imported pack may have a new title.
        """
        keep = select or self.current_pack_id()
        self.pack_list.blockSignals(True)
        self.pack_list.clear()
        for summary in self.store.packs():
            item = QListWidgetItem(f"{summary.title}  ({summary.drill_count})")
            item.setData(PACK_ID_ROLE, summary.id)
            item.setData(PACK_TITLE_ROLE, summary.title)
            item.setData(PACK_COUNT_ROLE, summary.drill_count)
            # The whole title too: a very long one is elided in the list.
            item.setToolTip(
                f"{summary.title} ({plural(summary.drill_count, 'drill')})\n{summary.description}"
            )
            self.pack_list.addItem(item)
        self.pack_list.blockSignals(False)
        self._fit_pack_list()
        self.history_view.refresh_packs()
        self._dashboard_stale = True
        row = self._pack_row(keep)
        if self.pack_list.count():
            self.pack_list.setCurrentRow(max(row, 0))
            self._start_pack(self.pack_list.item(max(row, 0)).data(PACK_ID_ROLE))

    def _pack_row(self, pack_id: str | None) -> int:
        """The list row of `pack_id`, or -1."""
        for index in range(self.pack_list.count()):
            if self.pack_list.item(index).data(PACK_ID_ROLE) == pack_id:
                return index
        return -1

    def _fit_pack_list(self) -> None:
        """Keep the pack list wide enough for its titles (capped; longer ones are elided)."""
        metrics = self.pack_list.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.pack_list.item(row).text())
                for row in range(self.pack_list.count())
            ),
            default=0,
        )
        margins = 2 * (
            self.pack_list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        )
        scroll_bar = self.pack_list.verticalScrollBar().sizeHint().width()
        frame = 2 * self.pack_list.frameWidth() + scroll_bar
        self.pack_list.setMinimumWidth(
            min(max(widest + margins + frame + 8, 160), PACK_LIST_MAX_WIDTH)
        )

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
        """Show `pack_id` for the current profile, just as it was left.

        A pack opened for the first time starts at the profile's first drill not yet
        attempted; one looked at before comes back on the same drill, with its round, its
        unsent reply and the feedback that was on screen. So arrowing through the pack list,
        importing a pack or switching profile throws nothing away.
        """
        pack = self.store.load_pack(pack_id)
        session = self.session
        if (
            session is not None
            and (session.profile_id, session.pack.id)
            == (
                self.profile.id,
                pack_id,
            )
            and pack.drills
        ):
            # Same pack: keep the round going, but take a re-imported version's drills.
            if pack != session.pack:
                self._update_pack(pack)
            return
        self._leave_session()
        if not pack.drills:
            self.session = None
            self._shown = None
            self.response_edit.clear()
            self.feedback_panel.clear()
            self._say(f"{pack.title} has no drills.")
            self._update_buttons()
            return
        key = (self.profile.id, pack_id)
        kept = self._sessions.get(key)
        if kept is None:
            self.session = self._sessions[key] = DrillSession.resumed(
                self.store, pack, self.profile.id
            )
            self._show_current_drill()
            return
        self.session = kept
        moved = self._move_to_version(kept, pack) if pack != kept.pack else None
        kept.restart_timer()  # time spent elsewhere is not time on this reply
        self._show_current_drill()
        self._put_back_feedback(key)
        if moved is not None:
            self._say_after_import(moved)

    def _leave_session(self) -> None:
        """Before another pack or profile takes the screen: keep what this one shows."""
        session = self.session
        if session is None:
            return
        self._keep_draft()
        key = (session.profile_id, session.pack.id)
        if self.last_attempt is not None:
            self._left_on_screen[key] = (self.last_attempt, False)
        elif self.retrying is not None:
            self._left_on_screen[key] = (self.retrying, True)
        else:
            self._left_on_screen.pop(key, None)

    def _put_back_feedback(self, key: SessionKey) -> None:
        """Show again the feedback that was on screen when the agent left this pack."""
        left = self._left_on_screen.pop(key, None)
        session = self.session
        if left is None or session is None:
            return
        attempt, retrying = left
        drill = session.drill
        if attempt.drill_id != drill.id or attempt.statement != drill.statement:
            return  # the pack was re-imported with another drill here: that feedback is stale
        self.feedback_panel.show_feedback(attempt.response, attempt.feedback, drill.exemplars)
        if retrying:
            self.retrying = attempt
            self.feedback_panel.mark_previous()
        else:
            self.last_attempt = attempt
            self.response_edit.setPlainText(attempt.response)
            self.response_edit.setReadOnly(True)
        self._update_buttons()

    def _update_pack(self, pack: Pack) -> None:
        """Drill the new version of the current pack, staying on the current drill if it is
        still there (by id); an unchanged drill keeps the reply and feedback on screen."""
        assert self.session is not None
        self._keep_draft()
        message = self._move_to_version(self.session, pack)
        if message is None:
            position, total = self.session.position
            self.card.show_drill(self.session.drill, position, total, pack.title)
            return
        self._shown = None  # its draft is filed already, under the drill it belongs to
        self._show_current_drill()
        self._say_after_import(message)

    def _say_after_import(self, message: str) -> None:
        """Say what an import did to the drill on screen, and say it again after the
        importer's own summary, which would otherwise replace it at once."""
        self._import_notice = message
        self._say(message)

    def _import_finished(self, _imported: bool) -> None:
        notice, self._import_notice = self._import_notice, None
        if notice is not None:
            summary = self.statusBar().currentMessage()
            self._say(f"{summary} {notice}" if summary and notice not in summary else notice)

    def _move_to_version(self, session: DrillSession, pack: Pack) -> str | None:
        """Move `session` to a re-imported `pack`, carrying the drafts along; what to tell the
        agent, or None when the drill on screen is unchanged.

        A reply typed to a drill the import removed would otherwise sit under an id that is
        never shown again: it moves to the drill now on screen (after that drill's own draft).
        """
        old = session.drill
        if session.move_to_version(pack):
            return None
        new = session.drill
        if new.id == old.id:
            return "The customer's statement for this drill changed in the new version of the pack."
        old_key = (session.profile_id, pack.id, old.id)
        self._retried.pop(old_key, None)
        kept = self._drafts.pop(old_key, None)
        if kept is None:
            return f"The drill you were on was removed from {pack.title} by the import."
        new_key = (session.profile_id, pack.id, new.id)
        own = self._drafts.get(new_key, "")
        self._drafts[new_key] = f"{own.rstrip()}\n\n{kept}" if own.strip() else kept
        return (
            f"The drill you were on was removed from {pack.title} by the import; your unsent "
            "reply to it was kept and is in the box."
        )

    # -- the drill loop -------------------------------------------------------------------

    def _keep_draft(self) -> None:
        """Remember the unsent reply of the drill on screen (a submitted one is not a draft)."""
        if self._shown is None or self.last_attempt is not None:
            return
        text = self.response_edit.toPlainText()
        if self.retrying is not None and text.strip() == self.retrying.response.strip():
            self._drafts.pop(self._shown, None)  # the sent reply, untouched: nothing unsent
        elif text.strip():
            self._drafts[self._shown] = text
        else:
            self._drafts.pop(self._shown, None)

    def _show_current_drill(self) -> None:
        """Put the session's drill on screen with its unsent reply, if one was typed."""
        assert self.session is not None
        self._keep_draft()
        session = self.session
        drill = session.drill
        position, total = session.position
        self.card.show_drill(drill, position, total, session.pack.title)
        self._shown = (session.profile_id, session.pack.id, drill.id)
        self.last_attempt = None
        self.retrying = None
        self.response_edit.setReadOnly(False)
        self.response_edit.setPlaceholderText(reply_placeholder(drill))
        retried = self._retried.get(self._shown)
        if retried is not None and retried.statement != drill.statement:
            del self._retried[self._shown]  # reworded by an import: that feedback is stale
            retried = None
        draft = self._drafts.get(self._shown)
        if retried is None:
            self.response_edit.setPlainText(draft or "")
            self.feedback_panel.clear(drill.skills)
        else:  # retried and not resubmitted: back to "edit it", the old feedback in sight
            self.response_edit.setPlainText(draft if draft is not None else retried.response)
            self.feedback_panel.show_feedback(retried.response, retried.feedback, drill.exemplars)
            self.feedback_panel.mark_previous()
            self.retrying = retried
        self.response_edit.moveCursor(QTextCursor.MoveOperation.End)
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
        self.retrying = None
        if self._shown is not None:
            self._drafts.pop(self._shown, None)  # sent: no longer a draft
            self._retried.pop(self._shown, None)
        self.response_edit.setReadOnly(True)
        self.feedback_panel.show_feedback(response, attempt.feedback, self.session.drill.exemplars)
        self._say(
            f"Saved. Score {attempt.feedback.overall}. Ctrl+R to retry, Ctrl+N for the next drill."
        )
        self._update_buttons()
        self.next_button.setFocus()
        self.history_view.add_attempt(attempt)
        self._dashboard_stale = True
        self._remember_pack()

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
        """Same drill again, keeping the reply to edit and its feedback in sight.

        The feedback is what the agent acts on, so it stays, marked as the previous attempt's,
        until the next submit replaces it.
        """
        if self.session is None or self.last_attempt is None:
            return
        self.retrying = self.last_attempt
        if self._shown is not None:
            self._retried[self._shown] = self.last_attempt
        self.last_attempt = None
        self.response_edit.setReadOnly(False)
        self.response_edit.moveCursor(QTextCursor.MoveOperation.End)
        self.feedback_panel.mark_previous()
        self.session.restart_timer()
        self._forget_drill_message()  # "Saved. Score 43. Ctrl+R to retry" is done with
        self._update_buttons()
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
        """Open a drill in the Drill view, e.g. to retry an attempt from history.

        A pack or drill that is gone leaves the agent where they were, with a message: the
        list would otherwise fall back to its first pack.
        """
        if not drill_available(self.store, pack_id, drill_id):
            self.statusBar().showMessage(
                "That drill is no longer installed; you are still where you were.", 8000
            )
            return
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
        """Make `profile` the one drilling: remembered for next start, views reloaded.

        Each profile gets back its own last pack, and the one left keeps its place, round and
        unsent reply for when it comes back.
        """
        changed = profile.id != self.profile.id
        self._remember_pack()
        self.profile = self.store.switch_profile(profile.id)
        self.profile_label.setText(f"Profile: {self.profile.name}")
        if not changed:
            return  # a rename: same agent, same screen
        self._forget_drill_message()  # the last score was the other profile's
        target = self._remembered.get(self.profile.id) or last_pack_id(self.store, self.profile.id)
        if target is not None:
            self._remembered[self.profile.id] = target
        row = self._pack_row(target)
        if row < 0:
            row = self.pack_list.currentRow()
        if 0 <= row != self.pack_list.currentRow():
            self.pack_list.setCurrentRow(row)  # starts it (currentItemChanged)
        elif row >= 0:
            self._start_pack(str(self.pack_list.item(row).data(PACK_ID_ROLE)))
        self.history_view.loaded = False
        self._dashboard_stale = True
        self._load_view(self.tabs.currentIndex())

    def _remember_pack(self) -> None:
        """Save the pack on screen as its profile's last, to reopen it at the next start."""
        session = self.session
        if session is None or self._closed:
            return
        if self._remembered.get(session.profile_id) == session.pack.id:
            return
        if remember_last_pack(self.store, session.profile_id, session.pack.id):
            self._remembered[session.profile_id] = session.pack.id

    def _view_shown(self, index: int) -> None:
        """Load the view, then put the keyboard where Enter does what the view is for."""
        self._load_view(index)
        widget = self.tabs.widget(index)
        if widget is self.history_view:
            self.history_view.focus_table()  # Enter reopens an attempt
        elif widget is self.dashboard:
            self.dashboard.focus_practise()  # Enter opens a drill under "Practise next"
        elif self.response_edit.isReadOnly():
            self.next_button.setFocus()  # submitted: Enter moves on
        else:
            self.response_edit.setFocus()

    def _load_view(self, index: int) -> None:
        """Load history and statistics only when they are looked at, and only when stale."""
        widget = self.tabs.widget(index)
        if widget is self.history_view and not self.history_view.loaded:
            self.history_view.load(self.profile.id)
        elif widget is self.dashboard and self._dashboard_stale:
            self.dashboard.load(self.profile.id)
            self._dashboard_stale = False

    # -- help -----------------------------------------------------------------------------

    def shortcuts_box(self) -> ShortcutsDialog:
        """The F1 list, in a box that fits the screen and scrolls."""
        return ShortcutsDialog(self)

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

    def has_unsent_reply(self) -> bool:
        """True when any drill of this run holds typed text that was never submitted."""
        self._keep_draft()
        return any(text.strip() for text in self._drafts.values())

    def confirm_quit(self) -> QMessageBox:
        """Ask before an unsent reply is thrown away; "Keep working" is the default, so an
        Enter pressed out of habit loses nothing. Window-modal and not blocking."""
        box = QMessageBox(self)
        box.setObjectName("quitUnsentBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("listen-drill: unsent reply")
        box.setText("Quit and discard the unsent reply?")
        box.setInformativeText("A reply you typed has not been submitted; it is lost on quitting.")
        box.setAccessibleName("Quit and discard the unsent reply?")
        keep = box.addButton("&Keep working", QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepWorkingButton")
        discard = box.addButton("&Discard and quit", QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardAndQuitButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        discard.clicked.connect(self._quit_discarding)
        box.finished.connect(lambda _result: self.response_edit.setFocus())
        self.quit_box = box
        box.open()
        return box

    def _quit_discarding(self) -> None:
        self._quit_confirmed = True
        self.close()

    def request_quit(self) -> None:
        """File > Quit (Ctrl+Q): close, asking first when a typed reply was never sent."""
        if not self._closed and not self._quit_confirmed and self.has_unsent_reply():
            self.confirm_quit()
            return
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's close (spontaneous) asks too; a close from code (tests) does not.
        if (
            event.spontaneous()
            and not self._closed
            and not self._quit_confirmed
            and self.has_unsent_reply()
        ):
            event.ignore()
            self.confirm_quit()
            return
        if not self._closed:  # Qt may deliver a second close (pytest-qt does)
            self._remember_pack()
            self._closed = True
            self.store.close()
        super().closeEvent(event)
