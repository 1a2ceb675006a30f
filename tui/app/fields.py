"""The multi-line field and the drop-down of the editing screens.

Kept apart so that start-up and the notes list do not import TextArea and Select
(about half a megabyte, see bench/). One-line fields live in widgets.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Select, TextArea

from tui.app.textual_private import SelectCurrent, SelectOverlay, SelectType
from tui.app.widgets import place_cursor_on_highlight


def quiet_text_area(text: str = "", area_id: str | None = None) -> TextArea:
    """A multi-line text field that does not blink; Tab moves on instead of indenting."""
    area = TextArea(text, id=area_id, compact=True, soft_wrap=True, tab_behavior="focus")
    area.cursor_blink = False
    return area


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
    cursor moves too (Textual's own drop-down stops the messages that would tell us).
    Compact unless asked otherwise, so it sits on its field's one line with the label."""

    def __init__(
        self, options: Iterable[tuple[str, SelectType]], *, compact: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(options, compact=compact, **kwargs)

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _ReaderOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
