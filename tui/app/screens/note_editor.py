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
from tui.core import wording
from tui.core.models import Note, NoteKind
from tui.core.service import display_time
from tui.core.text import end_sentence

NO_LINK = ""


class NoteEditorScreen(BaseScreen):
    AUTO_FOCUS = "#title"
    TITLE_TEXT = "Note"
    MAIN_SCROLLS = True
    BINDINGS = bindings.NOTE_EDITOR

    def __init__(
        self,
        note_id: int | None,
        link: str = "",
        kind: NoteKind = NoteKind.PLAIN,
        title: str = "",
        draft: dict[str, str] | None = None,
    ) -> None:
        """``draft``: words a previous run left unsaved, to finish (see drafting.py)."""
        super().__init__()
        self.note_id = note_id
        self.initial_link = link
        self.initial_kind = kind
        self.initial_title = title
        self.draft = draft

    def _note(self) -> Note | None:
        return self.nav.notes.get(self.note_id) if self.note_id is not None else None

    def heading_text(self) -> str:
        note = self._note()
        if note is None:
            # Short: the Title field comes next, and a reader that reads every changed
            # line (Fenrir) says it within the three seconds a person waits.
            return f"New note. {self.key_of('editor.save')} saves."
        return f"Note: {end_sentence(note.display_title)} Written {display_time(note.created)}."

    def compose_body(self) -> ComposeResult:
        note = self._note()
        link = note.link if note else self.initial_link
        kind = (note.kind if note else self.initial_kind).value
        title, body = (note.title, note.body) if note else (self.initial_title, "")
        if self.draft is not None:
            title, body = self.draft.get("title", title), self.draft.get("body", body)
            kind, link = self.draft.get("kind", kind), self.draft.get("link", link)
        targets = [(t.label, t.link) for t in self.nav.link_targets()]
        yield field_row("Title", quiet_input(title, input_id="title"))
        yield field_row("Text", quiet_text_area(body, area_id="body"), tall=True)
        yield ChoiceField(
            "Kind",
            [(k.label, k.value) for k in NoteKind],
            kind,
            question="What kind of note is it?",
            id="kind",
        )
        yield ChoiceField(
            "About",
            [(wording.NOT_LINKED, NO_LINK), *targets],
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
        if self.draft is not None:  # what the draft holds is what is to be saved
            self._stored_body = self.draft.get("body", self._stored_body)
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

    # ------------------------------------------------------------------ drafts
    @property
    def draft_key(self) -> str:
        return "note:new" if self.note_id is None else f"note:{self.note_id}"

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._keep_draft()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._keep_draft()

    def _keep_draft(self) -> None:
        if not hasattr(self, "_body_as_shown") or self._is_empty_new():
            return  # not shown yet, or nothing typed
        title, body, link = self._values()
        note = self._note()
        if note is not None and (note.title, note.body, note.link, note.kind) == (
            title,
            body,
            link,
            self._kind(),
        ):
            self._draft_done()  # as it is saved: nothing to keep
            return
        fields = {"title": title, "body": body, "kind": self._kind().value, "link": link}
        shown = title.strip() or "without a title"
        label = f"a new note, {shown}" if self.note_id is None else f"changes to the note {shown}"
        self.nav_app.drafts.typed(self.draft_key, fields, label)

    def _draft_done(self) -> None:
        self.nav_app.drafts.done("note:new")
        if self.note_id is not None:
            self.nav_app.drafts.done(f"note:{self.note_id}")

    # -------------------------------------------------------------------- saving
    def save(self) -> bool:
        """Save what is on screen. True when saved (or nothing to save)."""
        if self._is_empty_new():
            self._draft_done()
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
        self._draft_done()
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
