"""Events: a fall, an infection, a relapse, a hospital stay, a hot day, logged quickly.

A doctor asks "how many falls since I last saw you?", and a count from memory is
often wrong. One line per event (the day and a word or two) makes the count exact;
the summary gives it ("2 falls since my last visit on 2 May 2026"). The person may
name other kinds too ("dizzy spell"): those are counted by their own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.core import schema
from tui.core.checkins import parse_day
from tui.core.models import long_date
from tui.core.schema import EVENTS, now_stamp
from tui.core.text import InputError, end_sentence, one_line, storable

if TYPE_CHECKING:  # the store is handed in; commands that never open it import none of it
    from tui.core.store import Store


@dataclass(frozen=True)
class EventKind:
    id: str
    one: str
    many: str


KINDS = (
    EventKind("fall", "fall", "falls"),
    EventKind("infection", "infection", "infections"),
    EventKind("relapse", "relapse", "relapses"),
    EventKind("hospital", "hospital stay", "hospital stays"),
    EventKind("heat", "hot day", "hot days"),
)
KIND_BY_ID = {kind.id: kind for kind in KINDS}
_SAID = {
    **{k.one: k.id for k in KINDS},
    **{k.many: k.id for k in KINDS},
    **{k.id: k.id for k in KINDS},
    "falls": "fall",
    "hot": "heat",
    "hot-day": "heat",
    "hospital-stay": "hospital",
    "infections": "infection",
}
MAX_KIND = 40
BEEN = "An event is logged once it has happened"


def kind_id(text: str) -> str:
    """The stored kind for what was typed: 'Falls' is 'fall', 'hot day' is 'heat';
    any other word or two is the person's own kind, kept in lower case."""
    word = " ".join(storable(text).casefold().split())
    if not word:
        raise InputError(
            "Say what happened: fall, infection, relapse, hospital or heat, or a word of your own."
        )
    if len(word) > MAX_KIND:
        raise InputError(f"Keep the kind to a word or two, under {MAX_KIND} characters.")
    return _SAID.get(word, word)


def kind_words(kind: str, count: int = 1) -> str:
    """'1 fall' / '2 falls'; a kind of the person's own: 'dizzy spell 2 times'."""
    known = KIND_BY_ID.get(kind)
    if known is not None:
        return f"{count} {known.many}" if count != 1 else f"1 {known.one}"
    times = "once" if count == 1 else f"{count} times"
    return f"{one_line(kind).capitalize()} {times}"


@dataclass
class Event:
    id: int
    day: date
    kind: str
    words: str = ""

    def label(self) -> str:
        known = KIND_BY_ID.get(self.kind)
        return (known.one if known else one_line(self.kind)).capitalize()

    def sentence(self) -> str:
        """'Fall on 3 May 2026: on the stairs.'"""
        text = f"{self.label()} on {long_date(self.day)}"
        return end_sentence(f"{text}: {one_line(self.words)}" if self.words else text)


def event_record(event: Event) -> dict[str, Any]:
    """An event as the commands' JSON and the backup give it (docs/cli.md)."""
    return {
        "id": event.id,
        "date": event.day.isoformat(),
        "kind": event.kind,
        "words": event.words,
    }


def _from_row(row_id: int, row: schema.Event) -> Event | None:
    try:
        return Event(row_id, date.fromisoformat(row.day), row.kind, row.words)
    except ValueError:
        return None


class Events:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Event]:
        """Every event, newest first."""
        rows: dict[int, schema.Event] = self.store.records(EVENTS)
        found = [e for row_id, row in rows.items() if (e := _from_row(row_id, row))]
        return sorted(found, key=lambda e: (e.day, e.id), reverse=True)

    def undated(self) -> dict[int, schema.Event]:
        """Events whose date this version cannot read, as stored (kept and exported)."""
        rows: dict[int, schema.Event] = self.store.records(EVENTS)
        return {row_id: row for row_id, row in rows.items() if _from_row(row_id, row) is None}

    def undated_sentences(self) -> list[str]:
        """'Fall on a date this version does not know, 'spring 2027': on the stairs.'"""
        said = []
        for row in self.undated().values():
            known = KIND_BY_ID.get(row.kind)
            label = (known.one if known else one_line(row.kind)).capitalize()
            text = f"{label} on a date this version does not know, '{row.day}'"
            said.append(end_sentence(f"{text}: {one_line(row.words)}" if row.words else text))
        return said

    def add(self, kind: str, day: str | date = "today", words: str = "") -> Event:
        on = day if isinstance(day, date) else parse_day(day, been=BEEN)
        text = " ".join(storable(words).split())
        if len(text) > 300:
            raise InputError("Keep the words under 300 characters: a word or two is enough.")
        record = schema.Event(
            day=on.isoformat(), kind=kind_id(kind), words=text, created=now_stamp()
        )
        event = _from_row(self.store.insert(EVENTS, record), record)
        assert event is not None
        return event

    def get(self, event_id: int) -> Event:
        row = self.store.records(EVENTS).get(event_id)
        event = _from_row(event_id, row) if row is not None else None
        if event is None:
            raise InputError(
                f"There is no event number {event_id}. To see your events and their "
                "numbers, run: spms-navigator event list"
            )
        return event

    def delete(self, event_id: int) -> Event:
        """Remove an event logged by mistake."""
        event = self.get(event_id)
        self.store.delete(EVENTS, event_id)
        return event

    def since(self, day: date | None) -> list[Event]:
        """Events on or after ``day`` (every event when None), newest first."""
        return [e for e in self.all() if day is None or e.day >= day]

    def counts(self, day: date | None) -> list[tuple[str, int]]:
        """How many of each kind since ``day``: the usual kinds first, in their order."""
        found: dict[str, int] = {}
        for event in self.since(day):
            found[event.kind] = found.get(event.kind, 0) + 1
        order = [k.id for k in KINDS]
        return sorted(
            found.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0])
        )
