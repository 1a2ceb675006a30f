"""One visit: its day, who it is with and why, and the notes raised at it with answers.

Every line says its field and value in words; Enter changes it (a prompt or a
choice on a screen of its own), and each change is one write. On a raised note,
Enter changes the answer and l puts the note back on the list for the next visit (not
u: that is urgent help, on every screen).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.exporting import ask_and_export
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.screens.visit_summary import print_job
from tui.app.screens.visits import edit_answer
from tui.app.widgets import option
from tui.core import paths, printing, reminders, visit_record, wording
from tui.core.appointment import APPOINTMENT_KINDS
from tui.core.checkins import parse_day
from tui.core.models import long_date
from tui.core.text import end_sentence, one_line
from tui.core.visits import Visit


class VisitRecordScreen(ListScreen):
    TITLE_TEXT = "Visit"
    BINDINGS = bindings.VISIT_RECORD
    LIST_ID = "visit-record"

    def __init__(self, visit_id: int, added: bool = False) -> None:
        super().__init__()
        self.visit_id = visit_id
        self.added = added
        # A visit just added: the day is said, so start on who it is with.
        self.first_line = "person" if added else None

    @property
    def visit(self) -> Visit:
        return self.nav.visits.get(self.visit_id)

    def heading_text(self) -> str:
        return f"Visit on {self.visit.title(self.nav.people)}"

    def on_mount(self) -> None:
        super().on_mount()
        if self.added:
            self.say(f"Added a visit on {long_date(self.visit.day)}. Now say who with, and why.")

    def refresh_data(self) -> None:
        super().refresh_data()
        self.set_heading(self.heading_text())

    def options(self) -> list[Option]:
        visit = self.visit
        person = self.nav.people.get(visit.person_id) if visit.person_id is not None else None
        options: list[Option] = [
            option(f"Day: {long_date(visit.day)}. Enter changes it.", "day"),
            option(
                f"With someone from My people: {person.name if person else 'nobody chosen'}. "
                "Enter chooses.",
                "person",
            ),
            option(
                f"{end_sentence('With: ' + (one_line(visit.with_whom) or 'no name typed'))} "
                "Enter types one.",
                "with",
            ),
            option(
                f"{end_sentence('Why: ' + (one_line(visit.why) or 'not said yet'))} "
                "Enter changes it.",
                "why",
            ),
            Option(
                Text(
                    "Raised at this visit: Enter changes an answer, l puts a note back on the list",
                    style="bold",
                ),
                id="h-raised",
                disabled=True,
            ),
        ]
        notes = self.nav.visits.raised_at(self.visit_id)
        options += [
            option(
                f"{n.kind.label}: {end_sentence(one_line(n.display_title))} "
                f"Answer: {end_sentence(one_line(n.answer) or 'none noted')}",
                f"note:{n.id}",
            )
            for n in notes
        ]
        if not notes:
            options.append(option("No notes marked as raised here yet.", "none", disabled=True))
        options.append(
            option(
                f"Add a note raised at this visit (key {self.key_of('visit_record.raise')}).",
                "raise",
            )
        )
        options += [
            option("Print this visit's record, with what was said.", "print"),
            option("Export this visit's record to a file: Markdown, text or JSON.", "export"),
            option(
                "Save this visit for your calendar: a file with a reminder the day before.",
                "calendar",
            ),
        ]
        return options

    def opened(self, target: str) -> None:
        visit = self.visit
        if target == "day":
            self._prompt(
                "The day of the visit, like 2026-06-12", "Day", visit.day.isoformat(), "day"
            )
        elif target == "with":
            self._prompt("Who is the visit with", "With", visit.with_whom, "with_whom")
        elif target == "why":
            self._prompt("What is the visit for", "Why", visit.why, "why")
        elif target == "person":
            self._choose_person()
        elif target.startswith("note:"):
            edit_answer(self, int(target.removeprefix("note:")))
        elif target == "raise":
            self.action_raise_note()
        elif target == "print":
            print_job(self, printing.plan_visit_record(self.nav, visit))
        elif target == "export":
            self._export()
        elif target == "calendar":
            ask_and_export(
                self,
                "Save this visit for your calendar. Name the file (.ics), then open it with "
                "your calendar program",
                str(paths.visit_record_file(visit.day.isoformat(), "ics")),
                lambda _path: reminders.visit_ics(visit, self.nav.people),
                "the visit for your calendar",
            )

    def _export(self) -> None:
        visit = self.visit

        def payload(path: Path) -> bytes:
            suffix = path.suffix.lower().lstrip(".")
            return visit_record.payload(
                self.nav, visit, suffix if suffix in ("txt", "json") else "md"
            )

        ask_and_export(
            self,
            "Export this visit's record. Name the file: .md for Markdown, .txt for text, "
            ".json for programs",
            str(paths.visit_record_file(visit.day.isoformat(), "md")),
            payload,
            "the record of your visit",
        )

    def _prompt(self, title: str, label: str, value: str, field: str) -> None:
        def typed(text: str | None) -> None:
            if text is None:
                self.say("Nothing was changed.")
                return
            if field == "day":
                day = self.attempt(lambda: parse_day(text, future=True))
                if day is None:
                    return
                change: dict[str, object] = {"day": day}
            else:
                change = {field: text}
            saved = self.attempt(lambda: self.nav.visits.update(self.visit_id, **change))  # type: ignore[arg-type]
            if saved is not None:
                self.say(f"Saved: {saved.sentence(self.nav.people)}")

        self.app.push_screen(PromptScreen(title, label, value), typed)

    def _choose_person(self) -> None:
        people = [(p.name, p.id) for p in self.nav.people.all()]
        choices = [("Nobody from My people", None), *people]

        def chosen(answer: tuple[bool, object] | None) -> None:
            if answer is None or not answer[0]:
                return
            person_id = answer[1] if isinstance(answer[1], int) else None
            saved = self.attempt(lambda: self.nav.visits.update(self.visit_id, person_id=person_id))
            if saved is not None:
                self.say(f"Saved: {saved.sentence(self.nav.people)}")

        self.app.push_screen(
            ChooseScreen("Who from My people is the visit with?", choices, self.visit.person_id),
            chosen,
        )

    def action_unraise(self) -> None:
        target = self.highlighted_line()
        if not target.startswith("note:"):
            self.say("Move to a raised note to put it back on the list for your next visit.")
            return
        note = self.attempt(lambda: self.nav.notes.unraise(int(target.removeprefix("note:"))))
        if note is not None:
            self.refresh_data()
            self.say(f"Saved: '{note.display_title}' is back on the list for your next visit.")

    def action_open_note(self) -> None:
        target = self.highlighted_line()
        if target.startswith("note:"):
            self.nav_app.open_note(int(target.removeprefix("note:")))

    def action_raise_note(self) -> None:
        waiting = [n for n in self.nav.notes.all() if n.kind in APPOINTMENT_KINDS and not n.raised]
        if not waiting:
            self.say("No note is waiting to be raised. Give a note a kind, such as Question.")
            return
        choices = [(f"{n.kind.label}: {one_line(n.display_title)}", n.id) for n in waiting]

        def chosen(answer: tuple[bool, object] | None) -> None:
            if answer is None or not answer[0] or not isinstance(answer[1], int):
                return
            self._ask_answer_and_raise(answer[1])

        self.app.push_screen(
            ChooseScreen("Which note was raised at this visit?", choices, None), chosen
        )

    def _ask_answer_and_raise(self, note_id: int) -> None:
        note = self.nav.notes.get(note_id)

        def typed(text: str | None) -> None:
            answer = text or ""
            done = self.attempt(lambda: self.nav.visits.raise_note(note_id, answer, self.visit_id))
            if done is not None:
                self.say(f"Saved: '{note.display_title}' is marked as raised at this visit.")

        self.app.push_screen(
            PromptScreen(
                f"What did the care team say about '{note.display_title}'? "
                "Type a word or two, or Enter if nothing",
                "Answer",
                note.answer,
            ),
            typed,
        )

    def action_delete_visit(self) -> None:
        visit = self.visit

        def answered(yes: bool | None) -> None:
            if not yes:
                self.say(wording.KEPT)
            elif self.attempt(lambda: self.nav.visits.delete(visit.id)) is not None:
                self.nav_app.go_back(wording.VISIT_DELETED)

        self.app.push_screen(
            ConfirmScreen(
                wording.delete_visit(visit.title(self.nav.people)),
                "Delete it",
            ),
            answered,
        )
