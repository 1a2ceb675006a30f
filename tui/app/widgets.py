"""Small widgets that make the app speak well through a screen reader.

Terminal screen readers read the line the terminal cursor is on. Textual hides
the cursor and leaves it in the top-left corner, so these widgets move it onto
whatever has focus, synchronously, in the same frame as the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.app import App
from textual.color import Color
from textual.containers import Horizontal
from textual.content import Content
from textual.filter import LineFilter
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.textual_private import option_first_line, written_cursor_position
from tui.core.text import rows_of, safe_for_terminal


def plain(text: str) -> Text:
    """User or content text as a Rich Text: never parsed as markup, control codes shown safely."""
    return Text(safe_for_terminal(text))


#: The terminal column the cursor rests in: the screen's gutter (see ``Gutter``).
GUTTER_X = 0


def place_cursor_on(widget: Widget, line: int = 0, result: bool = False) -> None:
    """Put the terminal cursor on ``line`` of ``widget``'s visible content, in the gutter.

    Screen readers read the line the cursor is on; the cursor sits in the gutter
    column at its start, whose cell always has the terminal's own colours, so
    Fenrir never says "has attribute" as the cursor moves between widgets.
    """
    region = widget.content_region
    if not region.height or not widget.is_mounted or widget.screen is not widget.app.screen:
        return  # a screen under the top one (say after a resize) must not take the cursor
    y = region.y + max(0, min(line, region.height - 1))
    move_cursor(widget.app, Offset(GUTTER_X, y), result=result)


def move_cursor(app: App[Any], where: Offset, result: bool = False) -> None:
    """Move the terminal cursor, and make sure the move is written.

    While the screen shows the result of the last key on the cursor's line
    (``cursor_on_result``), only a move with ``result`` goes through: a list that
    redraws after a delete must not take the cursor back before the next key.

    Textual writes the cursor's position with each frame it draws; a move made
    after the last frame (once a scroll has settled, say) is written only if
    something is drawn again, so then the gutter is drawn again too. (Refreshing a
    region of the screen instead made Textual skip a list's scroll in that frame.)
    """
    if not result and getattr(app.screen, "cursor_on_result", False):
        return
    if app.cursor_position != where:
        app.cursor_position = where
        app.screen.call_after_refresh(_make_sure_cursor_is_written, app)


def _make_sure_cursor_is_written(app: App[Any]) -> None:
    """After the next frame: if it did not carry the cursor's new place (nothing else
    was drawn), draw the gutter again so it does. Redrawing it on every key cost 5 ms."""
    if written_cursor_position(app) != app.cursor_position:
        for gutter in app.screen.query(Gutter):
            gutter.refresh()


class _TerminalColours(LineFilter):
    """Draws its lines with no style at all: the terminal's own colours."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(text, None, control) for text, _style, control in segments]


class Gutter(Static):
    """The first column of every screen, in the terminal's own colours: where the cursor
    rests (Fenrir announces "has attribute" whenever the cell under the cursor changes
    colour or weight; a plain cell never does). The app's themes turn even "default"
    colours into their own, so the gutter's lines are drawn unstyled instead."""

    def __init__(self) -> None:
        super().__init__("", classes="gutter")

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), _TERMINAL_COLOURS]


_TERMINAL_COLOURS = _TerminalColours()


def place_cursor_on_highlight(options: OptionList) -> None:
    """Put the cursor on the highlighted option's first line (or the list's top if none)."""
    line = 0
    if options.highlighted is not None:
        first = option_first_line(options, options.highlighted)
        line = 0 if first is None else first - round(options.scroll_offset.y)
    place_cursor_on(options, line)


class ReaderList(OptionList):
    """An option list whose highlighted line carries the terminal cursor."""

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.place_cursor()

    def on_focus(self) -> None:
        self.place_cursor()

    def on_resize(self) -> None:
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        if self.has_focus:
            place_cursor_on_highlight(self)

    def highlighted_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def show_options(self, options: Sequence[Option]) -> None:
        """Show ``options``; lines the same as those shown are left as they are. (The
        home screen builds its lines again each time a person comes back to it: setting
        them anew laid the list and the screen out again, and drew it twice more, on
        every Back.)"""
        if _lines_of(options) != _lines_of(self.options):
            self.set_options(options)

    def item_ids(self) -> list[str]:
        return [option.id or "" for option in self.options]

    def highlight_id(self, option_id: str | None) -> None:
        """Move the highlight to ``option_id`` if it is there, else to the first option."""
        if option_id is not None:
            try:
                self.highlighted = self.get_option_index(option_id)
                return
            except OptionDoesNotExist:
                pass  # it was deleted or filtered out: fall back to the first option
        for index, candidate in enumerate(self.options):
            if not candidate.disabled:
                self.highlighted = index
                return


