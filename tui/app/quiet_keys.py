"""After a key Orca does not count as a command, what it did is written last, at the cursor.

Orca's terminal script (Orca 43, ``scripts/terminal/script_utilities.py``,
``treatEventAsCommand``) speaks the text a terminal app writes after a key only when
the key was Return, Tab, Space, a printable key or an Alt chord, or when the inserted
text **ends where the cursor is** (``insertionEndsAtCaret``). Escape, F1, the arrows,
Backspace and Delete are none of the first kinds, and a whole new screen never ends at
the cursor: so after Escape (Back, or No in a question) Orca said only "escape".

VTE, the terminal Orca reads, reports each change of its text as one insertion from the
first changed character to the last. So after such a key the app writes twice:

1. the new screen (or the key's frame) with the status line blank; Orca does not speak
   it, Fenrir reads it as before;
2. 80 ms later, only the status line: the key's result ("Kept. Nothing was
   deleted.") or, after a screen change with nothing to report, the screen's name and
   the focused line ("Topics: 22 to read. What SPMS is."), with the cursor just after
   its last letter. That insertion ends at the cursor, so Orca speaks it, and a braille
   display (the cursor's line) shows it. The next key takes the cursor back to the focus.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual.app import App
from textual.geometry import Offset
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList

from tui.app.long_list import LongList
from tui.app.screens.base import BaseScreen
from tui.app.widgets import StatusLine, move_cursor, plain
from tui.core.text import ROW

#: Keys after which Orca speaks only an insertion that ends at the cursor (Textual's
#: names). Printable keys, Return, Tab, Space and ctrl or alt chords are spoken anyway,
#: but see SHIFTED_KEYS.
QUIET_KEYS = frozenset(
    {
        "escape",
        "left",
        "right",
        "up",
        "down",
        "home",
        "end",
        "pageup",
        "pagedown",
        "backspace",
        "delete",
        "insert",
        "shift+tab",
        *(f"f{number}" for number in range(1, 13)),
    }
)

#: The status line is written this long after the frame before it (seconds): VTE must
#: see two changes, not one (it reports what changed each time it has read its input).
SECOND_WRITE_AFTER = 0.08

#: The focused line is cut to this many characters in the status line's sentence.
FOCUS_SHOWN = 60


#: Keys typed with Shift (Textual's names). Orca judges a change by the last key it
#: saw: when the app's frame comes after Shift is let go (a busy machine, a slow
#: hand), that key is Shift, a quiet one, and `?` opened Help in silence.
SHIFTED_KEYS = frozenset(
    {
        "question_mark",
        "exclamation_mark",
        "at",
        "number_sign",
        "dollar_sign",
        "percent_sign",
        "circumflex_accent",
        "ampersand",
        "asterisk",
        "left_parenthesis",
        "right_parenthesis",
        "underscore",
        "plus",
        "colon",
        "quotation_mark",
        "less_than_sign",
        "greater_than_sign",
        "left_curly_bracket",
        "right_curly_bracket",
        "vertical_line",
        "tilde",
    }
)


def is_quiet(key: str) -> bool:
    """A key after which Orca may speak a change only if it ends at the cursor."""
    return key in QUIET_KEYS or key in SHIFTED_KEYS or (len(key) == 1 and key.isupper())


def focused_words(screen: Screen[Any]) -> str:
    """The text of the focused line: a list's highlighted item, a field's value."""
    focused = screen.focused
    text = ""
    if isinstance(focused, OptionList) and focused.highlighted is not None:
        prompt = focused.get_option_at_index(focused.highlighted).prompt
        text = prompt.plain if hasattr(prompt, "plain") else str(prompt)
    elif isinstance(focused, LongList) and focused.highlighted is not None:
        text = focused.texts()[focused.highlighted]
    elif isinstance(focused, Input):
        text = focused.value or focused.placeholder
    text = " ".join(text.split())
    if len(text) > FOCUS_SHOWN:
        text = text[: FOCUS_SHOWN - 1].rstrip() + "…"
    return text


def screen_name(screen: BaseScreen) -> str:
    """The first sentence of the screen's heading: "Topics: 22 to read."."""
    heading = " ".join(screen.heading_text().split())
    return heading.split(". ", 1)[0].rstrip(".") + "."


