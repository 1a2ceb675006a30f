"""Ask for one line of text. Enter answers; Escape, or the Cancel button, cancels."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.widgets import Button, Input

from tui.app import bindings
from tui.app.screens.dialog import DialogScreen, answer_button
from tui.app.widgets import Gutter, field_row, move_cursor, quiet_input
from tui.core.text import end_sentence

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp
    from tui.app.screens.base import BaseScreen


class PromptScreen(DialogScreen[str | None]):
    AUTO_FOCUS = "Input"
    BINDINGS = bindings.PROMPT

    def __init__(self, title: str, label: str, value: str = "") -> None:
        super().__init__(f"{end_sentence(title)} Type, then press Enter.")
        self.label = label
        self.value = value

    def compose(self) -> ComposeResult:
        yield Gutter()
        with Vertical(id="dialog"):
            yield self.question_line()
            yield field_row(self.label, quiet_input(self.value, input_id="answer"))
            with Vertical(classes="answers"):
                yield answer_button("OK", "ok")
                yield answer_button("Cancel", "cancel")
        yield self.key_line()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        # The field places the cursor when focused, before the dialog is laid out:
        # place it again once it is, so a screen reader lands on "Answer: ...".
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and self is self.app.screen:
            move_cursor(self.app, focused.cursor_screen_offset)
        else:
            super().place_cursor()

    @property
    def draft_key(self) -> str:
        return f"prompt:{self.label}"

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value.strip() and event.value != self.value:
            label = f"an answer to: {self.question}"
            app = cast("NavigatorApp", self.app)
            app.drafts.typed(self.draft_key, {"text": event.value}, label)

    def dismiss(self, result: str | None = None) -> AwaitComplete:
        cast("NavigatorApp", self.app).drafts.done(self.draft_key)
        return super().dismiss(result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.dismiss(text or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.dismiss(self.query_one(Input).value.strip() or None)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_one(
    screen: BaseScreen,
    title: str,
    label: str,
    then: Callable[[str], None],
    *,
    value: str = "",
    optional: bool = False,
    nothing: str = "Nothing was changed.",
) -> None:
    """Ask one thing with a prompt, then call ``then`` with the answer. An empty answer
    to an ``optional`` question goes on with ''; otherwise Escape says ``nothing``.
    (The prompt gives None for an empty answer and for Escape alike.)"""

    def typed(text: str | None) -> None:
        if text is None and optional:
            then("")
        elif text is None:
            screen.say(nothing)
        else:
            then(text)

    screen.app.push_screen(PromptScreen(title, label, value), typed)
