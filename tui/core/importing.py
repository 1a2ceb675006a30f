"""Import a JSON backup: a plan first (what would change, field by field), then one write.

Import merges. It adds what is new and never makes a duplicate; it never
replaces words the person wrote with a backup's empty ones, never un-ticks an
item, and where both have different words it keeps both (this file's first).
The plan says each field that changes, before and after, so a front end can show
it before anything happens. Carrying it out is one transaction: all of it is
saved, or none of it. Both steps take time in proportion to the backup's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core import import_followup, paths
from tui.core.import_followup import SETTINGS_FIELDS, FollowUpPlan
from tui.core.merging import FieldChange, merged_text, text_of
from tui.core.models import ChecklistEntry, Role
from tui.core.service import ITEM_LINK, MAX_TITLE, Navigator
from tui.core.text import InputError, one_line

__all__ = [
    "FORMAT",
    "NOTE_FIELDS",
    "PERSON_FIELDS",
    "SETTINGS_FIELDS",
    "VERSION",
    "FieldChange",
    "ImportPlan",
    "apply_import",
    "check_backup",
    "plan_import",
]

FORMAT = "spms-navigator-backup"
VERSION = 1
NOTE_FIELDS = ("title", "body", "created", "updated", "link", "kind", "raised", "answer")
PERSON_FIELDS = ("name", "role", "specialty", "contact", "helps_with")


def check_backup(path: Path, data: Any) -> dict[str, Any]:
    """Check a JSON backup read from ``path`` (kept_aside.read_backup reads it), with a
    sentence for each way it can be wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path} is not a JSON backup from SPMS Navigator.")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise InputError(f"{path} comes from a newer version of the app. Update the app first.")
    for key in (
        "notes",
        "own_items",
        "checklist",
        "people",
        "unwanted_help",
        "checkins",
        "visits",
        "medicines",
        "events",
    ):
        if not isinstance(data.get(key, []), list):
            raise InputError(f"{path} is damaged: its {key} are not a list.")
    if not isinstance(data.get("settings", {}), dict):
        raise InputError(f"{path} is damaged: its settings are not a table.")
    return data


@dataclass
class ItemChange:
    """The merged progress of one checklist item (its id in this file, or an own item's text)."""

    item_id: str
    own_text: str | None
    done: bool
    helper: str
    note: str
    person: dict[str, Any] | None


@dataclass
class ImportPlan:
    notes: list[dict[str, Any]] = field(default_factory=list)
    own_items: list[str] = field(default_factory=list)
    checklist: list[ItemChange] = field(default_factory=list)
    people: list[dict[str, str]] = field(default_factory=list)
    unwanted: list[str] = field(default_factory=list)
    #: Each field of something already here that changes, before and after.
    field_changes: list[FieldChange] = field(default_factory=list)
    #: Entries of the backup that could not be used (wrong type, no text...).
    skipped: int = 0
    #: The backup's own-item ids and their texts: ids differ between files, texts do not.
    own_texts: dict[str, str] = field(default_factory=dict)
    #: Check-ins, visits and settings (import_followup.py).
    followup: FollowUpPlan = field(default_factory=FollowUpPlan)
    #: The data file read as a backup (kept_aside.py), if it was one.
    source_file: str = ""

    @property
    def empty(self) -> bool:
        return not (
            self.notes
            or self.own_items
            or self.checklist
            or self.people
            or self.unwanted
            or self.followup.work
        )

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
            (self.followup.new_checkins, "new check-in", "new check-ins"),
            (
                len(self.followup.checkins) - self.followup.new_checkins,
                "check-in that gains answers or words",
                "check-ins that gain answers or words",
            ),
            (self.followup.new_visits, "new visit", "new visits"),
            (self.followup.records.new_medicines, "new medicine", "new medicines"),
            (
                len(self.followup.records.medicines) - self.followup.records.new_medicines,
                "medicine that gains changes or words",
                "medicines that gain changes or words",
            ),
            (len(self.followup.records.events), "new event", "new events"),
        ]
        return [f"{n} {one if n == 1 else many}." for n, one, many in parts if n]

    def changes(self) -> list[str]:
        """One sentence per field that changes (before and after), then what was left out."""
        changes = self.field_changes + self.followup.field_changes
        lines = [change.sentence() for change in changes]
        skipped = self.skipped + self.followup.skipped
        if skipped:
            entries = "entry" if skipped == 1 else "entries"
            lines.append(f"{skipped} {entries} of the backup could not be read and are left out.")
        return lines


def plan_import(nav: Navigator, data: dict[str, Any]) -> ImportPlan:
    plan = ImportPlan(source_file=text_of(data.get("source_file")))
    _plan_notes(nav, data, plan)
    people = {p.id: p for p in nav.people.all()}
    have_people = {(p.name, str(p.role)) for p in people.values()}
    roles = {role.value for role in Role}
    for raw in data.get("people", []):
        if not isinstance(raw, dict) or not text_of(raw.get("name")).strip():
            plan.skipped += 1
            continue
        person = {k: text_of(raw.get(k)).strip() for k in PERSON_FIELDS}
        if person["role"] not in roles:
            person["role"] = Role.OTHER.value
        if (person["name"], person["role"]) not in have_people:
            have_people.add((person["name"], person["role"]))
            plan.people.append(person)
    checklist = nav.checklist.entries()
    own_texts = {e.text for e in checklist if e.own}
    backup_own: dict[str, str] = {}
    for raw in data.get("own_items", []):
        text = text_of(raw.get("text")).strip() if isinstance(raw, dict) else ""
        if not text:
            plan.skipped += 1
            continue
        backup_own[text_of(raw.get("id"))] = text
        if text not in own_texts:
            own_texts.add(text)
            plan.own_items.append(text)
    plan.own_texts = backup_own
    plan.followup = import_followup.plan(nav, data)
    _plan_checklist(data, plan, checklist, backup_own, people)
    have_unwanted = {u.text for u in nav.people.unwanted()}
    for text in data.get("unwanted_help", []):
        if not isinstance(text, str) or not text.strip():
            plan.skipped += 1
        elif text.strip() not in have_unwanted:
            have_unwanted.add(text.strip())
            plan.unwanted.append(text.strip())
    return plan


