"""On a Linux terminal (the console, or Fenrir's), the app asks nothing it would print.

Textual asks every terminal as it starts whether it takes the kitty keyboard protocol,
synchronised output and resize reports. A Linux terminal knows none of these questions
and prints their last letters: Fenrir said "u", "p", "p" before the first screen. Other
terminals still get them (kitty's keys, and drawing without tearing, need them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.terminal import Terminal

#: The questions (and the kitty protocol's end, at exit) as Textual writes them.
QUESTIONS = re.compile(rb"\x1b\[>\d+u|\x1b\[<u|\x1b\[\?\d+\$p")


def _written_from_start_to_quit(data_file: Path, term_name: str) -> bytes:
    with Terminal.app(data_file, columns=80, rows=24, env={"TERM": term_name}) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        term.send("q")
        term.settle(quiet=0.5)
        assert term.process.wait(timeout=20) == 0
        return bytes(term.raw)


def test_a_linux_terminal_is_asked_nothing_it_would_print(data_file: Path) -> None:
    assert QUESTIONS.findall(_written_from_start_to_quit(data_file, "linux")) == []


@pytest.mark.parametrize("term_name", ["xterm-256color"])
def test_other_terminals_are_still_asked(data_file: Path, term_name: str) -> None:
    asked = QUESTIONS.findall(_written_from_start_to_quit(data_file, term_name))
    assert b"\x1b[?2026$p" in asked and any(q.startswith(b"\x1b[>") for q in asked), asked
