"""Asking for a file name and writing an export: one flow for every screen that exports.

The person names the file (a sensible default is filled in), is asked before an
existing file is replaced, and is told where it went. Files are written 0600.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.app.screens.base import BaseScreen
from tui.core import backup, wording

#: Asks a question with a labelled field holding a value, then gives what was typed
#: (None for nothing, or Escape): ``AskHere.ask_here`` asks on the screen itself.
Ask = Callable[[str, str, str, Callable[[str | None], None]], None]


def ask_and_export(
    screen: BaseScreen,
    title: str,
    default: str,
    payload_for: Callable[[Path], bytes],
    what: str,
    ask: Ask | None = None,
) -> None:
    """Ask for a path (on a prompt screen, or with ``ask``), then write
    ``payload_for(path)`` there."""
    from tui.app.screens.confirm import ConfirmScreen
    from tui.app.screens.prompt import PromptScreen

    def write(path: Path, overwrite: bool) -> None:
        written = screen.attempt(lambda: backup.write_export(path, payload_for(path), overwrite))
        if written is not None:
            screen.say(f"Exported {what} to {written}. Only you can read it.")

    def replace(path: Path, yes: bool | None) -> None:
        if yes:
            write(path, True)
        else:
            screen.say("Nothing was exported.")

    def chosen(path_text: str | None) -> None:
        if path_text is None:
            screen.say("Nothing was exported.")
            return
        path = Path(path_text).expanduser()
        if path.exists():
            screen.app.push_screen(
                ConfirmScreen(wording.already_exists(path), "Replace it"),
                lambda yes: replace(path, yes),
            )
        else:
            write(path, False)

    if ask is not None:
        ask(title, "File", default, chosen)
    else:
        screen.app.push_screen(PromptScreen(title, "File", default), chosen)
