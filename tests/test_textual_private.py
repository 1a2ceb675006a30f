"""The private Textual APIs the app relies on, each checked by name.

If a Textual release renames or removes one of them, these tests fail with the
name of what changed, before any user meets a crash. All of them are used only
through tui/app/textual_private.py.
"""

from __future__ import annotations

import inspect
import re

from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Offset, Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import OptionList

from tui.app import textual_private


def test_the_private_names_still_exist() -> None:
    assert callable(App._fatal_error), "App._fatal_error is gone"
    assert callable(App._close_messages_no_wait), "App._close_messages_no_wait is gone"
    assert callable(ScrollView._scroll_update), "ScrollView._scroll_update is gone"
    assert list(inspect.signature(ScrollView._scroll_update).parameters) == [
        "self",
        "virtual_size",
    ], "ScrollView._scroll_update takes other arguments now"
    app = App[None]()
    assert app._exit_renderables == [], "App._exit_renderables is gone or not a list"
    assert app._exception is None, "App._exception is gone"
    assert isinstance(app._previous_cursor_position, Offset), (
        "App._previous_cursor_position is gone"
    )
    assert isinstance(OptionList()._index_to_line, dict), "OptionList._index_to_line is gone"
    assert callable(Screen._compositor_refresh), "Screen._compositor_refresh is gone"
    assert callable(Screen._on_timer_update), "Screen._on_timer_update is gone"
    screen = Screen[None]()
    for flag in ("_layout_required", "_scroll_required", "_repaint_required"):
        assert isinstance(getattr(screen, flag), bool), f"Screen.{flag} is gone"
    assert isinstance(screen._dirty_widgets, set), "Screen._dirty_widgets is gone"
    assert callable(App._display), "App._display is gone"
    assert list(inspect.signature(App._display).parameters) == ["self", "screen", "renderable"], (
        "App._display takes other arguments now"
    )


def test_the_scrollbar_renderer_hook_still_takes_glyphs_from_the_class() -> None:
    assert len(ScrollBarRender.VERTICAL_BARS) == 8, "ScrollBarRender.VERTICAL_BARS changed"
    assert len(ScrollBarRender.HORIZONTAL_BARS) == 8, "ScrollBarRender.HORIZONTAL_BARS changed"
    before = ScrollBar.renderer
    try:
        textual_private.use_glyph_free_scrollbars()
        bar = ScrollBar.renderer.render_bar(size=10, virtual_size=100, window_size=25, position=7)
        text = "".join(segment.text for segment in bar.segments)
        assert text.strip() == "", f"scrollbar glyphs drawn: {text!r}"
    finally:
        ScrollBar.renderer = before


class _Listing(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*[f"Line {n}" for n in range(40)])


async def test_option_lines_and_scroll_size_work_in_a_running_app() -> None:
    app = _Listing()
    async with app.run_test(size=(40, 10)) as pilot:
        options = app.query_one(OptionList)
        options.highlighted = 30
        await pilot.pause()
        assert textual_private.option_first_line(options, 30) == 30
        textual_private.update_scroll_size(options, Size(40, 80))
        assert options.max_scroll_y > 0


async def test_the_whole_screen_can_be_drawn_at_once() -> None:
    """output.py drops held frames and has the screen drawn whole, through the
    compositor's full render and App._display (tests/test_screen_change.py checks
    what reaches a real terminal)."""
    app = _Listing()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert callable(app.screen._compositor.render_full_update), "render_full_update is gone"
        textual_private.show_whole_screen(app, textual_private.render_whole_screen(app.screen))


