"""A person's private notes: write, change, find, raise at a visit, delete.

Notes are kept in memory, with a lower-cased copy of each for the filter, so that
listing and searching years of notes stays fast (see bench/).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from tui.core import schema
from tui.core.models import Note, NoteKind
from tui.core.schema import NOTES, instant, now_stamp
from tui.core.text import InputError, storable

if TYPE_CHECKING:  # the store is handed in; the commands that never open it import none of it
    from tui.core.copies import Removed
    from tui.core.store import Store

MAX_TITLE = 500


class Notes:
    """The notes of one data file. ``link_label`` says what a link points to (or None)."""

    def __init__(self, store: Store, link_label: Callable[[str], str | None]) -> None:
        self.store = store
        self._link_label = link_label
        self._notes: dict[int, Note] | None = None
        self._haystacks: dict[int, str] = {}
        self._newest_first: list[Note] | None = None

    # ------------------------------------------------------------ the cache
    def _note_map(self) -> dict[int, Note]:
        if self._notes is None:
            collecting = gc.isenabled()
            gc.disable()  # the notes make no cycles; collections midway took half the time
            try:
                rows = self.store.note_rows()
                self._notes = {note_id: note_from_row(row, note_id) for note_id, row in rows}
            finally:
                if collecting:
                    gc.enable()
            self._haystacks = {}  # filled by the first search, to keep start-up lean
            self._newest_first = None
        return self._notes

    def _remember(self, note: Note) -> None:
        """Keep the cache up to date; none built yet (``note add``) is built later from
        the stored rows, new note included, so adding one note never builds 50,000."""
        if self._notes is None:
            return
        self._notes[note.id] = note
        if self._haystacks:
            self._haystacks[note.id] = _haystack(note)
        self._newest_first = None

    def _forget(self, note_id: int) -> None:
        if self._notes is None:
            return
        self._notes.pop(note_id, None)
        self._haystacks.pop(note_id, None)
        self._newest_first = None

    def _all(self) -> list[Note]:
        if self._newest_first is None:
            notes = list(self._note_map().values())
            offsets = set(map(itemgetter(slice(-6, None)), map(attrgetter("created"), notes)))
            if len(offsets) <= 1:  # one offset (UTC): text order is time order.
                # Two sorts by a C getter (newest first; among equals the higher id first,
                # as a sort keeps the order of equals) take a tenth of the time of one
                # sort by a (created, id) tuple made in Python (50,000 notes: 15 ms).
                notes.sort(key=attrgetter("id"), reverse=True)
                notes.sort(key=attrgetter("created"), reverse=True)
            else:  # offsets differ (local times from before 0.2.0, a daylight-saving change)
                notes.sort(key=lambda n: (instant(n.created), n.id), reverse=True)
            self._newest_first = notes
        return self._newest_first

    def forget_cached(self) -> None:
        """Re-read notes from the store next time (after the whole file changed)."""
        self._notes = None
        self._newest_first = None

    # -------------------------------------------------------------- reading
    def count(self) -> int:
        if self._notes is None:  # the home screen needs the count, not every note
            return self.store.note_count()
        return len(self._notes)

    def all(self, filter_text: str = "") -> list[Note]:
        """Notes newest first, narrowed to those whose title or body holds ``filter_text``."""
        notes = self._all()
        needle = filter_text.strip().casefold()
        if not needle:
            return notes.copy()
        if len(self._haystacks) != len(notes):
            self._haystacks = {n.id: _haystack(n) for n in notes}
        haystacks = self._haystacks
        return [n for n in notes if needle in haystacks[n.id]]

    def get(self, note_id: int) -> Note:
        row = self.store.note(note_id)
        if row is None:
            raise InputError(f"There is no note number {note_id}.")
        return note_from_row(row, note_id)

    def linked_to(self, link: str) -> list[Note]:
        return [n for n in self._all() if n.link == link]

    # -------------------------------------------------------------- writing
    def create(
        self, title: str, body: str = "", link: str = "", kind: NoteKind = NoteKind.PLAIN
    ) -> Note:
        title, body = self._check(title, body)
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
        return self._insert(fields)

    def _insert(self, fields: dict[str, Any]) -> Note:
        record = schema.Note(**fields)
        note_id = self.store.insert(NOTES, record)
        note = note_from_row(record, note_id)
        self._remember(note)
        return note

    def _update(self, note_id: int, fields: dict[str, Any]) -> Note:
        self.store.update(NOTES, note_id, **fields)
        note = self.get(note_id)
        self._remember(note)
        return note

    def update(
        self,
        note_id: int,
        title: str,
        body: str,
        link: str | None = None,
        kind: NoteKind | None = None,
    ) -> Note:
        current = self.get(note_id)
        title, body = self._check(title, body)
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
        return self._update(note_id, fields)

    def restore(self, record: dict[str, Any], visit_id: int | None = None) -> Note:
        """Add a note from a backup, keeping its own times, kind and answer."""
        title, body = self._check(str(record.get("title") or ""), str(record.get("body") or ""))
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
            "visit_id": visit_id if record.get("raised") else None,
        }
        return self._insert(fields)

    def mark_raised(
        self, note_id: int, raised: bool = True, answer: str = "", visit_id: int | None = None
    ) -> Note:
        """After a visit: this note was raised with the care team (at ``visit_id``, if
        one was recorded), and what they said. Un-raising puts it back on the list."""
        self.get(note_id)  # says so if there is no such note
        fields = {
            "raised": raised,
            "answer": storable(answer),
            "visit_id": visit_id if raised else None,
            "updated": now_stamp(),
        }
        return self._update(note_id, fields)

    def unraise(self, note_id: int) -> Note:
        """Back on the list for the next visit, off the visit it was raised at. The answer
        is kept (it comes back as the suggestion when the note is raised again)."""
        note = self.get(note_id)
        if not note.raised:
            return note
        return self.mark_raised(note_id, False, note.answer)

    def set_answer(self, note_id: int, answer: str) -> Note:
        """Change what the care team said, keeping the note raised where it was."""
        note = self.get(note_id)
        if note.answer == storable(answer):
            return note
        return self._update(note_id, {"answer": storable(answer), "updated": now_stamp()})

    def raised_at(self, visit_id: int) -> list[Note]:
        """The notes raised at one visit, oldest first."""
        return [n for n in reversed(self._all()) if n.raised and n.visit_id == visit_id]

    def delete(self, note_id: int) -> Note:
        note = self.get(note_id)
        self.store.delete(NOTES, note_id)
        self._forget(note_id)
        from tui.core.drafts import drop_draft_of_deleted  # only here: help imports this

        drop_draft_of_deleted(self.store.path, f"note:{note_id}")
        return note

    def copies_holding(self, note_id: int) -> int:
        """How many dated backup copies still hold the note (deleted or not)."""
        from tui.core import copies  # only here: help imports this module

        self.store.wait_for_writes()  # the copy made on opening may still be being made
        return len(copies.copies_holding(self.store.path, NOTES, note_id))

    def kept_aside_sentence(self, note_id: int) -> str:
        """Where the note remains in files the app kept aside ("" if nowhere)."""
        from tui.core import copies

        found = copies.kept_aside_holding(self.store.path, NOTES, note_id)
        return copies.kept_aside_sentence(found)

    def remove_from_copies(self, note_id: int) -> Removed:
        """After a deletion, on the person's word: no dated copy, and no old line of the
        journal, keeps the note's words (the data file is rewritten whole first)."""
        if note_id in self.store.records(NOTES):
            raise InputError(f"Note {note_id} is not deleted, so its backup copies stay.")
        self.store.wait_for_writes()
        self.store.rewrite_now()
        from tui.core import copies

        return copies.remove_from_copies(self.store.path, NOTES, note_id)

    @staticmethod
    def _check(title: str, body: str) -> tuple[str, str]:
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
        if link and self._link_label(link) is None:
            raise InputError(f"There is no topic or checklist item called {link!r}.")


def _haystack(note: Note) -> str:
    """What the notes filter searches: title and body, case-folded once per change."""
    return f"{note.title}\n{note.body}".casefold()


_KINDS = {kind.value: kind for kind in NoteKind}


def note_from_row(row: schema.Note, note_id: int) -> Note:
    """A stored note (already checked by the schema) as the front ends see it.

    The fields go by position, in the order both classes declare them (a test checks
    it): opening 50,000 notes builds them in half the time keywords took."""
    return Note(
        note_id,
        row.title,
        row.body,
        row.created,
        row.updated,
        row.link,
        _KINDS.get(row.kind, NoteKind.PLAIN),
        row.raised,
        row.answer,
        row.visit_id,
    )
