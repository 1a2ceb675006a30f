"""The ``spms-navigator`` command: starts the app, or runs one scriptable command.

One module per area (notes, checklist, people, topics, data), the shared
options and output in their own modules; ``program`` runs it all. The user's
reference is docs/cli.md.
"""

from tui.cli.choices import choose_plain
from tui.cli.parser import build_parser
from tui.cli.program import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main, run_command

__all__ = [
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "choose_plain",
    "main",
    "run_command",
]
