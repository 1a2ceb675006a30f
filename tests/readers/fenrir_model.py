"""What Fenrir says when the screen changes, worked out the way Fenrir does it.

Fenrir (``fenrirscreenreader/core/screenManager.py``, ``update``) compares the screen
before and after each change, line by line with ``difflib.Differ``, runs of spaces
squeezed to one, and its "incoming" command speaks every line that was added
(``onScreenUpdate/70000-incoming.py``). When no text changed and the cursor moved to
another row, it speaks the cursor's row (``onCursorChange/55000-...vertical.py``).
So a screen change costs the text of every line that differs from the last screen:
lines drawn the same (a keys line that never changes) cost nothing.

This model gives the suite a quick, exact-enough measure of that cost for every
screen, without starting Fenrir (the real reader's tests check the model holds:
tests/test_readers_paced.py).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.terminal import Terminal


def _lines(screen: str) -> list[str]:
    return re.sub(" +", " ", screen).split("\n")


def fenrir_says(before: str, after: str, cursor_row: str, cursor_moved: bool) -> str:
    """What Fenrir speaks for a change from screen ``before`` to ``after`` (whole
    screens, rows joined by newlines): the added lines, or the cursor's row."""
    compared = difflib.Differ().compare(_lines(before), _lines(after))
    added = "\n".join(line[2:] for line in compared if line.startswith("+ "))
    if added.strip():
        return "\n".join(line.strip() for line in added.split("\n") if line.strip())
    return cursor_row.strip() if cursor_moved else ""


class FenrirModel:
    """A terminal whose every key returns what Fenrir would say for it."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.screen = ""
        self.cursor_y = -1

    def _now(self) -> str:
        return "\n".join(self.terminal.screen.display)

    def start(self, first_words: str) -> str:
        """Wait for the first screen (showing ``first_words``); what is said at start."""
        self.terminal.wait_for(first_words)
        self.terminal.settle(0.4)
        return self._after()

    def press(self, key: str) -> str:
        """Press ``key``, wait until the screen settles, and return what Fenrir says."""
        self.terminal.press(key)
        self.terminal.settle(0.3)  # the status line's second write comes 80 ms after
        return self._after()

    def _after(self) -> str:
        before, self.screen = self.screen, self._now()
        cursor = self.terminal.screen.cursor.y
        moved, self.cursor_y = cursor != self.cursor_y, cursor
        return fenrir_says(before, self.screen, self.terminal.cursor_line(), moved)


@contextmanager
def heard_by_fenrir(data_file: Path, folder: Path) -> Iterator[tuple[FenrirModel, Terminal]]:
    """The app on ``data_file`` on a pty at 80x24, with a home folder of its own in
    ``folder``, started and heard by the model: what the speech tests share."""
    home = folder / "home"
    home.mkdir(exist_ok=True)
    with Terminal.app(data_file, env={"HOME": str(home)}, columns=80, rows=24) as terminal:
        fenrir = FenrirModel(terminal)
        fenrir.start("SPMS Navigator: home")
        yield fenrir, terminal
