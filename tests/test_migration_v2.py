"""A data file from the release before check-ins and visits opens, updated, with a copy kept.

The files in tests/data were written by that release's own code (schema 1): one
closed cleanly, and one whose newest note was still only in the journal (a crash).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tui.core import paths
from tui.core.schema import CURRENT_SCHEMA
from tui.core.service import open_navigator

DATA = Path(__file__).parent / "data"


def _copies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".schema-v1-" in p.name)


def test_a_file_from_the_last_release_keeps_everything_and_gains_check_ins(
    data_file: Path,
) -> None:
    data_file.parent.mkdir(parents=True)
    original = (DATA / "navigator-v1.json").read_bytes()
    data_file.write_bytes(original)
    nav = open_navigator(data_file)
    try:
        assert "came from an older version of the app" in " ".join(nav.store.report.messages)
        assert nav.store.schema() == CURRENT_SCHEMA
        titles = {n.title: n for n in nav.notes.all()}
        assert set(titles) == {"Is the heat making me tired?", "Stairs", "Shopping"}
        heat = titles["Is the heat making me tired?"]
        assert (heat.raised, heat.answer, heat.visit_id) == (True, "Try a cooling vest.", None)
        assert nav.checklist.entry("peer-helpline").done
        assert [p.name for p in nav.people.all()] == ["Dr Lee"]
        assert nav.setting("theme") == "high-contrast"
        assert nav.checkins.all() == []
        assert nav.visits.all() == []
        nav.checkins.set_level("2026-05-01", "walking", "a-lot")  # the new tables work
    finally:
        nav.store.close()
    (kept,) = _copies(data_file.parent)
    assert kept.read_bytes() == original
    stored = json.loads(data_file.read_text("utf-8"))
    assert stored["meta"]["1"]["schema"] == CURRENT_SCHEMA
    assert stored["checkins"]["1"]["levels"] == {"walking": "a-lot"}
    again = open_navigator(data_file)  # migrated once: no second copy, no message
    try:
        assert not again.store.report.messages
        assert [c.day.isoformat() for c in again.checkins.all()] == ["2026-05-01"]
    finally:
        again.store.close()
    assert len(_copies(data_file.parent)) == 1


def test_a_journal_left_by_the_last_release_is_replayed_into_the_new_version(
    data_file: Path,
) -> None:
    """The old journal puts back the old meta record (schema 1): the file must still
    say the current version afterwards, or every start would migrate it again."""
    data_file.parent.mkdir(parents=True)
    for name in ("navigator.json", "navigator.json.journal"):
        shutil.copy(DATA / "v1-crash" / name, data_file.parent / name)
    nav = open_navigator(data_file)
    try:
        assert "Only in the journal" in {n.title for n in nav.notes.all()}
        assert nav.store.schema() == CURRENT_SCHEMA
    finally:
        nav.store.close()
    assert json.loads(data_file.read_text("utf-8"))["meta"]["1"]["schema"] == CURRENT_SCHEMA
    again = open_navigator(data_file)
    try:
        assert not again.store.report.messages
        assert len(again.notes.all()) == 4
    finally:
        again.store.close()
    assert len(_copies(data_file.parent)) == 1
    assert not paths.journal_file(data_file).read_bytes().count(b"\n") > 1
