"""The F1 list of keyboard shortcuts, made from the window's actions so it never drifts."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from listen_drill.ui.screen_fit import fit_to_screen

# Keys that act inside one widget rather than through a window action, for the F1 list.
WIDGET_KEYS = (
    ("Tab / Shift+Tab", "Move to the next / previous control"),
    ("Enter (on a button)", "Press it, e.g. Next drill after a submit"),
    ("Enter (in History)", "Reopen an attempt with its feedback"),
    ("Enter (in Progress, Practise next)", "Open that drill"),
)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def action_key_texts(action: QAction) -> list[str]:
    """Each distinct shortcut of `action`, as the user reads it (no duplicates)."""
    texts: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in texts:
            texts.append(text)
    return texts


def shortcut_actions(window: QMainWindow) -> list[QAction]:
    """Every action with a shortcut: menu order first, then any the menus do not show."""
    seen: list[QAction] = []

    def visit(menu: QMenu) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                visit(sub)
            elif action not in seen:
                seen.append(action)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            visit(menu)
    seen.extend(a for a in window.findChildren(QAction) if a not in seen)
    return [action for action in seen if action_key_texts(action)]


KEYS_CELL = 'style="white-space:nowrap"'  # "Ctrl+Return / Ctrl+Enter" on one line


def shortcuts_help(window: QMainWindow) -> str:
    """The F1 list, made from the registered actions so it can never leave one out."""
    rows = [
        (" / ".join(action_key_texts(action)), action.statusTip() or plain_text(action.toolTip()))
        for action in shortcut_actions(window)
    ]
    rows.extend(WIDGET_KEYS)
    cells = "\n".join(
        f"<tr><td {KEYS_CELL}><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
        for keys, what in rows
    )
    return f"<table cellpadding=4>\n{cells}\n</table>"


class ShortcutsDialog(QDialog):
    """The F1 list in a box that scrolls: as a message box it stood 698 px tall and ran off
    a 600 px screen, OK with it. Arrows and Page Up/Down scroll it, Enter or Esc closes it."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcutsHelp")
        self.setWindowTitle("Keyboard shortcuts")
        self._html = shortcuts_help(window)
        self.browser = QTextBrowser()
        self.browser.setObjectName("shortcutsList")
        self.browser.setAccessibleName("Keyboard shortcuts")
        self.browser.setHtml(self._html)
        self.browser.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.setObjectName("shortcutsButtons")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, stretch=1)
        layout.addWidget(buttons)
        # Wide enough that each line reads on one or two rows, tall enough for the whole list
        # where the screen allows; otherwise the list scrolls.
        width = self.browser.fontMetrics().averageCharWidth() * 100
        document = self.browser.document()
        document.setTextWidth(width - 24)
        height = int(document.size().height()) + buttons.sizeHint().height() + 48
        fit_to_screen(self, width, height)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.browser.setFocus()

    def text(self) -> str:
        """The list as HTML, as `shortcuts_help` made it."""
        return self._html
