"""What the commands print: sentences for people, JSON for scripts, questions in a terminal.

Every command goes through these helpers, so that the person's own words are
always printed harmlessly, the JSON documents all have the same shape, and a
destructive command asks (or refuses) in the same way everywhere.
"""

from __future__ import annotations

import contextlib
import re
import sys
from typing import Any

from tui.core.text import CONTROL_CHARACTERS, safe_for_terminal

PROG = "spms-navigator"
OK = 0
FAILED = 1
USAGE = 2

#: The version of every JSON document the commands print (see docs/cli.md).
JSON_VERSION = 1


class UsageError(Exception):
    """The command was typed in a way that cannot work (exit 2). The message says what would."""


class NotDone(Exception):
    """The command was understood but not carried out (exit 1): refused, or the person said no."""


def out(text: str = "") -> None:
    """One line on stdout, control characters made harmless (the person's words may hold any)."""
    print(safe_for_terminal(text))


def tell(text: str) -> None:
    """A sentence on stderr: what happened when there is nothing for stdout (or a question).

    If stderr itself cannot be written (a closed terminal, a full disk under ``2>file``),
    there is nowhere left to say anything: the command goes on, and its exit status
    still tells. A traceback there would only fail the same way, or stop a saved
    command from finishing.
    """
    with contextlib.suppress(OSError):
        print(safe_for_terminal(text), file=sys.stderr)


_UNSAFE = re.compile(CONTROL_CHARACTERS)


def emit_json(thing: str, **payload: Any) -> int:
    """Print one JSON document: ``{"format": "spms-navigator/<thing>", "version": 1, ...}``.

    Control characters (and the bidirectional marks) are written as ``\\uXXXX``
    escapes: the same string for a JSON reader, harmless in a terminal.
    """
    document = {"format": f"{PROG}/{thing}", "version": JSON_VERSION, **payload}
    import orjson  # only here: it brings in dataclasses, uuid and json, which --version need not

    text = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
    sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    return OK


def interactive() -> bool:
    """Someone can answer: stdin is a terminal (not a pipe, a file, or closed)."""
    return sys.stdin is not None and sys.stdin.isatty()


def read_stdin() -> str:
    return sys.stdin.read() if sys.stdin is not None else ""


def read_text(value: str | None, what: str) -> str | None:
    """An option's text, or stdin when it is ``-`` (which keeps it out of the process list)."""
    if value != "-":
        return value
    if interactive():
        tell(f"Type {what}, then press Ctrl+D on a line of its own.")
    return read_stdin()


def confirm(question: str, yes: bool, refusal: str, kept: str) -> None:
    """Go on if ``--yes`` was given or the person types y in a terminal; else raise ``NotDone``.

    Without a terminal there is nobody to ask, so the command refuses with
    ``refusal`` (which names ``--yes``); an answer other than yes raises ``kept``.
    """
    if yes:
        return
    if not interactive():
        raise NotDone(refusal)
    if ask(f"{question} Type y and press Enter to go ahead, or just Enter to stop: ") in {
        "y",
        "yes",
    }:
        return
    raise NotDone(kept)


def ask(prompt: str, keep_case: bool = False) -> str:
    """One answer typed in the terminal (the question goes to stderr, away from the output);
    folded to lower case for yes/no unless ``keep_case`` (a name)."""
    sys.stderr.write(safe_for_terminal(prompt))
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:  # Ctrl+D: the same as no
        sys.stderr.write("\n")
    return line.strip() if keep_case else line.strip().casefold()
