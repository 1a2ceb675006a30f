"""A yes/no question before anything is destroyed. The safe answer has focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button

from tui.app import bindings
from tui.app.screens.dialog import DialogScreen, answer_button
from tui.app.widgets import Gutter


def the_question(text: str) -> str:
    """The sentence of ``text`` that asks (ends with '?'), and a space; '' if none:
    "Delete the note 'Heat'? This cannot be undone." gives "Delete the note 'Heat'? "."""
    end = text.find("?")
    if end < 0:
        return ""
    start = max(text.rfind(". ", 0, end), text.rfind("! ", 0, end))
    return text[start + 2 if start >= 0 else 0 : end + 1] + " "


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
                # Each answer carries the question, after the answer: the answer's line
                # is the one a braille display shows (40 cells), and "No, keep it"
                # alone does not say what is kept.
                asked = the_question(self.question)
                yield answer_button(f"{self.no_label}. {asked}Key {no}.", "no")
                yield answer_button(f"{self.yes_label}. {asked}Key {yes}.", "yes")
        yield self.key_line()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
        self.call_after_refresh(self.place_cursor)  # again, once laid out

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
