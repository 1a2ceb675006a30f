"""Importing medicines and events from a backup (see importing.py and import_followup.py).

The same rules as for the rest: what is new is added, nothing is duplicated, and
nothing here is replaced. A medicine is the same medicine when its name (in any
case) and its start day are; it gains the backup's dated changes it lacks, a stop
it lacks, and words where it has none; its dose, time and reason are those of its
newest dated change. An event is the same when its day, kind
and words are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import msgspec

from tui.core import schema
from tui.core.merging import text_of
from tui.core.schema import EVENTS, MEDICINES, now_stamp
from tui.core.service import Navigator

_WORDS = ("dose", "when", "why", "effects")


@dataclass
class RecordsPlan:
    #: New medicines (row id None) and medicines here that gain something (their id).
    medicines: list[tuple[int | None, schema.Medicine]] = field(default_factory=list)
    events: list[schema.Event] = field(default_factory=list)
    skipped: int = 0

    @property
    def new_medicines(self) -> int:
        return sum(1 for row_id, _ in self.medicines if row_id is None)


def _day(value: Any) -> str:
    """A backup's date as YYYY-MM-DD, or '' when it is not one."""
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) and value else ""
    except ValueError:
        return ""


def _changes(raw: Any) -> list[schema.MedicineChange]:
    found = []
    for change in raw if isinstance(raw, list) else []:
        if isinstance(change, dict) and (day := _day(change.get("date"))):
            what = text_of(change.get("what")) or "dose"
            before, after = text_of(change.get("before")), text_of(change.get("after"))
            found.append(schema.MedicineChange(day, what, before, after, now_stamp()))
    return found


def plan(nav: Navigator, data: dict[str, Any]) -> RecordsPlan:
    found = RecordsPlan()
    rows: dict[int, schema.Medicine] = nav.store.records(MEDICINES)
    here = {(row.name.casefold(), row.started): (row_id, row) for row_id, row in rows.items()}
    raw_medicines = data.get("medicines", [])
    for raw in raw_medicines if isinstance(raw_medicines, list) else []:
        name = text_of(raw.get("name")).strip() if isinstance(raw, dict) else ""
        if not name:
            found.skipped += 1
            continue
        started, stopped = _day(raw.get("started")), _day(raw.get("stopped"))
        words = {key: text_of(raw.get(key)).strip() for key in _WORDS}
        changes = _changes(raw.get("changes"))
        key = (name.casefold(), started)
        if key not in here:
            record = schema.Medicine(
                name=name, started=started, stopped=stopped, changes=changes, **words,
                created=now_stamp(), updated=now_stamp(),
            )  # fmt: skip
            found.medicines.append((None, record))
            here[key] = (0, record)  # the same medicine twice in a backup is added once
            continue
        row_id, row = here[key]
        if row_id == 0:
            continue
        known = {(c.day, c.what, c.before, c.after) for c in row.changes}
        gained = [c for c in changes if (c.day, c.what, c.before, c.after) not in known]
        filled = {k: v for k, v in words.items() if v and not getattr(row, k)}
        stop = stopped if stopped and not row.stopped else row.stopped
        merged = sorted([*row.changes, *gained], key=lambda c: c.day)
        for what in ("dose", "when", "why"):  # the newest dated change says what is now
            latest = [c for c in merged if c.what == what][-1:]
            if latest and latest[0] in gained:
                filled[what] = latest[0].after
        if gained or filled or stop != row.stopped:
            record = msgspec.structs.replace(
                row, **filled, stopped=stop, changes=merged, updated=now_stamp()
            )
            found.medicines.append((row_id, record))
    seen = {(e.day, e.kind, e.words) for e in nav.store.records(EVENTS).values()}
    raw_events = data.get("events", [])
    for raw in raw_events if isinstance(raw_events, list) else []:
        day = (
            (_day(raw.get("date")) or _as_written(raw.get("date"))) if isinstance(raw, dict) else ""
        )
        kind = text_of(raw.get("kind")).strip() if isinstance(raw, dict) else ""
        if not (day and kind):
            found.skipped += 1
            continue
        event = schema.Event(day, kind, text_of(raw.get("words")).strip(), now_stamp())
        if (event.day, event.kind, event.words) not in seen:
            seen.add((event.day, event.kind, event.words))
            found.events.append(event)
    return found


def _as_written(value: Any) -> str:
    """A date this version cannot read (a later version's), kept as it was written."""
    return value.strip() if isinstance(value, str) else ""


def apply(nav: Navigator, found: RecordsPlan) -> None:
    """Write the plan (inside the import's one transaction)."""
    for row_id, record in found.medicines:
        if row_id is None:
            nav.store.insert(MEDICINES, record)
        else:
            nav.store.put(MEDICINES, row_id, record)
    for event in found.events:
        nav.store.insert(EVENTS, event)
