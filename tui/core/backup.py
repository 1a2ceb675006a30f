"""Export everything (Markdown to read, JSON to keep), import a JSON backup, delete all.

Exports hold no control characters: a note's escape codes, bells or direction
marks could otherwise act on the terminal of whoever prints the file (``cat``).
Markdown shows them as visible symbols, as the app does; JSON writes them as
``\\u`` escapes, so the text comes back exactly on import.

Importing lives in importing.py; its names are here too for the front ends.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from tui import __version__
from tui.core import paths, schema
from tui.core.checkins import AREAS, CheckIn
from tui.core.events import event_record
from tui.core.importing import (
    FORMAT,
    NOTE_FIELDS,
    PERSON_FIELDS,
    SETTINGS_FIELDS,
    VERSION,
    FieldChange,
    ImportPlan,
    apply_import,
    plan_import,
)
from tui.core.medicines import medicine_record
from tui.core.models import Note, NoteKind, display_time, long_date
from tui.core.schema import CHECKINS, now_stamp
from tui.core.service import Navigator
from tui.core.text import InputError, SaveError, end_sentence, safe_for_terminal
from tui.core.visits import Visit

__all__ = [
    "DELETE_HONESTY",
    "DELETE_PHRASE",
    "FORMAT",
    "VERSION",
    "FieldChange",
    "ImportPlan",
    "apply_import",
    "delete_all",
    "export_data",
    "export_json",
    "export_markdown",
    "plan_import",
    "read_backup",
    "write_export",
]

DELETE_PHRASE = "delete my data"
DELETE_HONESTY = (
    "Deleting a file does not always wipe it from the disk: the words may stay there until "
    "the space is used again, and copies you exported or backed up elsewhere are not touched."
)
#: What JSON may carry raw but a terminal would obey: DEL, C1 controls, direction marks
#: and line separators. (orjson already writes C0 controls as \\u escapes.)
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def read_backup(path: Path) -> dict[str, Any]:
    """A JSON backup, or a data file (one kept aside, or from another computer) read as
    one: see kept_aside.py. Sentences say what is wrong; nothing is read past a limit."""
    from tui.core import kept_aside  # it exports through this module

    return kept_aside.read_backup(path)


def _note_record(note: Note, visits: set[int]) -> dict[str, Any]:
    record = {k: getattr(note, k) for k in NOTE_FIELDS}
    record["kind"] = str(note.kind)
    record["visit"] = note.visit_id if note.visit_id in visits else None
    return record


def _visit_record(nav: Navigator, visit: Visit) -> dict[str, Any]:
    person = nav.people.get(visit.person_id) if visit.person_id is not None else None
    return {
        "id": visit.id,  # what the backup's notes name; a new number on import
        "date": visit.day.isoformat(),
        "with": visit.who(nav.people),
        "person": {"name": person.name, "role": str(person.role)} if person else None,
        "why": visit.why,
        "created": visit.created,
        "updated": visit.updated,
    }


def _undated_visit_record(nav: Navigator, row_id: int, row: schema.Visit) -> dict[str, Any]:
    """A visit whose date this version cannot read, exported with its date as written."""
    person = nav.people.get(row.person_id) if row.person_id is not None else None
    return {
        "id": row_id,
        "date": row.day,
        "with": person.name if person else row.with_whom,
        "person": {"name": person.name, "role": str(person.role)} if person else None,
        "why": row.why,
        "created": row.created,
        "updated": row.updated,
    }


def checkin_record(checkin: CheckIn) -> dict[str, Any]:
    """A check-in as the backup and ``checkin --json`` give it: ISO dates, level ids."""
    return {
        "date": checkin.day.isoformat(),
        "levels": {area: level.id for area, level in checkin.levels.items()},
        "words": dict(checkin.words),
        "days": checkin.days,
        "created": checkin.created,
        "updated": checkin.updated,
    }


def _stored_checkins(nav: Navigator) -> list[dict[str, Any]]:
    """Every check-in as stored, oldest first: areas, levels and dates this version does
    not know (a later version wrote them) are exported as they are, never dropped."""
    rows: dict[int, schema.CheckIn] = nav.store.records(CHECKINS)
    return [
        {
            "date": row.day,
            "levels": dict(row.levels),
            "words": dict(row.words),
            "days": row.days,
            "created": row.created,
            "updated": row.updated,
        }
        for _, row in sorted(rows.items(), key=lambda item: (item[1].day, item[0]))
    ]


def export_data(nav: Navigator) -> dict[str, Any]:
    """Everything the person has written or chosen, without internal ids."""
    people = {p.id: p for p in nav.people.all()}
    own = {e.id: e.text for e in nav.checklist.entries() if e.own}
    checklist = []
    for entry in nav.checklist.entries():
        if not (entry.done or entry.helper or entry.note or entry.person_id):
            continue
        person = people.get(entry.person_id) if entry.person_id else None
        checklist.append(
            {
                "item": entry.id,
                "done": entry.done,
                "helper": entry.helper,
                "note": entry.note,
                "person": {"name": person.name, "role": str(person.role)} if person else None,
            }
        )
    visits = nav.visits.all()
    undated = nav.visits.undated()  # a later version's kind of date: exported as it is
    visit_ids = {v.id for v in visits} | set(undated)
    settings = {key: nav.setting(key) for key in SETTINGS_FIELDS if nav.setting(key) is not None}
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported": now_stamp(),
        "notes": [_note_record(n, visit_ids) for n in reversed(nav.notes.all())],
        "own_items": [{"id": item_id, "text": text} for item_id, text in own.items()],
        "checklist": checklist,
        "people": [{k: str(getattr(p, k)) for k in PERSON_FIELDS} for p in people.values()],
        "unwanted_help": [u.text for u in nav.people.unwanted()],
        "checkins": _stored_checkins(nav),
        "visits": [
            *(_visit_record(nav, v) for v in reversed(visits)),
            *(_undated_visit_record(nav, row_id, row) for row_id, row in undated.items()),
        ],
        "medicines": [medicine_record(m) for m in nav.medicines.all()],
        "events": [
            *(event_record(e) for e in reversed(nav.events.all())),
            *(
                {"id": row_id, "date": row.day, "kind": row.kind, "words": row.words}
                for row_id, row in nav.events.undated().items()
            ),
        ],
        "settings": settings,
    }


def export_json(nav: Navigator) -> bytes:
    text = orjson.dumps(export_data(nav), option=orjson.OPT_INDENT_2).decode("utf-8")
    # Such characters appear only inside strings (the rest of the JSON is ASCII).
    text = _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.encode("utf-8") + b"\n"


def export_markdown(nav: Navigator) -> str:
    """Everything, to read or print. User text is kept as written, but one line per field."""
    lines = ["# My SPMS Navigator", "", f"Exported on {display_time(now_stamp())}.", ""]
    lines += ["## Support-network checklist", "", f"{nav.checklist.progress().sentence()}.", ""]
    people = {p.id: p for p in nav.people.all()}
    for entry in nav.checklist.entries():
        line = f"- {entry.text}: {entry.status_words}."
        if entry.person_id in people:
            line += f" Person: {people[entry.person_id].name}."
        if entry.helper:
            line += f" Who helps: {entry.helper}."
        if entry.note:
            line += f" Note: {entry.note}."
        lines.append(line)
    lines += ["", "## My people", ""]
    lines += [f"- {p.sentence()}" for p in people.values()] or ["- Nobody listed yet."]
    lines += ["", "## Help I do not want", ""]
    lines += [f"- {u.text}" for u in nav.people.unwanted()] or ["- Nothing listed yet."]
    lines += _checkins_markdown(nav)
    lines += _visits_markdown(nav)
    lines += ["", "## My medicines", ""]
    lines += [
        f"- {m.sentence()} {' '.join(c.words() for c in m.changes)}" for m in nav.medicines.all()
    ] or ["- None listed yet."]
    lines += ["", "## Events, newest first", ""]
    events = [e.sentence() for e in nav.events.all()] + nav.events.undated_sentences()
    lines += [f"- {sentence}" for sentence in events] or ["- None logged yet."]
    lines += ["", "## Notes, newest first", ""]
    labels = nav.link_labels()
    for note in nav.notes.all():
        lines.append(f"### {note.display_title}")
        lines.append("")
        kind = "" if note.kind is NoteKind.PLAIN else f" {note.kind.label}."
        lines.append(f"Written {display_time(note.created)}.{kind}")
        if label := labels.get(note.link):
            lines.append(f"About {label}.")
        if note.raised:
            answer = end_sentence(note.answer or "none noted")
            lines.append(f"Raised with my care team. Answer: {answer}")
        lines += ["", note.body, ""]
    if not nav.notes.count():
        lines.append("No notes yet.")
    text = "\n".join(lines).rstrip().replace("\r\n", "\n") + "\n"
    return safe_for_terminal(text)  # a note's control codes become visible symbols


def _checkins_markdown(nav: Navigator) -> list[str]:
    lines = ["", "## My check-ins, newest first", ""]
    found = list(reversed(nav.checkins.all()))
    for checkin in found:
        lines += [f"### {long_date(checkin.day)}", ""]
        answered = {*checkin.levels, *checkin.unknown}
        lines += [f"- {end_sentence(checkin.line(area))}" for area in AREAS if area.id in answered]
        lines += [
            f"- {area.label}: {checkin.words[area.id]}"
            for area in AREAS
            if area.id in checkin.words and area.id not in answered
        ]
        lines += [f"- {end_sentence(line)}" for line in checkin.other_lines()]
        if checkin.days:
            lines.append(f"- What my days are like: {checkin.days}")
        lines.append("")
    undated = [f"- {sentence}" for sentence in nav.checkins.undated()]
    return [*lines, *undated] if found or undated else [*lines, "No check-ins yet."]


def _visits_markdown(nav: Navigator) -> list[str]:
    lines = ["", "## My visits, newest first", ""]
    found = nav.visits.all()
    for visit in found:
        lines.append(f"### {visit.sentence(nav.people)}")
        lines.append("")
        for note in nav.visits.raised_at(visit.id):
            raised = end_sentence(f"- Raised: {note.display_title}")
            lines.append(f"{raised} Answer: {end_sentence(note.answer or 'none noted')}")
        lines.append("")
    undated = [f"- {sentence}" for sentence in nav.visits.undated_sentences()]
    return [*lines, *undated] if found or undated else [*lines, "No visits yet."]


def write_export(path: Path, payload: bytes, overwrite: bool = False) -> Path:
    """Write an export readable by its owner only (0600). Refuses to replace a file unasked."""
    path = path.expanduser().resolve()
    if path.exists() and not overwrite:
        raise InputError(f"{path} already exists. Choose another name, or allow replacing it.")
    if not path.parent.is_dir():
        raise InputError(f"The folder {path.parent} does not exist. Choose a folder that does.")
    from tui.core import durable  # only here: `help` and `completion` import this module
    from tui.core.failures import save_error_sentence

    try:
        durable.atomic_write_bytes(path, payload)
    except OSError as error:
        raise SaveError(save_error_sentence(error).replace("Not saved", "Not exported")) from error
    return path


def delete_all(nav: Navigator) -> list[Path]:
    """Empty the data file and remove every other file the app made beside it.

    One write empties the file; it is then rewritten whole, so no earlier words stay
    in the journal. Writes in progress (the app's writer thread, a backup copy being
    made) are waited for first, so none can bring a copy back afterwards. Returns the
    files removed: dated backups, the older ``.bak``, files kept aside, the
    quarantine, drafts and temporary files. The lock file, which holds no data, stays.
    """
    store = nav.store
    store.settle()
    store.wait_for_writes()
    try:
        store.clear_all()
        store.rewrite_now()
    finally:
        nav.notes.forget_cached()
    live = paths.journal_file(store.path)
    removed = [p for p in paths.app_copies(store.path) if p != live]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
