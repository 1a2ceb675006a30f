"""Reading back what a damaged or hand-edited data file still holds, record by record.

Editors and manual merges damage a JSON file in a few typical ways: a merge leaves
its marks (``<<<<<<<``, ``=======``, ``>>>>>>>``) with both sides between them, a
comma is left before a closing brace, an editor adds a byte-order mark, a copy is
cut short, a version number is typed over. Replacing such a file by the last dated
copy would drop every record written since that copy, without a word about which.
So each record that can still be read is read, on its own:

- if the whole file can be read once the marks and stray commas are taken out, it
  is all there: its records are the data (a record it holds twice in different
  versions, the two sides of a merge, keeps the first; the other goes to the
  quarantine);
- otherwise (cut short, say) its readable records are laid over the last good copy,
  which gives back what the damage hid;
- what cannot be read (half a record) goes to the quarantine, verbatim, and is said.

The bad file itself is always kept aside unchanged first (recovery.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import msgspec

from tui.core import schema
from tui.core.schema import (
    CURRENT_SCHEMA,
    META,
    TABLES,
    BadFile,
    BadRecord,
    Tables,
)

MERGE_MARKS = re.compile(r"^(<{7}|={7}|>{7}|\|{7})( .*)?\r?$", re.MULTILINE)
_TABLE = re.compile(r'"(' + "|".join(map(re.escape, TABLES)) + r')"\s*:\s*\{')
_RECORD = re.compile(r'"(\d+)"\s*:\s*(?=\{)')
_RECORD_OR_TABLE = re.compile(f"{_TABLE.pattern}|{_RECORD.pattern}")
_decoder = json.JSONDecoder()
#: The quarantine's word for a part of a damaged file that is not a whole record.
UNREADABLE_PART = "part of a damaged file"


@dataclass
class Salvaged:
    tables: Tables
    bad: list[BadRecord] = field(default_factory=list)
    whole: bool = False  # the whole file was read: nothing in it was lost
    causes: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(rows) for name, rows in self.tables.items() if name != META)


def _text(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def _causes(raw: bytes, text: str, whole: bool) -> list[str]:
    causes = []
    if raw.startswith(b"\xef\xbb\xbf"):
        causes.append("an editor added a mark at its start")
    if MERGE_MARKS.search(text):
        causes.append("it held the marks a merge leaves (<<<<<<< and >>>>>>>)")
    if any(without_stray_commas(side) != side for side in sides(text)):
        causes.append("a comma was out of place")
    if not whole:
        causes.append("part of it could not be read (cut short, or changed by hand)")
    return causes or ["its version record was changed"]


def sides(text: str) -> list[str]:
    """The file as each side of a merge had it (ours, then theirs); one if no marks."""
    if not MERGE_MARKS.search(text):
        return [text]
    ours: list[str] = []
    theirs: list[str] = []
    into = [ours, theirs]
    for line in text.splitlines(keepends=True):
        mark = MERGE_MARKS.fullmatch(line.rstrip("\n"))
        if mark is None:
            for side in into:
                side.append(line)
        elif line.startswith("<"):
            into = [ours]
        elif line.startswith("|"):
            into = []  # the common ancestor (diff3): each side has its own version
        elif line.startswith("="):
            into = [theirs]
        else:
            into = [ours, theirs]
    return ["".join(ours), "".join(theirs)]


def without_stray_commas(text: str) -> str:
    """``text`` without the commas JSON does not allow before ``}`` or ``]`` (outside
    strings: a note may say ", }")."""
    kept: list[str] = []
    in_string = escaped = False
    comma_at: int | None = None
    for char in text:
        if in_string:
            in_string = escaped or char != '"'
            escaped = not escaped and char == "\\"
        elif char == '"':
            in_string, comma_at = True, None
        elif char == ",":
            comma_at = len(kept)
        elif char in "}]" and comma_at is not None:
            kept[comma_at] = ""
            comma_at = None
        elif not char.isspace():
            comma_at = None
        kept.append(char)
    return "".join(kept)


def salvage(raw: bytes) -> Salvaged | None:
    """Every record still readable in ``raw``; None if there is nothing to go on (not
    text, or no record of the current version at all)."""
    text = _text(raw)
    if text is None:
        return None
    found = Salvaged({name: {} for name in TABLES}, whole=True)
    for side in map(without_stray_commas, sides(text)):
        try:
            found.whole &= isinstance(json.loads(side), dict)
        except ValueError:
            found.whole = False
        _read_records(side, found)
    if not found.count and not found.bad:
        return None
    meta = found.tables[META].get(1)
    if meta is not None and meta.schema != CURRENT_SCHEMA:
        if meta.schema < CURRENT_SCHEMA:
            return None  # an older version's records: the migration's path, not this one
        found.tables[META][1] = msgspec.structs.replace(meta, schema=CURRENT_SCHEMA)
    found.causes = _causes(raw, text, found.whole)
    return found


def _read_records(text: str, found: Salvaged) -> None:
    table: str | None = None
    at = 0
    while match := _RECORD_OR_TABLE.search(text, at):
        if match.group(1):  # a table begins
            table, at = match.group(1), match.end()
            continue
        record_id, start = match.group(2), match.end()
        try:
            value, end = _decoder.raw_decode(text, start)
        except ValueError:
            following = _RECORD_OR_TABLE.search(text, start + 1)
            end = following.start() if following else len(text)
            problem = f"{UNREADABLE_PART} (in the table {table or 'none'})"
            found.bad.append(BadRecord("", record_id, text[start:end], problem))
            at = end
            continue
        at = end
        if table is not None:
            _keep(found, table, int(record_id), value)


def _keep(found: Salvaged, table: str, record_id: int, value: Any) -> None:
    rows = found.tables[table]
    try:
        record = msgspec.convert(value, TABLES[table])
    except msgspec.ValidationError as error:
        if table != META:
            found.bad.append(BadRecord(table, str(record_id), _verbatim(value), str(error)))
        return
    if record_id not in rows:
        rows[record_id] = record
    elif rows[record_id] != record and table != META:
        problem = "a second version of this record (two sides of a merge)"
        found.bad.append(BadRecord(table, str(record_id), _verbatim(value), problem))


def _verbatim(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def laid_over(found: Salvaged, good: Tables | None) -> Tables:
    """The salvaged records, over the last good copy's where the file was not whole."""
    tables: Tables = {name: dict(rows) for name, rows in found.tables.items()}
    if not found.whole and good is not None:
        for name, rows in good.items():
            tables[name] = {**rows, **tables[name]}
    if 1 not in tables[META]:
        tables[META][1] = schema.empty_tables()[META][1] if good is None else good[META][1]
    meta = schema.meta(tables)
    last_ids = dict(meta.last_ids)
    for name, rows in tables.items():
        last_ids[name] = max([last_ids.get(name, 0), *rows])
    if good is not None:
        for name, highest in schema.meta(good).last_ids.items():
            last_ids[name] = max(last_ids.get(name, 0), highest)
    last_ids.pop(META, None)
    tables[META][1] = msgspec.structs.replace(meta, last_ids=last_ids)
    return tables


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def typed_over(raw: bytes) -> BadFile | None:
    """A file whose version number says a newer version wrote it, though its meta
    record names no newer release (every release since 0.2.0 names itself there): the
    number was typed over or damaged. Opening it read-only would lock the person out
    ("upgrade" to a version that does not exist); it is damaged instead. None if a
    newer release did write it."""
    from tui import __version__

    try:
        writer = json.loads(raw)["meta"]["1"].get("written_by")
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if isinstance(writer, str) and _release(writer) > _release(__version__):
        return None
    return BadFile("wrong-shape", "Your data file's version number was changed")


def sentence(found: Salvaged, moved: str, backup_when: str | None) -> str:
    """What happened, in words: why the file was damaged, where it is, what came back."""
    cause = "; ".join(found.causes)
    said = f"Your data file was damaged: {cause}. It was kept, unchanged, at {moved}. "
    records = "1 record" if found.count == 1 else f"{found.count} records"
    if found.whole and not found.bad:
        return said + f"The app read all of it back ({records}), so nothing was lost."
    if found.whole:
        return said + f"The app read {records} back from it."
    if backup_when is not None:
        return said + (
            f"The app read {records} back from it, and took the rest from your last good "
            f"copy (a backup from {backup_when})."
        )
    return said + f"The app read {records} back from it. There was no backup copy for the rest."
