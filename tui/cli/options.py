"""Building the command tree: one place for the options every command shares.

Each area module (notes, checklist, people...) adds its commands through a
``Tree``, which also remembers every parser by its path, so ``help note add``
finds the same text as ``note add --help`` and shell completion sees them all.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from tui.cli.output import PROG
from tui.core import paths

Subcommands = argparse._SubParsersAction  # the documented return type of add_subparsers


class Formatter(argparse.HelpFormatter):
    """Wraps paragraphs as usual, but keeps indented lines (the examples) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        blocks = []
        for block in text.split("\n\n"):
            if block.startswith("  ") or "\n  " in block:
                blocks.append(textwrap.indent(block, indent))
            else:
                blocks.append(
                    textwrap.fill(
                        " ".join(block.split()),
                        width,
                        initial_indent=indent,
                        subsequent_indent=indent,
                    )
                )
        return "\n\n".join(blocks)


def add_data_file(parser: argparse.ArgumentParser, top: bool) -> argparse.Action:
    """--data-file works before or after a command (the command's copy wins)."""
    return parser.add_argument(
        "--data-file",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help=f"the file your notes and checklist are kept in (default: your data folder; "
        f"or set {paths.DATA_FILE_ENV})",
    )


def add_json(parser: argparse.ArgumentParser, group: bool = False) -> None:
    """--json on a command; ``group`` for one whose actions have their own (``checklist``).

    A group's flag has a name of its own, so an action's default cannot hide it
    (``checklist --json list``); ``program`` hands it on to the action that takes it.
    """
    parser.add_argument(
        "--json",
        action="store_true",
        dest="group_json" if group else "json",
        default=argparse.SUPPRESS if group else False,
        help="print JSON for scripts instead of sentences (the format is in docs/cli.md)",
    )
    parser.set_defaults(takes_json=True, json=False)


def add_yes(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "-y",
        "--yes",
        action="store_true",
        help=f"{what} without asking (needed when not run in a terminal)",
    )


PRIVATE_TEXT = (
    "Your words are safer piped in (or typed after --body -) than written after --body: "
    "text on the command line can be seen by other programs while it runs and is kept "
    "in your shell's history."
)


class Tree:
    """Every parser of the command, by its path: ``()`` is the top, ``("note", "add")`` one leaf."""

    def __init__(self, root: argparse.ArgumentParser) -> None:
        self.root = root
        self.parsers: dict[tuple[str, ...], argparse.ArgumentParser] = {(): root}
        self.groups: dict[tuple[str, ...], Subcommands[argparse.ArgumentParser]] = {}
        #: Options and arguments that name a file, so completion offers file names.
        self.file_actions: list[argparse.Action] = []

    def commands(
        self, path: tuple[str, ...], metavar: str = "ACTION", required: bool = False
    ) -> None:
        """Let the parser at ``path`` take commands of its own."""
        self.groups[path] = self.parsers[path].add_subparsers(metavar=metavar, required=required)

    def add(
        self,
        path: tuple[str, ...],
        summary: str,
        examples: Sequence[str],
        handler: Callable[..., int] | None = None,
        more: str = "",
        **kwargs: Any,
    ) -> argparse.ArgumentParser:
        """Add the command ``path``: its one-line summary, examples for --help, its handler."""
        lines = "\n".join(
            f"  {example}"
            if f"{PROG} " in example  # a pipe, or the command inside another
            else f"  {PROG} {example}"
            for example in examples
        )
        parser = self.groups[path[:-1]].add_parser(
            path[-1],
            help=summary,
            description=f"{summary}\n\n{more}" if more else summary,
            epilog=f"Examples:\n{lines}" if lines else None,
            formatter_class=Formatter,
            **kwargs,
        )
        self.file_actions.append(add_data_file(parser, top=False))
        parser.set_defaults(command_path=path, takes_json=False)  # the deepest command wins
        if handler is not None:
            parser.set_defaults(handler=handler)
        self.parsers[path] = parser
        return parser

    def find(self, words: Sequence[str]) -> argparse.ArgumentParser | None:
        return self.parsers.get(tuple(words))
