"""The plain mode's menus for medicines (each change dated) and events (a fall, an
infection...): the same as ``med`` and ``event`` on the command line."""

from __future__ import annotations

from datetime import date

from tui.core import wording
from tui.core.events import kind_id
from tui.core.medicines import Medicine, medicine_day
from tui.core.text import one_line
from tui.plain.base import PlainBase

DAY_QUESTION = "On which day? Enter alone for today, or yesterday, friday, 2026-05-01:"


class RecordsMenus(PlainBase):
    # ------------------------------------------------------------- medicines
    def medicines(self) -> None:
        while True:
            found = self.nav.medicines.all()
            self.out.say("")
            if not found:
                self.out.say("No medicines yet. Type a to add one.")
            self.menu(
                "My medicines, current ones first.",
                [one_line(m.sentence()) for m in found],
                "Type a number to open one, a to add a medicine, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "a":
                self._add_medicine()
            elif (choice := self.pick(answer, len(found))) is not None:
                self._guard(self.medicine, found[choice].id)

    def _day(self, question: str = DAY_QUESTION) -> date | None:
        typed = self.out.ask(question).strip()
        return self.attempt(medicine_day, typed or "today")

    def _add_medicine(self) -> None:
        name = self.out.ask("The medicine's name:").strip()
        if not name:
            self.out.say("Nothing was added.")
            return
        dose = self.out.ask("The dose, such as 10 mg (Enter alone to leave it out):")
        when = self.out.ask("When you take it, such as at night (Enter alone to leave it out):")
        why = self.out.ask("What it is for (Enter alone to leave it out):")
        typed = self.out.ask(
            "The day you started, such as 2026-03-01 (Enter alone if you do not know):"
        ).strip()
        started = self.attempt(medicine_day, typed) if typed else None
        if typed and started is None:
            return
        added = self.attempt(self.nav.medicines.add, name, dose, when, started, why)
        if added is not None:
            self.out.user_line("Saved: ", added.sentence())

    def medicine(self, medicine_id: int) -> None:
        while True:
            medicine = self.nav.medicines.get(medicine_id)
            self.out.say("")
            self.out.user_line("Medicine: ", medicine.sentence())
            for change in medicine.changes:
                self.out.user_line("", change.words())
            choices = {
                "dose": "Change the dose.",
                "when": "Change when I take it.",
                "effects": "Note an effect I noticed.",
            }
            if medicine.stopped is None:
                choices["stop"] = "Stop it."
            choices["delete"] = "Delete it: it was added by mistake."
            self.menu("What next?", list(choices.values()))
            choice = self.pick(self.choose(), len(choices))
            what = list(choices)[choice] if choice is not None else ""
            if what == "stop":
                self._stop(medicine)
            elif what == "delete":
                if self._delete(medicine):
                    return
            elif what:
                self._change(medicine, what)

    def _delete(self, medicine: Medicine) -> bool:
        if not self.confirm(wording.delete_medicine(medicine.name)):
            self.out.say(wording.KEPT)
            return False
        if self.attempt(self.nav.medicines.delete, medicine.id) is None:
            return False
        self.out.user_line("Deleted: ", medicine.name)
        return True

    def _change(self, medicine: Medicine, field: str) -> None:
        question = {
            "dose": "The new dose:",
            "when": "When you take it now:",
            "effects": "What did you notice?",
        }[field]
        value = self.out.ask(question).strip()
        if not value:
            self.out.say("Nothing was changed.")
            return
        day = self._day()
        if day is None:
            return
        fields = self._fields(field, value)
        changed = self.attempt(self.nav.medicines.change, medicine.id, *fields, day)
        if changed is not None:
            self.out.user_line("Saved: ", changed.changes[-1].words())

    def _fields(self, field: str, value: str) -> tuple[str | None, ...]:
        """The arguments of Medicines.change after the id: dose, when, why, effects."""
        return tuple(
            value if name == field else None for name in ("dose", "when", "why", "effects")
        )

    def _stop(self, medicine: Medicine) -> None:
        day = self._day("On which day did you stop it? Enter alone for today:")
        if day is None:
            return
        stopped = self.attempt(self.nav.medicines.stop, medicine.id, day)
        if stopped is not None:
            self.out.user_line("Saved: ", f"{stopped.name}. {stopped.changes[-1].words()}")

    # ---------------------------------------------------------------- events
    def events(self) -> None:
        while True:
            found = self.nav.events.all()
            self.out.say("")
            if not found:
                self.out.say("No events yet.")
            for sentence in self.nav.events.undated_sentences():  # a later version's dates
                self.out.say(sentence)
            self.menu(
                "Events, newest first: falls, infections and the like.",
                [e.sentence() for e in found],
                "Type what happened to log it: fall, infection, relapse, hospital (a stay), "
                "heat (a hot day), or a word of your own. Type a number to delete one logged "
                "by mistake, or b for back.",
            )
            answer = self.choose()
            if answer and not answer.isdigit():
                self._log_event(answer)
            elif (choice := self.pick(answer, len(found))) is not None:
                event = found[choice]
                if self.confirm(wording.delete_event(event.sentence())):
                    if self.attempt(self.nav.events.delete, event.id) is not None:
                        self.out.user_line("Deleted: ", event.sentence())
                else:
                    self.out.say(wording.KEPT)

    def _log_event(self, kind: str) -> None:
        if self.attempt(kind_id, kind) is None:
            return
        typed = self.out.ask(DAY_QUESTION).strip()
        words = self.out.ask("A word or two about it (Enter alone to leave it out):")
        event = self.attempt(self.nav.events.add, kind, typed or "today", words)
        if event is not None:
            self.out.user_line("Logged: ", event.sentence())
