"""``help`` and ``completion``: commands about the command, which need no data file."""

from __future__ import annotations

import argparse
import functools
import sys

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree
from tui.cli.output import OK, PROG, UsageError

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


#: What completes each kind of value, by the metavar the commands give it: the ids a
#: list command prints in its first column (read from your own data file when you
#: press Tab, so a note's number completes as well as a topic's id).
LISTED_BY = {
    "NOTE": "note list",
    "TOPIC": "topics",
    "ITEM": "checklist list",
    "VISIT": "visit list",
    "MEDICINE": "med list",
    "EVENT": "event list",
}


def _area_words() -> str:
    """'walking=no-trouble walking=a-little ...': every answer a check-in takes."""
    from tui.core.checkins import AREAS, LEVELS, SKIP

    levels = [level.id for level in LEVELS] + [SKIP]
    return " ".join(f"{area.id}={level}" for area in AREAS for level in levels)


def _event_kinds() -> str:
    from tui.core.events import KINDS

    return " ".join(kind.id for kind in KINDS)


def print_completion(tree: Tree, args: argparse.Namespace) -> int:
    import shtab  # only here: it is not needed to start the app

    for action in tree.file_actions:
        action.complete = shtab.FILE  # type: ignore[attr-defined]
    answers = shtab.cmd(f"printf '%s\\n' {_area_words()}")
    for parser in tree.parsers.values():
        for action in parser._actions:
            if action.metavar in LISTED_BY:
                listing = f"{PROG} {LISTED_BY[str(action.metavar)]} 2>/dev/null | cut -s -f1"
                action.complete = shtab.cmd(listing)  # type: ignore[attr-defined]
            elif action.metavar == "AREA=LEVEL":
                action.complete = answers  # type: ignore[attr-defined]
            elif action.metavar == "KIND":
                action.complete = shtab.cmd(f"printf '%s\\n' {_event_kinds()}")  # type: ignore[attr-defined]
    sys.stdout.write(shtab.complete(tree.root, shell=args.shell))
    return OK
