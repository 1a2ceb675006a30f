"""A yes/no question before anything is destroyed. The safe answer has focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button

from tui.app import bindings
from tui.app.screens.dialog import DialogScreen, answer_button
from tui.app.widgets import Gutter


class ConfirmScreen(DialogScreen[bool]):
    AUTO_FOCUS = "#no"
    BINDINGS = bindings.CONFIRM

    def __init__(
        self, question: str, yes_label: str = "Yes", no_label: str = "No, keep it"
    ) -> None:
        super().__init__(question)
        self.yes_label = yes_label
        self.no_label = no_label

    def compose(self) -> ComposeResult:
        yield Gutter()
        with Vertical(id="dialog"):
            yield self.question_line()
            with Vertical(classes="answers"):
                no, yes = self.keys_for("confirm.no", 1), self.keys_for("confirm.yes", 1)
                yield answer_button(f"{self.no_label}. Key {no}.", "no")
                yield answer_button(f"{self.yes_label}. Key {yes}.", "yes")
        yield self.key_line()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
        self.call_after_refresh(self.place_cursor)  # again, once laid out

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
