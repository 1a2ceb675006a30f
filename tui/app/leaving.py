"""Leaving the app: quitting (saving first), a signal from outside, an unexpected error.

Whichever way the app ends, what the person typed is saved first where it can be,
and the terminal is left as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import traceback
from typing import TYPE_CHECKING

from rich.text import Text

from tui.app.textual_private import CrashHook, close_with_report, current_exception
from tui.core.store import SaveError

if TYPE_CHECKING:
    from tui.app.drafting import DraftKeeper
    from tui.app.screens.base import BaseScreen
    from tui.core.service import Navigator


class Leaving(CrashHook):
    navigator: Navigator
    drafts: DraftKeeper

    def _base_screens_above_home(self) -> list[BaseScreen]:
        raise NotImplementedError

    def _stop_on_signals(self) -> None:
        """The terminal closing (SIGHUP) or the system stopping the app (SIGTERM): save
        what is open, write the drafts, and leave the terminal as it was."""
        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(number, self._stop_now)

    def _stop_now(self) -> None:
        for screen in reversed(self._base_screens_above_home()):
            with contextlib.suppress(Exception):
                screen.save_before_leaving()
        with contextlib.suppress(Exception):
            self.drafts.write_now()
        with contextlib.suppress(SaveError):
            self.navigator.store.settle()
        self.exit()

    # -------------------------------------------------------------- quitting
    async def action_quit(self) -> None:
        """Quit from anywhere, saving every open note first; ask if a save fails."""
        from tui.app.screens.confirm import ConfirmScreen

        for screen in reversed(self._base_screens_above_home()):
            if not screen.save_before_leaving():

                def answered(leave: bool | None) -> None:
                    if leave:
                        self.exit()

                self.push_screen(
                    ConfirmScreen(
                        "A note could not be saved. Quit anyway and lose it?",
                        "Quit without saving",
                        "No, stay",
                    ),
                    answered,
                )
                return
        try:
            self.navigator.store.settle()
        except SaveError as error:

            def leave(yes: bool | None) -> None:
                if yes:
                    self.exit()

            self.push_screen(
                ConfirmScreen(
                    f"{error} Quit anyway and lose your latest changes?",
                    "Quit without saving",
                    "No, stay",
                ),
                leave,
            )
            return
        self.exit()

    # ------------------------------------------------------------ crashes
    def report_unexpected_error(self) -> None:
        """On an unexpected error: save what is open, then explain without leaking note text.

        Textual's own report prints local variables, which would put the words of
        a note on the screen and in any log; ours names only files and lines.
        """
        for screen in self._base_screens_above_home():
            with contextlib.suppress(Exception):
                screen.save_before_leaving()
        error = sys.exc_info()[1] or current_exception(self)
        frames = traceback.extract_tb(error.__traceback__) if error else []
        where = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in frames[-8:])
        close_with_report(
            self,
            Text(
                "SPMS Navigator met a problem it did not expect, and closed. What you had "
                "typed was saved where possible. Your data file is "
                f"{self.navigator.store.path}. Please report this, with the lines below "
                f"(they hold no note text):\n{type(error).__name__}\n{where}"
            ),
        )
