"""Running the command: parse, open the data file, run one command or start the app.

Textual is imported only when the full-screen app starts, so the plain mode and
the commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tui.cli.output import FAILED, OK, PROG, USAGE, NotDone, UsageError, tell
from tui.cli.parser import build_tree
from tui.core import paths
from tui.core.content import ContentError
from tui.core.service import Navigator, open_navigator
from tui.core.store import DataFileError, SaveError
from tui.core.text import InputError

EXIT_OK = OK
EXIT_ERROR = FAILED
EXIT_USAGE = USAGE
EXIT_INTERRUPTED = 130  # the shells' own number for Ctrl+C


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
        return EXIT_ERROR
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as error:  # a bug: say so without printing any of the person's text
        where = f" Your data file {navigator.store.path} is safe." if navigator else ""
        tell(
            f"spms-navigator: something went wrong that should not have "
            f"({type(error).__name__}).{where} Please report this."
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
    try:
        if command_given:
            return run_command(args, navigator)
        if choose_plain(args.plain, dict(os.environ), navigator.setting("plain")):
            from tui.plain.app import PlainApp
            from tui.plain.console import Console

            return PlainApp(navigator, Console(sys.stdin, sys.stdout)).run()
        from tui.app.app import NavigatorApp

        NavigatorApp(navigator, tune_interpreter=True).run()
    finally:
        navigator.store.close()
    return EXIT_OK
