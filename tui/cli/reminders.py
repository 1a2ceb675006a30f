"""``spms-navigator due``: one sentence saying what is due, for a login script or cron.

It exits as grep does, so a script can test it: 0 when something is due, 1 when
nothing is, 2 on an error (an unreadable data file, say).
"""

from __future__ import annotations

import argparse

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree
from tui.cli.output import OK, out
from tui.core import reminders
from tui.core.service import Navigator

COMMANDS = COMMANDS_OF["reminders"]
NOTHING_DUE = 1
ERROR = 2


def register(tree: Tree) -> None:
    due = tree.add(
        ("due",),
        COMMANDS["due"],
        ["due", "due --quiet && spms-navigator", 'due || echo "Nothing due."'],
        handler=due_now,
        more="Exit status: 0 when something is due, 1 when nothing is, 2 on an error. "
        "It only reads your data file. Put it in your login script to hear it each day.",
    )
    due.add_argument(
        "-q", "--quiet", action="store_true", help="say nothing; only the exit status tells"
    )
    due.set_defaults(error_status=ERROR)


def due_now(args: argparse.Namespace, nav: Navigator) -> int:
    said = reminders.due(nav.checkins, nav.visits, nav.people)
    if not args.quiet:
        out(said or "Nothing is due: no visit today or tomorrow, and no check-in is due yet.")
    return OK if said else NOTHING_DUE
