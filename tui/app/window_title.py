"""The terminal window's title, used once: to say the offer of a draft at start.

Orca speaks what a terminal app draws only when a key caused it (its terminal
script drops text inserted "due to lack of cause"), so at start, with no key
pressed yet, it says nothing of the first screen, and a person would not know that
words were kept from a crash. Orca does speak the active window's new name. So the
offer's question goes into the window's title too (an xterm title sequence), and
the title the terminal had before is put back when the question is answered and
when the app ends (the title stack: push, then pop). Fenrir and other readers of
the text hear the question from the screen itself.

The Linux console has no title (and Fenrir gives the app TERM=linux): nothing is
written there.
"""

from __future__ import annotations

import os
import re
from typing import Any

from textual.app import App

from tui.app.textual_private import write_to_terminal

_PUSH = "\x1b[22;2t"  # keep the window's title on the terminal's stack
_POP = "\x1b[23;2t"  # and put it back
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _has_title() -> bool:
    term = os.environ.get("TERM", "")
    return bool(term) and not term.startswith(("linux", "dumb"))


class WindowTitle:
    """Says one sentence through the window's title, and puts the old title back."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._pushed = False

    def say(self, sentence: str) -> None:
        if not _has_title():
            return
        title = _CONTROL.sub(" ", sentence).strip()
        data = ("" if self._pushed else _PUSH) + f"\x1b]2;{title}\x07"
        if write_to_terminal(self._app, data):
            self._pushed = True

    def restore(self) -> None:
        if self._pushed and write_to_terminal(self._app, _POP):
            self._pushed = False
