"""The list of notes, newest first, with a filter that narrows it as you type."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Input

from tui.app import bindings
from tui.app.long_list import LongList
from tui.app.screens.typed_search import TypedSearch
from tui.app.widgets import TextLine, field_row, quiet_input
from tui.core import wording
from tui.core.days import short_day
from tui.core.models import Note, NoteKind
from tui.core.text import end_sentence, flat_line

#: The longest row of the notes list: six of them (the rows the stylesheet shows at
#: once) and the rest of the screen make ~400 characters, what a reader may say as the
#: screen opens (tests/test_speech_budget.py).
NOTE_ROW = 52


def note_row(note: Note) -> str:
    """'Question: Heat. 30 Nov.': the kind (a plain note, most notes, says none), the
    title and the day it was written, in at most NOTE_ROW characters, so six rows of
    the list cost a reader no more than ~320 characters: a long title is cut with
    "…". The note itself (Enter) says the rest: the time, what it is about, the body."""
    kind = "" if note.kind is NoteKind.PLAIN else f"{note.kind.label}: "
    day = f" {short_day(note.created)}."
    title = end_sentence(flat_line(note.display_title))
    room = NOTE_ROW - len(kind) - len(day)
    if len(title) > room:
        title = title[: room - 1].rstrip(" .,;:") + "…"
    return f"{kind}{title}{day}"


class NotesScreen(TypedSearch):
    AUTO_FOCUS = "#notes"
    TITLE_TEXT = "Notes"
    BINDINGS = bindings.NOTES

    def compose_body(self) -> ComposeResult:
        yield field_row("Filter notes", quiet_input(input_id="filter"))
        yield TextLine(id="count", classes="intro")
        yield LongList(id="notes")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()
        self.query_one("#notes", LongList).focus()

    def refresh_data(self) -> None:
        notes_list = self.query_one("#notes", LongList)
        if self.typing:
            notes_list.set_items([])
            return
        keep = notes_list.highlighted_id()
        needle = self.query_one("#filter", Input).value
        notes = self.nav.notes.all(needle)
        total = self.nav.notes.count()
        if notes:  # each line is made only when it is shown: 50,000 cost what 20 do
            notes_list.set_lazy_items(
                len(notes),
                lambda index: f"note:{notes[index].id}",
                lambda index: note_row(notes[index]),
                lambda item_id: _place_of(notes, item_id),
            )
        else:  # a line for the cursor to rest on, so a reader hears why it is empty
            empty = "No notes match this filter." if total else "You have no notes yet."
            notes_list.set_items([("empty", f"{empty} Press a to write one.")], disabled=["empty"])
        notes_list.highlight_id(self.nav_app.take_just_saved() or keep)
        notes_list.place_cursor()
        count = self.query_one("#count", TextLine)
        if not total:
            count.show("0 notes.")
        elif needle.strip():
            count.show(f"{len(notes)} of {total} notes match '{needle.strip()}'.")
        else:
            count.show("1 note, newest first." if total == 1 else f"{total} notes, newest first.")

    def on_input_changed(self, event: Input.Changed) -> None:
        """While words are typed, only the field changes, so a screen reader echoes each
        letter, not the list redrawn at each letter; after a pause the count line says
        how many notes match; the list follows when the person moves to it."""
        if event.input.id == "filter":
            self.typed_into(event.input)

    def say_count(self) -> None:
        needle = self.query_one("#filter", Input).value.strip()
        total = self.nav.notes.count()
        matching = len(self.nav.notes.all(needle)) if needle else total
        self.query_one("#count", TextLine).show(
            f"{matching} of {total} notes match '{needle}'. Enter or Down shows them."
            if needle
            else f"{total} notes. Enter or Down shows them."
        )

    def on_descendant_focus(self, event: object) -> None:
        self.left_field(self.query_one("#filter", Input))  # to the list: built now
        super().on_descendant_focus(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one("#notes", LongList).focus()

    def on_key(self, event: events.Key) -> None:
        """In the filter, Down, Escape and ctrl+g go to the list (Escape leaves the field
        first, the screen only after)."""
        if self.focused is self.query_one("#filter", Input) and event.key in (
            "down",
            "escape",
            "ctrl+g",
        ):
            event.stop()
            event.prevent_default()
            self.query_one("#notes", LongList).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()
        # Said, not only shown by the cursor: Orca spoke nothing after `/`.
        self.say("Type words to filter the notes, then Enter or Down goes to them.")

    def action_new_note(self) -> None:
        self.nav_app.open_note(None)

    def _current_id(self) -> int | None:
        option_id = self.query_one("#notes", LongList).highlighted_id()
        if option_id is None or not option_id.startswith("note:"):
            return None
        return int(option_id.removeprefix("note:"))

    def on_long_list_selected(self, event: LongList.Selected) -> None:
        if event.item_id.startswith("note:"):
            self.nav_app.open_note(int(event.item_id.removeprefix("note:")))

    def action_delete_note(self) -> None:
        note_id = self._current_id()
        if note_id is None:
            self.say("There is no note to delete here.")
            return
        note = self.nav.notes.get(note_id)

        self.delete_if_confirmed(
            f"{wording.delete_note(note.display_title)} This cannot be undone.",
            lambda: self.nav.notes.delete(note_id),
            f"Deleted the note '{note.display_title}'.",
            lambda: self._offer_to_remove_from_copies(note_id, note.display_title),
        )

    def _offer_to_remove_from_copies(self, note_id: int, title: str) -> None:
        """The dated backup copies still hold the deleted note: ask (No has focus)
        whether to remove it from them too, or say where it remains."""
        from tui.app.screens.confirm import ConfirmScreen
        from tui.core import copies

        held = self.nav.notes.copies_holding(note_id)
        deleted = f"Deleted the note '{title}'."
        aside = self.nav.notes.kept_aside_sentence(note_id)  # files the app never changes
        if aside:
            self.say(f"{deleted} {aside}")
        if not held:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                kept = copies.kept_the_copies(held)
                self.say(" ".join(part for part in (deleted, kept, aside) if part))
            elif removed := self.attempt(lambda: self.nav.notes.remove_from_copies(note_id)):
                self.say(" ".join(part for part in (deleted, removed.sentence(), aside) if part))

        question = f"{deleted} {copies.remove_question(held)}"  # the result first
        self.app.push_screen(ConfirmScreen(question, "Remove it", "No, keep the copies"), answered)


def _place_of(notes: list[Note], item_id: str) -> int | None:
    """Where the note ``item_id`` ('note:12') is in ``notes``: the one kept highlighted
    after a change is nearly always near the top, so a scan finds it soonest."""
    number = item_id.removeprefix("note:")
    if not number.isdigit():
        return None
    wanted = int(number)
    return next((index for index, note in enumerate(notes) if note.id == wanted), None)
