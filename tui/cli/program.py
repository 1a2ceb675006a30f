"""Running the command: parse, open the data file, run one command or start the app.

Textual is imported only when the full-screen app starts, so the plain mode and
the commands start fast. The storage code is imported only when the data file is
opened: ``--version``, ``help``, ``completion``, ``topics``, ``topic`` and ``urgent``
never open it, so they never lock it, back it up or wait for it
(tests/test_cli_costs.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from tui.cli.choices import choose_plain
from tui.cli.output import FAILED, OK, PROG, USAGE, NotDone, UsageError, interactive, tell
from tui.cli.parser import build_tree
from tui.core import paths
from tui.core.text import InputError, SaveError

if TYPE_CHECKING:
    from tui.core.service import Navigator

EXIT_OK = OK
EXIT_ERROR = FAILED
EXIT_USAGE = USAGE
EXIT_INTERRUPTED = 130  # the shells' own number for Ctrl+C

#: Commands that only read the data file: they open it without taking a dated backup
#: copy or folding in the journal, so the file and its backups stay exactly as they were.
READING_COMMANDS = frozenset(
    {
        ("note", "list"),
        ("note", "show"),
        ("checklist", "list"),
        ("checklist", "show"),
        ("people", "list"),
        ("people", "show"),
        ("people", "unwanted", "list"),
        ("changes",),
        ("visit", "list"),
        ("visit", "show"),
        ("visit", "ics"),
        ("due",),
        ("export",),
        ("visit", "export"),
        ("med", "list"),
        ("event", "list"),
    }
)
#: Groups that list when given no action, unless an older spelling that changes
#: something (``checklist --done ITEM``, ``people --add NAME``) came with them.
LISTING_GROUPS = frozenset(
    {("checklist",), ("people",), ("people", "unwanted"), ("med",), ("event",)}
)


def only_reads(args: argparse.Namespace) -> bool:
    """True when the command only reads the data file (a list, a show, an export), so
    it opens it without a dated backup copy and never folds the journal in: at 50,000
    notes a copy is 32 MB written by a command that changed nothing."""
    path = getattr(args, "command_path", ())
    if path in READING_COMMANDS:
        return True
    if path == ("checkin",):  # ``checkin list``: the word list where answers go
        return getattr(args, "answers", None) == ["list"]
    if path in LISTING_GROUPS:
        older = [value for name, value in vars(args).items() if name.startswith("old_")]
        return all(value is None for value in older)
    return False


def run_command(args: argparse.Namespace, navigator: Navigator | None) -> int:
    """Run one command; its errors become one sentence on stderr and an exit status."""
    try:
        if getattr(args, "group_json", False):
            if not args.takes_json:
                raise UsageError(
                    "--json goes with the commands that list or show, for example: "
                    "spms-navigator checklist list --json"
                )
            args.json = True
        if navigator is None:
            return int(args.handler(args))
        return int(args.handler(args, navigator))
    except UsageError as error:
        tell(f"spms-navigator: {error}")
        return EXIT_USAGE
    except (InputError, SaveError, NotDone) as error:
        tell(f"spms-navigator: {error}")
        return failed(args)
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as error:  # a bug: say so without printing any of the person's text
        from tui.core.content import ContentError  # only now: content is not always read

        if isinstance(error, ContentError):  # shipped content that fails its checks
            tell(f"spms-navigator: {error}")
            return failed(args)
        where = f" Your data file {navigator.store.path} is safe." if navigator else ""
        tell(
            f"spms-navigator: something went wrong that should not have "
            f"({type(error).__name__}).{where} Please report this."
        )
        return failed(args)


def failed(args: argparse.Namespace) -> int:
    """The exit status of a failure: 1, or the command's own (``due`` exits as grep does,
    where 1 means "nothing found" and 2 an error)."""
    return int(getattr(args, "error_status", EXIT_ERROR))


NO_TERMINAL = (
    "SPMS Navigator needs a terminal to type in, and its input is not one. "
    "To use it from a script, give it a command, for example: spms-navigator note list. "
    "spms-navigator --help lists them."
)


def screen_problem(environ: dict[str, str], stdout_is_terminal: bool) -> str | None:
    """Why the full-screen app cannot draw here (a sentence), or None if it can."""
    term = environ.get("TERM")
    if not stdout_is_terminal:
        return "The output is not a terminal, so the plain line mode is open."
    if term == "dumb" or (term is None and os.name != "nt"):
        return (
            f"Your terminal (TERM={term or 'not set'}) cannot show the full-screen app, "
            "so the plain line mode is open."
        )
    return None


def _thread_failed(failure: threading.ExceptHookArgs) -> None:
    """A thread's unexpected error is a sentence, never a traceback over the screen."""
    if issubclass(failure.exc_type, SystemExit):  # a thread that ended itself
        return
    name = failure.exc_type.__name__
    tell(
        f"spms-navigator: something went wrong in the background that should not have "
        f"({name}). Your saved data is safe. Please report this."
    )


