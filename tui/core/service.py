"""The things a person does with SPMS Navigator, in one place for every front end.

The Textual screens, the plain line mode and the command line all call these
methods; none of them touches the store or the content files directly. Methods
that change data either finish the save or raise ``SaveError`` with a sentence
for the user, so no front end can forget to tell them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core import schema
from tui.core.content import Library
from tui.core.models import ChecklistEntry, Note, NoteKind, Progress, Topic
from tui.core.people import People
from tui.core.schema import now_stamp
from tui.core.store import NOTES, OWN_ITEMS, Store
from tui.core.text import InputError, storable

OWN_GROUP = "own"
TOPIC_LINK = "topic:"
ITEM_LINK = "item:"
MAX_TITLE = 500


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_time(stamp: str) -> str:
    """'21 Nov 2026, 10:02' from a stored ISO time, or the raw text if it cannot be read.

    Formatted by hand: strftime's "%-d" does not exist on Windows, "%b" follows the
    locale, and this runs twice per line of a notes list.
    """
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}, {when.hour:02d}:{when.minute:02d}"


@dataclass
class LinkTarget:
    link: str
    label: str


class Navigator:
    """The operations over one user's data file and the shipped content."""

    def __init__(self, store: Store, library: Library) -> None:
        self.store = store
        self.library = library
        self.people = People(store)
        # Notes are kept in memory, with a lower-cased copy for the filter, so that
        # listing and searching years of notes stays fast (see bench/).
        self._notes: dict[int, Note] | None = None
        self._haystacks: dict[int, str] = {}
        self._newest_first: list[Note] | None = None

    # ------------------------------------------------------------------ topics
    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.library.topics

    def topic(self, topic_id: str) -> Topic:
        try:
            return self.library.topic(topic_id)
        except KeyError:
            raise InputError(
                f"There is no topic called {topic_id!r}. Type 'topics' to see the list."
            ) from None

    # --------------------------------------------------------------- checklist
    def checklist(self) -> list[ChecklistEntry]:
        """Shipped items then the person's own, each with their saved progress."""
        state = self.store.checklist_state()
        entries = [
            ChecklistEntry(
                id=item.id,
                group_id=item.group_id,
                text=item.text,
                why=item.why,
                topic_id=item.topic_id,
            )
            for item in self.library.checklist
        ]
        own_items: dict[int, schema.OwnItem] = self.store.records(OWN_ITEMS)
        for row in own_items.values():
            entries.append(
                ChecklistEntry(id=row.item_id, group_id=OWN_GROUP, text=row.text, own=True)
            )
        for entry in entries:
            saved = state.get(entry.id)
            if saved is not None:
                entry.done = saved.done
                entry.helper = saved.helper
                entry.note = saved.note
                entry.person_id = saved.person_id
        return entries

    def checklist_entry(self, item_id: str) -> ChecklistEntry:
        for entry in self.checklist():
            if entry.id == item_id:
                return entry
        raise InputError(f"There is no checklist item called {item_id!r}.")

    def progress(self, entries: list[ChecklistEntry] | None = None) -> Progress:
        entries = self.checklist() if entries is None else entries
        return Progress(sum(1 for e in entries if e.done), len(entries))

    def group_title(self, group_id: str) -> str:
        return self.library.group_title(group_id)

    def set_done(self, item_id: str, done: bool) -> ChecklistEntry:
        entry = self.checklist_entry(item_id)
        self._save_item(entry, done=done)
        entry.done = done
        return entry

    def toggle_done(self, item_id: str) -> ChecklistEntry:
        return self.set_done(item_id, not self.checklist_entry(item_id).done)

    def set_helper(self, item_id: str, helper: str) -> ChecklistEntry:
        return self.update_item(item_id, helper=helper)

    def set_item_note(self, item_id: str, note: str) -> ChecklistEntry:
        return self.update_item(item_id, note=note)

    def set_person(self, item_id: str, person_id: int | None) -> ChecklistEntry:
        """Name someone from 'My people' as the one who helps with this item."""
        return self.update_item(item_id, person_id=person_id)

    def update_item(self, item_id: str, **changes: Any) -> ChecklistEntry:
        """Change an item's ``helper``, ``note`` and ``person_id`` together, in one save."""
        entry = self.checklist_entry(item_id)
        person_id = changes.get("person_id")
        if person_id is not None and self.people.get(person_id) is None:
            raise InputError(f"There is no person number {person_id} in My people.")
        for key in ("helper", "note"):
            if key in changes:
                changes[key] = storable(changes[key])
        self._save_item(entry, **changes)
        for key, value in changes.items():
            setattr(entry, key, value)
        return entry

    def _save_item(self, entry: ChecklistEntry, **changes: Any) -> None:
        fields = {
            "done": entry.done,
            "helper": entry.helper,
            "note": entry.note,
            "person_id": entry.person_id,
        }
        fields.update(changes)
        saved = self.store.checklist_state().get(entry.id) or schema.ChecklistState(
            item_id=entry.id
        )
        if all(getattr(saved, key) == value for key, value in fields.items()):
            return  # nothing changed: no write (a read-only copy has nothing to refuse)
        state = schema.ChecklistState(
            item_id=entry.id,
            done=bool(fields["done"]),
            helper=str(fields["helper"]),
            note=str(fields["note"]),
            person_id=fields["person_id"] if isinstance(fields["person_id"], int) else None,
            updated=now_stamp(),
        )
        self.store.set_checklist_state(state)

    def add_own_item(self, text: str) -> ChecklistEntry:
        text = storable(text).strip()
        if not text:
            raise InputError("Type what the item is, then press Enter.")
        own_items: dict[int, schema.OwnItem] = self.store.records(OWN_ITEMS)
        existing = {row.item_id for row in own_items.values()}
        number = len(existing) + 1
        while f"own-{number}" in existing:
            number += 1
        item_id = f"own-{number}"
        own = schema.OwnItem(item_id=item_id, text=text, created=now_stamp())
        self.store.insert(OWN_ITEMS, own)
        return ChecklistEntry(id=item_id, group_id=OWN_GROUP, text=text, own=True)

    def delete_own_item(self, item_id: str) -> ChecklistEntry:
        """Delete an item the person added (shipped items cannot be deleted)."""
        entry = self.checklist_entry(item_id)
        own_items: dict[int, schema.OwnItem] = self.store.records(OWN_ITEMS)
        for row_id, row in own_items.items():
            if row.item_id == item_id:
                self.store.delete_own_item(row_id, item_id)
                return entry
        raise InputError("Only items you added yourself can be deleted.")

    # ------------------------------------------------------------------- notes
    def _note_map(self) -> dict[int, Note]:
        if self._notes is None:
            notes = [_note_from_row(row, note_id) for note_id, row in self.store.note_rows()]
            self._notes = {note.id: note for note in notes}
            self._haystacks = {}  # filled by the first search, to keep start-up lean
            self._newest_first = None
        return self._notes

    def _remember(self, note: Note) -> None:
        self._note_map()[note.id] = note
        if self._haystacks:
            self._haystacks[note.id] = _haystack(note)
        self._newest_first = None

    def _forget(self, note_id: int) -> None:
        self._note_map().pop(note_id, None)
        self._haystacks.pop(note_id, None)
        self._newest_first = None

    def _all_notes(self) -> list[Note]:
        if self._newest_first is None:
            notes = list(self._note_map().values())
            notes.sort(key=lambda n: (n.created, n.id), reverse=True)
            self._newest_first = notes
        return self._newest_first

    def note_count(self) -> int:
        if self._notes is None:  # the home screen needs the count, not every note
            return self.store.note_count()
        return len(self._notes)

    def notes(self, filter_text: str = "") -> list[Note]:
        """Notes newest first, narrowed to those whose title or body holds ``filter_text``."""
        notes = self._all_notes()
        needle = filter_text.strip().casefold()
        if not needle:
            return list(notes)
        if len(self._haystacks) != len(notes):
            self._haystacks = {n.id: _haystack(n) for n in notes}
        haystacks = self._haystacks
        return [n for n in notes if needle in haystacks[n.id]]

    def note(self, note_id: int) -> Note:
        row = self.store.note(note_id)
        if row is None:
            raise InputError(f"There is no note number {note_id}.")
        return _note_from_row(row, note_id)

    def create_note(
        self, title: str, body: str = "", link: str = "", kind: NoteKind = NoteKind.PLAIN
    ) -> Note:
        title, body = self._check_note(title, body)
        self._check_link(link)
        stamp = now_stamp()
        fields = {
            "title": title,
            "body": body,
            "created": stamp,
            "updated": stamp,
            "link": link,
            "kind": str(kind),
        }
        return self._insert_note(fields)

    def _insert_note(self, fields: dict[str, Any]) -> Note:
        record = schema.Note(**fields)
        note_id = self.store.insert(NOTES, record)
        note = _note_from_row(record, note_id)
        self._remember(note)
        return note

    def _update_note(self, note_id: int, fields: dict[str, Any]) -> Note:
        self.store.update(NOTES, note_id, **fields)
        note = self.note(note_id)
        self._remember(note)
        return note

    def update_note(
        self,
        note_id: int,
        title: str,
        body: str,
        link: str | None = None,
        kind: NoteKind | None = None,
    ) -> Note:
        current = self.note(note_id)
        title, body = self._check_note(title, body)
        fields: dict[str, Any] = {"title": title, "body": body}
        if link is not None:
            self._check_link(link)
            fields["link"] = link
        if kind is not None:
            fields["kind"] = str(kind)
        changed = any(getattr(current, k) != v for k, v in fields.items())
        if not changed:
            return current
        fields["updated"] = now_stamp()
        return self._update_note(note_id, fields)

    def restore_note(self, record: dict[str, Any]) -> Note:
        """Add a note from a backup, keeping its own times, kind and answer."""
        title, body = self._check_note(
            str(record.get("title") or ""), str(record.get("body") or "")
        )
        stamp = now_stamp()
        kind = _KINDS.get(str(record.get("kind")), NoteKind.PLAIN)
        fields = {
            "title": title,
            "body": body,
            "created": storable(str(record.get("created") or stamp)),
            "updated": storable(str(record.get("updated") or stamp)),
            "link": str(record.get("link") or ""),
            "kind": str(kind),
            "raised": bool(record.get("raised")),
            "answer": storable(str(record.get("answer") or "")),
        }
        return self._insert_note(fields)

    def forget_cached_notes(self) -> None:
        """Re-read notes from the store next time (after the whole file changed)."""
        self._notes = None
        self._newest_first = None

    def mark_raised(self, note_id: int, raised: bool = True, answer: str = "") -> Note:
        """After a visit: this note was raised with the care team, and what they said."""
        self.note(note_id)  # says so if there is no such note
        fields = {"raised": raised, "answer": storable(answer), "updated": now_stamp()}
        return self._update_note(note_id, fields)

    def delete_note(self, note_id: int) -> Note:
        note = self.note(note_id)
        self.store.delete(NOTES, note_id)
        self._forget(note_id)
        return note

    def notes_linked_to(self, link: str) -> list[Note]:
        return [n for n in self._all_notes() if n.link == link]

    @staticmethod
    def _check_note(title: str, body: str) -> tuple[str, str]:
        title, body = storable(title), storable(body)
        if not title.strip() and not body.strip():
            raise InputError("The note is empty. Type a title or some text first.")
        if len(title) > MAX_TITLE:
            raise InputError(
                f"The title is {len(title)} characters long. Keep it under {MAX_TITLE}, "
                "and put the rest in the note's text."
            )
        return title, body

    def _check_link(self, link: str) -> None:
        if link and self.link_label(link) is None:
            raise InputError(f"There is no topic or checklist item called {link!r}.")

    # ------------------------------------------------------------------- links
    def link_label(self, link: str) -> str | None:
        """'Topic: Support groups' for a link, or None if it points nowhere."""
        return self.link_labels().get(link) if link else None

    def link_labels(self) -> dict[str, str]:
        """Every link's label. Call it once for a whole list: it reads the checklist."""
        return {target.link: target.label for target in self.link_targets()}

    def link_targets(self) -> list[LinkTarget]:
        """Everything a note may be linked to, topics first."""
        targets = [LinkTarget(f"{TOPIC_LINK}{t.id}", f"Topic: {t.title}") for t in self.topics]
        targets += [
            LinkTarget(f"{ITEM_LINK}{e.id}", f"Checklist: {e.text}") for e in self.checklist()
        ]
        return targets

    # ---------------------------------------------------------------- settings
    def setting(self, key: str, default: Any = None) -> Any:
        return self.store.setting(key, default)

    def set_setting(self, key: str, value: Any) -> Any:
        """Save a preference (theme, plain mode); returns the value saved."""
        self.store.set_setting(key, value)
        return value


def _haystack(note: Note) -> str:
    """What the notes filter searches: title and body, case-folded once per change."""
    return f"{note.title}\n{note.body}".casefold()


_KINDS = {kind.value: kind for kind in NoteKind}


def _note_from_row(row: schema.Note, note_id: int) -> Note:
    """A stored note (already checked by the schema) as the front ends see it."""
    return Note(
        id=note_id,
        title=row.title,
        body=row.body,
        created=row.created,
        updated=row.updated,
        link=row.link,
        kind=_KINDS.get(row.kind, NoteKind.PLAIN),
        raised=row.raised,
        answer=row.answer,
    )


def open_navigator(data_file: Path) -> Navigator:
    """Open the user's data file and the shipped content together."""
    from tui.core.content import default_library

    return Navigator(Store.open(data_file), default_library())
