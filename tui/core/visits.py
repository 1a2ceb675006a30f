"""Visits to the care team: when, who with and why, and the notes raised at each.

A visit dated today or later is the next one (the summary is prepared for it); the
others are past visits. A note raised with the care team is kept with the visit it
was raised at, with its answer, so the history of visits says what was asked and
what was said. The answer can be changed, and a note un-raised, at any time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import msgspec

from tui.core import schema
from tui.core.checkins import parse_day
from tui.core.models import Note, long_date
from tui.core.notes import Notes
from tui.core.people import People
from tui.core.schema import VISITS, now_stamp
from tui.core.text import InputError, end_sentence, storable

if TYPE_CHECKING:  # the store is handed in; the commands that never open it import none of it
    from tui.core.store import Store

VISIT_LIST_HINT = "To see your visits and their numbers, run: spms-navigator visit list"
_KEEP = object()  # "leave this field as it is"


@dataclass
class Visit:
    id: int
    day: date
    with_whom: str = ""
    person_id: int | None = None
    why: str = ""
    created: str = ""
    updated: str = ""

    def who(self, people: People) -> str:
        """The person from My people, else the name typed; '' when nobody is named."""
        person = people.get(self.person_id) if self.person_id is not None else None
        return person.name if person else self.with_whom

    def title(self, people: People) -> str:
        """'2 May 2026 with Dr Lee'."""
        who = self.who(people)
        return f"{long_date(self.day)} with {who}" if who else long_date(self.day)

    def sentence(self, people: People, today: date | None = None) -> str:
        """'Visit on 2 May 2026 with Dr Lee. Why: yearly check-up.' (planned ones say so)."""
        today = today or date.today()
        planned = "Next visit" if self.day >= today else "Visit"
        text = end_sentence(f"{planned} on {self.title(people)}")
        why = " ".join(self.why.split())
        return f"{text} {end_sentence(f'Why: {why}')}" if why else text


def _day_of(stamp: str) -> date | None:
    """The day of a stored ISO time ('2026-05-02T10:00:00+00:00'), or None if unreadable."""
    try:
        return date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def _from_row(row_id: int, row: schema.Visit) -> Visit | None:
    try:
        day = date.fromisoformat(row.day)
    except ValueError:
        return None
    return Visit(row_id, day, row.with_whom, row.person_id, row.why, row.created, row.updated)


class Visits:
    def __init__(self, store: Store, notes: Notes, people: People) -> None:
        self.store = store
        self.notes = notes
        self.people = people

    def all(self) -> list[Visit]:
        """Every visit, newest first (planned ones at the top)."""
        rows: dict[int, schema.Visit] = self.store.records(VISITS)
        found = [v for row_id, row in rows.items() if (v := _from_row(row_id, row))]
        return sorted(found, key=lambda v: (v.day, v.id), reverse=True)

    def undated(self) -> dict[int, schema.Visit]:
        """Visits whose date this version cannot read (a later version's kind of date),
        as stored: kept in the file and the export, and said in words in the lists."""
        rows: dict[int, schema.Visit] = self.store.records(VISITS)
        return {row_id: row for row_id, row in rows.items() if _from_row(row_id, row) is None}

    def undated_sentences(self) -> list[str]:
        """'A visit with a date this version does not know, 'spring 2027', with Dr Lee.'"""
        said = []
        for row in self.undated().values():
            person = self.people.get(row.person_id) if row.person_id is not None else None
            who = person.name if person else row.with_whom
            text = f"A visit with a date this version does not know, '{row.day}'"
            text = end_sentence(f"{text}, with {who}" if who else text)
            why = " ".join(row.why.split())
            said.append(f"{text} {end_sentence(f'Why: {why}')}" if why else text)
        return said

    def get(self, visit_id: int) -> Visit:
        row = self.store.records(VISITS).get(visit_id)
        visit = _from_row(visit_id, row) if row is not None else None
        if visit is None:
            raise InputError(f"There is no visit number {visit_id}.")
        return visit

    def next(self, today: date | None = None) -> Visit | None:
        """The first visit dated today or later: the one the summary is for."""
        today = today or date.today()
        coming = [v for v in self.all() if v.day >= today]
        return coming[-1] if coming else None

    def last(self, today: date | None = None) -> Visit | None:
        """The newest visit before the next one (or before today, when none is planned)."""
        today = today or date.today()
        before = [v for v in self.all() if v.day < today]
        return before[0] if before else None

    def raise_target(self, today: date | None = None) -> Visit | None:
        """Where a note raised today belongs: the newest visit dated today or before."""
        today = today or date.today()
        been = [v for v in self.all() if v.day <= today]
        return been[0] if been else None

    def raise_choices(self, note: Note, today: date | None = None) -> list[Visit]:
        """Where a note marked raised today may belong, nearest first.

        A visit had since the note was written is the one (a note cannot be raised at
        a visit before it existed). Otherwise it was raised ahead of a planned visit
        (by letter, by phone, or marked early), or written down after the last visit:
        the planned visits, nearest first, then the newest visit so far. More than one
        answer: the person says which; one answer: no question to ask.
        """
        today = today or date.today()
        written = _day_of(note.created) or today
        visits = self.all()
        since = [v for v in visits if written <= v.day <= today]
        if since:
            return since[:1]
        planned = sorted((v for v in visits if v.day > today), key=lambda v: (v.day, v.id))
        target = self.raise_target(today)
        return [*planned, target] if target else planned

    # -------------------------------------------------------------- writing
    def _fields(
        self, day: date | str, with_whom: str, why: str, person_id: int | None
    ) -> schema.Visit:
        when = day if isinstance(day, date) else parse_day(day, future=True)
        if person_id is not None and self.people.get(person_id) is None:
            raise InputError(f"There is no person number {person_id} in My people.")
        return schema.Visit(
            day=when.isoformat(),
            with_whom=storable(with_whom).strip(),
            person_id=person_id,
            why=storable(why).strip(),
        )

    def add(
        self, day: date | str, with_whom: str = "", why: str = "", person_id: int | None = None
    ) -> Visit:
        record = self._fields(day, with_whom, why, person_id)
        stamp = now_stamp()
        record = msgspec.structs.replace(record, created=stamp, updated=stamp)
        visit_id = self.store.insert(VISITS, record)
        visit = _from_row(visit_id, record)
        assert visit is not None
        return visit

    def update(
        self,
        visit_id: int,
        day: date | str | None = None,
        with_whom: str | None = None,
        why: str | None = None,
        person_id: int | object | None = _KEEP,
    ) -> Visit:
        """Change what is given; the rest stays. Nothing changed: nothing is written."""
        current = self.get(visit_id)
        record = self._fields(
            current.day if day is None else day,
            current.with_whom if with_whom is None else with_whom,
            current.why if why is None else why,
            current.person_id if person_id is _KEEP else person_id,  # type: ignore[arg-type]
        )
        same = (record.day, record.with_whom, record.why, record.person_id) == (
            current.day.isoformat(),
            current.with_whom,
            current.why,
            current.person_id,
        )
        if same:
            return current
        record = msgspec.structs.replace(record, created=current.created, updated=now_stamp())
        self.store.put(VISITS, visit_id, record)
        visit = _from_row(visit_id, record)
        assert visit is not None
        return visit

    def delete(self, visit_id: int) -> Visit:
        """Delete a visit. Its notes stay raised (with their answers), at no visit."""
        visit = self.get(visit_id)
        try:
            with self.store.transaction():
                for note in self.notes.raised_at(visit_id):
                    self.notes.mark_raised(note.id, True, note.answer, None)
                self.store.delete(VISITS, visit_id)
        except BaseException:
            self.notes.forget_cached()  # memory went back to what is on disk
            raise
        return visit

    def raise_note(
        self, note_id: int, answer: str, visit_id: int | object | None = _KEEP
    ) -> tuple[Note, Visit | None]:
        """Mark a note raised, at ``visit_id`` (by default the nearest of ``raise_choices``)."""
        if visit_id is _KEEP:
            choices = self.raise_choices(self.notes.get(note_id))
            target = choices[0] if choices else None
        else:
            target = self.get(visit_id) if isinstance(visit_id, int) else None
        note = self.notes.mark_raised(note_id, True, answer, target.id if target else None)
        return note, target

    def raised_at(self, visit_id: int) -> list[Note]:
        return self.notes.raised_at(visit_id)

    def raised_elsewhere(self) -> list[Note]:
        """Raised notes with no visit recorded (before visits had dates, or deleted ones)."""
        known = {v.id for v in self.all()}
        return [n for n in self.notes.all() if n.raised and n.visit_id not in known]
