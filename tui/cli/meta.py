"""``help`` and ``completion``: commands about the command, which need no data file."""

from __future__ import annotations

import argparse
import functools
import sys

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree
from tui.cli.output import OK, UsageError

SHELLS = ["bash", "zsh", "fish"]


COMMANDS = COMMANDS_OF["meta"]


def register(tree: Tree) -> None:
    helper = tree.add(
        ("help",),
        COMMANDS["help"],
        ["help", "help note", "help note add"],
        handler=functools.partial(show_help, tree),
    )
    helper.add_argument(
        "words", nargs="*", metavar="COMMAND", help="a command, or command and action"
    )
    helper.set_defaults(needs_data=False)

    completion = tree.add(
        ("completion",),
        COMMANDS["completion"],
        [
            "completion bash",
            "mkdir -p ~/.local/share/bash-completion/completions && spms-navigator "
            "completion bash > ~/.local/share/bash-completion/completions/spms-navigator",
            "mkdir -p ~/.zfunc && spms-navigator completion zsh > ~/.zfunc/_spms-navigator",
            "mkdir -p ~/.config/fish/completions && spms-navigator "
            "completion fish > ~/.config/fish/completions/spms-navigator.fish",
        ],
        handler=functools.partial(print_completion, tree),
        more="Save it where your shell looks for completions (see the examples: each "
        "makes the folder first, as a new account may not have it), then open a new "
        "terminal.",
    )
    completion.add_argument("shell", choices=SHELLS, help="your shell")
    completion.set_defaults(needs_data=False)


def show_help(tree: Tree, args: argparse.Namespace) -> int:
    parser = tree.find(args.words)
    if parser is None:
        raise UsageError(
            f"There is no command {' '.join(args.words)!r}. To see the commands, run: "
            "spms-navigator help"
        )
    sys.stdout.write(parser.format_help())
    return OK


def print_completion(tree: Tree, args: argparse.Namespace) -> int:
    import shtab  # only here: it is not needed to start the app

    for action in tree.file_actions:
        action.complete = shtab.FILE  # type: ignore[attr-defined]
    sys.stdout.write(shtab.complete(tree.root, shell=args.shell))
    return OK
