"""The support-network checklist: shipped items and the person's own, with their progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.core import schema
from tui.core.content import Library
from tui.core.models import ChecklistEntry, Progress
from tui.core.people import People
from tui.core.schema import OWN_ITEMS, now_stamp
from tui.core.text import InputError, storable

if TYPE_CHECKING:  # the store is handed in; the commands that never open it import none of it
    from tui.core.store import Store

OWN_GROUP = "own"


class Checklist:
    def __init__(self, store: Store, library: Library, people: People) -> None:
        self.store = store
        self.library = library
        self.people = people

    def entries(self) -> list[ChecklistEntry]:
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

    def entry(self, item_id: str) -> ChecklistEntry:
        for entry in self.entries():
            if entry.id == item_id:
                return entry
        raise InputError(f"There is no checklist item called {item_id!r}.")

    def progress(self, entries: list[ChecklistEntry] | None = None) -> Progress:
        entries = self.entries() if entries is None else entries
        return Progress(sum(1 for e in entries if e.done), len(entries))

    def group_title(self, group_id: str) -> str:
        return self.library.group_title(group_id)

    def set_done(self, item_id: str, done: bool) -> ChecklistEntry:
        entry = self.entry(item_id)
        self._save(entry, done=done)
        entry.done = done
        return entry

    def toggle_done(self, item_id: str) -> ChecklistEntry:
        return self.set_done(item_id, not self.entry(item_id).done)

    def set_helper(self, item_id: str, helper: str) -> ChecklistEntry:
        return self.update_item(item_id, helper=helper)

    def set_item_note(self, item_id: str, note: str) -> ChecklistEntry:
        return self.update_item(item_id, note=note)

    def set_person(self, item_id: str, person_id: int | None) -> ChecklistEntry:
        """Name someone from 'My people' as the one who helps with this item."""
        return self.update_item(item_id, person_id=person_id)

    def update_item(self, item_id: str, **changes: Any) -> ChecklistEntry:
        """Change an item's ``helper``, ``note`` and ``person_id`` together, in one save."""
        entry = self.entry(item_id)
        person_id = changes.get("person_id")
        if person_id is not None and self.people.get(person_id) is None:
            raise InputError(f"There is no person number {person_id} in My people.")
        for key in ("helper", "note"):
            if key in changes:
                changes[key] = storable(changes[key])
        self._save(entry, **changes)
        for key, value in changes.items():
            setattr(entry, key, value)
        return entry

    def _save(self, entry: ChecklistEntry, **changes: Any) -> None:
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
        entry = self.entry(item_id)
        own_items: dict[int, schema.OwnItem] = self.store.records(OWN_ITEMS)
        for row_id, row in own_items.items():
            if row.item_id == item_id:
                self.store.delete_own_item(row_id, item_id)
                return entry
        raise InputError("Only items you added yourself can be deleted.")
