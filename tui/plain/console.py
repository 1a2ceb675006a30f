"""Line input and output for the plain mode: no readline, no colour, no escapes."""

from __future__ import annotations

from typing import TextIO

from tui.core.text import one_line, safe_for_terminal


class EndOfInput(Exception):
    """The person pressed Ctrl+D (or the script of answers ran out)."""


class Console:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        """Print app text (already safe) and user text alike through the same filter."""
        self.stdout.write(safe_for_terminal(text) + "\n")
        self.stdout.flush()

    def user_line(self, label: str, text: str) -> None:
        """Print a person's own words on one line, so a line break in them cannot fake a menu."""
        self.say(f"{label}{one_line(text)}")

    def ask(self, prompt: str) -> str:
        """Print ``prompt`` and read one answer. Raises ``EndOfInput`` on Ctrl+D."""
        self.stdout.write(safe_for_terminal(prompt) + " ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            raise EndOfInput
        return line.rstrip("\r\n")

    def ask_lines(self, prompt: str) -> list[str]:
        """Read lines until one holding only a full stop. Ctrl+D also ends, keeping the lines."""
        self.say(prompt)
        lines: list[str] = []
        while True:
            line = self.stdin.readline()
            if not line:
                break
            line = line.rstrip("\r\n")
            if line == ".":
                break
            lines.append(line)
        return lines
