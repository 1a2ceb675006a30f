"""The ``spms-navigator`` command: starts the app, and (later) scriptable subcommands.

Textual is imported only when the full-screen app starts, so the plain mode and
the subcommands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from tui import __version__
from tui.core import paths
from tui.core.content import ContentError
from tui.core.models import NoteKind, Role
from tui.core.service import Navigator, open_navigator
from tui.core.store import DataFileError, SaveError
from tui.core.text import InputError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    """--data-file works before or after a subcommand (the subcommand's copy wins)."""
    parser.add_argument(
        "--data-file",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help=f"the file your notes and checklist are kept in (default: your data folder; "
        f"or set {paths.DATA_FILE_ENV})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spms-navigator",
        description=(
            "A calm, keyboard-driven companion for living with secondary progressive MS: "
            "topics to read, a support-network checklist and private notes. With no "
            "command it opens the app. It gives information, not medical advice."
        ),
        epilog="Exit status: 0 done, 1 could not be done (the reason is on stderr), 2 usage.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common(parser, top=True)
    parser.add_argument(
        "--plain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"use the plain line mode: numbered menus, one line at a time, no full-screen "
        f"drawing (or set {paths.PLAIN_ENV}=1; --no-plain for the full-screen app)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, **kwargs: object) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, **kwargs)  # type: ignore[arg-type]
        _common(sub, top=False)
        return sub

    note = command("note", "Add, list, show or delete notes.")
    note_commands = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    kinds = [k.value for k in NoteKind]
    add = note_commands.add_parser("add", help="Add a note. The text comes from --body or stdin.")
    _common(add, top=False)
    add.add_argument("--title", required=True)
    add.add_argument("--body", help="the note's text (default: read from stdin)")
    add.add_argument("--kind", choices=kinds, default="plain")
    link = add.add_mutually_exclusive_group()
    link.add_argument("--topic", metavar="TOPIC_ID", help="link the note to a topic")
    link.add_argument("--item", metavar="ITEM_ID", help="link the note to a checklist item")
    listing = note_commands.add_parser("list", help="List notes, newest first.")
    _common(listing, top=False)
    listing.add_argument("--filter", metavar="TEXT", help="only notes holding TEXT")
    listing.add_argument("--kind", choices=kinds)
    show = note_commands.add_parser("show", help="Print one note.")
    _common(show, top=False)
    show.add_argument("id", type=int)
    delete = note_commands.add_parser("delete", help="Delete one note.")
    _common(delete, top=False)
    delete.add_argument("id", type=int)
    delete.add_argument("--yes", action="store_true", help="really delete it")

    check = command("checklist", "Print the checklist and its progress, or tick an item.")
    tick = check.add_mutually_exclusive_group()
    tick.add_argument("--done", metavar="ITEM_ID", help="mark an item done")
    tick.add_argument("--undo", metavar="ITEM_ID", help="mark an item not done yet")

    command("topics", "List the topics.")
    topic = command("topic", "Print one topic, with its sources.")
    topic.add_argument("id", metavar="TOPIC_ID")

    people = command("people", "List the people in your support network, or add one.")
    people.add_argument("--add", metavar="NAME", help="add a person (or a group)")
    people.add_argument("--role", choices=[r.value for r in Role], default="other")
    people.add_argument("--specialty", default="")
    people.add_argument("--contact", default="", help="how to reach them")
    people.add_argument("--helps", default="", help="what they help with")

    export = command("export", "Export everything, or the appointment summary, to a file.")
    export.add_argument(
        "--format", choices=["md", "json", "appointment-md", "appointment-txt"], default="md"
    )
    export.add_argument("--output", required=True, metavar="FILE", help="the file, or - for stdout")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")

    imp = command("import", "Merge a JSON backup in, after showing what will change.")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--yes", action="store_true", help="go ahead after showing the changes")

    wipe = command("delete-all", "Delete all your data from this app.")
    wipe.add_argument("--confirm", metavar="PHRASE", default="")
    return parser


HANDLERS: dict[str, str] = {
    "checklist": "checklist",
    "topics": "topics",
    "topic": "topic",
    "people": "people",
    "export": "export",
    "import": "import_backup",
    "delete-all": "delete_all",
}


def run_command(args: argparse.Namespace, navigator: Navigator) -> int:
    from tui import commands

    name = f"note_{args.note_command}" if args.command == "note" else HANDLERS[args.command]
    handler: Callable[[argparse.Namespace, Navigator], int] = getattr(commands, name)
    try:
        return handler(args, navigator)
    except (InputError, SaveError) as error:
        print(f"spms-navigator: {error}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: say so without printing any of the person's text
        print(
            f"spms-navigator: something went wrong that should not have "
            f"({type(error).__name__}). Your data file {navigator.store.path} is safe. "
            "Please report this.",
            file=sys.stderr,
        )
        return EXIT_ERROR


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def choose_plain(flag: bool | None, environ: dict[str, str], saved: object) -> bool:
    """The option wins over the environment variable, which wins over the saved setting."""
    if flag is not None:
        return flag
    value = environ.get(paths.PLAIN_ENV)
    if value is not None and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    return saved is True


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # the reader went away (for example `| head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_file = paths.resolve_data_file(args.data_file)
    try:
        navigator = open_navigator(data_file)
    except (ContentError, SaveError, DataFileError) as error:
        print(f"spms-navigator: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(
            f"spms-navigator: could not open your data file {data_file}: "
            f"{error.strerror or error}. Check the path and its permissions.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except Exception as error:  # a bug: say so, without a traceback, and fail
        print(
            f"spms-navigator: something went wrong opening {data_file} that should not have "
            f"({type(error).__name__}). Please report this.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    report = navigator.store.report
    explicit = bool(args.data_file or os.environ.get(paths.DATA_FILE_ENV))
    if report.created_new and explicit:
        started = f"Started a new data file at {navigator.store.path}."
        print(f"spms-navigator: {started}", file=sys.stderr)
    if args.command:  # the app and the plain mode show these on their first screen
        for message in report.messages:
            print(f"spms-navigator: {message}", file=sys.stderr)
    try:
        if args.command:
            return run_command(args, navigator)
        if choose_plain(args.plain, dict(os.environ), navigator.setting("plain")):
            from tui.plain.app import PlainApp
            from tui.plain.console import Console

            return PlainApp(navigator, Console(sys.stdin, sys.stdout)).run()
        from tui.app.app import NavigatorApp

        app = NavigatorApp(navigator, tune_interpreter=True)
        app.run()
        return EXIT_ERROR if app.return_code else EXIT_OK  # a crash is not a success
    finally:
        navigator.store.close()


if __name__ == "__main__":  # pragma: no cover
    os._exit(main())
