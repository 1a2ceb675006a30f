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
    return parser


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
        from tui.app.app import NavigatorApp

        NavigatorApp(navigator).run()
    finally:
        navigator.store.close()
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    os._exit(main())
