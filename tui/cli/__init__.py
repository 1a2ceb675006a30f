"""The ``spms-navigator`` command: starts the app, or runs one scriptable command.

One module per area (notes, checklist, people, topics, data), the shared
options and output in their own modules; ``program`` runs it all. The user's
reference is docs/cli.md.

This file imports nothing of the program itself: ``spms-navigator --version``
answers from here, in about the time Python takes to start, and everything else
is imported by ``main`` when it is needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from tui import __version__

__all__ = [
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "choose_plain",
    "main",
    "run_command",
]

_FROM_PROGRAM = {"EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "run_command"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command typed (``sys.argv``), or the words given; returns the exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    if words in (["--version"], ["-V"]):
        sys.stdout.write(f"spms-navigator {__version__}\n")  # what argparse's would say
        return 0
    from tui.cli import program

    program.WHOLE_PROCESS = argv is None  # the command line itself, not a test's call
    status = program.main(words)
    if program.LEFT_FOR_EXIT:  # a command that opened the data file has closed it
        program.end_process(status)
    return status


def __getattr__(name: str) -> Any:
    """The rest of the package's names, imported when first asked for."""
    if name in _FROM_PROGRAM:
        from tui.cli import program

        return getattr(program, name)
    if name == "build_parser":
        from tui.cli.parser import build_parser

        return build_parser
    if name == "choose_plain":
        from tui.cli.choices import choose_plain

        return choose_plain
    raise AttributeError(name)
