"""The plain mode's menus for following SPMS over months: check-ins, what changed,
visits with the notes raised at each, printing, and the two settings they use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.core import (
    appointment,
    backup,
    checkins,
    paths,
    printing,
    reminders,
    visit_record,
    wording,
)
from tui.core.changes import compare, parse_since
from tui.core.checkins import every_words
from tui.core.models import long_date
from tui.core.text import InputError, end_sentence, one_line
from tui.core.visits import Visit
from tui.plain.base import PlainBase
from tui.plain.checkin import ask_checkin


class FollowUpMenus(PlainBase):
    # -------------------------------------------------------------- check-in
    def checkin_menu(self) -> None:
        while True:
            today = date.today()
            latest = self.nav.checkins.latest()
            self.out.say("")
            if reminder := self.nav.checkins.reminder(today):
                self.out.say(reminder)
            elif latest is not None:
                self.out.say(f"Your last check-in: {latest.sentence()}")
            done_today = self.nav.checkins.on(today) is not None
            every = every_words(self.nav.checkins.every_days())
            first = "Change today's check-in" if done_today else "Check in for today"
            choices = [
                f"{first}, {long_date(today)}.",
                "Check in for another day.",
                "See what changed.",
                f"How often to remind me: now {every}.",
            ]
            self.menu("Check-in: how things are going, in under two minutes.", choices)
            choice = self.pick(self.choose(), len(choices))
            if choice == 0:
                self._ask(today)
            elif choice == 1:
                typed = self.out.ask("Which day? Type a date like 2026-05-01, or yesterday:")
                day = self.attempt(checkins.parse_day, typed)
                if day is not None:
                    self._ask(day)
            elif choice == 2:
                self._guard(self.changes)
            elif choice == 3:
                self._set_every()

    def _ask(self, day: date) -> None:
        saved = ask_checkin(self.nav, self.out, day)
        if saved is None:
            self.out.say("Nothing was saved.")
        else:
            self.out.say(wording.checkin_saved(saved.sentence()))

    def _set_every(self) -> None:
        typed = self.out.ask("Remind me after how many days? (28, or 4w for four weeks):")
        try:
            wanted = checkins.parse_every(typed)  # as `config set checkin_every_days` takes it
        except InputError as error:
            self.out.say(f"Nothing was changed. {error}")
            return
        days = self.attempt(self.nav.checkins.set_every_days, wanted)
        if days is not None:
            self.out.say(f"Saved: the home menu will suggest a check-in {every_words(days)}.")

    def changes(self) -> None:
        since = None
        while True:
            found = compare(self.nav.checkins.all(), since)
            self.out.say("")
            self.out.say("What changed in your check-ins.")
            for line in [*found.sentences(), *found.chart()]:
                self.out.say(line)
            self.out.hint(
                "Type a time to compare with instead (6m, 1y, 8w or a date), "
                "Enter for 3, 6 and 12 months, or b for back."
            )
            typed = self.choose("Compare with:")
            since = self.attempt(parse_since, typed) if typed else None

    # ---------------------------------------------------------------- visits
    def visits(self) -> None:
        while True:
            found = self.nav.visits.all()
            lines = [self._visit_line(v) for v in found]
            if not found:
                self.out.say("")
                self.out.say("No visits yet. Type a to add one, past or planned.")
            for sentence in self.nav.visits.undated_sentences():  # a later version's dates
                self.out.say(sentence)
            self.menu(
                "My visits, newest first.",
                lines,
                "Type a number to open a visit, a to add one, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "a":
                self.add_visit()
            elif (choice := self.pick(answer, len(found))) is not None:
                self._guard(self.visit_record, found[choice].id)

    def _visit_line(self, visit: Visit) -> str:
        raised = len(self.nav.visits.raised_at(visit.id))
        notes = f" {raised} {'note' if raised == 1 else 'notes'} raised." if raised else ""
        return one_line(visit.sentence(self.nav.people)) + notes

    def add_visit(self) -> Visit | None:
        typed = self.out.ask("When is or was the visit? A date like 2026-06-12, or today:")
        day = self.attempt(checkins.parse_day, typed, None, True)
        if day is None:
            return None
        who = self.out.ask("Who is it with? (Enter alone to leave it out):")
        why = self.out.ask("What is it for? (Enter alone to leave it out):")
        visit = self.attempt(self.nav.visits.add, day, who, why)
        if visit is not None:
            self.out.user_line("Saved: ", visit.sentence(self.nav.people))
        return visit

    def visit_record(self, visit_id: int) -> None:
        while True:
            visit = self.nav.visits.get(visit_id)
            notes = self.nav.visits.raised_at(visit_id)
            self.out.say("")
            self.out.user_line("", visit.sentence(self.nav.people))
            if not notes:
                self.out.say(wording.NOTHING_RAISED_AT_VISIT)
            choices = ["Change the date.", "Change who it is with.", "Change why."]
            choices += [
                f"{end_sentence('Raised: ' + one_line(n.display_title))} "
                f"Answer: {end_sentence(one_line(n.answer) or 'none noted')}"
                for n in notes
            ]
            choices += [
                "Print this record, with what was said.",
                "Export this record to a file: Markdown, text or JSON.",
                "Save this visit for your calendar, with a reminder the day before.",
                "Delete this visit.",
            ]
            self.menu(
                "What next? Choose a raised note to change its answer or un-raise it.", choices
            )
            choice = self.pick(self.choose(), len(choices))
            if choice is None:
                continue
            if choice < 3:
                self._change_visit(visit, choice)
            elif choice < 3 + len(notes):
                self._raised_note(notes[choice - 3].id)
            elif choice == 3 + len(notes):
                self.print_job(printing.plan_visit_record(self.nav, visit))
            elif choice == 4 + len(notes):
                self._export_record(visit)
            elif choice == 5 + len(notes):
                self._export_record(visit, calendar=True)
            elif not self.confirm(wording.delete_visit(one_line(visit.title(self.nav.people)))):
                self.out.say(wording.KEPT)
            elif self.attempt(self.nav.visits.delete, visit_id):
                self.out.say(wording.VISIT_DELETED)
                return

    def _change_visit(self, visit: Visit, field: int) -> None:
        visits = self.nav.visits
        if field == 0:
            typed = self.out.ask("The new date, like 2026-06-12:")
            day = self.attempt(checkins.parse_day, typed, None, True)
            saved = self.attempt(visits.update, visit.id, day) if day else None
        elif field == 1:
            who = self.out.ask("Who is it with?")
            saved = self.attempt(visits.update, visit.id, None, who)
        else:
            why = self.out.ask("What is it for?")
            saved = self.attempt(visits.update, visit.id, None, None, why)
        if saved is not None:
            self.out.user_line("Saved: ", saved.sentence(self.nav.people))

    def _raised_note(self, note_id: int) -> None:
        note = self.nav.notes.get(note_id)
        self.menu(
            f"{note.kind.label}: {one_line(note.display_title)}.",
            ["Change the answer.", "Put it back on the list to raise."],
        )
        choice = self.pick(self.choose(), 2)
        if choice == 0:
            answer = self.out.ask("What did the care team say?")
            if self.attempt(self.nav.notes.set_answer, note_id, answer):
                self.out.say("Saved the answer.")
        elif choice == 1 and self.attempt(self.nav.notes.unraise, note_id) is not None:
            self.out.user_line("Saved: back on the list to raise: ", note.display_title)

    # --------------------------------------------------------------- printing
    def _export_record(self, visit: Visit, calendar: bool = False) -> None:
        """The visit's record (Markdown, text or JSON), or the visit for a calendar (.ics)."""
        default = paths.visit_record_file(visit.day.isoformat(), "ics" if calendar else "md")
        what = (
            "Save this visit for your calendar, then open the file with your calendar program."
            if calendar
            else "Export this visit's record: .md for Markdown, .txt for text, .json for programs."
        )
        typed = self.out.ask(f"{what} Press Enter for {default}, or type another file name:")
        path = Path(typed.strip() or default).expanduser()
        if path.exists() and not self.confirm(wording.already_exists(path)):
            self.out.say("Nothing was exported.")
            return
        suffix = path.suffix.lower().lstrip(".")
        if calendar:
            payload = reminders.visit_ics(visit, self.nav.people)
        else:
            payload = visit_record.payload(
                self.nav, visit, suffix if suffix in ("txt", "json") else "md"
            )
        if written := self.attempt(backup.write_export, path, payload, True):
            self.out.user_line("Exported, readable by you only, to: ", str(written))

    def print_summary(self) -> None:
        if not appointment.name_asked(self.nav):
            self.out.say(wording.WHOSE_SUMMARY)
            self._ask_name_and_birth()
        self.print_job(printing.plan(self.nav))

    def _ask_name_and_birth(self) -> None:
        typed = self.out.ask("Your name, for the summary (Enter alone: none):").strip()
        if self.attempt(self.nav.set_setting, "my_name", typed) is not None:
            self.out.say(end_sentence(f"Saved: {'your name is ' + typed if typed else 'no name'}"))
        born = self.out.ask(
            "Your date of birth, if you want it on the summary, like 1961-03-14 "
            "(Enter alone: none):"
        ).strip()
        day = self.attempt(appointment.parse_birth_date, born) if born else None
        if day is not None and self.attempt(self.nav.set_setting, "date_of_birth", day.isoformat()):
            self.out.say(f"Saved: born on {long_date(day)}.")

    def print_job(self, job: printing.PrintJob) -> None:
        self.out.say(job.description())
        if job.command is None:
            path = self.attempt(printing.save_instead, job)
            if path is not None:
                self.out.user_line(wording.SAVED_INSTEAD, str(path))
                self.out.say(wording.PRINT_ANOTHER_WAY)
            return
        if self.out.ask("Type y to print it:").strip().lower() not in ("y", "yes"):
            self.out.say("Nothing was printed.")
            return
        sent = self.attempt(printing.send, job)
        if sent:
            self.out.say(sent)

    # --------------------------------------------------------------- settings
    def my_settings(self) -> None:
        while True:
            who = one_line(appointment.who_line(self.nav)) or "not given."
            every = every_words(self.nav.checkins.every_days())
            choices = [
                end_sentence(f"My name and date of birth, for the visit summary: {who}"),
                f"How often to suggest a check-in: {every}.",
                "Start in the full-screen app next time.",
            ]
            self.menu("My name, the check-in reminder, and the full-screen app.", choices)
            choice = self.pick(self.choose(), len(choices))
            if choice == 0:
                self._ask_name_and_birth()
            elif choice == 1:
                self._set_every()
            elif choice == 2 and self.attempt(self.nav.set_setting, "plain", False) is not None:
                self.out.say("Saved: the full-screen app will open next time.")
