"""Every use of a private Textual API, in one small module.

Textual keeps these names private, so a new release may change them without
notice. Keeping them here means one place to mend, and tests/test_textual_private.py
fails loudly, naming the API, if Textual changes any of them. Textual is pinned
below its next major version in pyproject.toml for the same reason.
"""

from __future__ import annotations

import re
from typing import Any

from rich import _wrap
from rich.cells import cell_len
from rich.console import RenderableType
from rich.control import Control
from rich.segment import Segment
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.geometry import Offset, Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widgets import OptionList

from tui.app.compact_frames import compact

__all__ = [
    "ONE_PIECE",
    "PIECE",
    "CrashHook",
    "LastLetterLast",
    "UnseenFramesSkipped",
    "close_with_report",
    "current_exception",
    "draw_pending_now",
    "option_first_line",
    "render_whole_screen",
    "show_whole_screen",
    "still_drawing",
    "update_scroll_size",
    "use_glyph_free_scrollbars",
    "wrap_never_at_no_break_spaces",
    "write_to_terminal",
    "written_cursor_position",
]


def option_first_line(options: OptionList, index: int) -> int | None:
    """The first line (in the list's own content) of option ``index``, if laid out."""
    lines: dict[int, int] = options._index_to_line
    return lines.get(index)


def update_scroll_size(view: ScrollView, size: Size) -> None:
    """Tell a ScrollView its new virtual size (the scrollbars follow) without a relayout."""
    view._scroll_update(size)


def written_cursor_position(app: App[Any]) -> Offset:
    """Where the terminal's cursor was put by the last frame written (what a screen
    reader sees), as opposed to ``cursor_position``, where the next frame will put it."""
    where: Offset = app._previous_cursor_position
    return where


def write_to_terminal(app: App[Any], data: str) -> bool:
    """Write ``data`` (an escape sequence, never text to show) to the terminal, in
    order with the frames; False when the app has no terminal (a test's headless run)."""
    driver = getattr(app, "_driver", None)
    if driver is None or app.is_headless:
        return False
    # Past the output being held for a screen change (tui/app/output.py): held
    # frames can be dropped, and this is no frame.
    getattr(driver, "write_unheld", driver.write)(data)
    return True


def render_whole_screen(screen: Screen[Any]) -> object:
    """Every line of ``screen``, drawn but not yet written (``show_whole_screen``).

    The screens under it are painted first, and what they had waiting to be drawn is
    done with: the app's screens have the terminal's own background, so Textual
    counts every screen below as showing through, and a change held in one of them
    (its status line cleared as it was left) redrew the whole top screen a few
    milliseconds after it went out: Help was written twice, and Fenrir read the
    second, unchanged one as a cursor move."""
    for below in screen.app._background_screens:
        if below is screen:
            continue
        if below._dirty_widgets:
            below._compositor.update_widgets(below._dirty_widgets)
            below._dirty_widgets.clear()
        below._repaint_required = False
        below._compositor._dirty_regions.clear()
    return screen._compositor.render_full_update()


def show_whole_screen(app: App[Any], whole: object, read_in_pieces: bool = False) -> None:
    """Write what ``render_whole_screen`` drew, and the cursor's place, as one frame;
    if a reader may read it in pieces, the last letter of the cursor's row last
    (``LastLetterLast``)."""
    assert isinstance(whole, LayoutUpdate)
    cursor_row = app.screen.outer_size.clamp_offset(app.cursor_position).y
    update = LastLetterLast(whole.strips, whole.region, cursor_row, read_in_pieces)
    app._display(app.screen, update)


#: Linux hands a write to a terminal on in pieces of this many bytes (``tty_write``).
PIECE = 2048
#: A frame that fits in this, with the cursor's move after it, is never read in two.
ONE_PIECE = PIECE - 16


class LastLetterLast(LayoutUpdate):
    """A whole screen written so that, cut anywhere in two, its second part still
    changes some text or leaves the cursor on its row.

    A terminal passes a long write on in pieces (Linux, 2,048 bytes at a time), and
    under load Fenrir reads them apart. When its second read changed no text but
    moved the cursor to another row (the lines below the cursor were the same as on
    the last screen: the keys lines), Fenrir took it for a cursor move, stopped
    reading the new screen and read the cursor's row instead ("File: …" without the
    screen's name).

    Each row is written in as few bytes as it can be (``compact``), so that most
    screens are one piece and never cut at all. A screen that takes more goes out in
    order, but with the last letter of the cursor's row written blank in its place and
    drawn at the very end. A second part that starts before that letter changes the
    row (Fenrir reads the row once more, after the rest), and one that starts after it
    moves the cursor along its row only, onto the blank gutter, where Fenrir says
    nothing. The first part keeps the screen's name and the focused line near its
    start, as the whole does (written last, the cursor's row came after a whole screen
    of other lines). Only such a screen, and only where a reader may read it in
    pieces (``read_in_pieces``): a reader that speaks what is written in the order it
    comes (yasr) hears that letter apart from its word."""

    def __init__(
        self, strips: list[Any], region: Any, cursor_row: int, read_in_pieces: bool = True
    ) -> None:
        super().__init__(strips, region)
        self.cursor_row = cursor_row
        self.read_in_pieces = read_in_pieces

    def render_segments(self, console: Any) -> str:
        x = self.region.x
        rows = {y: Strip.join(list(line)) for y, line in enumerate(self.strips, self.region.y)}
        written = {y: _row(x, y, row, console) for y, row in rows.items()}
        whole = "".join(written.values())
        one_piece = len(whole.encode()) <= ONE_PIECE
        if one_piece or not self.read_in_pieces or self.cursor_row not in rows:
            return whole
        held, last_letter = _last_letter_held(rows[self.cursor_row], x, self.cursor_row, console)
        written[self.cursor_row] = _row(x, self.cursor_row, held, console)
        return "".join(written.values()) + last_letter


