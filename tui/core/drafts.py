"""Drafts: words being typed, kept on disk within a moment, offered back after a crash.

A hang-up, a kill or a power cut should cost a person at most the last fraction of a
second of typing. Editors and prompts call ``save`` as the text changes (the app
hands the newest words over about eight times a second while typing goes on) and
``clear`` once it is saved or thrown away; at the next start ``left_over`` lists
what a previous run left, to offer back.

The drafts file (``navigator.json.drafts``, owner-only like every file the app
writes) is replaced atomically at each save, so it is always whole. Only the copy
of the app holding the data file's lock writes it: a second, read-only copy never
overwrites the first one's drafts. Delete all removes it with the other files.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import msgspec

from tui.core import durable, generations, paths
from tui.core.lock import held_here
from tui.core.schema import DraftRecord, DraftsFile, now_stamp

_decoder = msgspec.json.Decoder(DraftsFile)
_encoder = msgspec.json.Encoder()


@dataclass(frozen=True)
class Draft:
    key: str  # "note:new", "note:12", "person:3", "prompt:checklist-add"
    fields: dict[str, str]
    label: str  # a sentence naming it: "A new note titled 'Heat'"
    saved: str  # ISO time

    def as_note(self) -> tuple[str, str]:
        """A title and text that keep every word of the draft, to save as a plain note."""
        kind = self.key.partition(":")[0]
        if kind == "note":
            return self.fields.get("title") or "Unfinished note", self.fields.get("body", "")
        if kind == "person":
            name = self.fields.get("name", "").strip() or "someone"
            lines = [f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in self.fields.items()]
            return f"Unfinished details of {name}", "\n".join(lines)
        return "Unfinished answer", f"{self.label}\n{self.fields.get('text', '')}"


class Drafts:
    def __init__(self, data_file: Path, *, writable: bool | None = None) -> None:
        """``writable``: None means "if this process holds the data file's lock"."""
        self.path = paths.drafts_file(data_file)
        self._data_file = data_file
        self._lock_file = paths.lock_file(data_file)
        self._writable = writable

    @property
    def writable(self) -> bool:
        if self._writable is not None:
            return self._writable
        return held_here(self._lock_file)

    def _read(self) -> dict[str, DraftRecord]:
        """The drafts on disk. A damaged file is kept aside whole and counts as none."""
        try:
            raw = durable.read_regular(self.path)
        except FileNotFoundError:
            return {}
        except OSError:
            return {}  # not an ordinary file: never read; the next save replaces it
        try:
            return dict(_decoder.decode(raw).drafts)
        except (msgspec.ValidationError, msgspec.DecodeError):
            if self.writable:
                stamp = generations.file_stamp()
                aside = paths.aside_file(self._data_file, "drafts-unreadable", stamp)
                with contextlib.suppress(OSError):
                    durable.keep_a_copy(self.path, aside)
            return {}

    def _write(self, drafts: dict[str, DraftRecord]) -> None:
        if not drafts:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            return
        durable.atomic_write_bytes(self.path, _encoder.encode(DraftsFile(drafts=drafts)))

    def save(self, key: str, fields: dict[str, str], label: str) -> None:
        """Keep the words of ``key`` on disk (atomic and durable). Raises OSError if it fails."""
        if not self.writable:
            return
        drafts = self._read()
        old = drafts.get(key)
        if old is not None and old.fields == fields and old.label == label:
            return  # nothing new typed: no write
        drafts[key] = DraftRecord(fields=dict(fields), label=label, saved=now_stamp())
        self._write(drafts)

    def clear(self, key: str) -> None:
        """The words were saved (or thrown away on purpose): forget the draft."""
        if not self.writable:
            return
        drafts = self._read()
        if drafts.pop(key, None) is not None:
            self._write(drafts)

    def left_over(self) -> list[Draft]:
        """Drafts on disk, oldest first: at start, what a previous run left behind."""
        found = [
            Draft(key, dict(record.fields), record.label, record.saved)
            for key, record in self._read().items()
        ]
        return sorted(found, key=lambda d: (d.saved, d.key))
