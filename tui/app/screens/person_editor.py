"""Adding or changing one person: name, role, specialty, how to reach them, what they help with."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, Input

from tui.app import bindings
from tui.app.fields import ChoiceField
from tui.app.screens.base import BaseScreen
from tui.app.screens.dialog import answer_button
from tui.app.widgets import field_row, quiet_input
from tui.core.models import Person, Role
from tui.core.text import end_sentence

FIELDS = (
    ("name", "Name", ""),
    ("specialty", "Specialty", "for example neurologist"),
    ("contact", "How to reach them", "a phone number or an email"),
    ("helps_with", "Helps with", "for example meals, or a call when I need a smile"),
)


class PersonEditorScreen(BaseScreen):
    AUTO_FOCUS = "#name"
    TITLE_TEXT = "Person"
    MAIN_SCROLLS = True
    BINDINGS = bindings.PERSON_EDITOR

    def __init__(self, person_id: int | None, draft: dict[str, str] | None = None) -> None:
        """``draft``: words a previous run left unsaved, to finish (see drafting.py)."""
        super().__init__()
        self.person_id = person_id
        self.draft = draft
        self.changed = False  # whether the last save wrote anything

    def _person(self) -> Person | None:
        return self.nav.people.get(self.person_id) if self.person_id is not None else None

    def heading_text(self) -> str:
        person = self._person()
        name = person.name if person else "a new person or group"
        return f"Person: {end_sentence(name)} ctrl+s saves."

    def compose_body(self) -> ComposeResult:
        person = self._person()
        shown = {f: str(getattr(person, f)) if person else "" for f, *_ in FIELDS}
        shown["role"] = (person.role if person else Role.FRIEND_FAMILY).value
        shown.update(self.draft or {})
        yield field_row("Name", quiet_input(shown["name"], input_id="name"))
        yield ChoiceField(
            "Role",
            [(r.label, r.value) for r in Role],
            shown["role"],
            question="What is their role in your support network?",
            id="role",
        )
        for field_id, label, example in FIELDS[1:]:
            yield field_row(label, quiet_input(shown[field_id], example, input_id=field_id))
        yield answer_button("Save and go back", "save-back")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name", Input).focus()

    def _values(self) -> dict[str, str]:
        values = {field_id: self.query_one(f"#{field_id}", Input).value for field_id, *_ in FIELDS}
        role = self.query_one("#role", ChoiceField).value
        values["role"] = role if isinstance(role, str) else Role.OTHER.value
        return values

    @property
    def draft_key(self) -> str:
        return "person:new" if self.person_id is None else f"person:{self.person_id}"

    def on_input_changed(self, _event: Input.Changed) -> None:
        values = self._values()
        if any(values[f].strip() for f, *_ in FIELDS):
            name = values["name"].strip() or "without a name"
            label = f"a new person, {name}" if self.person_id is None else f"changes to {name}"
            self.nav_app.drafts.typed(self.draft_key, values, label)

    def _draft_done(self) -> None:
        self.nav_app.drafts.done("person:new")
        if self.person_id is not None:
            self.nav_app.drafts.done(f"person:{self.person_id}")

    def save(self) -> bool:
        """Save what is on screen. True when saved, or when there was nothing to save."""
        self.changed = False
        values = self._values()
        if self.person_id is None and not any(values[f].strip() for f, *_ in FIELDS):
            self._draft_done()
            return True  # nothing typed: nothing to save
        people = self.nav.people
        before = self._person()
        if self.person_id is None:
            person = self.attempt(lambda: people.add(**values))
        else:
            person_id = self.person_id
            person = self.attempt(lambda: people.update(person_id, **values))
        if person is None:
            return False
        self.changed = person != before
        self.person_id = person.id
        self._draft_done()
        self.nav_app.just_saved = f"person:{person.id}"
        return True

    def save_before_leaving(self) -> bool:
        return self.save()

    def action_save(self) -> None:
        if self.save():
            self.set_heading(self.heading_text())
            self.say("Saved." if self.changed else "Nothing had changed, so nothing was saved.")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-back":
            self.action_save_and_back()

    def action_save_and_back(self) -> None:
        if self.save():
            self.nav_app.go_back(message="Saved." if self.changed else "")
