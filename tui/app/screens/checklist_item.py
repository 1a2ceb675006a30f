"""One checklist item: mark it done, say who helps, add a short note, see linked notes.

Every change is saved at once: the two text fields save as you type, and say
"Saved" when you leave them or press Enter.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, Input, Static

from tui.app import bindings
from tui.app.fields import ChoiceField
from tui.app.screens.base import BaseScreen
from tui.app.widgets import ReaderList, field_row, option, plain, quiet_input
from tui.core import wording
from tui.core.models import ChecklistEntry
from tui.core.service import ITEM_LINK


class ChecklistItemScreen(BaseScreen):
    AUTO_FOCUS = "#toggle"
    TITLE_TEXT = "Checklist item"
    MAIN_SCROLLS = True
    BINDINGS = bindings.CHECKLIST_ITEM

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id
        self._announced: dict[str, str] = {}

    @property
    def entry(self) -> ChecklistEntry:
        return self.nav.checklist.entry(self.item_id)

    def heading_text(self) -> str:
        return f"Checklist item: {self.entry.text}"

    def compose_body(self) -> ComposeResult:
        entry = self.entry
        # The status first: it has focus, so it is heard right after the heading (the
        # reason below it was said first, some 100 characters).
        yield Button(self._toggle_label(entry), id="toggle", compact=True)
        if entry.why:
            yield Static(plain(f"Why it helps: {entry.why}"), classes="intro")
        people = [(person.name, person.id) for person in self.nav.people.all()]
        known = {person_id for _, person_id in people}
        yield ChoiceField(
            "Person",
            [("Nobody from My people", None), *people],
            entry.person_id if entry.person_id in known else None,
            question="Who from My people helps with this?",
            id="person",
        )
        yield field_row("Who helps", quiet_input(entry.helper, input_id="helper"))
        yield field_row("My note", quiet_input(entry.note, input_id="note"))
        yield Static(plain("Notes about this item:"), classes="intro")
        yield ReaderList(id="linked")

    def _toggle_label(self, entry: ChecklistEntry) -> str:
        return f"Status: {entry.status_words}. Enter changes it."

    def on_mount(self) -> None:
        super().on_mount()
        entry = self.entry
        self._announced = {"helper": entry.helper, "note": entry.note}
        self.refresh_data()
        self.query_one("#toggle", Button).focus()

    def refresh_data(self) -> None:
        linked = self.query_one("#linked", ReaderList)
        keep = linked.highlighted_id()
        options = [
            option(f"Note: {n.display_title}", f"note:{n.id}")
            for n in self.nav.notes.linked_to(ITEM_LINK + self.item_id)
        ]
        options.append(option(wording.ADD_ITEM_NOTE, "add-note"))  # ctrl+n: the keys line
        if self.entry.topic_id:
            title = self.nav.topic(self.entry.topic_id).title
            options.append(option(f"Read the topic: {title}", "topic"))
        linked.set_options(options)
        linked.highlight_id(keep)

    def action_toggle_done(self) -> None:
        changed = self.attempt(lambda: self.nav.checklist.toggle_done(self.item_id))
        if changed is not None:
            self.query_one("#toggle", Button).label = self._toggle_label(changed)
            progress = self.nav.checklist.progress()
            self.say(wording.item_saved(changed.status_words, progress.sentence()))
            self.place_cursor()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "toggle":
            self.action_toggle_done()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if event.field.id != "person":
            return
        person_id = event.value if isinstance(event.value, int) else None
        if person_id == self.entry.person_id:
            return
        if self.attempt(lambda: self.nav.checklist.set_person(self.item_id, person_id)) is not None:
            person = self.nav.people.get(person_id) if person_id is not None else None
            self.say(
                f"Saved: {person.name} helps with this." if person else "Saved: nobody chosen."
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        self._save_field(event.input, announce=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save_field(event.input, announce=True)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._save_field(event.input, announce=True)

    def _save_field(self, field: Input, announce: bool) -> None:
        name = field.id or ""
        value = field.value
        if name == "helper":
            saved = self.attempt(lambda: self.nav.checklist.set_helper(self.item_id, value))
        elif name == "note":
            saved = self.attempt(lambda: self.nav.checklist.set_item_note(self.item_id, value))
        else:
            return
        if saved is not None and announce and self._announced.get(name) != value:
            self._announced[name] = value
            what = "who helps" if name == "helper" else "your note"
            self.say(f"Saved {what}.")

    def action_save(self) -> None:
        """ctrl+s: save the field being typed in now, and say that all is saved (it is:
        every change here is saved as it is made)."""
        focused = self.focused
        if isinstance(focused, Input) and focused.id in ("helper", "note"):
            value = focused.value
            setter = (
                self.nav.checklist.set_helper
                if focused.id == "helper"
                else self.nav.checklist.set_item_note
            )
            if self.attempt(lambda: setter(self.item_id, value)) is None:
                return
            self._announced[focused.id] = value
        self.say("Saved. Everything on this item is saved as you change it.")

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        target = event.option.id or ""
        if target.startswith("note:"):
            self.nav_app.open_note(int(target.removeprefix("note:")))
        elif target == "add-note":
            self.action_add_note()
        elif target == "topic" and self.entry.topic_id:
            self.nav_app.open_topic(self.entry.topic_id)

    def action_add_note(self) -> None:
        self.nav_app.open_note(None, link=ITEM_LINK + self.item_id)
