"""Typing into a search or filter field: only the field changes until the person moves on.

A screen reader echoes a letter only when the letter is all that changed; a list
redrawn at each letter was read again at each letter (2,486 characters while typing
"respite" under Orca). So the list empties at the first letter, a line says how many
match after a pause (COUNT_AFTER), and the list is built when focus leaves the field.
The Topics search and the Notes filter share this.
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Input

from tui.app.screens.base import BaseScreen

#: The pause in typing after which the field's count is said (seconds).
COUNT_AFTER = 0.5


class TypedSearch(BaseScreen):
    """A screen with a field that narrows its list; ``say_count`` says how many match."""

    #: Words are being typed into the field: the list waits (``refresh_data`` empties it).
    typing = False
    _count_timer: Timer | None = None

    def typed_into(self, field: Input) -> None:
        """The field changed: as typing (the list empties once, the count follows a
        pause), or, set from elsewhere (a test, the palette), the list follows at once."""
        if self.focused is not field:
            self.refresh_data()
            return
        if not self.typing:
            self.typing = True
            self.refresh_data()  # the list empties, once
        self._stop_counting()
        self._count_timer = self.set_timer(COUNT_AFTER, self._say_count)

    def left_field(self, field: Input) -> bool:
        """Focus moved: if it left the field while typing, the list is built now."""
        if not self.typing or self.focused is field:
            return False
        self.typing = False
        self._stop_counting()
        self.refresh_data()
        return True

    def _stop_counting(self) -> None:
        if self._count_timer is not None:
            self._count_timer.stop()
            self._count_timer = None

    def _say_count(self) -> None:
        self._count_timer = None
        self.say_count()

    def say_count(self) -> None:
        """After a pause in typing: how many match, in one line."""