def _row(x: int, y: int, row: Strip, console: Any) -> str:
    return Control.move_to(x, y).segment.text + compact(row, console)


def _last_letter_held(row: Strip, x: int, y: int, console: Any) -> tuple[Strip, str]:
    """``row`` with its last letter blank, and what writes that letter in its place
    (nothing to hold in a blank row)."""
    words = row.text.rstrip()
    if not words:
        return row, ""
    end = cell_len(words)
    start = end - cell_len(words[-1])
    letter = row.crop(start, end)
    blank = Strip([Segment(" " * (end - start), next(iter(letter)).style)], end - start)
    held = Strip.join([row.crop(0, start), blank, row.crop(end, row.cell_length)])
    return held, Control.move_to(x + start, y).segment.text + letter.render(console)


class UnseenFramesSkipped(Screen[None]):
    """A screen that does not draw the frames nobody will see.

    While a screen change is held (tui/app/output.py) every frame Textual draws is
    dropped; drawing them was about half of the time a change took (each layout
    step drew the whole screen). Only the layout is done then; the screen is drawn
    whole once, when it is released."""

    def frames_unseen(self) -> bool:
        """The frames drawn now would be dropped."""
        return False

    def _compositor_refresh(self) -> None:
        if self.frames_unseen() and self is self.app.screen:
            self._dirty_widgets.clear()  # drawn whole on release, from the layout
            return
        super()._compositor_refresh()


def _drawing_pending(screen: Screen[Any]) -> bool:
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._dirty_widgets
    )


def draw_pending_now(screen: Screen[Any]) -> bool:
    """Lay out and draw what ``screen`` is waiting to draw, now, instead of at the next
    tick of its update timer (Textual draws at most 60 times a second, so each step
    of a new screen waited up to 1/60 s). False when nothing was waiting."""
    if not _drawing_pending(screen) or not screen.is_current or screen.app._batch_count:
        return False
    screen._on_timer_update()
    return True


def still_drawing(screen: Screen[Any]) -> bool:
    """``screen`` has something to lay out or draw, or a message waits in the queue of
    the screen or one of its widgets (a list told its new size, which will show its
    scrollbar and ask for another layout)."""
    if _drawing_pending(screen) or screen.message_queue_size:
        return True
    return any(widget.message_queue_size for widget in screen.walk_children())


def current_exception(app: App[Any]) -> BaseException | None:
    """The exception that stopped the app, when Textual ends it on an error."""
    error: BaseException | None = app._exception
    return error


def close_with_report(app: App[Any], report: RenderableType) -> None:
    """Close the app at once and print ``report`` once the terminal is restored."""
    app._exit_renderables.append(report)
    app._close_messages_no_wait()


class _GlyphFreeScrollBarRender(ScrollBarRender):
    """A scrollbar drawn with colour only. Its usual glyphs (▁▂▃▅▇) were spoken aloud by
    screen readers on every line that had one."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


def use_glyph_free_scrollbars() -> None:
    """Draw every scrollbar of the app without glyphs (Textual's documented renderer hook)."""
    ScrollBar.renderer = _GlyphFreeScrollBarRender


class CrashHook(App[None]):
    """Textual calls its private ``_fatal_error`` when a handler raises; we route that to
    ``report_unexpected_error``, so the app can save what is open and explain itself."""

    def _fatal_error(self) -> None:
        self.report_unexpected_error()

    def report_unexpected_error(self) -> None:
        super()._fatal_error()


#: A word runs on through no-break spaces ("9\xa01\xa01"); only other white space ends it.
_WORD_KEEPING_NO_BREAK_SPACES = re.compile(r"[^\S\xa0]*(?:\S|\xa0)+[^\S\xa0]*")


def wrap_never_at_no_break_spaces() -> None:
    """Textual wraps lines at any white space, no-break spaces too, so an emergency
    number written "9 1 1" with no-break spaces (to be said digit by digit, and kept on
    one row) was cut as "Call 9 1" / "1." on the urgent-help screen. Textual's Content
    wraps with Rich's ``divide_line``, which finds words with ``rich._wrap.re_word``;
    this one keeps a number's groups together. (Rich is Textual's own dependency, and
    this module is the one place for what they keep private.)"""
    _wrap.re_word = _WORD_KEEPING_NO_BREAK_SPACES
