"""Line input and output for the plain mode: no readline, no colour, no escapes.

In a terminal, long output is paged: after a screenful the person is asked "More?",
so a topic or a long list never scrolls away before a screen reader has read it.
Lines are wrapped between words at the terminal's width, never mid-word. Printed
to a file or a pipe (scripts, tests), nothing is wrapped or paged.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from typing import TextIO

from tui.core.text import one_line, safe_for_terminal

MORE_PROMPT = "More: press Enter to go on, q to stop, or type your choice."


class EndOfInput(Exception):
    """The person pressed Ctrl+D (or the script of answers ran out)."""


def _terminal_size(stream: TextIO) -> tuple[int, int] | None:
    """(columns, rows) of the terminal ``stream`` writes to, or None if it is not one."""
    try:
        if not stream.isatty():
            return None
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    if size.columns < 10 or size.lines < 5:
        return None  # a terminal that does not say its size: do not guess
    return size.columns, size.lines


class Console:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self._rows_shown = 0  # rows printed since the person last answered
        self._skipping = False  # they typed q at "More": skip the rest until the next question
        self._typed_ahead: str | None = None  # an answer typed at "More", for the next question

    # ----------------------------------------------------------------- output
    @property
    def skipping(self) -> bool:
        """The person typed q (or their choice) at "More": what follows is not printed
        until the next question, so a long list need not even be made."""
        return self._skipping

    def say(self, text: str = "") -> None:
        """Print app text (already safe) and user text alike through the same filter."""
        self._print(safe_for_terminal(text))

    def hint(self, text: str) -> None:
        """A line that says what to type next: printed even after "q" at a More prompt."""
        self._skipping = False
        self._print(safe_for_terminal(text))

    def user_line(self, label: str, text: str) -> None:
        """Print a person's own words on one line, so a line break in them cannot fake a menu."""
        self.say(f"{label}{one_line(text)}")

    def _print(self, text: str) -> None:
        if self._skipping:
            return
        size = _terminal_size(self.stdout)
        if size is None:
            self._write(text + "\n")
            return
        columns, rows = size
        for line in text.split("\n"):
            for row in self._wrap(line, columns - 1):
                if self._rows_shown >= rows - 1 and not self._more():
                    return
                self._write(row + "\n")
                self._rows_shown += 1

    @staticmethod
    def _wrap(line: str, width: int) -> list[str]:
        """Break at spaces only; a word longer than the line is left whole for the terminal."""
        if len(line) <= width:
            return [line]
        indent = " " * (len(line) - len(line.lstrip(" ")))
        if line.lstrip()[:3].rstrip(".").isdigit():  # "12. Notes…": wrapped lines line up
            indent = " " * (line.index(".") + 2)
        return textwrap.wrap(
            line,
            width,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]

    def _more(self) -> bool:
        """Ask before the next screenful. False (and skip the rest) if they type q, or
        anything else: that is their answer to the question that follows (a number from
        the part they have read, say), so they need not page to the end first."""
        self._write(MORE_PROMPT + " ")
        line = self.stdin.readline()
        self._rows_shown = 0
        if not line:
            self._write("\n")
            raise EndOfInput
        answer = line.rstrip("\r\n")
        if not answer.strip():
            return True
        self._skipping = True
        if answer.strip().lower() not in ("q", "quit", "stop"):
            self._typed_ahead = answer
        return False

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    # ------------------------------------------------------------------ input
    def ask(self, prompt: str) -> str:
        """Print ``prompt`` and read one answer. Raises ``EndOfInput`` on Ctrl+D."""
        self._skipping = False
        self._write(safe_for_terminal(prompt) + " ")
        if self._typed_ahead is not None:
            answer, self._typed_ahead = self._typed_ahead, None
            self._write(safe_for_terminal(answer) + "\n")  # so the transcript reads as asked
            self._rows_shown = 0
            return answer
        line = self.stdin.readline()
        self._rows_shown = 0
        if not line:
            self._write("\n")
            raise EndOfInput
        return line.rstrip("\r\n")

    def ask_lines(
        self,
        prompt: str,
        typed: list[str] | None = None,
        on_line: Callable[[list[str]], None] | None = None,
    ) -> list[str]:
        """Read lines until one holding only a full stop. Ctrl+D also ends, keeping the lines.

        Each line is added to ``typed`` as soon as it is read (and ``on_line`` told),
        so whoever asked still has every finished line if Ctrl+C or a hang-up stops
        the reading, and can keep a draft of them in case of a kill or power cut.
        """
        self.hint(prompt)
        lines = typed if typed is not None else []
        while True:
            if self._typed_ahead is not None:  # typed at a More prompt: the first line
                line, self._typed_ahead = self._typed_ahead + "\n", None
            else:
                line = self.stdin.readline()
            self._rows_shown = 0
            if not line:
                break
            line = line.rstrip("\r\n")
            if line == ".":
                break
            lines.append(line)
            if on_line is not None:
                on_line(lines)
        return lines