#: Set by ``tui.cli.main`` when this command is the whole process (not a test calling it).
WHOLE_PROCESS = False
#: The closed navigator of the command just run, kept so it is not taken apart object by
#: object before the process ends (see end_process).
LEFT_FOR_EXIT: list[object] = []


def end_process(status: int) -> NoReturn:
    """End a command's process at once, once its output is flushed.

    The data file is closed and every write is on disk (the store syncs each one and
    joins its threads on closing), so nothing is left to do but free memory: at 50,000
    notes Python takes 20-25 ms to free each note one by one, a sixth of what ``note
    add`` costs, for memory the system takes back whole when the process ends.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to add
            stream.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    previous_hook = threading.excepthook
    threading.excepthook = _thread_failed
    try:
        return _run_main(argv)
    finally:
        threading.excepthook = previous_hook


def _run_main(argv: Sequence[str] | None) -> int:
    try:
        status = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where it cannot be caught
        return status
    except BrokenPipeError:  # the reader went away (for example `| head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl+C at a question: stop quietly, nothing half done
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED


def parse(words: list[str]) -> argparse.Namespace:
    """The parsed words; words no command takes are a usage error naming the command's help."""
    tree = build_tree(words)
    args, extra = tree.root.parse_known_args(words)
    if extra:
        path = getattr(args, "command_path", ())
        tree.parsers[path].error(
            f"{' '.join(extra)} does not apply here. To see the options of this command, "
            f"run: {' '.join((PROG, 'help', *path))}"
        )
    return args


def _main(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    args = parse(words)
    command_given = getattr(args, "handler", None) is not None
    if command_given and not getattr(args, "needs_data", True):
        return run_command(args, None)
    from tui.core.content import ContentError
    from tui.core.service import open_navigator
    from tui.core.settings import load as load_settings
    from tui.core.store import DataFileError

    settings = load_settings(paths.settings_file())
    data_file = paths.resolve_data_file(args.data_file, configured=settings.data_file)
    reading = command_given and only_reads(args)
    try:
        navigator = open_navigator(data_file, reading=reading, command=command_given)
    except (ContentError, SaveError, DataFileError) as error:
        print(f"spms-navigator: {error}", file=sys.stderr)
        return failed(args)
    except OSError as error:
        print(
            f"spms-navigator: could not open your data file {data_file}: "
            f"{error.strerror or error}. Check the path and its permissions.",
            file=sys.stderr,
        )
        return failed(args)
    except Exception as error:  # a bug: say so, without a traceback, and fail
        tell(
            f"spms-navigator: something went wrong opening {data_file} that should not have "
            f"({type(error).__name__}). Please report this."
        )
        return failed(args)
    report = navigator.store.report
    started: list[str] = []
    if report.created_new and bool(args.data_file or os.environ.get(paths.DATA_FILE_ENV)):
        # A new file at a path typed by hand is said, so a typo in the path shows.
        started.append(f"Started a new data file at {navigator.store.path}.")
    notices = [*started, *settings.problems]
    try:
        if command_given:
            # The app and the plain mode show the open report on their first screen.
            said = [*started, *report.messages]
            if not getattr(args, "shows_settings", False):  # config show says them itself
                said += settings.problems
            for notice in said:
                tell(f"spms-navigator: {notice}")
            known = len(report.messages)
            status = run_command(args, navigator)
            # A note that does not fit the schema is found only when the command reads it
            # (the notes stay undecoded until then: storage.DataFile): said after.
            for notice in report.messages[known:]:
                tell(f"spms-navigator: {notice}")
            # A warning: the command did what was asked, so the status stays. (A failing
            # status would make a script repeat a change that was saved.)
            if problem := navigator.store.backup_problem(wait=True):
                tell(f"spms-navigator: {problem}")
            return status
        environ = dict(os.environ)
        plain = choose_plain(args.plain, environ, navigator.setting("plain"), settings.plain)
        if not plain and not interactive():
            tell(f"spms-navigator: {NO_TERMINAL}")
            return EXIT_USAGE
        if not plain and (problem := screen_problem(environ, sys.stdout.isatty())):
            notices.append(problem)
            plain = True
        if plain:
            from tui.plain.app import PlainApp
            from tui.plain.console import Console

            return PlainApp(navigator, Console(sys.stdin, sys.stdout)).run(notices)
        from tui.app.app import NavigatorApp

        app = NavigatorApp(navigator, settings, notices, tune_interpreter=True)
        app.run()
        return EXIT_ERROR if app.return_code else EXIT_OK  # a crash is not a success
    finally:
        navigator.store.close()
        if command_given and WHOLE_PROCESS:
            LEFT_FOR_EXIT.append(navigator)  # see end_process
