"""Drafts: words being typed, kept on disk within a moment, offered back after a crash.

A hang-up, a kill or a power cut should cost a person at most the last fraction of a
second of typing. Editors and prompts call ``save`` as the text changes (the app
hands the newest words over about eight times a second while typing goes on) and
``clear`` once it is saved or thrown away; at the next start ``left_over`` lists
what a previous run left, to offer back.

The drafts file (``navigator.json.drafts``, owner-only like every file the app
writes) is replaced atomically at each save, so it is always whole. Only the copy
of the app holding the data file's lock writes it. A second, read-only copy keeps
its drafts in a file of its own (``navigator.json.drafts-<hex>``), so it never
overwrites the first one's and a hang-up there loses nothing either; the lock
holder's next start folds those files into its own and offers them back. Delete
all removes them with the other files.
"""

from __future__ import annotations

import contextlib
import os
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


def drop_draft_of_deleted(data_file: Path, key: str) -> None:
    """A record was deleted: its unsaved edit ("note:12") is dropped with it, so it is
    never offered back as an edit of something that is gone. Best effort: the
    deletion is saved either way."""
    with contextlib.suppress(OSError):
        Drafts(data_file).clear(key)


_TOKENS: dict[int, str] = {}


def _window_token() -> str:
    """One name per process for its own drafts file, whichever ``Drafts`` writes it."""
    return _TOKENS.setdefault(os.getpid(), os.urandom(6).hex())


class Drafts:
    def __init__(self, data_file: Path, *, writable: bool | None = None) -> None:
        """``writable``: None means "if this process holds the data file's lock"."""
        self.path = paths.drafts_file(data_file)
        self._data_file = data_file
        self._lock_file = paths.lock_file(data_file)
        self._writable = writable
        self._own = paths.window_drafts_file(data_file, _window_token())

    @property
    def writable(self) -> bool:
        if self._writable is not None:
            return self._writable
        return held_here(self._lock_file)

    def _target(self) -> Path:
        """The lock holder's drafts file, or this copy's own."""
        return self.path if self.writable else self._own

    def _read(self, path: Path | None = None) -> dict[str, DraftRecord]:
        """The drafts on disk. A damaged file is kept aside whole and counts as none."""
        try:
            raw = durable.read_regular(path or self.path)
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
                    durable.keep_a_copy(path or self.path, aside)
            return {}

    def _write(self, drafts: dict[str, DraftRecord], path: Path | None = None) -> None:
        target = path or self.path
        if not drafts:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            return
        durable.atomic_write_bytes(target, _encoder.encode(DraftsFile(drafts=drafts)))

    def save(self, key: str, fields: dict[str, str], label: str) -> None:
        """Keep the words of ``key`` on disk (atomic and durable). Raises OSError if it fails."""
        target = self._target()
        drafts = self._read(target)
        old = drafts.get(key)
        if old is not None and old.fields == fields and old.label == label:
            return  # nothing new typed: no write
        drafts[key] = DraftRecord(fields=dict(fields), label=label, saved=now_stamp())
        self._write(drafts, target)

    def clear(self, key: str) -> None:
        """The words were saved (or thrown away on purpose): forget the draft."""
        target = self._target()
        drafts = self._read(target)
        if drafts.pop(key, None) is not None:
            self._write(drafts, target)

    def left_over(self) -> list[Draft]:
        """Drafts on disk, oldest first: at start, what a previous run left behind."""
        if self.writable:
            self._fold_other_windows()
        found = [
            Draft(key, dict(record.fields), record.label, record.saved)
            for key, record in self._read().items()
        ]
        return sorted(found, key=lambda d: (d.saved, d.key))

    def _fold_other_windows(self) -> None:
        """Bring the drafts second windows left into this file (a key both have gets a
        suffix, so neither is lost), then remove their files."""
        others = [p for p in paths.window_drafts_files(self._data_file) if p != self._own]
        if not others:
            return
        drafts = self._read()
        for other in others:
            for key, record in self._read(other).items():
                name, n = key, 1
                while name in drafts and drafts[name] != record:
                    n += 1
                    name = f"{key}#{n}"
                drafts[name] = record
        with contextlib.suppress(OSError):
            self._write(drafts)
            for other in others:
                other.unlink(missing_ok=True)
