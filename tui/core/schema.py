"""Everything the data file holds, as typed records, and how a file is read into them.

The file is TinyDB's JSON: one object per table, each a map from a numeric id
(as a string) to a record. Every record read goes through this module, so a
record of the wrong type (a note whose ``kind`` is a list, an id ``"abc"``, a
checklist row without ``item_id``) never reaches the app: it is kept, as it was,
in the quarantine file (see recovery.py), the person is told in one sentence,
and everything else loads.

Records ignore fields they do not know (a later version may add some); a field
of the wrong type makes the whole record bad. A table this version does not know
is kept aside whole, like a bad record.

To add a kind of record (check-ins, say):

1. write its ``Record`` class below and add it to ``TABLES``;
2. raise ``CURRENT_SCHEMA`` and add a step to ``STEPS`` (migrations.py) that turns a
   file of the version before into one of the new version (often it only has to
   exist: the new table starts empty);
3. read and write it through ``Store`` (store.py) like the other tables.

A file from an older version is migrated on open, with a copy of the old file kept.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

import msgspec
import orjson

CURRENT_SCHEMA = 3

META = "meta"
NOTES = "notes"
CHECKLIST = "checklist"
OWN_ITEMS = "own_items"
PEOPLE = "people"
UNWANTED = "unwanted_help"
SETTINGS = "settings"
CHECKINS = "checkins"
VISITS = "visits"
MEDICINES = "medicines"
EVENTS = "events"


class Record(msgspec.Struct, kw_only=True):
    """A stored record. Subclasses list their fields with their defaults."""


class Meta(Record):
    """Record 1 of the meta table: the file's version and bookkeeping."""

    schema: int
    created: str = ""
    migrated_from: int | None = None
    #: Changed at each full rewrite; the journal names the base it applies to.
    base: str = ""
    #: The highest id ever given in each table, so a deleted record's id is never reused.
    last_ids: dict[str, int] = {}
    #: The release that last rewrote the file (``tui.__version__``): a newer one is named
    #: in the sentence that says what to upgrade to. Empty before 0.2.0.
    written_by: str = ""
    #: Kept-aside files (by name) whose records were merged back: not offered again.
    merged_aside: list[str] = []


class Note(Record, gc=False):  # tens of thousands of them: no garbage-collector tracking
    title: str = ""
    body: str = ""
    created: str = ""
    updated: str = ""
    link: str = ""
    kind: str = "plain"
    raised: bool = False
    answer: str = ""
    #: The visit it was raised at (visits table), if one was recorded.
    visit_id: int | None = None


class ChecklistState(Record):
    """A person's progress on one checklist item (shipped or their own)."""

    item_id: str
    done: bool = False
    helper: str = ""
    note: str = ""
    person_id: int | None = None
    updated: str = ""


class OwnItem(Record):
    item_id: str
    text: str
    created: str = ""


class Person(Record):
    name: str
    role: str = "other"
    specialty: str = ""
    contact: str = ""
    helps_with: str = ""


class UnwantedHelp(Record):
    text: str


class CheckIn(Record):
    """How things were on one day (``day``, YYYY-MM-DD): one record per day.

    ``levels`` maps an area's id to a level's id (checkins.py names both); an area
    left out was skipped. ``words`` holds the person's own sentence for an area,
    ``days`` what their days are like.
    """

    day: str
    levels: dict[str, str] = {}
    words: dict[str, str] = {}
    days: str = ""
    created: str = ""
    updated: str = ""


class Visit(Record):
    """A visit to the care team, past or planned: when, who with, and why.

    ``person_id`` names someone from My people; ``with_whom`` is free text (a name
    typed, or kept when that person is deleted). Notes raised at it point here.
    """

    day: str
    with_whom: str = ""
    person_id: int | None = None
    why: str = ""
    created: str = ""
    updated: str = ""


class Settings(Record):
    """Record 1 of the settings table: preferences kept with the data."""

    theme: str | None = None
    plain: bool | None = None
    #: The person's name, for the summary they take to a visit (optional).
    my_name: str | None = None
    #: How many days after a check-in the home screen suggests the next one.
    checkin_every_days: int | None = None
    #: The person's date of birth (YYYY-MM-DD), for the summary (optional; added after
    #: schema 2 was released, so older files load without it).
    date_of_birth: str | None = None