def _plan_notes(nav: Navigator, data: dict[str, Any], plan: ImportPlan) -> None:
    have = {(n.created, n.title, n.body) for n in nav.notes.all()}
    for raw in data.get("notes", []):
        if not isinstance(raw, dict):
            plan.skipped += 1
            continue
        record = {k: raw.get(k) for k in (*NOTE_FIELDS, "visit")}
        key = (text_of(record["created"]), text_of(record["title"]), text_of(record["body"]))
        if not (key[1].strip() or key[2].strip()) or len(key[1]) > MAX_TITLE:
            plan.skipped += 1
        elif key not in have:
            have.add(key)
            plan.notes.append(record)


def _plan_checklist(
    data: dict[str, Any],
    plan: ImportPlan,
    checklist: list[ChecklistEntry],
    backup_own: dict[str, str],
    people: dict[int, Any],
) -> None:
    shipped = {e.id: e for e in checklist if not e.own}
    own = {e.text: e for e in checklist if e.own}
    for raw in data.get("checklist", []):
        if not isinstance(raw, dict):
            plan.skipped += 1
            continue
        item_id = text_of(raw.get("item"))
        own_text = backup_own.get(item_id)
        entry = own.get(own_text) if own_text is not None else shipped.get(item_id)
        if entry is None and own_text is None:
            continue  # an item this version of the app does not have
        wanted_person = raw.get("person") if isinstance(raw.get("person"), dict) else None
        current_person = people.get(entry.person_id) if entry and entry.person_id else None
        before = (
            entry.done if entry else False,
            entry.helper if entry else "",
            entry.note if entry else "",
        )
        after = (
            before[0] or bool(raw.get("done")),
            merged_text(before[1], text_of(raw.get("helper"))),
            merged_text(before[2], text_of(raw.get("note"))),
        )
        person = None if current_person is not None else wanted_person
        if after == before and person is None:
            continue
        label = f'Checklist "{one_line(entry.text if entry else own_text or item_id)}"'
        words = ("done", "who helps", "note")
        for name, old, new in zip(words, before, after, strict=True):
            if old != new:
                shown = ("done" if new else "not done") if name == "done" else new
                was = ("done" if old else "not done") if name == "done" else old
                plan.field_changes.append(FieldChange(f"{label}, {name}", str(was), str(shown)))
        if person is not None:
            plan.field_changes.append(
                FieldChange(f"{label}, person", "", text_of(person.get("name")))
            )
        plan.checklist.append(
            ItemChange(
                entry.id if entry and not entry.own else item_id,
                own_text,
                after[0],
                after[1],
                after[2],
                person,
            )
        )


def apply_import(nav: Navigator, plan: ImportPlan) -> ImportPlan:
    """Carry out a plan as one write. Own items get new ids here, and links to them follow."""
    try:
        with nav.store.transaction():
            _apply(nav, plan)
            kept = paths.offered_back(nav.store.path)
            if plan.source_file and Path(plan.source_file) in kept:
                nav.store.remember_merged(Path(plan.source_file).name)  # not offered again
    except BaseException:
        nav.notes.forget_cached()  # memory went back to what is on disk
        raise
    return plan


def _apply(nav: Navigator, plan: ImportPlan) -> None:
    for raw in plan.people:
        nav.people.add(*(raw[k] for k in PERSON_FIELDS))
    people = {(p.name, str(p.role)): p.id for p in nav.people.all()}
    for text in plan.unwanted:
        nav.people.add_unwanted(text)
    for text in plan.own_items:
        nav.checklist.add_own_item(text)
    by_text = {e.text: e.id for e in nav.checklist.entries() if e.own}
    for change in plan.checklist:
        item_id = by_text.get(change.own_text or "") if change.own_text else change.item_id
        if item_id is None:
            continue
        person_id = None
        if change.person is not None:
            key = (text_of(change.person.get("name")), text_of(change.person.get("role")))
            person_id = people.get(key)
        nav.checklist.set_done(item_id, change.done)
        nav.checklist.set_helper(item_id, change.helper)
        nav.checklist.set_item_note(item_id, change.note)
        if person_id is not None:
            nav.checklist.set_person(item_id, person_id)
    visit_ids = import_followup.apply(nav, plan.followup, people)
    labels = nav.link_labels()
    renamed = {
        f"{ITEM_LINK}{old}": f"{ITEM_LINK}{by_text[text]}"
        for old, text in plan.own_texts.items()
        if text in by_text
    }
    for raw in plan.notes:
        link = renamed.get(text_of(raw.get("link")), text_of(raw.get("link")))
        try:
            visit_id = visit_ids.get(str(raw.get("visit")))
            nav.notes.restore(raw | {"link": link if link in labels else ""}, visit_id)
        except InputError:
            continue  # checked in the plan; never stop halfway over one note
