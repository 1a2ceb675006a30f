"""Writing or changing one note.

ctrl+s saves; Escape, or the "Save and go back" button at the end, saves and goes
back. If a save fails, the text stays on the screen with a sentence saying why,
and leaving asks first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, Input, TextArea

from tui.app import bindings
from tui.app.fields import ChoiceField, quiet_text_area
from tui.app.screens.base import BaseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.dialog import answer_button
from tui.app.widgets import field_row, quiet_input
from tui.core.models import Note, NoteKind
from tui.core.service import display_time

NO_LINK = ""


class NoteEditorScreen(BaseScreen):
    TITLE_TEXT = "Note"
    BINDINGS = bindings.NOTE_EDITOR

    def __init__(
        self,
        note_id: int | None,
        link: str = "",
        kind: NoteKind = NoteKind.PLAIN,
        title: str = "",
    ) -> None:
        super().__init__()
        self.note_id = note_id
        self.initial_link = link
        self.initial_kind = kind
        self.initial_title = title

    def _note(self) -> Note | None:
        return self.nav.notes.get(self.note_id) if self.note_id is not None else None

    def heading_text(self) -> str:
        note = self._note()
        if note is None:
            return "New note. Type a title, then Tab to the text. ctrl+s saves."
        return f"Note: {note.display_title}. Written {display_time(note.created)}."

    def compose_body(self) -> ComposeResult:
        note = self._note()
        link = note.link if note else self.initial_link
        targets = [(t.label, t.link) for t in self.nav.link_targets()]
        yield field_row(
            "Title", quiet_input(note.title if note else self.initial_title, input_id="title")
        )
        yield field_row(
            "Text", quiet_text_area(note.body if note else "", area_id="body"), tall=True
        )
        yield ChoiceField(
            "Kind",
            [(k.label, k.value) for k in NoteKind],
            (note.kind if note else self.initial_kind).value,
            question="What kind of note is it?",
            id="kind",
        )
        yield ChoiceField(
            "About",
            [("Not linked to a topic or item", NO_LINK), *targets],
            link or NO_LINK,
            question="Which topic or checklist item is the note about?",
            id="link",
        )
        yield answer_button("Save and go back", "save-back")

    def on_mount(self) -> None:
        super().on_mount()
        # The text area may show a stored body differently (it evens out line
        # endings). Remember how it showed it, so an unedited body is saved as it was.
        note = self._note()
        self._stored_body = note.body if note else ""
        self._body_as_shown = self.query_one("#body", TextArea).text
        self.query_one("#title", Input).focus()

    def _kind(self) -> NoteKind:
        value = self.query_one("#kind", ChoiceField).value
        return NoteKind(value) if isinstance(value, str) else NoteKind.PLAIN

    def _values(self) -> tuple[str, str, str]:
        title = self.query_one("#title", Input).value
        body = self.query_one("#body", TextArea).text
        if body == self._body_as_shown:
            body = self._stored_body
        link_value = self.query_one("#link", ChoiceField).value
        link = link_value if isinstance(link_value, str) else NO_LINK
        return title, body, link

    def _is_empty_new(self) -> bool:
        title, body, _ = self._values()
        untouched_title = title == self.initial_title
        return self.note_id is None and (not title.strip() or untouched_title) and not body.strip()

    def save(self) -> bool:
        """Save what is on screen. True when saved (or nothing to save)."""
        if self._is_empty_new():
            return True
        title, body, link = self._values()
        kind = self._kind()
        if self.note_id is None:
            note = self.attempt(lambda: self.nav.notes.create(title, body, link, kind))
        else:
            note_id = self.note_id
            note = self.attempt(lambda: self.nav.notes.update(note_id, title, body, link, kind))
        if note is None:
            return False
        self.note_id = note.id
        self.nav_app.just_saved = f"note:{note.id}"
        self._stored_body = note.body
        self._body_as_shown = self.query_one("#body", TextArea).text
        return True

    def action_save(self) -> None:
        if self._is_empty_new():
            self.say("Nothing to save yet. Type a title or some text first.")
        elif self.save():
            self.set_heading(self.heading_text())
            note = self._note()
            when = display_time(note.updated) if note else "just now"
            self.say(f"Saved the note. Last changed {when}.")

    def save_before_leaving(self) -> bool:
        return self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-back":
            self.action_save_and_back()

    def action_save_and_back(self) -> None:
        if self._is_empty_new():
            self.nav_app.go_back(message="Nothing was written, so no note was saved.")
            return
        if self.save():
            self.nav_app.go_back(message="Saved the note.")
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.nav_app.go_back(message="Left without saving. The note was not saved.")

        self.app.push_screen(
            ConfirmScreen(
                "The note could not be saved (the message below says why). "
                "Leave anyway and lose what you typed here?",
                "Leave without saving",
                "No, stay here",
            ),
            answered,
        )
