"""Read the customer's statement aloud, so a drill can feel like a phone call.

Qt's text-to-speech needs a speech engine on the machine (speech-dispatcher on Linux). Without one
the action stays disabled and its tooltip says what to install, instead of failing when pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QMainWindow, QMenu

NO_ENGINE_HINT = (
    "No speech engine is available. On Debian or Ubuntu install speech-dispatcher "
    "(sudo apt-get install speech-dispatcher) and restart listen-drill."
)


class StatementReader(QObject):
    """Speaks text with the first engine that works; `available` says whether one does."""

    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._speech: QTextToSpeech | None = None
        candidates = (
            [engine]
            if engine
            else [name for name in QTextToSpeech.availableEngines() if name != "mock"]
        )
        for name in candidates:
            speech = QTextToSpeech(name, self)
            if speech.state() != QTextToSpeech.State.Error:
                self._speech = speech
                break
            speech.deleteLater()

    @property
    def available(self) -> bool:
        return self._speech is not None

    @property
    def speaking(self) -> bool:
        return self._speech is not None and self._speech.state() == QTextToSpeech.State.Speaking

    def toggle(self, text: str) -> None:
        """Start reading `text`, or stop if it is already being read."""
        if self._speech is None:
            return
        if self.speaking:
            self._speech.stop()
        else:
            self._speech.say(text)


def install_read_aloud(
    window: QMainWindow,
    menu: QMenu,
    current_text: Callable[[], str | None],
    engine: str | None = None,
) -> QAction:
    """Add "Read statement aloud" (Ctrl+Shift+A) to `menu`.

    The engine is looked for on first use, not at start-up: loading speech plug-ins is slow and
    noisy on machines without one, and most sessions never use it.
    """
    action = QAction("Read statement &aloud", window)
    action.setObjectName("readAloudAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setToolTip("Hear the customer's words, as on a call")
    action.setStatusTip("Read the customer's words aloud (press again to stop)")
    reader: list[StatementReader] = []

    def read() -> None:
        if not reader:
            reader.append(StatementReader(window, engine))
        text = current_text()
        if not reader[0].available:
            window.statusBar().showMessage(NO_ENGINE_HINT, 10000)
        elif text:
            reader[0].toggle(text)

    action.triggered.connect(read)
    window.addAction(action)
    menu.addAction(action)
    return action
