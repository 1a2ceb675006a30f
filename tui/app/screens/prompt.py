"""Ask for one line of text. Enter answers, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app import bindings
from tui.app.widgets import field_row, plain, quiet_input


class PromptScreen(ModalScreen[str | None]):
    BINDINGS = bindings.PROMPT

    def __init__(self, title: str, label: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(f"{self.title_text}. Press Enter when done, or Escape to cancel."))
            yield field_row(self.label, quiet_input(self.value, input_id="answer"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        # The field places the cursor when focused, before the dialog is laid out:
        # place it again once it is, so a screen reader lands on "Answer: ...".
        self.call_after_refresh(self._place_cursor)

    def _place_cursor(self) -> None:
        self.app.cursor_position = self.query_one(Input).cursor_screen_offset

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.dismiss(text or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
