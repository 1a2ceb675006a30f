"""Medicines: what the person takes, why, and every change, dated.

Every visit reviews medicines, and a dose change told from memory is easy to get
wrong. So each medicine keeps its story as dated steps (started, dose changed,
stopped, an effect noticed), and the summary says what changed since the last
visit. The app records what the person says; it gives no advice about medicines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import msgspec

from tui.core import schema
from tui.core.checkins import parse_day
from tui.core.models import long_date
from tui.core.schema import MEDICINES, now_stamp
from tui.core.text import InputError, end_sentence, one_line, storable

if TYPE_CHECKING:  # the store is handed in; commands that never open it import none of it
    from tui.core.store import Store

MED_LIST_HINT = "To see your medicines and their numbers, run: spms-navigator med list"
MAX_NAME = 100
#: Why a medicine's day cannot be to come: the sentence parse_day finishes.
BEEN = "A medicine's start, change or stop is recorded once it has happened"


def medicine_day(text: str | date, today: date | None = None) -> date:
    """A day typed for a medicine (today, yesterday, friday, 2026-05-01): not to come."""
    return text if isinstance(text, date) else parse_day(text, today, been=BEEN)


@dataclass
class Change:
    """One dated step of a medicine's story."""

    day: date
    what: str
    before: str = ""
    after: str = ""

    def words(self) -> str:
        """'Dose changed from 10 mg to 20 mg on 2 May 2026.'"""
        on = f"on {long_date(self.day)}"
        before, after = one_line(self.before), one_line(self.after)
        if self.what == "started":
            text = f"Started {on}" + (f", {after}" if after else "")
        elif self.what == "added":
            text = f"Added to my list {on}" + (f", {after}" if after else "")
        elif self.what == "stopped":
            text = f"Stopped {on}"
        elif self.what == "effects":
            text = f"Effects I noticed, {on}: {after}"
        else:
            label = {"dose": "Dose", "when": "When I take it", "why": "Why I take it"}
            name = label.get(self.what, self.what.capitalize())
            if before and after:
                text = f"{name} changed from {before} to {after} {on}"
            else:
                text = f"{name} changed to {after or 'nothing'} {on}"
        return end_sentence(text)


@dataclass
class Medicine:
    id: int
    name: str
    dose: str = ""
    when: str = ""
    started: date | None = None
    stopped: date | None = None
    why: str = ""
    effects: str = ""
    changes: list[Change] = field(default_factory=list)

    def current(self, today: date | None = None) -> bool:
        return self.stopped is None or self.stopped > (today or date.today())

    def title(self) -> str:
        """'Baclofen, 10 mg, morning and night' (a stopped one says so)."""
        parts = [one_line(p) for p in (self.name, self.dose, self.when) if p]
        text = ", ".join(parts)
        return f"{text} (stopped {long_date(self.stopped)})" if self.stopped else text

    def sentence(self) -> str:
        """Everything about it in sentences, for a list line or a summary item."""
        text = end_sentence(self.title())
        if self.why:
            text += " " + end_sentence(f"Why: {one_line(self.why)}")
        if self.started:
            text += f" Started {long_date(self.started)}."
        if self.effects:
            text += " " + end_sentence(f"Effects I noticed: {one_line(self.effects)}")
        return text

    def changes_since(self, day: date) -> list[Change]:
        return [c for c in self.changes if c.day >= day and c.what != "added"]


def medicine_record(medicine: Medicine) -> dict[str, Any]:
    """A medicine as the commands' JSON and the backup give it (docs/cli.md)."""
    return {
        "id": medicine.id,
        "name": medicine.name,
        "dose": medicine.dose,
        "when": medicine.when,
        "started": medicine.started.isoformat() if medicine.started else None,
        "stopped": medicine.stopped.isoformat() if medicine.stopped else None,
        "why": medicine.why,
        "effects": medicine.effects,
        "current": medicine.current(),
        "changes": [
            {"date": c.day.isoformat(), "what": c.what, "before": c.before, "after": c.after}
            for c in medicine.changes
        ],
    }


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _from_row(row_id: int, row: schema.Medicine) -> Medicine:
    changes = [Change(day, c.what, c.before, c.after) for c in row.changes if (day := _day(c.day))]
    return Medicine(
        row_id,
        row.name,
        row.dose,
        row.when,
        _day(row.started),
        _day(row.stopped),
        row.why,
        row.effects,
        sorted(changes, key=lambda c: c.day),
    )


def _text(value: str, what: str, longest: int = 300) -> str:
    text = " ".join(storable(value).split())
    if len(text) > longest:
        raise InputError(f"The {what} is too long: keep it under {longest} characters.")
    return text


