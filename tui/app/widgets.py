"""Small widgets that make the app speak well through a screen reader.

Terminal screen readers read the line the terminal cursor is on. Textual hides
the cursor and leaves it in the top-left corner, so these widgets move it onto
whatever has focus, synchronously, in the same frame as the change.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.textual_private import option_first_line
from tui.core.text import safe_for_terminal


def plain(text: str) -> Text:
    """User or content text as a Rich Text: never parsed as markup, control codes shown safely."""
    return Text(safe_for_terminal(text))


def place_cursor_on(widget: Widget, line: int = 0) -> None:
    """Put the terminal cursor at the start of ``line`` of ``widget``'s visible content."""
    region = widget.content_region
    if not region.height or not widget.is_mounted or widget.screen is not widget.app.screen:
        return  # a screen under the top one (say after a resize) must not take the cursor
    y = region.y + max(0, min(line, region.height - 1))
    widget.app.cursor_position = Offset(region.x, y)


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

    def say(self, message: str, error: bool = False) -> None:
        self.set_class(error, "-error")
        self.show(message)

    def clear(self) -> None:
        if self.message:
            self.remove_class("-error")
            self.show("")


def quiet_input(value: str = "", placeholder: str = "", input_id: str | None = None) -> Input:
    """A one-line text field that does not blink (a blinking cursor redraws while idle)."""
    field = Input(value, placeholder=placeholder, id=input_id, compact=True, select_on_focus=False)
    field.cursor_blink = False
    return field


def field_row(label: str, field: Widget, tall: bool = False) -> Horizontal:
    """A label and its field on one line, so the line a reader hears names the field."""
    classes = "field tall" if tall else "field"
    return Horizontal(Static(plain(f"{label}: "), classes="field-label"), field, classes=classes)
