"""Export everything (Markdown to read, JSON to keep), import a JSON backup, delete all.

Import merges: it adds what is new and changes checklist progress that differs,
and never makes a duplicate. It first builds a plan, so a front end can show
what will change before anything does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tui.core import paths
from tui.core.models import Note, NoteKind, Role
from tui.core.recovery import now_stamp
from tui.core.service import ITEM_LINK, Navigator, display_time
from tui.core.storage import atomic_write_bytes
from tui.core.store import SaveError, save_error_sentence
from tui.core.text import InputError, storable

FORMAT = "spms-navigator-backup"
VERSION = 1
NOTE_FIELDS = ("title", "body", "created", "updated", "link", "kind", "raised", "answer")
PERSON_FIELDS = ("name", "role", "specialty", "contact", "helps_with")
DELETE_PHRASE = "delete my data"
DELETE_HONESTY = (
    "Deleting a file does not always wipe it from the disk: the words may stay there until "
    "the space is used again, and copies you exported or backed up elsewhere are not touched."
)


def _note_record(note: Note) -> dict[str, Any]:
    record = {k: getattr(note, k) for k in NOTE_FIELDS}
    record["kind"] = str(note.kind)
    return record


def export_data(nav: Navigator) -> dict[str, Any]:
    """Everything the person has written or chosen, without internal ids."""
    people = {p.id: p for p in nav.people.all()}
    own = {e.id: e.text for e in nav.checklist() if e.own}
    checklist = []
    for entry in nav.checklist():
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
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": now_stamp(),
        "notes": [_note_record(n) for n in reversed(nav.notes())],
        "own_items": [{"id": item_id, "text": text} for item_id, text in own.items()],
        "checklist": checklist,
        "people": [{k: str(getattr(p, k)) for k in PERSON_FIELDS} for p in people.values()],
        "unwanted_help": [u.text for u in nav.people.unwanted()],
    }


def export_json(nav: Navigator) -> bytes:
    return orjson.dumps(export_data(nav), option=orjson.OPT_INDENT_2) + b"\n"


def export_markdown(nav: Navigator) -> str:
    """Everything, to read or print. User text is kept as written, but one line per field."""
    lines = ["# My SPMS Navigator", "", f"Exported on {display_time(now_stamp())}.", ""]
    lines += ["## Support-network checklist", "", f"{nav.progress().sentence()}.", ""]
    people = {p.id: p for p in nav.people.all()}
    for entry in nav.checklist():
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
    lines += ["", "## Notes, newest first", ""]
    labels = nav.link_labels()
    for note in nav.notes():
        lines.append(f"### {note.display_title}")
        lines.append("")
        kind = "" if note.kind is NoteKind.PLAIN else f" {note.kind.label}."
        lines.append(f"Written {display_time(note.created)}.{kind}")
        if label := labels.get(note.link):
            lines.append(f"About {label}.")
        if note.raised:
            lines.append(f"Raised with my care team. Answer: {note.answer or 'none noted'}.")
        lines += ["", note.body, ""]
    if not nav.note_count():
        lines.append("No notes yet.")
    return "\n".join(lines).rstrip() + "\n"


def write_export(path: Path, payload: bytes, overwrite: bool = False) -> Path:
    """Write an export readable by its owner only (0600). Refuses to replace a file unasked."""
    path = path.expanduser().resolve()
    if path.exists() and not overwrite:
        raise InputError(f"{path} already exists. Choose another name, or allow replacing it.")
    if not path.parent.is_dir():
        raise InputError(f"The folder {path.parent} does not exist. Choose a folder that does.")
    try:
        atomic_write_bytes(path, payload)
    except OSError as error:
        raise SaveError(save_error_sentence(error).replace("Not saved", "Not exported")) from error
    return path


def read_backup(path: Path) -> dict[str, Any]:
    """Read and check a JSON backup, with a sentence for each way it can be wrong."""
    try:
        data = orjson.loads(path.expanduser().read_bytes())
    except FileNotFoundError:
        raise InputError(f"There is no file {path}. Check the name and the folder.") from None
    except orjson.JSONDecodeError:
        raise InputError(f"{path} is not a JSON backup from SPMS Navigator.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path} is not a JSON backup from SPMS Navigator.")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise InputError(f"{path} comes from a newer version of the app. Update the app first.")
    for key in ("notes", "own_items", "checklist", "people", "unwanted_help"):
        if not isinstance(data.get(key, []), list):
            raise InputError(f"{path} is damaged: its {key} are not a list.")
    return data


@dataclass
class ImportPlan:
    notes: list[dict[str, Any]] = field(default_factory=list)
    own_items: list[dict[str, Any]] = field(default_factory=list)
    checklist: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    unwanted: list[str] = field(default_factory=list)
    #: The backup's own-item ids and their texts: ids differ between files, texts do not.
    own_texts: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.notes or self.own_items or self.checklist or self.people or self.unwanted)

    def sentences(self) -> list[str]:
        if self.empty:
            return ["Nothing would change: everything in the backup is already here."]
        parts = [
            (len(self.notes), "new note", "new notes"),
            (
                len(self.own_items),
                "new checklist item of your own",
                "new checklist items of your own",
            ),
            (
                len(self.checklist),
                "checklist item whose progress changes",
                "checklist items whose progress changes",
            ),
            (len(self.people), "new person", "new people"),
            (
                len(self.unwanted),
                "new line of help you do not want",
                "new lines of help you do not want",
            ),
        ]
        return [f"{n} {one if n == 1 else many}." for n, one, many in parts if n]


def _text(value: Any) -> str:
    return storable(value) if isinstance(value, str) else ""


def plan_import(nav: Navigator, data: dict[str, Any]) -> ImportPlan:
    plan = ImportPlan()
    have_notes = {(n.created, n.title, n.body) for n in nav.notes()}
    for raw in data.get("notes", []):
        if not isinstance(raw, dict):
            continue
        record = {k: raw.get(k) for k in NOTE_FIELDS}
        key = (_text(record["created"]), _text(record["title"]), _text(record["body"]))
        if key not in have_notes and (key[1].strip() or key[2].strip()):
            have_notes.add(key)
            plan.notes.append(record)
    own_texts = {e.text for e in nav.checklist() if e.own}
    for raw in data.get("own_items", []):
        text = _text(raw.get("text")).strip() if isinstance(raw, dict) else ""
        if text and text not in own_texts:
            own_texts.add(text)
            plan.own_items.append(raw)
    plan.own_texts = {
        _text(r.get("id")): _text(r.get("text")).strip()
        for r in data.get("own_items", [])
        if isinstance(r, dict)
    }
    current = {e.id: e for e in nav.checklist() if not e.own}
    current.update({e.text: e for e in nav.checklist() if e.own})  # own items: by text
    people = {p.id: {"name": p.name, "role": str(p.role)} for p in nav.people.all()}
    for raw in data.get("checklist", []):
        if not isinstance(raw, dict):
            continue
        item_id = _text(raw.get("item"))
        own_text = plan.own_texts.get(item_id)
        entry = current.get(own_text if own_text is not None else item_id)
        if entry is None and own_text is None:
            continue  # an item this version of the app does not have
        wanted = (bool(raw.get("done")), _text(raw.get("helper")), _text(raw.get("note")))
        wanted_person = raw.get("person") if isinstance(raw.get("person"), dict) else None
        if (
            entry is None
            or (entry.done, entry.helper, entry.note) != wanted
            or people.get(entry.person_id or -1) != wanted_person
        ):
            plan.checklist.append(raw)
    have_people = {(p.name, str(p.role)) for p in nav.people.all()}
    roles = {role.value for role in Role}
    for raw in data.get("people", []):
        if not isinstance(raw, dict) or not _text(raw.get("name")).strip():
            continue  # nobody to add: skipped, so the import never stops halfway
        person = {k: _text(raw.get(k)).strip() for k in PERSON_FIELDS}
        if person["role"] not in roles:
            person["role"] = Role.OTHER.value
        if (person["name"], person["role"]) not in have_people:
            have_people.add((person["name"], person["role"]))
            plan.people.append(person)
    have_unwanted = {u.text for u in nav.people.unwanted()}
    for text in data.get("unwanted_help", []):
        if isinstance(text, str) and text.strip() and text.strip() not in have_unwanted:
            have_unwanted.add(text.strip())
            plan.unwanted.append(text)
    return plan


def apply_import(nav: Navigator, plan: ImportPlan) -> ImportPlan:
    """Carry out a plan. Own items get new ids here, and links to them follow."""
    for raw in plan.people:
        nav.people.add(*(_text(raw.get(k)) for k in PERSON_FIELDS))
    people = {(p.name, str(p.role)): p.id for p in nav.people.all()}
    for text in plan.unwanted:
        nav.people.add_unwanted(text)
    for raw in plan.own_items:
        nav.add_own_item(_text(raw.get("text")))
    by_text = {e.text: e.id for e in nav.checklist() if e.own}
    renamed = {old: by_text[text] for old, text in plan.own_texts.items() if text in by_text}
    for raw in plan.checklist:
        item_id = _text(raw.get("item"))
        if item_id in plan.own_texts:
            if item_id not in renamed:
                continue
            item_id = renamed[item_id]
        nav.set_done(item_id, bool(raw.get("done")))
        nav.set_helper(item_id, _text(raw.get("helper")))
        nav.set_item_note(item_id, _text(raw.get("note")))
        person = raw.get("person")
        if isinstance(person, dict):
            nav.set_person(
                item_id, people.get((_text(person.get("name")), _text(person.get("role"))))
            )
    for raw in plan.notes:
        link = _text(raw.get("link"))
        if link.startswith(ITEM_LINK) and link[len(ITEM_LINK) :] in renamed:
            link = ITEM_LINK + renamed[link[len(ITEM_LINK) :]]
        nav.restore_note(raw | {"link": link if nav.link_label(link) else ""})
    return plan


def delete_all(nav: Navigator) -> list[Path]:
    """Empty the data file and remove the older copies the app keeps beside it."""
    nav.store.clear_all()
    nav.forget_cached_notes()
    removed = paths.app_copies(nav.store.path)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
