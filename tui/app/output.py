"""One write to the terminal per key, so a screen reader reads each change once, whole.

Textual draws a new screen in several frames a few milliseconds apart: the first
layout, the list filled in, the focus style, the cursor placed. Fenrir reads each
burst of output on its own, and when a burst moves the cursor to another line
without changing any text it reads that line and cuts off what it was saying
("To…" instead of the screen's name); Orca reads from the first changed line down
to the cursor, so a frame with the cursor elsewhere reads the wrong lines.

So while a screen changes, the app holds its output. When nothing more has been
drawn for a moment, what was held is dropped and the whole screen is drawn once,
as it now is, with the cursor already on the focused line: both readers get one
finished screen.

This wraps the terminal driver Textual picks (through its public
``get_driver_class`` hook and ``Driver.write``).
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from textual.app import App
from textual.driver import Driver

#: A new screen is drawn in several frames; they go to the terminal as one write once
#: nothing more was drawn for this long (seconds), or after OUTPUT_HELD_AT_MOST.
OUTPUT_QUIET = 0.06
OUTPUT_HELD_AT_MOST = 1.0


class HeldOutput(Protocol):
    """What the app uses of the driver: hold writes, then release them as one."""

    @property
    def holding(self) -> bool: ...

    def hold(self) -> None: ...

    def release(self, drop: bool = False) -> None:
        """Write what was held, as one; or, with ``drop``, forget it (the app then
        draws the whole screen afresh, in one frame)."""
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

        def quiet_for(self) -> float:
            return time.monotonic() - self._last

        def held_for(self) -> float:
            return time.monotonic() - self._since

        def write(self, data: str) -> None:
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

    def hold_output(self) -> None:
        """Keep what the app draws from now until it has been quiet for a moment, then
        drop it and draw the whole screen once. Called as a screen changes."""
        if self.output is None or self.output.holding:
            return
        self.output.hold()
        self.set_timer(OUTPUT_QUIET, self._release_when_quiet)

    def _release_when_quiet(self) -> None:
        output = self.output
        if output is None or not output.holding:
            return
        if output.quiet_for() >= OUTPUT_QUIET or output.held_for() >= OUTPUT_HELD_AT_MOST:
            output.release(drop=True)
            self.screen.refresh()  # the whole screen, as it is now, in one frame
        else:
            self.set_timer(OUTPUT_QUIET - output.quiet_for(), self._release_when_quiet)
