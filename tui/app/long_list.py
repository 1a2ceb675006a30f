"""A list for lists that grow with use (notes): it makes, wraps and draws only what is in view.

Textual's OptionList keeps an Option, a Content and cached layout for every line. For
1,000 notes that costs megabytes, and each filter keystroke rebuilt all of it (about
100 ms on the benchmark machine). This list asks for an item's id and text only when
it needs them (``set_lazy_items``): opening 50,000 notes formats the twenty or so on
screen, not 50,000 dates. It knows the line each item starts on for the items from
the top down to the last one it has drawn or moved to (the "measured" items), and
counts each item below as one line until it gets there, so no item on screen is ever
placed by a guess. Going to the end measures every item once.

It reads like ReaderList: the same keys, the same look, and the terminal cursor sits
on the highlighted item, so a screen reader reads it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

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
from tui.app.wrapping import cells, wrap
from tui.core.text import flat_line

__all__ = ["LongList", "wrap"]  # wrap moved to tui.app.wrapping; tests know it from here

#: A list of up to this many lazy items is measured whole as it is laid out (about a
#: millisecond), so its scrollbar is exact; a longer one only as far as it is shown.
MEASURED_AT_ONCE = 100
#: No items yet.
_NONE: list[str] = []


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
        self._count = 0
        self._id_of: Callable[[int], str] = _NONE.__getitem__
        self._text_of: Callable[[int], str] = _NONE.__getitem__
        self._find: Callable[[str], int | None] = lambda _item_id: None
        # Each item's text as shown (control codes made visible), once it was asked for.
        self._texts: list[str | None] = []
        self._disabled: set[int] = set()
        self._highlighted: int | None = None
        # The first screen line of each measured item, then the line after the last one,
        # at the width laid out last. Items below the measured ones count one line each.
        self._starts: list[int] = [0]
        self._laid_out_width = -1
        self._wrapped: LRUCache[int, list[str]] = LRUCache(256)
        # Every item is measured as the list is laid out (its texts were handed over
        # made, or they are few), so the scrollbar shows the exact length.
        self._measure_all = True

    # ------------------------------------------------------------------ items
    @property
    def item_count(self) -> int:
        return self._count

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    def texts(self) -> list[str]:
        """The items as they are shown, in order (every one of them: for tests and checks)."""
        return [self._text(index) for index in range(self._count)]

    def set_items(self, items: Iterable[tuple[str, str]], disabled: Iterable[str] = ()) -> None:
        """Show ``(id, text)`` items; ids in ``disabled`` are lines the highlight skips."""
        pairs = list(items)
        ids, texts = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
        places = {item_id: index for index, item_id in reversed(list(enumerate(ids)))}
        # The texts are made already: measuring them all keeps the scrollbar exact.
        count = len(ids)
        self.set_lazy_items(count, ids.__getitem__, texts.__getitem__, places.get, disabled, True)

    def set_lazy_items(
        self,
        count: int,
        id_of: Callable[[int], str],
        text_of: Callable[[int], str],
        find: Callable[[str], int | None],
        disabled: Iterable[str] = (),
        measure_all: bool | None = None,
    ) -> None:
        """Show ``count`` items whose id and text are made only when the list needs them:
        ``id_of(index)``, ``text_of(index)``; ``find(id)`` is the index of an id (or None).
        Ids in ``disabled`` are lines the highlight skips. ``measure_all``: lay out every
        item at once (None: if there are at most MEASURED_AT_ONCE)."""
        self._count = count
        self._measure_all = count <= MEASURED_AT_ONCE if measure_all is None else measure_all
        self._id_of, self._text_of, self._find = id_of, text_of, find
        self._texts = [None] * count
        places = (find(item_id) for item_id in disabled)
        self._disabled = {index for index in places if index is not None}
        self._highlighted = None
        self._laid_out_width = -1
        self._starts = [0]
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
        return [self._id_of(index) for index in range(self._count)]

    def _text(self, index: int) -> str:
        text = self._texts[index]
        if text is None:
            text = self._texts[index] = flat_line(self._text_of(index))
        return text

    def replace_text(self, item_id: str, text: str) -> None:
        """Change one item's text, redrawing only its lines when its height stays the same."""
        index = self._find(item_id)
        if index is None:
            raise ValueError(f"{item_id!r} is not in the list")
        measured = self._laid_out_width > 0 and index < self._measured
        before = len(self._lines_of(index)) if measured else 0
        self._texts[index] = flat_line(text)
        self._wrapped.discard(index)
        if not measured:
            return  # its lines are worked out when it is first drawn
        if len(self._lines_of(index)) == before:
            self._refresh_item(index)
        else:  # the items below it move: measure them again from here
            del self._starts[index + 1 :]
            self._measure_viewport()
            self.refresh()

    def highlighted_id(self) -> str | None:
        return None if self._highlighted is None else self._id_of(self._highlighted)

    def highlight_id(self, item_id: str | None) -> None:
        """Move the highlight to ``item_id`` if it is there, else to the first item."""
        index = None if item_id is None else self._find(item_id)
        if index is not None:
            self.highlight(index)
        else:
            self.highlight(self._next_enabled(-1, 1))

    def highlight(self, index: int | None) -> None:
        """Highlight item ``index`` (None for no highlight), keep it in view, move the cursor."""
        if index is not None and (not 0 <= index < self._count or index in self._disabled):
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

    @property
    def _measured(self) -> int:
        """How many items, from the top, have their lines worked out."""
        return len(self._starts) - 1

    def _total_lines(self) -> int:
        return self._starts[-1] + self._count - self._measured

    def _lay_out(self) -> None:
        """At a new width, work out again the lines of the items in view (and the
        highlighted one); the others wait until they are drawn or moved to."""
        if not self.is_mounted or not self.scrollable_content_region:
            return
        width = self._width()
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        self._wrapped.clear()
        self._starts = [0]
        self._measure_viewport()

    def _measure_viewport(self) -> None:
        if self._measure_all:
            self._measure_items(self._count)
            return
        self._measure_lines(round(self.scroll_offset.y) + self.scrollable_content_region.height)
        if self._highlighted is not None:
            self._measure_items(self._highlighted + 1)

    def _measure_items(self, count: int) -> None:
        """Work out the lines of the first ``count`` items (those not yet done)."""
        self._measure(count, -1)

    def _measure_lines(self, line: int) -> None:
        """Work out the lines of the items from the top down to screen line ``line``."""
        self._measure(0, line)

    def _measure(self, count: int, line: int) -> None:
        starts, width = self._starts, self._laid_out_width
        done = len(starts) - 1
        if width <= 0 or done == self._count or (count <= done and line < starts[-1]):
            return  # (each line drawn asks: it is nearly always done already)
        end = starts[-1]
        for index in range(done, self._count):
            if index >= count and end > line:
                break
            text = self._text(index)
            end += 1 if cells(text) <= width else len(wrap(text, width))
            starts.append(end)
        self._sync_size()

    def _sync_size(self) -> None:
        size = Size(self._laid_out_width, self._total_lines())
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
            lines = self._wrapped[index] = wrap(self._text(index), self._width())
        return lines

    def _item_at_line(self, line: int) -> int | None:
        self._measure_lines(line)
        if not 0 <= line < self._starts[-1]:
            return None
        return bisect_right(self._starts, line) - 1

    def _refresh_item(self, index: int) -> None:
        if index < self._count and self._measured > index:  # the others are not drawn yet
            top = self._starts[index] - round(self.scroll_offset.y)
            height = self._starts[index + 1] - self._starts[index]
            self.refresh(Region(0, top, self.size.width, height))

    #: The next scroll to the highlight puts it at the top of the view.
    _to_top = False

    def highlight_to_top(self) -> None:
        """Scroll the highlighted item to the top of the view (now, or once laid out):
        Fenrir reads a new screen from the top, so it is said right after the heading.
        For arriving only: a move scrolls by one line, said as that one line."""
        self._to_top = True
        self._scroll_to_highlight()

    def _scroll_to_highlight(self) -> None:
        self._lay_out()
        index = self._highlighted
        if index is None or not self.is_mounted:
            return
        self._measure_items(index + 1)
        if self._measured <= index:
            return
        top, end = self._starts[index], self._starts[index + 1]
        to_top, self._to_top = self._to_top, False
        self.scroll_to_region(
            Region(0, top, self._width(), end - top),
            animate=False,
            force=True,
            immediate=True,
            top=to_top,
        )

    def on_resize(self) -> None:
        self._lay_out()
        self._scroll_to_highlight()
        self.call_after_refresh(self.place_cursor)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()
        self._measure_lines(round(self.scroll_offset.y) + crop.bottom)
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
        if self._highlighted is not None and self._measured > self._highlighted:
            line = self._starts[self._highlighted] - round(self.scroll_offset.y)
        place_cursor_on(self, line)

    def on_focus(self) -> None:
        self.place_cursor()

    def _next_enabled(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < self._count:
            if index not in self._disabled:
                return index
            index += step
        return None

    def _move(self, step: int) -> None:
        if self._highlighted is None:
            target = self._next_enabled(-1 if step > 0 else self._count, step)
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
        self.highlight(self._next_enabled(self._count, -1))

    def _move_page(self, direction: int) -> None:
        self._lay_out()
        if not self._count:
            return
        current = self._highlighted if self._highlighted is not None else 0
        self._measure_items(current + 1)
        if self._measured <= current:
            return  # not laid out yet: there are no pages
        line = self._starts[current] + direction * self.scrollable_content_region.height
        line = max(0, min(line, self._total_lines() - 1))
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
            self.post_message(self.Selected(self, self._id_of(self._highlighted)))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._item_at_line(round(self.scroll_offset.y) + offset.y)
        if index is not None and index not in self._disabled:
            self.highlight(index)
            self.action_select()
