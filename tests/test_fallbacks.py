"""Where the full-screen app cannot run: no terminal, a dumb terminal, output to a file.

The person gets the plain line mode or a sentence pointing to the commands, never a
hang and never escape codes.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.process import ROOT
from tests.terminal import Terminal


def test_no_terminal_at_all_gets_a_sentence_not_a_hang(data_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--data-file", str(data_file)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=ROOT,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert b"\x1b" not in result.stdout + result.stderr
    assert result.stderr.decode().startswith(
        "spms-navigator: SPMS Navigator needs a terminal to type in, and its input is not one. "
        "To use it from a script, give it a command, for example: spms-navigator note list."
    )


def test_output_to_a_file_gets_the_plain_mode(data_file: Path) -> None:
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-file", str(data_file)],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(slave)
    try:
        os.write(master, b"q\n")
        out, err = process.communicate(timeout=30)
    finally:
        os.close(master)
    assert process.returncode == 0, err
    assert b"\x1b" not in out
    text = out.decode()
    assert "The output is not a terminal, so the plain line mode is open." in text
    assert "Home. Choose an area." in text


def test_a_dumb_terminal_gets_the_plain_mode_without_escape_codes(data_file: Path) -> None:
    with Terminal.app(data_file, env={"TERM": "dumb"}) as term:
        term.wait_for("Your choice:")
        assert "Your terminal (TERM=dumb) cannot show the full-screen app" in term.text()
        term.type("q\n")
        assert term.process.wait(timeout=10) == 0
        assert b"\x1b" not in bytes(term.raw)