def arrival_words(screen: BaseScreen, width: int = ROW) -> str:
    """What a screen says on arrival: its heading's first sentence and the focused line,
    in one row of ``width`` (cut with "…"): the cursor ends it, and a braille display
    shows that row only."""
    said = f"{screen_name(screen)} {focused_words(screen)}".rstrip()
    return said if len(said) <= width else said[: width - 1].rstrip() + "…"


def end_of_text(status: StatusLine) -> Offset | None:
    """Where the cursor goes to end the status line's text: just after its last letter
    (on the last line it wraps to). None when the line is not on screen."""
    region = status.content_region
    if not region.height or not status.message.strip():
        return None
    lines = plain(status.message.rstrip()).wrap(status.app.console, max(1, region.width))
    last = lines[-1].plain.rstrip() if lines else ""
    return Offset(region.x + cell_len(last), region.y + max(0, len(lines) - 1))


class SaidAtTheCursor(App[None]):
    """The app's side: remembers whether the key being handled is quiet, and writes the
    status line after the key's frame, ending at the cursor."""

    #: The last key sent was quiet, and the screen change it may cause is still to settle.
    quiet_key_in_hand = False

    #: The quiet key went to a question (a dialog): its answer comes back to the screen
    #: it was asked on, so the answer alone is said, not the screen's name again.
    quiet_key_answered = False

    def quiet_key_sent(self, key: str, screen: Screen[Any]) -> None:
        """Called as each key goes to a screen."""
        self.quiet_key_in_hand = is_quiet(key)
        self.quiet_key_answered = isinstance(screen, ModalScreen)

    def _writes_frames(self) -> bool:
        """A real terminal (a test's headless run has none: nothing to order)."""
        return getattr(self, "output", None) is not None

    def _holding(self) -> bool:
        output = getattr(self, "output", None)
        return output is not None and bool(output.holding)

    def say_last(self, screen: BaseScreen, message: str) -> bool:
        """A quiet key's result: held in the status line (drawn blank) and written after
        the key's frame. False when the result can be shown at once instead."""
        status = screen.status_line()
        if not (self.quiet_key_in_hand and self._writes_frames()) or status is None:
            return False
        status.hold(message)
        if not self._holding():  # a screen change writes it after the whole screen
            self.call_after_refresh(
                lambda: self.set_timer(SECOND_WRITE_AFTER, lambda: self._say_now(screen))
            )
        return True

    def arrived_after_quiet_key(self, screen: BaseScreen) -> bool:
        """A screen settled: if a quiet key brought it, its status line (the key's result,
        or its name and focus) is drawn blank now and written after the whole screen."""
        if not (self.quiet_key_in_hand and self._writes_frames()):
            return False
        self.quiet_key_in_hand = False
        status = screen.status_line()
        if status is None:
            return False
        if not status.held:
            status.hold(arrival_words(screen, status.content_region.width or ROW))
        elif not self.quiet_key_answered:  # a result on a new screen: which screen, first
            status.hold(f"{screen_name(screen)} {status.message}")
        return True

    def after_whole_screen(self) -> None:
        """The whole screen has gone out: write a held status line after it."""
        screen = self.screen
        if not isinstance(screen, BaseScreen):
            return
        status = screen.status_line()
        if status is not None and status.held:
            self.set_timer(SECOND_WRITE_AFTER, lambda: self._say_now(screen))

    def _say_now(self, screen: BaseScreen) -> None:
        if screen is not self.screen or self._holding():
            return  # gone; or a screen change began: it writes this after the screen
        status = screen.status_line()
        if status is None or not status.held:
            return
        status.let_go()
        where = end_of_text(status)  # the text is set: the next frame draws it
        if where is not None:
            screen.cursor_on_result = True
            move_cursor(self, where, result=True)
