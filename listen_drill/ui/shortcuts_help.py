"""The F1 list of keyboard shortcuts, made from the window's actions so it never drifts."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

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
