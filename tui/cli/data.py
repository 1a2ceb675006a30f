"""``export``, ``import`` and ``delete-all``: the person's data as a whole."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree, add_yes
from tui.cli.output import OK, NotDone, UsageError, ask, confirm, interactive, out
from tui.core import appointment, backup, summary_html, wording
from tui.core.service import Navigator
from tui.core.text import safe_for_terminal

FORMATS = ["md", "json", "appointment-md", "appointment-txt", "appointment-html"]


COMMANDS = COMMANDS_OF["data"]


def register(tree: Tree) -> None:
    export = tree.add(
        ("export",),
        COMMANDS["export"],
        [
            "export --format md --output my-notes.md",
            "export --format json --output backup.json --force",
            "export --format appointment-txt --output -",
            "export --format appointment-html --output summary.html",
        ],
        handler=export_data,
        more="The file is readable by you only. An existing file is kept unless you add --force.",
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        help="md and json hold everything; appointment-* the visit summary "
        "(appointment-html: a web page to email, as printed)",
    )
    output = export.add_argument(
        "--output", required=True, metavar="FILE", help="the file, or - for stdout"
    )
    tree.file_actions.append(output)
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")

    imp = tree.add(
        ("import",),
        COMMANDS["import"],
        ["import backup.json", "import backup.json --yes"],
        handler=import_backup,
        more="In a terminal it asks before changing anything; elsewhere it needs --yes.",
    )
    tree.file_actions.append(imp.add_argument("file", metavar="FILE", help="a JSON backup"))
    add_yes(imp, "import")

    wipe = tree.add(
        ("delete-all",),
        COMMANDS["delete-all"],
        ['delete-all --confirm "delete my data"'],
        handler=delete_all,
        more=f'In a terminal it asks you to type "{backup.DELETE_PHRASE}"; elsewhere give the '
        "phrase with --confirm. " + backup.DELETE_HONESTY,
    )
    wipe.add_argument("--confirm", metavar="PHRASE", help=f'the words "{backup.DELETE_PHRASE}"')
    wipe.add_argument("-y", "--yes", action="store_true", help=argparse.SUPPRESS)


def export_data(args: argparse.Namespace, nav: Navigator) -> int:
    payload = {
        "md": lambda: backup.export_markdown(nav).encode(),
        "json": lambda: backup.export_json(nav),
        "appointment-md": lambda: appointment.summary(nav, markdown=True).encode(),
        "appointment-txt": lambda: appointment.summary(nav, markdown=False).encode(),
        "appointment-html": lambda: summary_html.summary(nav).encode(),
    }[args.format]()
    if args.output == "-":
        text = payload.decode()
        sys.stdout.write(safe_for_terminal(text) if sys.stdout.isatty() else text)
        return OK
    target = Path(args.output).expanduser()
    if target.exists() and not args.force:
        raise NotDone(
            f"{target.resolve()} already exists. Choose another name, or add --force to replace it."
        )
    path = backup.write_export(target, payload, overwrite=args.force)
    out(f"Exported to {path} (readable by you only).")
    return OK


def import_backup(args: argparse.Namespace, nav: Navigator) -> int:
    data = backup.read_backup(Path(args.file))
    plan = backup.plan_import(nav, data)
    out(f"Importing {args.file} would add or change:")
    for sentence in plan.sentences():
        out(f"  {sentence}")
    for change in plan.changes():
        out(f"  {change}")
    if plan.empty:
        return OK
    sys.stdout.flush()  # the plan is on screen before the question
    confirm(
        "Import these?",
        args.yes,
        refusal="Nothing was changed. Add --yes to import.",
        kept="Nothing was changed.",
    )
    backup.apply_import(nav, plan)
    out(wording.IMPORTED)
    return OK


def delete_all(args: argparse.Namespace, nav: Navigator) -> int:
    phrase = backup.DELETE_PHRASE
    if args.yes:
        raise UsageError(
            f'delete-all does not take --yes: it needs the words themselves, --confirm "{phrase}".'
        )
    refusal = (
        f"Nothing was deleted. This deletes every note, tick, person, check-in, visit and setting. "
        f'To go ahead, add --confirm "{phrase}".'
    )
    if args.confirm is None and interactive():
        question = (
            "This deletes every note, tick, person, check-in, visit and setting in "
            f"{nav.store.path}. "
            f'To go ahead, type "{phrase}" and press Enter; anything else keeps it all: '
        )
        if ask(question) != phrase:
            raise NotDone("Nothing was deleted.")
    elif args.confirm != phrase:
        raise NotDone(refusal)
    removed = backup.delete_all(nav)
    copies = "1 older copy" if len(removed) == 1 else f"{len(removed)} older copies"
    out(f"Deleted everything in {nav.store.path}, and {copies} beside it.")
    out(backup.DELETE_HONESTY)
    return OK