def _lines_of(options: Sequence[Option]) -> list[tuple[str | None, str, bool]]:
    """What a person can tell apart in a list's lines: id, words, and which are skipped."""
    return [(line.id, str(line.prompt), line.disabled) for line in options]


def option(text: str, option_id: str | None = None, disabled: bool = False) -> Option:
    """A list line of literal text (never markup), control characters shown harmlessly.

    Textual's own ``Content`` is lighter than a Rich ``Text``, which matters in a
    list of a thousand notes.
    """
    return Option(Content(safe_for_terminal(text)), id=option_id, disabled=disabled)


class TextLine(Static):
    """A line or two of plain text that changes often (a count, a message).

    A new layout of the screen (about 9 ms) is asked for only when the text needs
    a different number of lines, so typing in a filter stays quick.
    """

    def __init__(self, text: str = "", id: str | None = None, classes: str = "") -> None:
        super().__init__(plain(text), id=id, classes=classes)
        self.message = text

    def show(self, text: str) -> None:
        width = max(1, self.content_region.width)
        # Blank still takes its one line (min-height in the stylesheet).
        lines_before = max(1, -(-len(self.message) // width))
        lines_after = max(1, -(-len(text) // width))
        self.message = text
        self.update(plain(text), layout=lines_before != lines_after)


class StatusLine(TextLine):
    """The last message (saved, deleted, an error), kept until the next key."""

    def __init__(self, id: str = "status") -> None:
        super().__init__("", id=id, classes="status")

    #: The message is set but drawn blank until ``let_go`` (quiet_keys.py: it must be
    #: the last thing written, ending at the cursor).
    held = False

    def say(self, message: str, error: bool = False) -> None:
        self.held = False
        self.set_class(error, "-error")
        self.show(message)

    def hold(self, message: str) -> None:
        """Set ``message`` but draw the line blank for now."""
        self.held = False
        self.show(message)
        self.held = True
        self.update(plain(""), layout=False)

    def let_go(self) -> None:
        """Draw the held message."""
        if self.held:
            self.held = False
            self.update(plain(self.message), layout=True)

    def clear(self) -> None:
        self.held = False
        if self.message:
            self.remove_class("-error")
            self.show("")


class EchoedInput(Input):
    """A one-line field whose terminal cursor stands on its drawn cursor, right after
    the last letter typed, so screen readers echo the letter and not the whole line.

    Textual puts the terminal cursor one cell further when it is at the end of the
    text (past the drawn cursor). Orca echoes a typed key only when the character
    before the cursor is that key, and Fenrir counts a change as typing only when it
    lies between the cursor's old and new places: with the extra cell, neither held,
    so Orca said nothing and Fenrir read the whole line again ("Title: He")."""

    @property
    def cursor_screen_offset(self) -> Offset:
        x, y, _width, _height = self.content_region
        scroll_x, _ = self.scroll_offset
        at = self.cursor_position
        cell = cell_len(self.value[:at]) if not self.password else at
        return Offset(x + cell - scroll_x, y)


def option_rows(sentence: str, option_id: str) -> list[Option]:
    """A sentence as one row an item (the first with ``option_id``, the rest after it
    with ``#row2``, ``#row3``, … and indented; Enter on any opens the item): every row
    is heard whole at the cursor, and none wraps at 80 columns, where a reader would
    speak only its first part."""
    rows = rows_of(sentence)
    return [option(rows[0], option_id)] + [
        option(f"  {row}", f"{option_id}{ROW_MARK}{n}") for n, row in enumerate(rows[1:], 2)
    ]


#: Between an item's id and the number of its later row ("prompt:3#row2").
ROW_MARK = "#row"


def item_of(line_id: str) -> str:
    """The item a line belongs to: its own id, or for a later row the first row's."""
    return line_id.partition(ROW_MARK)[0]


def quiet_input(value: str = "", placeholder: str = "", input_id: str | None = None) -> Input:
    """A one-line text field that does not blink (a blinking cursor redraws while idle)."""
    field = EchoedInput(
        value, placeholder=placeholder, id=input_id, compact=True, select_on_focus=False
    )
    field.cursor_blink = False
    return field


def field_row(label: str, field: Widget, tall: bool = False) -> Horizontal:
    """A label and its field on one line, so the line a reader hears names the field."""
    classes = "field tall" if tall else "field"
    return Horizontal(Static(plain(f"{label}: "), classes="field-label"), field, classes=classes)
