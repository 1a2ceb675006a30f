"""The plain mode's menus for preparing a visit, My people, and your data."""

from __future__ import annotations

from pathlib import Path

from tui.core import appointment, backup, paths, summary_html, wording
from tui.core.models import Note, NoteKind, Role
from tui.core.text import end_sentence, one_line
from tui.core.visits import Visit
from tui.plain.followup import FollowUpMenus
from tui.plain.records import RecordsMenus

ROLES = list(Role)


class MoreMenus(FollowUpMenus, RecordsMenus):
    # ---------------------------------------------------------------- visit
    def visit(self) -> None:
        while True:
            to_raise = appointment.to_raise(self.nav)
            raised = appointment.already_raised(self.nav)
            lines = [
                f"{n.kind.label}: {end_sentence(one_line(n.display_title))} Not raised yet."
                for n in to_raise
            ]
            lines += [
                wording.raised_line(n.kind.label, one_line(n.display_title), one_line(n.answer))
                for n in raised
            ]
            self.out.say("")
            next_visit = self.nav.visits.next()
            if next_visit is not None:
                self.out.user_line("", next_visit.sentence(self.nav.people))
            else:
                self.out.say("No next visit planned. Type d to add its date.")
            heading, items = appointment.last_time(self.nav)
            if heading:
                self.out.user_line("", end_sentence(heading))
                for item in items or ["Nothing was noted as raised at that visit."]:
                    self.out.user_line("", item)
            if records := appointment.records_in_brief(self.nav):
                self.out.user_line("", records)
            if not lines:
                self.out.say("Nothing on your list yet. Give a note a kind, or add one here.")
            self.menu(
                "Prepare for a visit. What to raise with your care team.",
                lines,
                "Type a number to open one, a to add a question, o to add a worry or another "
                "kind of note, w to write about a prompt that helps notice slow change, "
                "d for the next visit's date, m for my visits, med for my medicines, "
                "event to log a fall or another event, "
                "e to export a summary, r to print it, or b for back.",
            )
            answer = self.choose()
            word = answer.lower()
            notes = to_raise + raised
            if word in ("med", "meds", "medicines"):
                self._guard(self.medicines)
            elif word in ("event", "events"):
                self._guard(self.events)
            elif word == "d":
                self._next_visit(next_visit)
            elif word == "m":
                self._guard(self.visits)
            elif word == "r":
                self.print_summary()
            elif word == "a":
                self._new_kind_note(NoteKind.QUESTION, "")
            elif word == "o":
                kind = self.ask_kind(NoteKind.CONCERN, "What kind of note would you like to add?")
                if kind is not None:
                    self._new_kind_note(kind, "")
            elif word == "w":
                self._write_about_a_prompt()
            elif word == "e":
                self._export_summary()
            elif (choice := self.pick(answer, len(notes))) is not None:
                self._guard(self._visit_item, notes[choice].id)

    def _visit_item(self, note_id: int) -> None:
        note = self.nav.notes.get(note_id)
        self.out.say("")
        self.out.user_line(f"{note.kind.label}: ", note.display_title)
        self.out.say(note.body or "(no text)")
        if note.raised:
            self.out.user_line("Raised. Answer: ", note.answer or "none noted")
            choices = ["Change the answer.", "Put it back on the list to raise."]
        else:
            choices = ["Mark it raised, and note the answer.", "Keep it on the list."]
        self.menu("What next?", choices)
        choice = self.pick(self.choose(), 2)
        if choice == 0 and note.raised:
            answer = self.out.ask("What did the care team say? (Enter alone if nothing):")
            if self.attempt(self.nav.notes.set_answer, note_id, answer):
                self.out.say("Saved the answer.")
        elif choice == 0:
            visits = self.nav.visits.raise_choices(note)
            at_visit = self._which_visit(note, visits) if len(visits) > 1 else None
            at_visit = at_visit or (visits[0] if len(visits) == 1 else None)
            if visits and at_visit is None:
                self.out.say(wording.NOT_MARKED)
                return
            answer = self.out.ask("What did the care team say? (Enter alone if nothing):")
            visit_id = at_visit.id if at_visit else None
            done = self.attempt(self.nav.visits.raise_note, note_id, answer, visit_id)
            if done:
                note, visit = done
                at = f" at the visit on {visit.title(self.nav.people)}" if visit else ""
                self.out.user_line(f"Saved: marked as raised{at}: ", note.display_title)
        elif choice == 1 and note.raised:
            again = self.attempt(self.nav.notes.unraise, note_id)
            if again:
                self.out.user_line("Saved: back on the list to raise: ", again.display_title)

    def _which_visit(self, note: Note, visits: list[Visit]) -> Visit | None:
        """The note could be for more than one visit: the person says which."""
        self.menu(
            wording.which_visit(one_line(note.display_title), len(visits)),
            [end_sentence(one_line(v.title(self.nav.people))) for v in visits],
        )
        choice = self.pick(self.choose(), len(visits))
        return None if choice is None else visits[choice]

    def _next_visit(self, visit: Visit | None) -> None:
        if visit is None:
            self.add_visit()
        else:
            self._guard(self.visit_record, visit.id)

    def _write_about_a_prompt(self) -> None:
        prompts = self.nav.library.app.prompts
        self.menu("Which question would you like to write about?", list(prompts))
        choice = self.pick(self.choose(), len(prompts))
        if choice is not None:
            prompt = prompts[choice]
            self._new_kind_note(appointment.prompt_kind(self.nav, prompt), prompt)

    def ask_kind(self, current: NoteKind, question: str) -> NoteKind | None:
        """A kind of note chosen by number; Enter alone keeps ``current``, b keeps it too."""
        kinds = list(NoteKind)
        self.menu(
            question,
            [f"{kind.label}{' (a worry)' if kind is NoteKind.CONCERN else ''}." for kind in kinds],
            f"Type a number, or Enter alone for {current.label}.",
        )
        answer = self.choose()
        if not answer:
            return current
        choice = self.pick(answer, len(kinds))
        return None if choice is None else kinds[choice]

    def _change_kind(self, note: Note) -> None:
        kind = self.ask_kind(note.kind, "What kind of note is it?")
        if kind is None or kind is note.kind:
            self.out.say(f"Nothing was changed. Its kind is still: {note.kind.label}.")
            return
        saved = self.attempt(self.nav.notes.update, note.id, note.title, note.body, None, kind)
        if saved is not None:
            listed = "" if kind is NoteKind.PLAIN else " It is on the list to raise at your visit."
            self.out.say(f"Saved. Its kind is now: {kind.label}.{listed}")

    def _new_kind_note(self, kind: NoteKind, title: str) -> None:
        if not title:
            title = self.out.ask(f"{kind.label}: type it in a few words:")
        else:
            self.out.say(title)
        body = self.type_text(
            "Type more if you like. End with a line holding only a full stop.", title, "", kind
        )
        note = self.attempt(self.nav.notes.create, title, body, "", kind)
        if note:
            self.forget_draft()
            self.out.user_line(f"Saved the note ({kind.label}): ", note.display_title)

    def _ask_path(self, what: str, default: str) -> Path | None:
        answer = self.out.ask(f"{what} Press Enter for {default}, or type another file name:")
        path = Path(answer.strip() or default).expanduser()
        if path.exists() and not self.confirm(wording.already_exists(path)):
            self.out.say("Nothing was exported.")
            return None
        return path

    def _write(self, path: Path | None, payload: bytes) -> None:
        if path is not None:
            written = self.attempt(backup.write_export, path, payload, True)
            if written:
                self.out.user_line("Exported, readable by you only, to: ", str(written))

    def _export_summary(self) -> None:
        default = str(paths.summary_file("txt"))
        path = self._ask_path(
            "Export the summary: .txt for plain text, .md for Markdown, .html for a page to email.",
            default,
        )
        if path is not None and path.suffix.lower() in (".html", ".htm"):
            self._write(path, summary_html.summary(self.nav).encode())
        elif path is not None:
            text = appointment.summary(self.nav, markdown=path.suffix.lower() == ".md")
            self._write(path, text.encode())

    # --------------------------------------------------------------- people
    def people(self) -> None:
        while True:
            people = self.nav.people.all()
            unwanted = self.nav.people.unwanted()
            lines = [one_line(p.sentence()) for p in people]
            lines += [f"I do not want: {one_line(u.text)}" for u in unwanted]
            self.menu(
                "My people: who helps with what, and the help I do not want.",
                lines,
                "Type a number to open or delete one, a to add a person, w to add help you "
                "do not want, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "a":
                self._person_form(None)
            elif answer.lower() == "w":
                text = self.out.ask("What help do you not want?")
                item = self.attempt(self.nav.people.add_unwanted, text)
                if item:
                    self.out.user_line("Saved: you do not want ", item.text)
            elif (choice := self.pick(answer, len(lines))) is not None:
                if choice < len(people):
                    self._guard(self._person, people[choice].id)
                elif not self.confirm(wording.DELETE_UNWANTED):
                    self.out.say(wording.KEPT)
                elif self.attempt(
                    self.nav.people.delete_unwanted, unwanted[choice - len(people)].id
                ):
                    self.out.say("Deleted.")

    def _person(self, person_id: int) -> None:
        person = self.nav.people.get(person_id)
        if person is None:
            return
        self.out.say("")
        self.out.user_line("", person.sentence())
        self.menu("What next?", ["Change the details.", "Delete this person."])
        choice = self.pick(self.choose(), 2)
        if choice == 0:
            self._person_form(person_id)
        elif choice == 1:
            if not self.confirm(wording.delete_person(one_line(person.name))):
                self.out.say(wording.KEPT)
            elif self.attempt(self.nav.people.delete, person_id):
                self.out.say("Deleted.")

    def _person_form(self, person_id: int | None) -> None:
        old = self.nav.people.get(person_id) if person_id is not None else None
        keep = " (Enter keeps it)" if old else ""
        name = self.out.ask(f"Name{keep}:").strip() or (old.name if old else "")
        self.menu("Role:", [r.label for r in ROLES], "Type a number and press Enter.")
        role_choice = self.pick(self.out.ask("Role:").strip(), len(ROLES))
        role = ROLES[role_choice] if role_choice is not None else (old.role if old else Role.OTHER)
        fields = [
            self.out.ask(f"{label}{keep}:").strip() or (getattr(old, attr) if old else "")
            for attr, label in (
                ("specialty", "Specialty, for example neurologist"),
                ("contact", "How to reach them"),
                ("helps_with", "What they help with"),
            )
        ]
        if person_id is None:
            person = self.attempt(self.nav.people.add, name, role, *fields)
        else:
            person = self.attempt(self.nav.people.update, person_id, name, role, *fields)
        if person:
            self.out.user_line("Saved: ", person.sentence())

    # ----------------------------------------------------------------- data
    def data(self) -> None:
        while True:
            self.out.user_line("Your data file: ", str(self.nav.store.path))
            choices = [
                f"{wording.EXPORT_MARKDOWN}.",
                "Export a JSON backup.",
                f"{wording.IMPORT_BACKUP}.",
                "Delete all my data.",
            ]
            self.menu("Your data.", choices)
            choice = self.pick(self.choose(), len(choices))
            if choice == 0:
                path = self._ask_path("Export to which file?", str(paths.export_file("md")))
                self._write(path, backup.export_markdown(self.nav).encode())
            elif choice == 1:
                path = self._ask_path("Export to which file?", str(paths.export_file("json")))
                self._write(path, backup.export_json(self.nav))
            elif choice == 2:
                self._import()
            elif choice == 3:
                self._delete_all()

    def _import(self) -> None:
        name = self.out.ask("Import which JSON backup? Type its file name:").strip()
        data = self.attempt(backup.read_backup, Path(name))
        if data is None:
            return
        plan = backup.plan_import(self.nav, data)
        for sentence in plan.sentences() + plan.changes():
            self.out.say(sentence)
        if plan.empty:
            return
        if self.out.ask("Type yes to import these:").strip().lower() == "yes":
            if self.attempt(backup.apply_import, self.nav, plan):
                self.out.say(wording.IMPORTED)
        else:
            self.out.say("Nothing was imported.")

    def _delete_all(self) -> None:
        self.out.say(
            "This deletes every note, tick, person, check-in, visit and setting in this app."
        )
        typed = self.out.ask(f"To go ahead, type: {backup.DELETE_PHRASE}")
        if typed.strip().lower() != backup.DELETE_PHRASE:
            self.out.say("Nothing was deleted.")
            return
        removed = self.attempt(backup.delete_all, self.nav)
        if removed is not None:
            self.out.say(f"Deleted all your data, and {len(removed)} older copies beside it.")
            self.out.say(backup.DELETE_HONESTY)
