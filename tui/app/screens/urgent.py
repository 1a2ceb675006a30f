"""Urgent help: where to get help now, one key (u) from every screen.

The lines come from ``urgent_help`` in data/app.toml, read in order, one a line,
with the cursor on the first: a screen reader says the heading, then that line.
They follow safe-messaging guidance (see docs/content.md); nothing is added here
but the heading: the way back is in the keys line every screen has (a line of its own
here cost Fenrir's listener 44 more characters before the screen was read, issue 19).
A line holding a web address (988lifeline.org) opens or copies it with Enter.
"""

from __future__ import annotations

from textual.widgets.option_list import Option

from tui.app.addresses import open_or_copy
from tui.app.screens.list_screen import ListScreen
from tui.app.textual_private import option_first_line
from tui.app.widgets import ReaderList, option, place_cursor_on
from tui.core.models import web_address_in


class UrgentLines(ReaderList):
    """The lines of urgent help. As the screen opens, the cursor rests on the last row
    of the first line.

    Orca reads a new screen from its heading down to the cursor's row only, and the
    first line, where to call, is longer than a terminal row: with the cursor on its
    first row, "call or text" was heard and the numbers were not. Once the person
    moves, the cursor goes to the first row of each line, as in every list.
    """

    arriving = True

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted not in (None, 0):
            self.arriving = False
        super().watch_highlighted(highlighted)

    def place_cursor(self) -> None:
        if self.arriving and self.has_focus and self.highlighted == 0 and self.option_count > 1:
            next_line = option_first_line(self, 1)
            if next_line is not None:
                place_cursor_on(self, next_line - 1 - round(self.scroll_offset.y))
                return
        super().place_cursor()


class UrgentHelpScreen(ListScreen):
    TITLE_TEXT = "Urgent help"
    LIST_ID = "urgent"
    FIXED_LINES = True

    def options(self) -> list[Option]:
        lines = self.nav.library.app.urgent_help
        return [option(line, f"line-{number}") for number, line in enumerate(lines)]

    def make_list(self, options: list[Option]) -> ReaderList:
        return UrgentLines(*options, id=self.LIST_ID)

    def place_cursor(self) -> None:
        lines = self.lines
        if self.focused is lines and self is self.app.screen:
            lines.place_cursor()
        else:
            super().place_cursor()

    def opened(self, target: str) -> None:
        prompt = self.lines.get_option(target).prompt
        if address := web_address_in(str(prompt)):
            open_or_copy(self, address)
