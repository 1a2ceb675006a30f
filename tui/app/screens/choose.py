"""Choose one of several answers on a screen of its own, one answer a line.

A drop-down list was drawn over the lines below it, so a screen reader read each
answer together with leftovers of those lines ("About: Question"). Here the
choices take the whole screen, like every other list: the arrow keys move, Enter
chooses, and n, Escape, ctrl+g, b or Backspace leave the answer as it was.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical

from tui.app import bindings
from tui.app.screens.dialog import DialogScreen
from tui.app.widgets import Gutter, ReaderList, option

#: A choice's words and its value (None: nothing chosen).
Choice = tuple[str, Hashable | None]


class ChooseScreen(DialogScreen[tuple[bool, Hashable | None]]):
    AUTO_FOCUS = "#choices"
    """Dismisses with (True, value) when a choice is made, (False, None) when left."""

    BINDINGS = bindings.CHOOSE

    def __init__(self, question: str, choices: Sequence[Choice], current: Hashable | None) -> None:
        super().__init__(f"{question} Enter chooses.")
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        yield Gutter()
        with Vertical(id="dialog"):
            yield self.question_line()
            yield ReaderList(
                *[option(words, f"choice-{n}") for n, (words, _value) in enumerate(self.choices)],
                id="choices",
            )
        yield self.key_line()

    def on_mount(self) -> None:
        choices = self.query_one(ReaderList)
        values = [value for _words, value in self.choices]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        index = int((event.option.id or "choice-0").removeprefix("choice-"))
        self.dismiss((True, self.choices[index][1]))

    def action_leave(self) -> None:
        self.dismiss((False, None))
