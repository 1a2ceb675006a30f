"""One write to the terminal per screen change, so a screen reader reads it once, whole.

Textual draws a new screen in several frames a few milliseconds apart: the first
layout, the list filled in, the focus style, the cursor placed. Fenrir reads each
burst of output on its own, and when a burst moves the cursor to another line
without changing any text it reads that line and cuts off what it was saying
("To…" instead of the screen's name); Orca reads from the first changed line down
to the cursor, so a frame with the cursor elsewhere reads the wrong lines.

So from the moment a screen is pushed, popped or switched, the app holds its output.
When the new top screen is built, filled and focused (``screen_settled``, called by
the screen) and a refresh of the app then draws nothing more, what was held is
dropped and the whole screen is written at once, in one frame, with the cursor on
the focused line.
A screen that never says it is settled (Textual's own) is released once nothing has
been drawn for a moment, as before.

This wraps the terminal driver Textual picks (through its public
``get_driver_class`` hook and ``Driver.write``).
"""

from __future__ import annotations

import os
import re
import time
from typing import Any, Protocol

from textual.app import App
from textual.driver import Driver

from tui.app.textual_private import render_whole_screen, show_whole_screen, still_drawing

#: A new screen is drawn in several frames; they go to the terminal as one write once
#: nothing more was drawn for this long (seconds), or after OUTPUT_HELD_AT_MOST.
OUTPUT_QUIET = 0.06
OUTPUT_HELD_AT_MOST = 1.0
#: A screen that keeps asking to be laid out again goes out after this many looks.
RELEASE_TRIES_AT_MOST = 50


def linux_terminal() -> bool:
    """``TERM=linux``: the Linux console, or the terminal Fenrir keeps for the programs it
    reads (its terminal driver sets it for them). There a screen reader may read a long
    write in pieces and take a piece that moves the cursor for a cursor move
    (tui/app/textual_private.py, ``LastLetterLast``). Readers elsewhere (Orca, yasr)
    hear a screen whole either way, and yasr, which speaks what comes in order, heard a
    held letter apart from its word."""
    return os.environ.get("TERM", "").startswith("linux")


#: Questions Textual asks every terminal as it starts (can you take the kitty keyboard
#: protocol, synchronised output, resize reports?) and the kitty protocol's end. A
#: Linux terminal knows none of them and prints their last letters: Fenrir said "u",
#: "p", "p" before the first screen, and a "u" stayed on its screen.
UNKNOWN_TO_LINUX = re.compile(r"\x1b\[>\d+u|\x1b\[<u|\x1b\[\?\d+\$p")


class HeldOutput(Protocol):
    """What the app uses of the driver: hold writes, then release them as one."""

    @property
    def holding(self) -> bool: ...

    def hold(self) -> None: ...

    def release(self, drop: bool = False) -> None:
        """Write what was held, as one; or, with ``drop``, forget it (the app then
        draws the whole screen afresh, in one frame)."""
        ...

    def frames_held(self) -> int:
        """How many writes are being held."""
        ...

    def quiet_for(self) -> float:
        """Seconds since the last write was held (or since holding began)."""
        ...

    def held_for(self) -> float:
        """Seconds since holding began."""
        ...


def holding_driver(base: type[Driver]) -> type[Driver]:
    """``base`` (Textual's driver for this platform) with writes that can be held."""

    class HoldingDriver(base):  # type: ignore[valid-type,misc]
        def __init__(self, app: Any, **kwargs: Any) -> None:
            super().__init__(app, **kwargs)
            self._held: list[str] | None = None
            self._since = self._last = time.monotonic()
            self._unknown_to_terminal = UNKNOWN_TO_LINUX if linux_terminal() else None
            app.output = self

        @property
        def holding(self) -> bool:
            return self._held is not None

        def hold(self) -> None:
            if self._held is None:
                self._held = []
                self._since = self._last = time.monotonic()

        def release(self, drop: bool = False) -> None:
            held, self._held = self._held, None
            if held and not drop:
                base.write(self, "".join(held))

        def frames_held(self) -> int:
            return len(self._held or ())

        def quiet_for(self) -> float:
            return time.monotonic() - self._last

        def held_for(self) -> float:
            return time.monotonic() - self._since

        def write_unheld(self, data: str) -> None:
            """Write ``data`` now, even while frames are held (and may be dropped): a
            sequence that is not part of any frame, such as the window's title."""
            base.write(self, data)

        def write(self, data: str) -> None:
            if self._unknown_to_terminal is not None and self._unknown_to_terminal.fullmatch(data):
                return
            if self._held is not None:
                self._held.append(data)
                self._last = time.monotonic()
            else:
                base.write(self, data)

    return HoldingDriver


