"""A yes/no question before anything is destroyed. The safe answer has focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app import bindings
from tui.app.widgets import place_cursor_on, plain


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = bindings.CONFIRM

    def __init__(
        self, question: str, yes_label: str = "Yes", no_label: str = "No, keep it"
    ) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes_label
        self.no_label = no_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self.question), id="question")
            with Horizontal(id="buttons"):
                yield Button(self.no_label, id="no", compact=True)
                yield Button(f"{self.yes_label} (key y)", id="yes", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
        self.call_after_refresh(self.on_descendant_focus, None)  # again, once laid out

    def on_descendant_focus(self, _event: object) -> None:
        if self.focused is not None:
            place_cursor_on(self.focused)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
