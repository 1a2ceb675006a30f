"""What the yes/no question and the one-line prompt share: a whole screen to themselves.

A dialog drawn over the screen behind it was read with leftovers of that screen
("Chec No, keep it"). Here a dialog covers everything: its question on the first
line, its answers one to a line below, and a line of its keys. The cursor is
placed on the focused answer, so a reader says the question (the changed text
above the cursor) and then the answer in focus; Tab and the arrow keys move
between the answers, and each move reads just that answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app import bindings
from tui.app.type_ahead import ready_once_mounted
from tui.app.widgets import place_cursor_on, plain

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp

R = TypeVar("R")


def answer_button(label: str, button_id: str) -> Button:
    """A button that is just its words: no border, no padding to read."""
    return Button(label, id=button_id, compact=True)


class DialogScreen(ModalScreen[R]):
    """A question that takes the whole screen until it is answered."""

    BINDINGS = bindings.URGENT_IN_DIALOGS  # Textual adds each dialog's own to these

    #: The answer focused as the dialog opens, declared by each (see BaseScreen).
    AUTO_FOCUS = ""
    #: Built and focused: keys typed ahead wait until then (type_ahead.py).
    ready_for_keys = False

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def on_mount(self) -> None:
        ready_once_mounted(self)

    def question_line(self) -> Static:
        return Static(plain(self.question), id="question")

    def key_line(self) -> Static:
        own = [
            b for b in type(self).__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.show
        ]
        words = "   ".join(f"{self.keys_for(b, 3)}: {b.description}" for b in own)
        return Static(plain(f"{words}   Tab: next answer"), id="keys", classes="keys")

    def keys_for(self, binding: Binding | str, most: int | None = None) -> str:
        """The keys in force for a binding or its id, in words (NavigatorApp.keys_for)."""
        return cast("NavigatorApp", self.app).keys_for(binding, most)

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        cast("NavigatorApp", self.app).hold_output()  # its answer changes the screen
        return super().dismiss(result)

    def on_descendant_focus(self, _event: object) -> None:
        self.place_cursor()

    def _settled(self) -> None:
        """Built and focused (type_ahead.ready_once_mounted): the held frames can go."""
        if self is self.app.screen:
            self.place_cursor()
            cast("NavigatorApp", self.app).screen_settled()

    def place_cursor(self) -> None:
        if self.focused is not None and self is self.app.screen:
            place_cursor_on(self.focused)

    def compose(self) -> ComposeResult:
        yield from ()
