"""A question asked on the screen itself, in a field above its list, not on a screen of
its own.

A screen of its own changes every line twice: Fenrir speaks every line that changed,
so coming back from it the whole screen was read again (1,112 characters on Prepare for
a visit) for a result of one line. Asked here, the question and its field are two or
three lines that come and go above the list, and the result is the status line (and the
line of the list that changed).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app import bindings
from tui.app.screens.base import BaseScreen
from tui.app.widgets import EchoedInput, field_row, plain
from tui.core.text import end_sentence

#: What ``then`` is given: the words typed (stripped), or None for nothing or Escape.
Then = Callable[[str | None], None]


class AskField(EchoedInput):
    """The field: Escape and ctrl+g cancel the question (they do not leave the screen)."""

    BINDINGS = bindings.PROMPT

    def __init__(self) -> None:
        super().__init__("", id="answer", compact=True, select_on_focus=False)
        self.cursor_blink = False

    def on_resize(self) -> None:
        """Shown (it was hidden, of no size): now laid out, the cursor goes into it, and
        the question goes out in one write with the cursor already there."""
        screen = self.screen
        if self.has_focus and isinstance(screen, AskHere):
            self.call_after_refresh(screen.release_whole)

    def action_cancel(self) -> None:
        screen = self.screen
        if isinstance(screen, AskHere):
            screen.cancel_asking()


class AskHere(BaseScreen):
    """A screen that asks one line of text above its list (``compose_ask`` places it)."""

    #: What to do with the answer, and the draft's label (None: no draft is kept).
    _asking: tuple[Then, str | None] | None = None
    #: What had focus before the question, and has it again after.
    _focused_before: Widget | None = None

    def compose_ask(self) -> ComposeResult:
        with Vertical(id="ask-here") as asking:
            asking.display = False
            yield Static("", id="ask-question")
            yield field_row("Answer", AskField())

    def ask_here(
        self, question: str, label: str, value: str, then: Then, draft: str | None = None
    ) -> None:
        """Ask ``question`` (its own line: typing clears the status line) with a field
        labelled ``label`` holding ``value``; ``draft`` names what a draft of it is."""
        self._asking = (then, draft)
        # One write for the question, its field and the cursor in it: drawn in two,
        # the cursor's move came alone, and Fenrir cut the question off to read the
        # field's line ("File: …"; the paced journey's step `e`).
        self.nav_app.hold_output()
        if self._focused_before is None:
            self._focused_before = self.focused
        self.query_one("#ask-question", Static).update(
            plain(f"{end_sentence(question)} Escape cancels.")
        )
        self.query_one("#ask-here .field-label", Static).update(plain(f"{label}: "))
        field = self.query_one("#answer", AskField)
        field.value = value
        field.cursor_position = len(value)
        self.query_one("#ask-here").display = True
        self.status.clear()
        self.set_focus(field)

    @property
    def asking(self) -> bool:
        return self._asking is not None

    def _close(self) -> Then | None:
        """Hide the question and its field; the list has the focus again."""
        asked, self._asking = self._asking, None
        self.nav_app.drafts.done(DRAFT_KEY)
        self.query_one("#ask-here").display = False
        before, self._focused_before = self._focused_before, None
        self.set_focus(before)
        return asked[0] if asked else None

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._asking is not None and self._asking[1] and event.value.strip():
            self.nav_app.drafts.typed(DRAFT_KEY, {"text": event.value}, self._asking[1])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "answer":
            return
        event.stop()
        then = self._close()
        if then is not None:
            then(event.value.strip() or None)
            # Handled after its Enter key was, so ``say`` did not put the cursor on the
            # result: the line with the cursor (braille, Orca) says what happened.
            self.show_result_on_cursor_line()

    def cancel_asking(self) -> None:
        """Escape (or ctrl+g) in the field: ``then`` hears None."""
        then = self._close()
        if then is not None:
            then(None)


#: The draft of an answer typed here (the key the prompt screen gives its "Answer" too).
DRAFT_KEY = "prompt:Answer"
