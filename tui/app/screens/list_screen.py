"""A screen whose body is one list of lines (home, topics, my people, a visit, help...).

Such a screen says only what its lines are (``options``) and what Enter on a line does
(``opened``). This class builds the list, puts the highlight on the screen's first line
as it opens, and keeps the highlight on the same line each time the lines are built
again (another screen may have changed what they say), or moves it to the line that
shows what an editor just saved.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.long_list import LongList
from tui.app.screens.base import BaseScreen
from tui.app.widgets import ReaderList, item_of


class ListScreen(BaseScreen):
    """One list, known by ``LIST_ID``, rebuilt from ``options()`` on each refresh."""

    #: The list's id: the stylesheet and the tests know each list by it.
    LIST_ID = "lines"
    #: Draw the lines with LongList, which moves its highlight in about half the time of
    #: Textual's OptionList (docs/speed.md). Its lines are plain text: a line the
    #: highlight skips (a heading) is drawn bold by the stylesheet, other styles are lost.
    LONG_LIST = False
    #: The lines never change while the screen is open (Help, Urgent help): they are
    #: built once, and stay as they were (scrolled as they were) when the person comes back.
    FIXED_LINES = False
    #: Coming back from an editor, the highlight goes to the line of what it just saved.
    FOLLOWS_SAVED = False

    AUTO_FOCUS = f"#{LIST_ID}"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """The list has focus as the screen opens, unless a screen says otherwise."""
        super().__init_subclass__(**kwargs)
        if "AUTO_FOCUS" not in cls.__dict__:
            cls.AUTO_FOCUS = f"#{cls.LIST_ID}"

    #: The line the highlight starts on; None: the first line that can be chosen.
    first_line: str | None = None
    #: The line the next rebuild puts the highlight on, instead of where it was.
    land_on: str | None = None

    def options(self) -> list[Option]:
        """The lines of the list, as they are now."""
        return []

    def opened(self, target: str) -> None:
        """Enter (or a click) on the line whose id is ``target``."""

    def compose_body(self) -> ComposeResult:
        options = self.options() if self.FIXED_LINES else []
        if self.LONG_LIST:
            long_list = LongList(id=self.LIST_ID)
            if options:
                long_list.show_options(options)
            yield long_list
        else:
            yield self.make_list(options)

    def make_list(self, options: list[Option]) -> ReaderList:
        return ReaderList(*options, id=self.LIST_ID)

    @property
    def lines(self) -> ReaderList:
        """The list, on a screen that draws it with an OptionList."""
        return self.query_one(f"#{self.LIST_ID}", ReaderList)

    @property
    def any_list(self) -> ReaderList | LongList:
        """The list, however it is drawn (what every screen's list can do)."""
        found = self.query_one(f"#{self.LIST_ID}")
        assert isinstance(found, ReaderList | LongList)
        return found

    def highlighted_line(self) -> str:
        """The id of the highlighted line ('' when nothing is highlighted); on a
        sentence's later row (widgets.option_rows), the id of the sentence."""
        return item_of(self.any_list.highlighted_id() or "")

    def arrival_focus(self) -> Widget:
        """What has focus as the screen opens: the list."""
        return self.any_list

    #: The list was filled as the screen was mounted.
    _filled = False

    def on_mount(self) -> None:
        super().on_mount()
        # Textual calls the on_mount of each class of the screen in turn, and a screen's
        # own on_mount calls this one through super() too (the check-in screen's): fill
        # the list once, the first time, when the screen has set its first line.
        if self._filled:
            return
        self._filled = True
        self.refresh_data()
        self.any_list.highlight_id(self.first_line)
        self.arrival_focus().focus()

    def refresh_data(self) -> None:
        if self.FIXED_LINES:
            return
        lines = self.any_list
        keep = lines.highlighted_id()
        lines.show_options(self.options())
        landing = self._landing()
        shown = set(lines.item_ids())
        # What an editor saved, if this list shows it; else the line the person was on.
        lines.highlight_id(landing if landing in shown else keep)

    def _landing(self) -> str | None:
        landing, self.land_on = self.land_on, None
        if landing is None and self.FOLLOWS_SAVED:
            saved = self.nav_app.take_just_saved()
            landing = self.saved_line(saved) if saved else None
        return landing

    def saved_line(self, saved_id: str) -> str:
        """The line that shows what an editor saved as ``saved_id`` ('person:2')."""
        return saved_id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.opened(item_of(event.option.id or ""))

    def on_long_list_selected(self, event: LongList.Selected) -> None:
        self.opened(item_of(event.item_id))
