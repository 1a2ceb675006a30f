"""Keys typed ahead reach the screen they were meant for, in the order typed.

A person who knows the keys types them without waiting for each screen to appear: `n`
(Notes) then `d` (delete) in a tenth of a second. The terminal hands the app both keys
at once, and two things raced:

- Textual gives a key to the focused widget, and the key's binding runs only when the
  key has travelled back up to the app, a few message queues later. Meanwhile the app
  takes the next key, so `d` reached the home screen before `n` had opened Notes.
- A new screen is built in steps (composed, mounted, its list filled and its focus
  set). A key that came in between went to whatever had focus at that moment: the
  notes filter took the `d`, or an Enter reached a list that was still empty.

So the app gives out one key at a time: after a key goes to a widget, a marker
(``KeyHandled``) follows it along the same path, and the next key waits until the
marker is back, or until the new screen says it is ready (``ready_once_mounted``, once
its ``on_mount`` has run). Keys that wait keep their order. A screen that does not say
(Textual's own: the command palette) is ready at once. At normal typing speed nothing
waits: the marker is back within a millisecond.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

#: A key whose marker never comes back (its screen was closed under it) holds the
#: next keys for at most this long (seconds).
MARKER_LOST_AFTER = 0.5


class KeyHandled(Message):
    """Follows a key to the widget it was given to, and bubbles back to the app after
    the key has been handled all the way up."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class NextTypedKey(Message):
    """The screen is ready and no key is on its way: the next kept key may go."""


def is_ready(screen: Screen[Any]) -> bool:
    """Built, filled and focused; a screen that keeps no such flag is ready at once."""
    return bool(getattr(screen, "ready_for_keys", True))


class TypeAhead(App[None]):
    """The app's side: one key at a time, each on the screen that is ready for it."""

    _kept: deque[events.Key] | None = None
    #: The serial of the key on its way (0: none).
    _on_its_way = 0
    _serial = 0

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._kept is None:
            self._kept = deque()
        if self._kept or self._on_its_way or not is_ready(self.screen):
            self._kept.append(events.Key(event.key, event.character))
            return
        await self._send(event)

    @property
    def handling_key(self) -> bool:
        """A key is being handled (what the app says now is its result)."""
        return self._sending or bool(self._on_its_way)

    _sending = False

    def before_key(self, screen: Screen[Any], key: str) -> None:
        """Called as ``key`` is about to go to ``screen``."""

    async def _send(self, event: events.Key) -> None:
        screen, focused = self.screen, self.focused
        target: Widget = focused or screen
        self.before_key(screen, event.key)
        self._sending = True
        try:
            await super().on_event(event)
        finally:
            self._sending = False
        if event.is_forwarded:  # given to a widget: the next key waits for it
            self._serial += 1
            serial = self._on_its_way = self._serial
            target.post_message(KeyHandled(serial))
            self.set_timer(MARKER_LOST_AFTER, lambda: self._key_done(serial))
        else:
            self.key_handled()
        self.after_key(screen, focused, event)

    def after_key(self, screen: Screen[Any], focused: Widget | None, event: events.Key) -> None:
        """Called once a key has gone out, with the screen and focus it went to."""

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        self._key_done(message.serial)

    def _key_done(self, serial: int) -> None:
        if self._on_its_way == serial:
            self._on_its_way = 0
            self.key_handled()
            self._next()

    def key_handled(self) -> None:
        """Called once a key has been handled all the way (its widget, its binding)."""

    def screen_ready(self) -> None:
        """Called by a screen once it is built and focused."""
        self._next()

    def _next(self) -> None:
        if self._kept and not self._on_its_way:
            self.post_message(NextTypedKey())

    async def on_next_typed_key(self, _message: NextTypedKey) -> None:
        if not self._kept or self._on_its_way or not is_ready(self.screen):
            return  # a marker or a screen will ask again
        await self._send(self._kept.popleft())
        if not self._on_its_way:  # handled at once (a priority key): the next may go
            self._next()


def ready_once_mounted(screen: Screen[Any]) -> None:
    """Call from a screen's ``on_mount``: once every mount handler has run (the list is
    filled, the focus set), the screen is ready and the keys kept for it go on."""

    def now_ready() -> None:
        if getattr(screen, "ready_for_keys", True):
            return
        screen.ready_for_keys = True  # type: ignore[attr-defined]
        app = screen.app
        if isinstance(app, TypeAhead):
            app.screen_ready()
        settled = getattr(screen, "_settled", None)
        if settled is not None:  # after the focus the screen set (the app's queue)
            app.call_later(settled)

    screen.call_later(now_ready)
