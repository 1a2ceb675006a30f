"""Text fields for the editing screens, kept apart so start-up does not import them.

Each field sits on one line with its label ("Title: ..."), so the line a screen
reader hears names the field, and none of them blinks.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea
from textual.widgets._select import SelectCurrent, SelectOverlay, SelectType

from tui.app.widgets import place_cursor_on_highlight, plain


def quiet_input(value: str = "", placeholder: str = "", input_id: str | None = None) -> Input:
    """A one-line text field that does not blink (a blinking cursor redraws while idle)."""
    field = Input(value, placeholder=placeholder, id=input_id, compact=True, select_on_focus=False)
    field.cursor_blink = False
    return field


def quiet_text_area(text: str = "", area_id: str | None = None) -> TextArea:
    """A multi-line text field that does not blink; Tab moves on instead of indenting."""
    area = TextArea(text, id=area_id, compact=True, soft_wrap=True, tab_behavior="focus")
    area.cursor_blink = False
    return area


def field_row(label: str, field: Widget, tall: bool = False) -> Horizontal:
    """A label and its field on one line, so the line a reader hears names the field."""
    classes = "field tall" if tall else "field"
    return Horizontal(Static(plain(f"{label}: "), classes="field-label"), field, classes=classes)


class _ReaderOverlay(SelectOverlay):
    """A Select's drop-down list whose highlighted line carries the terminal cursor."""

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.has_focus:
            place_cursor_on_highlight(self)

    def on_focus(self) -> None:
        self.call_after_refresh(place_cursor_on_highlight, self)


class ReaderSelect(Select[SelectType]):
    """A Select for screen readers: as the arrow keys move through its choices, the
    cursor moves too (Textual's own drop-down stops the messages that would tell us)."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _ReaderOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