class OutputHolding(App[None]):
    """The app's side: hold the output as a screen changes, release it once quiet."""

    #: The terminal output (set by the driver when the app starts; None in tests
    #: that run without a terminal).
    output: HeldOutput | None = None

    def get_driver_class(self) -> type[Driver]:
        return holding_driver(super().get_driver_class())

    def hold_output_at_each_screen_change(self) -> None:
        """Call once the app runs: from then on every push, pop or switch of a screen
        holds the output at the moment it happens, before any of its frames is drawn.
        (Holding when the old screen heard it was suspended came a message later: the
        new screen could be drawn and released first, and then held again for 60 ms.)"""
        self.screen_change_signal.subscribe(
            self, lambda _screen: self.hold_output(), immediate=True
        )

    def changing_screen(self) -> bool:
        """A screen change is on its way to the terminal (its output is held), after a
        key: the first screen, drawn before any key, is no key's result."""
        return self.output is not None and self.output.holding and getattr(self, "keys_sent", 0) > 0

    def hold_output(self) -> None:
        """Keep what the app draws from now until the screen is settled, or failing
        that until it has been quiet for a moment. Called as a screen changes."""
        if self.output is None or self.output.holding:
            return
        self.output.hold()
        self.set_timer(OUTPUT_QUIET, self._release_when_quiet)

    def screen_settled(self) -> None:
        """The top screen is built, filled and focused, and its cursor placed: once the
        app has laid out all that follows from it, the screen goes out whole, in one
        write, instead of after 60 ms of quiet. (Waiting for quiet made every screen
        change take 120-130 ms, eleven times a bare Textual screen push.)"""
        if self.output is not None and self.output.holding:
            self._release_tries = 0
            self.call_after_refresh(self._release_once_drawn)

    _release_tries = 0

    def _release_once_drawn(self) -> None:
        """After a refresh: while the screen or one of its widgets still has something
        to lay out, or a message waiting (a list told its size will show its scrollbar
        and ask for another layout), look again after the next refresh. Then the screen
        is drawn whole; if drawing it asked for more (a list lays its lines out as it
        is first drawn), look again. Else what was held is dropped, and the screen goes
        out as one whole frame. (Sending the held frames instead was three or four
        screens' worth of bytes: the terminal passed them on in pieces, and Fenrir cut
        each piece off with the next.)"""
        output = self.output
        if output is None or not output.holding:
            return
        screen = self.screen
        self._release_tries += 1
        settling = self._release_tries < RELEASE_TRIES_AT_MOST
        if settling and still_drawing(screen):
            self.call_after_refresh(self._release_once_drawn)
            return
        # The cursor goes where it will rest before the screen is drawn, so the one
        # write carries it: placed a moment later (a screen coming back, under load),
        # its move went out alone, and Fenrir cut the new screen off to read the
        # cursor's line ("Next visit: …" without "Prepare for a visit").
        place_cursor = getattr(screen, "place_cursor", None)
        if callable(place_cursor):
            place_cursor()
        whole = render_whole_screen(screen)
        if settling and still_drawing(screen):
            self.call_after_refresh(self._release_once_drawn)
            return
        output.release(drop=True)
        show_whole_screen(self, whole, read_in_pieces=linux_terminal())
        self.after_whole_screen()

    def after_whole_screen(self) -> None:
        """Called once a screen change has gone out whole (quiet_keys.py adds to it)."""

    def _release_when_quiet(self) -> None:
        output = self.output
        if output is None or not output.holding:
            return
        if output.quiet_for() >= OUTPUT_QUIET or output.held_for() >= OUTPUT_HELD_AT_MOST:
            output.release(drop=True)
            self.screen.refresh()  # the whole screen, as it is now, in one frame
            self.call_after_refresh(self.after_whole_screen)
        else:
            self.set_timer(OUTPUT_QUIET - output.quiet_for(), self._release_when_quiet)
