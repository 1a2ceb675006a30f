"""The multi-line field and the choice field of the editing screens.

Kept apart so that start-up and the notes list do not import TextArea (see
bench/). One-line fields live in widgets.py.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from textual.message import Message
from textual.widgets import Button, TextArea

from tui.app.screens.choose import Choice, ChooseScreen


def quiet_text_area(text: str = "", area_id: str | None = None) -> TextArea:
    """A multi-line text field that does not blink; Tab moves on instead of indenting."""
    area = TextArea(text, id=area_id, compact=True, soft_wrap=True, tab_behavior="focus")
    area.cursor_blink = False
    return area


class ChoiceField(Button):
    """A field whose answer is one of a list: its line says the label and the answer
    ("Kind: Question"); Enter opens the choices on a screen of their own."""

    class Changed(Message):
        def __init__(self, field: ChoiceField, value: Hashable | None) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(
        self,
        label: str,
        choices: Sequence[Choice],
        value: Hashable | None,
        *,
        question: str,
        id: str,
    ) -> None:
        self.label_words = label
        self.choices = list(choices)
        self.value = value
        self.question = question
        super().__init__(self._line(), id=id, compact=True)

    def _line(self) -> str:
        words = next((w for w, v in self.choices if v == self.value), self.choices[0][0])
        return f"{self.label_words}: {words}"

    def set_value(self, value: Hashable | None) -> None:
        self.value = value
        self.label = self._line()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()

        def chosen(answer: tuple[bool, Hashable | None] | None) -> None:
            if answer is not None and answer[0] and answer[1] != self.value:
                self.set_value(answer[1])
                self.post_message(self.Changed(self, answer[1]))

        self.app.push_screen(ChooseScreen(self.question, self.choices, self.value), chosen)
