"""A list for lists that grow with use (notes): it wraps and draws only what is in view.

Textual's OptionList keeps an Option, a Content and cached layout for every line. For
1,000 notes that costs megabytes, and each filter keystroke rebuilt all of it (about
100 ms on the benchmark machine). This list keeps one string and one id per item and
the line each item starts on; it wraps and draws only the items on screen.

It reads like ReaderList: the same keys, the same look, and the terminal cursor sits
on the highlighted item, so a screen reader reads it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len, chop_cells
from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.textual_private import update_scroll_size
from tui.app.widgets import place_cursor_on
from tui.core.text import flat_line


def cells(text: str) -> int:
    """Terminal cells of ``text``. ASCII (control codes already replaced) is one cell a
    character; measuring it that way also keeps Rich from caching a thousand lines."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """Break one line of text into lines of at most ``width`` cells, at spaces.

    A word longer than a whole line is cut at the line's end. Wide characters
    (emoji, CJK) count as two cells, combining marks as none.
    """
    width = max(1, width)
    if cells(text) <= width:
        return [text]
    lines: list[str] = []
    current, used = "", 0
    for word in text.split(" "):
        size = cells(word)
        if current and used + 1 + size <= width:
            current, used = f"{current} {word}", used + 1 + size
            continue
        if current:
            lines.append(current)
        if size > width:
            *whole, word = chop_cells(word, width)
            lines.extend(whole)
            size = cells(word)
        current, used = word, size
    lines.append(current)
    return lines


class LongList(ScrollView, can_focus=True):
    """A keyboard list of one-line items that may wrap, any number of them."""

    BINDINGS = bindings.LONG_LIST

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "long-list--item",
        "long-list--item-highlighted",
        "long-list--item-disabled",
    }

    class Selected(Message):
        """Enter (or a click) on an item."""

        def __init__(self, long_list: LongList, item_id: str) -> None:
            super().__init__()
            self.long_list = long_list
            self.item_id = item_id

        @property
        def control(self) -> LongList:
            return self.long_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []
        self._texts: list[str] = []
        self._disabled: set[int] = set()
        self._highlighted: int | None = None
        # The first screen line of each item, then the total, at the width laid out last.
        self._starts: list[int] = [0]
        self._laid_out_width = -1
        self._wrapped: LRUCache[int, list[str]] = LRUCache(256)

    # ------------------------------------------------------------------ items
    @property
    def item_count(self) -> int:
        return len(self._ids)

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    def texts(self) -> list[str]:
        """The items as they are shown, in order."""
        return list(self._texts)

    def set_items(self, items: Iterable[tuple[str, str]], disabled: Iterable[str] = ()) -> None:
        """Show ``(id, text)`` items; ids in ``disabled`` are lines the highlight skips."""
        self._ids, self._texts = [], []
        for item_id, text in items:
            self._ids.append(item_id)
            self._texts.append(flat_line(text))
        off = set(disabled)
        self._disabled = {i for i, item_id in enumerate(self._ids) if item_id in off}
        self._highlighted = None
        self._laid_out_width = -1
        self._wrapped.clear()
        self._lay_out()
        self.refresh()

    def show_options(self, options: Sequence[Option]) -> None:
        """Show the lines a ListScreen builds for an OptionList: their text and ids."""
        self.set_items(
            ((option.id or "", str(option.prompt)) for option in options),
            [option.id or "" for option in options if option.disabled],
        )

    def item_ids(self) -> list[str]:
        return list(self._ids)

    def replace_text(self, item_id: str, text: str) -> None:
        """Change one item's text, redrawing only its lines when its height stays the same."""
        index = self._ids.index(item_id)
        before = len(self._lines_of(index)) if self._laid_out_width > 0 else 0
        self._texts[index] = flat_line(text)
        self._wrapped.discard(index)
        if self._laid_out_width > 0 and len(self._lines_of(index)) == before:
            self._refresh_item(index)
        else:
            self._laid_out_width = -1
            self._lay_out()
            self.refresh()

    def highlighted_id(self) -> str | None:
        return None if self._highlighted is None else self._ids[self._highlighted]

    def highlight_id(self, item_id: str | None) -> None:
        """Move the highlight to ``item_id`` if it is there, else to the first item."""
        if item_id is not None and item_id in self._ids:
            self.highlight(self._ids.index(item_id))
        else:
            self.highlight(self._next_enabled(-1, 1))

    def highlight(self, index: int | None) -> None:
        """Highlight item ``index`` (None for no highlight), keep it in view, move the cursor."""
        if index is not None and (not 0 <= index < len(self._ids) or index in self._disabled):
            return
        before, self._highlighted = self._highlighted, index
        for changed in (before, index):
            if changed is not None:
                self._refresh_item(changed)
        self._scroll_to_highlight()
        self.place_cursor()

    # ----------------------------------------------------------------- layout
    def _width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _lay_out(self) -> None:
        """Work out where each item starts, at the current width (only when it changed)."""
        if not self.is_mounted or not self.scrollable_content_region:
            return
        width = self._width()
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        self._wrapped.clear()
        starts, line = [0], 0
        for text in self._texts:
            line += 1 if cells(text) <= width else len(wrap(text, width))
            starts.append(line)
        self._starts = starts
        size = Size(width, line)
        if size != self.virtual_size:
            # The list's own height is fixed by the stylesheet, so a new length needs a
            # new layout of the screen (about 4 ms a key when filtering) only when the
            # scrollbar comes or goes.
            had_scrollbar = self.show_vertical_scrollbar
            self.set_reactive(LongList.virtual_size, size)
            update_scroll_size(self, size)
            self.refresh(layout=self.show_vertical_scrollbar != had_scrollbar)

    def _lines_of(self, index: int) -> list[str]:
        lines = self._wrapped.get(index)
        if lines is None:
            lines = self._wrapped[index] = wrap(self._texts[index], self._width())
        return lines

    def _item_at_line(self, line: int) -> int | None:
        if not 0 <= line < self._starts[-1]:
            return None
        return bisect_right(self._starts, line) - 1

    def _refresh_item(self, index: int) -> None:
        if index < len(self._ids) and len(self._starts) > index + 1:
            top = self._starts[index] - round(self.scroll_offset.y)
            height = self._starts[index + 1] - self._starts[index]
            self.refresh(Region(0, top, self.size.width, height))

    def _scroll_to_highlight(self) -> None:
        self._lay_out()
        index = self._highlighted
        if index is None or not self.is_mounted or len(self._starts) <= index + 1:
            return
        top, end = self._starts[index], self._starts[index + 1]
        self.scroll_to_region(
            Region(0, top, self._width(), end - top),
            animate=False,
            force=True,
            immediate=True,
        )

    def on_resize(self) -> None:
        self._lay_out()
        self._scroll_to_highlight()
        self.call_after_refresh(self.place_cursor)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        line = round(self.scroll_offset.y) + y
        index = self._item_at_line(line)
        if index is None:
            return Strip.blank(width, self.get_visual_style("long-list--item").rich_style)
        if index in self._disabled:
            style = self.get_visual_style("long-list--item", "long-list--item-disabled")
        elif index == self._highlighted:
            style = self.get_visual_style("long-list--item", "long-list--item-highlighted")
        else:
            style = self.get_visual_style("long-list--item")
        lines = self._lines_of(index)
        offset = line - self._starts[index]
        text = lines[offset] if offset < len(lines) else ""
        padded = text + " " * max(0, width - cells(text))
        return Strip([Segment(padded, style.rich_style)], width)

    # ------------------------------------------------------ cursor and keys
    def place_cursor(self) -> None:
        """Put the terminal cursor on the highlighted item's first line, where a reader looks."""
        if not self.has_focus:
            return
        line = 0
        if self._highlighted is not None and len(self._starts) > self._highlighted:
            line = self._starts[self._highlighted] - round(self.scroll_offset.y)
        place_cursor_on(self, line)

    def on_focus(self) -> None:
        self.place_cursor()

    def _next_enabled(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self._ids):
            if index not in self._disabled:
                return index
            index += step
        return None

    def _move(self, step: int) -> None:
        if self._highlighted is None:
            target = self._next_enabled(-1 if step > 0 else len(self._ids), step)
        else:
            target = self._next_enabled(self._highlighted, step)
        if target is not None:
            self.highlight(target)
        else:
            self.place_cursor()  # at the end: the cursor stays where the reader is

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_first(self) -> None:
        self.highlight(self._next_enabled(-1, 1))

    def action_last(self) -> None:
        self.highlight(self._next_enabled(len(self._ids), -1))

    def _move_page(self, direction: int) -> None:
        self._lay_out()
        if not self._ids:
            return
        current = self._highlighted if self._highlighted is not None else 0
        line = self._starts[current] + direction * self.scrollable_content_region.height
        line = max(0, min(line, self._starts[-1] - 1))
        index = self._item_at_line(line) or 0
        target = index if index not in self._disabled else self._next_enabled(index, direction)
        if target is not None:
            self.highlight(target)

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._ids[self._highlighted]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._item_at_line(round(self.scroll_offset.y) + offset.y)
        if index is not None and index not in self._disabled:
            self.highlight(index)
            self.action_select()
