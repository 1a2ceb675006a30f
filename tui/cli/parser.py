"""The whole ``spms-navigator`` command line, put together from one module per area."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from importlib import import_module

from tui import __version__
from tui.cli.index import COMMANDS_OF
from tui.cli.options import Formatter, Tree, add_data_file
from tui.cli.output import PROG
from tui.core import paths

DESCRIPTION = (
    "A calm, keyboard-driven companion for living with secondary progressive MS: topics to "
    "read, a support-network checklist and private notes. With no command it opens the app. "
    "It gives information, not medical advice."
)
EPILOG = f"""Examples:
  {PROG}                       open the app
  {PROG} note add --title Heat --kind question < heat.txt
  {PROG} note list --json
  {PROG} checklist done peer-helpline
  {PROG} checkin --date 2026-05-01 walking=a-lot tiredness=some
  {PROG} changes --since 6m
  {PROG} help note add         the help of one command

Exit status: 0 done, 1 could not be done (the reason is on stderr), 2 usage mistake."""


def build_tree(argv: Sequence[str] | None = None) -> Tree:
    """The command tree. Given the words typed, only the area of their command is built.

    argparse takes about a millisecond a parser and the tree has dozens, so the
    other commands get a one-line stub (enough for ``--help`` and for argparse's
    "invalid choice"): starting the app builds no area at all. ``help`` and
    ``completion`` (and an unknown word) build everything.
    """
    root = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION, epilog=EPILOG, formatter_class=Formatter
    )
    root.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    tree = Tree(root)
    tree.file_actions.append(add_data_file(root, top=True))
    root.add_argument(
        "--plain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"use the plain line mode: numbered menus, one line at a time, no full-screen "
        f"drawing (or set {paths.PLAIN_ENV}=1; --no-plain for the full-screen app)",
    )
    tree.commands((), metavar="COMMAND")
    wanted = None if argv is None else command_word(argv)
    known = {name for commands in COMMANDS_OF.values() for name in commands}
    everything = bool(wanted) and (wanted not in known or wanted in COMMANDS_OF["meta"])
    for area, commands in COMMANDS_OF.items():
        if wanted is None or everything or wanted in commands:
            import_module(f"tui.cli.{area}").register(tree)
        else:
            for name, summary in commands.items():
                tree.add((name,), summary, ())
    return tree


def command_word(argv: Sequence[str]) -> str:
    """The command typed ("" for none): the first word that is not an option or its value."""
    words = iter(argv)
    for word in words:
        if word.startswith("--d") and "=" not in word:  # --data-file PATH, or a prefix of it
            next(words, None)
        elif word == "--" or not word.startswith("-"):
            return next(words, "") if word == "--" else word
    return ""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    return build_tree(argv).root
