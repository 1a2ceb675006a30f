"""The ``spms-navigator`` command: starts the app, and (later) scriptable subcommands.

Textual is imported only when the full-screen app starts, so the plain mode and
the subcommands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tui import __version__
from tui.core import paths
from tui.core.content import ContentError
from tui.core.service import open_navigator
from tui.core.store import SaveError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spms-navigator",
        description=(
            "A calm, keyboard-driven companion for living with secondary progressive MS: "
            "topics to read, a support-network checklist and private notes. "
            "It gives information, not medical advice."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-file",
        metavar="PATH",
        help=f"the file your notes and checklist are kept in (default: your data folder; "
        f"or set {paths.DATA_FILE_ENV})",
    )
    parser.add_argument(
        "--plain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"use the plain line mode: numbered menus, one line at a time, no full-screen "
        f"drawing (or set {paths.PLAIN_ENV}=1; --no-plain for the full-screen app)",
    )
    return parser


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
    parser = build_parser()
    args = parser.parse_args(argv)
    data_file = paths.resolve_data_file(args.data_file)
    try:
        navigator = open_navigator(data_file)
    except (ContentError, SaveError) as error:
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
        if choose_plain(args.plain, dict(os.environ), navigator.setting("plain")):
            from tui.plain.app import PlainApp
            from tui.plain.console import Console

            try:
                return PlainApp(navigator, Console(sys.stdin, sys.stdout)).run()
            except BrokenPipeError:  # the output was closed (for example by `| head`)
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # quiet exit
                return EXIT_OK
        from tui.app.app import NavigatorApp

        NavigatorApp(navigator).run()
    finally:
        navigator.store.close()
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    os._exit(main())
