"""How a data file of an older version becomes one of this version (``CURRENT_SCHEMA``).

Each step works on the file as plain JSON data, before any record is checked
against schema.py: a step only has to make the file look like the next version.
A copy of the old file is kept (recovery.py) before the migrated one is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.schema import (
    CHECKINS,
    CURRENT_SCHEMA,
    EVENTS,
    MEDICINES,
    META,
    NOTES,
    VISITS,
    now_stamp,
)


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 files came from early prototypes: no meta table, notes without times."""
    stamp = now_stamp()
    notes = data.get(NOTES)
    for note in notes.values() if isinstance(notes, dict) else ():
        if isinstance(note, dict):
            note.setdefault("created", stamp)
            note.setdefault("updated", note["created"])
    data[META] = {"1": {"schema": 1, "created": stamp, "migrated_from": 0}}
    return data


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds check-ins and visits (empty at first); notes may name the visit
    they were raised at (none yet), and settings may hold a name and a reminder."""
    data.setdefault(CHECKINS, {})
    data.setdefault(VISITS, {})
    record = data[META]["1"]
    record["schema"] = 2
    if record.get("migrated_from") is None:
        record["migrated_from"] = 1
    return data


def _migrate_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds medicines and events (a fall, an infection...), empty at first.
    Nothing else changes: every record of version 2 is kept as it was."""
    data.setdefault(MEDICINES, {})
    data.setdefault(EVENTS, {})
    record = data[META]["1"]
    record["schema"] = 3
    if record.get("migrated_from") is None:
        record["migrated_from"] = 2
    return data


#: Each step turns a file of version N (the key) into one of version N + 1, as plain
#: JSON data; records are checked against the schema after the last step.
STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
}


def run(data: dict[str, Any], version: int) -> dict[str, Any]:
    while version < CURRENT_SCHEMA:
        data = STEPS[version](data)
        version += 1
    return data