class MedicineChange(Record):
    """One dated step in a medicine's story: ``what`` is started, added, dose, when,
    effects or stopped; ``before`` and ``after`` hold the old and new words."""

    day: str
    what: str
    before: str = ""
    after: str = ""
    recorded: str = ""


class Medicine(Record):
    """A medicine the person takes or took; ``changes`` is its dated history, oldest first."""

    name: str
    dose: str = ""
    when: str = ""
    started: str = ""
    stopped: str = ""
    why: str = ""
    effects: str = ""
    changes: list[MedicineChange] = []
    created: str = ""
    updated: str = ""


class Event(Record):
    """Something that happened on a day (a fall, an infection...): ``kind`` is a word."""

    day: str
    kind: str
    words: str = ""
    created: str = ""


TABLES: dict[str, type[Record]] = {
    META: Meta,
    NOTES: Note,
    CHECKLIST: ChecklistState,
    OWN_ITEMS: OwnItem,
    PEOPLE: Person,
    UNWANTED: UnwantedHelp,
    SETTINGS: Settings,
    CHECKINS: CheckIn,
    VISITS: Visit,
    MEDICINES: Medicine,
    EVENTS: Event,
}

#: The words a person reads for a bad record: "a note", "a checklist row"...
RECORD_WORDS = {
    META: "the file's version record",
    NOTES: "a note",
    CHECKLIST: "a checklist item's progress",
    OWN_ITEMS: "a checklist item of your own",
    PEOPLE: "a person",
    UNWANTED: "a line of help you do not want",
    SETTINGS: "your settings",
    CHECKINS: "a check-in",
    VISITS: "a visit",
    MEDICINES: "a medicine",
    EVENTS: "an event",
    "": "a part of a record",  # a part of a damaged file that is not a whole record
}

Tables = dict[str, dict[int, Any]]


class DraftRecord(Record):
    """Text being typed in an editor or prompt, kept beside the data file (see drafts.py)."""

    fields: dict[str, str]
    label: str
    saved: str


class DraftsFile(msgspec.Struct, kw_only=True):
    format: str = "spms-navigator-drafts"
    drafts: dict[str, DraftRecord] = {}