async def test_the_whole_screen_goes_out_with_the_cursor_rows_last_letter_last() -> None:
    """show_whole_screen writes the last letter of the cursor's row last (a cut in two
    still changes text or keeps the cursor's row: tests/test_frame_split.py), and
    render_whole_screen does what a screen below had waiting, so it does not redraw
    the top one after."""
    app = _Listing()
    async with app.run_test(size=(100, 40)) as pilot:  # more than one piece, 2,048 bytes
        under = app.screen
        await app.push_screen(Screen())
        await pilot.pause()
        assert under in app._background_screens, "App._background_screens is gone or changed"
        assert isinstance(under._dirty_widgets, set), "Screen._dirty_widgets is gone"
        under._dirty_widgets.add(under.query_one(OptionList))  # waits to be drawn, below
        under._repaint_required = True
        whole = textual_private.render_whole_screen(app.screen)
        assert not under._dirty_widgets and not under._compositor._dirty_regions
        assert under._repaint_required is False, "Screen._repaint_required is gone"
        await app.pop_screen()
        await pilot.pause()
        whole = textual_private.render_whole_screen(app.screen)
        update = textual_private.LastLetterLast(whole.strips, whole.region, 4)  # type: ignore[attr-defined]
        written = update.render_segments(app.console)
        moves = re.findall(r"\x1b\[(\d+);(\d+)H", written)
        assert len(written.encode()) > textual_private.ONE_PIECE
        assert [int(row) for row, _ in moves[:-1]] == list(range(1, 41)), moves
        row = "".join(strip.text for strip in whole.strips[4]).rstrip()  # type: ignore[attr-defined]
        assert moves[-1] == ("5", str(len(row))), f"the last move is to {moves[-1]}"
        assert re.sub(r"\x1b\[[0-9;]*m", "", written.rsplit("H", 1)[1]) == row[-1]


def test_wrapping_keeps_no_break_spaces_and_breaks_at_others() -> None:
    """Textual's Content wraps with Rich's ``divide_line``, which finds words with
    ``rich._wrap.re_word``; the app swaps it for one that never breaks at a no-break
    space (an emergency number, "9 1 1")."""
    from rich import _wrap

    assert hasattr(_wrap, "re_word"), "rich._wrap.re_word is gone"
    before = _wrap.re_word
    text = "In danger now? Call 9\xa01\xa01."
    try:
        _wrap.re_word = re.compile(r"\s*\S+\s*")  # Rich's own
        assert _wrap.divide_line(text, 22) != [20], "Rich's own wrap no longer splits it"
        textual_private.wrap_never_at_no_break_spaces()
        assert _wrap.divide_line(text, 22) == [20]  # "In danger now? Call " / "9 1 1."
        assert _wrap.divide_line("two words", 6) == [4], "plain spaces still break"
    finally:
        _wrap.re_word = before


async def test_a_screen_draws_what_waits_at_once_and_says_when_it_is_done() -> None:
    """output.py draws each step of a held screen change without waiting for Textual's
    next 1/60 s tick, and releases the screen only when nothing is left to draw."""
    app = _Listing()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not textual_private.still_drawing(screen)
        assert not textual_private.draw_pending_now(screen), "drew with nothing waiting"
        screen.refresh(layout=True)
        assert textual_private.still_drawing(screen), "a layout asked for is not seen"
        assert textual_private.draw_pending_now(screen)
        assert not screen._layout_required, "Screen._on_timer_update laid nothing out"
        await pilot.pause()
        assert not textual_private.still_drawing(screen)
        app.query_one(OptionList).post_message(events.Show())
        assert textual_private.still_drawing(screen), "a widget's waiting message is not seen"


class _Unseen(textual_private.UnseenFramesSkipped):
    unseen = False

    def frames_unseen(self) -> bool:
        return self.unseen

    def compose(self) -> ComposeResult:
        yield OptionList(*[f"Line {n}" for n in range(40)])


async def test_a_held_screen_is_laid_out_but_not_drawn_until_shown_whole() -> None:
    """While a screen change is held its frames would be dropped: Textual's
    Screen._compositor_refresh is skipped, and the screen is drawn once, whole."""
    app = App[None]()
    async with app.run_test(size=(40, 10)) as pilot:
        screen = _Unseen()
        await app.push_screen(screen)
        await pilot.pause()
        shown: list[object] = []
        app._display = lambda _screen, update: shown.append(update)  # type: ignore[method-assign,assignment]
        screen.unseen = True
        screen.refresh(layout=True)
        assert textual_private.draw_pending_now(screen)
        assert shown == [], "a held screen was drawn"
        textual_private.show_whole_screen(app, textual_private.render_whole_screen(screen))
        assert len(shown) == 1
        screen.unseen = False
        screen.refresh(layout=True)
        assert textual_private.draw_pending_now(screen)
        assert len(shown) > 1, "Screen._compositor_refresh no longer draws the screen"