class Medicines:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self, today: date | None = None) -> list[Medicine]:
        """Current medicines first, then stopped ones; by name within each."""
        rows: dict[int, schema.Medicine] = self.store.records(MEDICINES)
        found = [_from_row(row_id, row) for row_id, row in rows.items()]
        return sorted(found, key=lambda m: (not m.current(today), m.name.casefold(), m.id))

    def current(self, today: date | None = None) -> list[Medicine]:
        return [m for m in self.all(today) if m.current(today)]

    def get(self, medicine_id: int) -> Medicine:
        row = self.store.records(MEDICINES).get(medicine_id)
        if row is None:
            raise InputError(f"There is no medicine number {medicine_id}. {MED_LIST_HINT}")
        return _from_row(medicine_id, row)

    def add(
        self,
        name: str,
        dose: str = "",
        when: str = "",
        started: str | date | None = None,
        why: str = "",
        effects: str = "",
    ) -> Medicine:
        """Add a medicine. Its first step is the day it started, if given, else today."""
        name = _text(name, "medicine's name", MAX_NAME)
        if not name:
            raise InputError("Type the medicine's name, for example: baclofen.")
        dose, when, why = _text(dose, "dose"), _text(when, "time"), _text(why, "reason")
        effects = _text(effects, "effects", 1000)
        stamp = now_stamp()
        start = medicine_day(started) if started else None
        first = schema.MedicineChange(
            day=(start or date.today()).isoformat(),
            what="started" if start else "added",
            after=", ".join(p for p in (dose, when) if p),
            recorded=stamp,
        )
        record = schema.Medicine(
            name=name,
            dose=dose,
            when=when,
            started=start.isoformat() if start else "",
            why=why,
            effects=effects,
            changes=[first],
            created=stamp,
            updated=stamp,
        )
        return _from_row(self.store.insert(MEDICINES, record), record)

    def change(
        self,
        medicine_id: int,
        dose: str | None = None,
        when: str | None = None,
        why: str | None = None,
        effects: str | None = None,
        day: str | date = "today",
    ) -> Medicine:
        """Change what is given, each change a dated step; one save for them all."""
        row: schema.Medicine | None = self.store.records(MEDICINES).get(medicine_id)
        if row is None:
            raise InputError(f"There is no medicine number {medicine_id}. {MED_LIST_HINT}")
        on = medicine_day(day).isoformat()
        stamp = now_stamp()
        fields: dict[str, str] = {}
        steps: list[schema.MedicineChange] = []
        given = {"dose": (dose, "dose"), "when": (when, "time"), "why": (why, "reason")}
        for key, (value, what) in given.items():
            if value is None:
                continue
            new = _text(value, what)
            old = str(getattr(row, key))
            if new != old:
                fields[key] = new
                steps.append(schema.MedicineChange(on, key, old, new, stamp))
        if effects is not None and (noticed := _text(effects, "effects", 1000)):
            fields["effects"] = noticed
            steps.append(schema.MedicineChange(on, "effects", row.effects, noticed, stamp))
        if not steps:
            return _from_row(medicine_id, row)
        record = msgspec.structs.replace(
            row, **fields, changes=[*row.changes, *steps], updated=stamp
        )
        self.store.put(MEDICINES, medicine_id, record)
        return _from_row(medicine_id, record)

    def stop(self, medicine_id: int, day: str | date = "today") -> Medicine:
        """Mark it stopped on a day (today unless told); it stays on the list, stopped."""
        row: schema.Medicine | None = self.store.records(MEDICINES).get(medicine_id)
        if row is None:
            raise InputError(f"There is no medicine number {medicine_id}. {MED_LIST_HINT}")
        if row.stopped:
            stopped = long_date(date.fromisoformat(row.stopped))
            raise InputError(f"{one_line(row.name)} was already stopped on {stopped}.")
        on = medicine_day(day).isoformat()
        stamp = now_stamp()
        step = schema.MedicineChange(day=on, what="stopped", recorded=stamp)
        record = msgspec.structs.replace(
            row, stopped=on, changes=[*row.changes, step], updated=stamp
        )
        self.store.put(MEDICINES, medicine_id, record)
        return _from_row(medicine_id, record)

    def delete(self, medicine_id: int) -> Medicine:
        """Remove a medicine added by mistake, with its story (a stopped one is kept with
        ``stop``; this is for a wrong entry)."""
        medicine = self.get(medicine_id)
        self.store.delete(MEDICINES, medicine_id)
        return medicine