def now_stamp() -> str:
    """The time now, in UTC: the stored order of things must not change with daylight
    saving or a move to another time zone. Front ends show it in local time."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def instant(stamp: str) -> float:
    """A stored time as seconds since 1970 (UTC), to sort by: stored strings carry
    different offsets (older versions wrote local time, so a daylight-saving change
    put two offsets in one file), and their text order is not their time order."""
    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return 0.0


def empty_tables() -> Tables:
    tables: Tables = {name: {} for name in TABLES}
    tables[META][1] = Meta(schema=CURRENT_SCHEMA, created=now_stamp(), base=os.urandom(8).hex())
    return tables


def meta(tables: Tables) -> Meta:
    return cast(Meta, tables[META][1])


def _file_decoder_for(notes: Any) -> msgspec.json.Decoder[Any]:
    """The whole file in one typed decode: several times faster than decoding it into
    dicts first (bench/), and it checks every record on the way. ``notes``: the type
    each note is read as."""
    types: dict[str, Any] = {**TABLES, NOTES: notes}
    fields: list[tuple[str, Any, Any]] = [
        (name, dict[int, kind], msgspec.field(default_factory=dict))  # type: ignore[valid-type]
        for name, kind in types.items()
    ]
    return msgspec.json.Decoder(
        msgspec.defstruct("StoredFile", fields, kw_only=True, forbid_unknown_fields=True)
    )


_file_decoder = _file_decoder_for(Note)
# Each note left as its JSON text (a quarter of the time at 50,000 notes): a command that
# adds one note needs only their numbers. storage.DataFile decodes them on first read.
_notes_undecoded_decoder = _file_decoder_for(msgspec.Raw)
note_decoder = msgspec.json.Decoder(Note)  # one such note, when it is read
_encoder = msgspec.json.Encoder()


def encode(tables: Tables) -> bytes:
    return _encoder.encode(tables)


class BadFile(Exception):
    """The file as a whole cannot be used. ``reason`` is a short slug, the message a sentence."""

    def __init__(self, reason: str, sentence: str) -> None:
        super().__init__(sentence)
        self.reason = reason
        self.sentence = sentence


@dataclass
class BadRecord:
    """A record (or a whole table) that did not fit the schema, kept exactly as found."""

    table: str
    record_id: str | None
    raw: str
    problem: str


@dataclass
class Loaded:
    tables: Tables
    schema: int  # the version the file was written with (the tables are current now)
    bad: list[BadRecord] = field(default_factory=list)
    notes_undecoded: bool = False  # the notes table holds msgspec.Raw values


def decode(raw: bytes, newer_ok: bool = False, notes_undecoded: bool = False) -> Loaded:
    """Read a data file's bytes. Raises ``BadFile`` only if nothing in it can be used.

    ``newer_ok``: read a file from a newer schema as far as this version understands
    it (to show it read-only), instead of raising ``BadFile("newer")``.
    ``notes_undecoded``: each note stays a ``msgspec.Raw`` (checked later, when read),
    unless the file needs the slow path, which decodes and checks everything.
    """
    if newer_ok:
        return _decode_record_by_record(raw, newer_ok)
    collecting = gc.isenabled()
    gc.disable()  # decoding makes no cycles; a collection mid-way costs a third (bench/)
    try:
        decoder = _notes_undecoded_decoder if notes_undecoded else _file_decoder
        stored = decoder.decode(raw)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return _decode_record_by_record(raw)
    finally:
        if collecting:
            gc.enable()
    tables: Tables = {name: getattr(stored, name) for name in TABLES}
    found = tables[META].get(1)
    if found is None or found.schema != CURRENT_SCHEMA:
        return _decode_record_by_record(raw)
    return Loaded(tables, CURRENT_SCHEMA, notes_undecoded=notes_undecoded)


def _whole_file(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise BadFile("empty", "Your data file was empty")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadFile("not-utf8", "Your data file was not readable text (not UTF-8)") from error
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BadFile(
            "not-json", "Your data file was damaged or cut short (it is not valid JSON)"
        ) from error
    if not isinstance(data, dict):
        raise BadFile("wrong-shape", "Your data file did not have the layout this app expects")
    return data


def _version(data: dict[str, Any], newer_ok: bool = False) -> int:
    if META not in data:
        return 0  # the first prototypes had no meta table
    record = data[META].get("1") if isinstance(data[META], dict) else None
    version = record.get("schema") if isinstance(record, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise BadFile("wrong-shape", "Your data file had no valid version number")
    if version > CURRENT_SCHEMA and not newer_ok:
        raise BadFile(
            "newer",
            f"Your data file was written by a newer version of SPMS Navigator "
            f"(file version {version}, this app reads up to {CURRENT_SCHEMA})",
        )
    return version


def _verbatim(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def _decode_record_by_record(raw: bytes, newer_ok: bool = False) -> Loaded:
    """The slow path: check each record alone, so one bad record costs only itself."""
    data = _whole_file(raw)
    version = _version(data, newer_ok)
    from tui.core import migrations  # only a file of an older version goes this way

    data = migrations.run(data, version)
    tables: Tables = {name: {} for name in TABLES}
    bad: list[BadRecord] = []
    for name, table in data.items():
        record_type = TABLES.get(name)
        if record_type is None or not isinstance(table, dict):
            if table not in ({}, []):
                problem = "not a table this version knows" if record_type is None else "not a table"
                bad.append(BadRecord(name, None, _verbatim(table), problem))
            continue
        for key, value in table.items():
            try:
                record_id = int(key)
                if record_id < 1 or str(record_id) != key:
                    raise ValueError(f"the id {key!r} is not a positive whole number")
                tables[name][record_id] = msgspec.convert(value, record_type)
            except (ValueError, msgspec.ValidationError) as error:
                bad.append(BadRecord(name, str(key), _verbatim(value), str(error)))
    if 1 not in tables[META]:
        raise BadFile("wrong-shape", "Your data file had no valid version number")
    return Loaded(tables, version, bad)


def describe(bad: list[BadRecord]) -> str:
    """'2 notes' / 'a person and a checklist item's progress' for the one sentence."""
    words = [RECORD_WORDS.get(b.table, f"a table called {b.table!r}") for b in bad]
    if len(words) == 1:
        return words[0]
    return f"{len(words)} records ({', '.join(sorted(set(words)))})"
