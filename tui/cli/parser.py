"""The whole ``spms-navigator`` command line, put together from one module per area."""

from __future__ import annotations

import argparse

from tui import __version__
from tui.cli import checklist, data, meta, notes, people, topics
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
  {PROG} help note add         the help of one command

Exit status: 0 done, 1 could not be done (the reason is on stderr), 2 usage mistake."""


def build_tree() -> Tree:
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
    for area in (notes, checklist, people, topics, data, meta):
        area.register(tree)
    return tree


def build_parser() -> argparse.ArgumentParser:
    return build_tree().root
