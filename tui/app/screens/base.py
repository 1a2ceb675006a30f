"""What every screen shares: a heading, a status line, a line of keys, and cursor placement."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static

from tui.app import bindings
from tui.app.long_list import LongList
from tui.app.textual_private import UnseenFramesSkipped, draw_pending_now
from tui.app.type_ahead import ready_once_mounted
from tui.app.widgets import (
    Gutter,
    StatusLine,
    move_cursor,
    place_cursor_on,
    place_cursor_on_highlight,
    plain,
)
from tui.core import wording
from tui.core.service import Navigator
from tui.core.store import SaveError
from tui.core.text import InputError

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp

T = TypeVar("T")

#: How long a key waits for its save to reach the disk, so that "Saved" is true and is
#: drawn with the key's own change (a screen reader speaks a later change late or not at
#: all). A save is one appended line: a few milliseconds on most disks.
SAVE_WAIT = 0.012
#: A save that takes longer than that shows "Saving…" after this long (seconds) and
#: says "Saved" once it is on disk.
SAVING_SHOWN_AFTER = 0.15


class BaseScreen(UnseenFramesSkipped):
    """A full screen with a heading line first, so a reader hears where they are."""

    #: The words of the heading line, and the name Help uses for this screen.
    TITLE_TEXT = "SPMS Navigator"
    #: What has focus as the screen opens (a selector), declared by each screen, so it
    #: is focused as the screen is built and its first frame already shows it.
    #: Textual's default, the first focusable widget, focused the notes filter for a
    #: moment: a key typed ahead went into it, and the screen was drawn twice more.
    AUTO_FOCUS = ""
    #: A screen of fields scrolls in a small terminal; a screen of one list does not
    #: (the list scrolls itself, keeping its highlighted line in view).
    MAIN_SCROLLS = False

    @property
    def nav_app(self) -> NavigatorApp:
        return cast("NavigatorApp", self.app)

    @property
    def nav(self) -> Navigator:
        return self.nav_app.navigator

    def heading_text(self) -> str:
        return self.TITLE_TEXT

    #: A "Saved" sentence waiting for its change to reach the disk.
    _after_saving: str | None = None
    #: Built, filled and focused: keys typed ahead wait until then (type_ahead.py).
    ready_for_keys = False
    #: The screen's data was loaded as it was built, so its first resume need not.
    _loaded_on_mount = False

    def compose(self) -> ComposeResult:
        # The heading and the last message come first: screen readers read what changed
        # from the top down (Fenrir) or up to the cursor's line (Orca), so the screen's
        # name and the result of an action are heard before anything else.
        # They and the keys are docked, so a small terminal (large fonts) never scrolls
        # them away: the part between scrolls instead.
        with Vertical(id="top"):
            yield Static(plain(self.heading_text()), id="heading", classes="heading")
            yield StatusLine()
        with Vertical(id="bottom"):
            own = self.key_line()
            yield Static(plain(own), id="own-keys", classes="keys" if own else "keys -none")
            yield Static(plain(self.global_key_line()), id="keys", classes="keys")
        with VerticalScroll(id="main") if self.MAIN_SCROLLS else Vertical(id="main"):
            yield from self.compose_body()
        # Last, so it is drawn over the heading, the status line and the keys: the
        # cursor's column keeps the terminal's own colours on every row, the status
        # line too, where the result of a key rests (Fenrir said "has attribute" there).
        yield Gutter()

    def key_line(self) -> str:
        """This screen's own keys, in words, drawn once (a footer that redraws as focus
        moves is read out again and again by some screen readers). Empty: none."""
        own = [b for b in type(self).__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
        return self._in_words(own)

    def global_key_line(self) -> str:
        """The keys of every screen (Help, Back, Quit, Urgent help), on a line of their
        own drawn the same on every screen: Fenrir speaks only the lines that changed,
        so it says them once, not at every screen change."""
        return self._in_words(bindings.GLOBAL)

    def _in_words(self, shown: Sequence[object]) -> str:
        keys = [b for b in shown if isinstance(b, Binding) and b.show]
        return "   ".join(f"{self.keys_for(b, most=3)}: {b.description}" for b in keys)

    def keys_for(self, binding: Binding | str, most: int | None = None) -> str:
        """The keys in force for a binding or its id, in words (NavigatorApp.keys_for)."""
        return self.nav_app.keys_for(binding, most)

    def key_of(self, binding_id: str) -> str:
        """The first key in force for a binding, for a line like "Add a visit (key a)"."""
        return self.keys_for(binding_id, 1)

    def back_keys(self) -> str:
        """The first three keys in force for Back, in words: 'Escape, ctrl+g or b'."""
        return self.keys_for(bindings.BACK, most=3)

    def compose_body(self) -> ComposeResult:
        yield from ()

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def say(self, message: str, error: bool = False) -> None:
        """Show a sentence in the status line. One that says something was saved waits
        until the change is on the disk ("Saving…" shows if that takes a moment)."""
        self._after_saving = None
        store = self.nav.store
        if not error and message.startswith("Saved"):
            if not store.saved_within(SAVE_WAIT):
                # A slow disk: the sentence follows once the writer reports it written.
                self._after_saving = message
                self.set_timer(SAVING_SHOWN_AFTER, self._show_saving)
                return
            if store.save_failed:
                return  # not saved after all: the writer's report says why, next
        # A key's result: said while the key is handled, or as the screen changes that
        # it caused (a dialog's answer comes back after the key itself was handled).
        app = self.nav_app
        of_a_key = app.handling_key or app.changing_screen()
        if of_a_key and not error and app.say_last(self, message):
            self.status.remove_class("-error")
            return  # written after the key's frame, ending at the cursor (quiet_keys.py)
        self.status.say(message, error=error)
        if of_a_key:
            self.show_result_on_cursor_line()

    def status_line(self) -> StatusLine | None:
        """The status line, if this screen shows one (urgent help does not)."""
        found = self.query(StatusLine)
        return found.first() if found else None

    #: The cursor rests on the status line, which says what the last key did, until
    #: the next key (see ``show_result_on_cursor_line``).
    cursor_on_result = False

    def show_result_on_cursor_line(self) -> None:
        """Rest the cursor on the status line until the next key: the line with the
        cursor is what a braille display shows and what a reader speaks, so it says
        what the key did ("Saved the note"), not the field or the list's top line.
        The next key gives the cursor back to what has focus."""
        if self is self.app.screen and self.query("#status") and self.status.message:
            self.cursor_on_result = True
            place_cursor_on(self.status, result=True)

    def next_key_comes(self) -> None:
        """A key arrives: the cursor goes back to what has focus, moved there by the
        key itself (a list's new line) in the key's own frame."""
        self.cursor_on_result = False

    def key_handled(self) -> None:
        """The key has been handled: if it moved nothing (the cursor still rests on
        the status line), the cursor goes back to what has focus."""
        if self.cursor_on_result or self is not self.app.screen:
            return
        status = self.query("#status")  # a screen may show no status line (urgent help)
        if status and self.app.cursor_position.y == status.first().content_region.y:
            self.place_cursor()

    def _show_saving(self) -> None:
        if self._after_saving is not None and self.is_attached:
            self.status.say("Saving…")

    @property
    def waiting_to_say_saved(self) -> bool:
        """A "Saved" sentence is held until the writer reports the change on disk."""
        return self._after_saving is not None

    def saved_to_disk(self) -> None:
        """The writer says the last change is on disk: now the "Saved" sentence is true."""
        message, self._after_saving = self._after_saving, None
        if message is not None and not self.nav.store.saving:
            self.status.say(message)
        elif message is not None:
            self._after_saving = message  # a newer change is still on its way

    def attempt(self, operation: Callable[[], T]) -> T | None:
        """Run a core operation; show its error as a sentence instead of a traceback.

        Returns the operation's result, or None when it failed (the message is
        then already in the status line, and the user's input is untouched).
        """
        try:
            result = operation()
            if self.nav.store.save_failed:
                # An earlier write failed: wait for this one, so the person hears
                # at once whether the problem remains (and an editor stays open).
                self.nav.store.settle()
            return result
        except (SaveError, InputError) as error:
            self.say(str(error), error=True)
            return None

    #: BaseScreen's part of mounting has run (see ``on_mount``).
    _base_mounted = False

    def on_mount(self) -> None:
        # Textual calls the on_mount of every class of the screen, and a screen's own
        # on_mount calls this one through super() as well: do it once.
        if self._base_mounted:
            return
        self._base_mounted = True
        ready_once_mounted(self)
        self._loaded_on_mount = True  # each screen's on_mount loads what it shows
        self.set_heading(self.heading_text())
        # When the middle part scrolls (focus moved to a widget out of view, in a small
        # terminal), the focused line moves: the cursor follows it.
        if self.MAIN_SCROLLS:
            main = self.query_one("#main", VerticalScroll)
            self.watch(main, "scroll_y", self._main_scrolled, init=False)

    def _main_scrolled(self) -> None:
        self.call_after_refresh(self.place_cursor)  # once the widgets have moved

    def set_heading(self, text: str) -> None:
        self.query_one("#heading", Static).update(plain(text))

    def on_screen_suspend(self) -> None:
        """Leaving this screen: its last message belonged to that moment. Coming back, a
        reader would hear it again before the line in focus (the data file's path at
        start was read first on every return home)."""
        if self.query("#status"):
            self.status.clear()
        self.cursor_on_result = False

    def on_screen_resume(self) -> None:
        if self._loaded_on_mount:  # just built: on_mount has loaded it a moment ago
            self._loaded_on_mount = False
        else:
            self.refresh_data()
        self.call_after_refresh(self.place_cursor)
        self.call_after_refresh(self._settled)

    def _settled(self) -> None:
        """Built (or back), filled, focused, the cursor placed: the held frame can go."""
        if self is self.app.screen and self.ready_for_keys:
            self.nav_app.arrived_after_quiet_key(self)
            self.place_cursor()
            self.nav_app.screen_settled()

    def changed_whole(self) -> None:
        """Most of this screen changes without a new screen (a search field shown, the
        results listed as the focus moves to them): hold the output and write it as a
        screen change is, in one frame with the cursor's row last, once laid out.
        Drawn by Textual as it came, the change went out in two frames, or one long
        one read in pieces, and Fenrir cut it off at a piece that moved the cursor."""
        self.nav_app.hold_output()
        self.call_after_refresh(self.release_whole)

    def release_whole(self) -> None:
        """Laid out after a change held in place (``changed_whole``, a question asked
        here): the cursor goes where it rests, and the held frame goes out whole."""
        if self is self.app.screen:
            self.place_cursor()
            self.nav_app.screen_settled()

    def refresh_data(self) -> None:
        """Reload what the screen shows from the core (another screen may have changed it)."""

    def frames_unseen(self) -> bool:
        """A screen change is held: its frames would be dropped (tui/app/output.py)."""
        output = self.nav_app.output
        return output is not None and output.holding

    def on_idle(self, _event: events.Idle) -> None:
        """While a screen change is held (tui/app/output.py), each step of it (the
        first layout, the list filled, the focus, the cursor) is laid out as soon as the
        screen is idle, not at the next 1/60 s tick, and not drawn (UnseenFramesSkipped):
        nobody sees these frames, and the whole screen is drawn once they are done.
        (The ticks were about half of a screen change's 100-130 ms, the drawing half of
        the rest.) Runs before Textual's own idle handler, which then finds nothing
        waiting and runs the callbacks that wait for a refresh."""
        if self.frames_unseen():
            draw_pending_now(self)

    def on_resize(self, _event: events.Resize) -> None:
        # A new terminal size moves widgets without resizing them all. Textual has
        # laid the screen out again by now (in Screen._on_resize), so put the cursor
        # back on what has focus at once. (Waiting for the next refresh instead made
        # the app spin where the terminal does not tell its size: each wait asked
        # for a refresh, which reported the size again.)
        self.place_cursor()

    def on_descendant_focus(self, _event: object) -> None:
        self.place_cursor()

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self.place_cursor()

    def place_cursor(self) -> None:
        """Put the terminal cursor on the focused widget's current line (or, until the
        next key, on the status line that says what the last key did)."""
        if self is not self.app.screen:
            return  # a screen closed before this ran, or one under the top screen
        if self.cursor_on_result:
            place_cursor_on(self.status, result=True)
            return
        focused = self.focused
        if focused is None:
            place_cursor_on(self.query_one("#heading", Widget))
            return
        if isinstance(focused, OptionList):
            place_cursor_on_highlight(focused)
        elif isinstance(focused, LongList):
            focused.place_cursor()
        elif hasattr(focused, "cursor_screen_offset"):
            move_cursor(self.app, focused.cursor_screen_offset)
        else:
            place_cursor_on(focused)

    def delete_if_confirmed(
        self,
        question: str,
        delete: Callable[[], object],
        deleted: str,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Ask ``question`` (No has focus); on Yes run ``delete``, say ``deleted`` and
        run ``then`` (a question that follows), on No say that nothing was deleted.
        Every list screen deletes this way."""
        from tui.app.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                self.say(wording.KEPT)
            elif self.attempt(delete) is not None:
                self.refresh_data()
                self.say(deleted)
                if then is not None:
                    then()

        self.app.push_screen(ConfirmScreen(question, "Delete it"), answered)

    def save_before_leaving(self) -> bool:
        """Save anything typed but not yet saved. False keeps the screen open (save failed)."""
        return True
