"""Check-ins and visits in export, import (merge, no duplicates) and delete-all."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import cli
from tests.process import saved
from tui.core.models import NoteKind, Role
from tui.core.service import open_navigator


def _fill(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        lee = nav.people.add("Dr Lee", Role.CARE_TEAM, "neurologist")
        visit = nav.visits.add("2026-05-02", "", "Yearly check-up", lee.id)
        nav.visits.add("2026-02-01", "Nurse Kim", "Bladder")
        heat = nav.notes.create("Heat", "Hot days.", kind=NoteKind.QUESTION)
        nav.visits.raise_note(heat.id, "Try a cooling vest.", visit.id)
        nav.checkins.set_level("2026-05-01", "walking", "a-lot")
        nav.checkins.set_words("2026-05-01", "walking", "Stairs are harder.")
        nav.checkins.set_days("2026-05-01", "Slow mornings.")
        nav.checkins.set_level("2025-11-01", "walking", "a-little")
        nav.set_setting("my_name", "Alex Morgan")
        nav.checkins.set_every_days(14)
    finally:
        nav.store.close()


def test_export_and_import_carry_check_ins_visits_and_where_notes_were_raised(
    tmp_path: Path,
) -> None:
    mine, other = tmp_path / "mine" / "navigator.json", tmp_path / "other" / "navigator.json"
    _fill(mine)
    backup_file = tmp_path / "backup.json"
    exported = cli(
        "export", "--format", "json", "--output", str(backup_file), "--data-file", str(mine)
    )
    assert exported.returncode == 0, exported.stderr
    document = json.loads(backup_file.read_text())
    assert [c["date"] for c in document["checkins"]] == ["2025-11-01", "2026-05-01"]
    assert document["checkins"][1]["words"] == {"walking": "Stairs are harder."}
    assert [v["date"] for v in document["visits"]] == ["2026-02-01", "2026-05-02"]
    assert document["settings"] == {"my_name": "Alex Morgan", "checkin_every_days": 14}
    # The other file already has that day, with an answer of its own and a visit.
    nav = open_navigator(other)
    try:
        nav.checkins.set_level("2026-05-01", "walking", "some")
        nav.checkins.set_days("2026-05-01", "Good days too.")
        nav.visits.add("2026-02-01", "Nurse Kim", "")
    finally:
        nav.store.close()
    d = ["--data-file", str(other)]
    shown = cli("import", str(backup_file), *d)
    assert shown.returncode == 1  # not a terminal: it shows the plan, then needs --yes
    for sentence in (
        "1 new check-in.",
        "1 check-in that gains answers or words.",
        "1 new visit.",
        'Check-in of 1 May 2026, my days: "Good days too." becomes "Good days too.␊Slow '
        'mornings.".',
        'Visit of 1 February 2026, why: nothing becomes "Bladder".',
        'My name: nothing becomes "Alex Morgan".',
    ):
        assert sentence in shown.stdout, shown.stdout
    assert cli("import", str(backup_file), "--yes", *d).returncode == 0
    with saved(other) as nav:
        checkins = nav.checkins.all()
        assert [c.day.isoformat() for c in checkins] == ["2025-11-01", "2026-05-01"]
        assert checkins[1].levels["walking"].id == "some"  # the answer here stays
        assert checkins[1].words == {"walking": "Stairs are harder."}
        assert checkins[1].days == "Good days too.\nSlow mornings."
        visits = nav.visits.all()
        assert [(v.day.isoformat(), v.who(nav.people), v.why) for v in visits] == [
            ("2026-05-02", "Dr Lee", "Yearly check-up"),
            ("2026-02-01", "Nurse Kim", "Bladder"),
        ]
        (heat,) = nav.notes.all()
        assert (heat.raised, heat.answer, heat.visit_id) == (
            True,
            "Try a cooling vest.",
            visits[0].id,
        )
        assert nav.setting("my_name") == "Alex Morgan"
        assert nav.checkins.every_days() == 14
    again = cli("import", str(backup_file), "--yes", *d)
    assert "Nothing would change: everything in the backup is already here." in again.stdout
    with saved(other) as nav:
        assert len(nav.checkins.all()) == 2 and len(nav.visits.all()) == 2
        assert len(nav.notes.all()) == 1


def test_the_markdown_export_has_the_check_ins_and_the_visits(data_file: Path) -> None:
    _fill(data_file)
    text = cli("export", "--format", "md", "--output", "-", "--data-file", str(data_file)).stdout
    assert "## My check-ins, newest first\n\n### 1 May 2026\n\n" in text
    assert "- Walking and balance: a lot. My words: Stairs are harder.." not in text
    assert "- Walking and balance: a lot. My words: Stairs are harder." in text
    assert "- What my days are like: Slow mornings." in text
    assert "### Visit on 2 May 2026 with Dr Lee. Why: Yearly check-up." in text
    assert "- Raised: Heat. Answer: Try a cooling vest." in text


def test_delete_all_removes_check_ins_and_visits(data_file: Path) -> None:
    _fill(data_file)
    done = cli("delete-all", "--confirm", "delete my data", "--data-file", str(data_file))
    assert done.returncode == 0, done.stderr
    with saved(data_file) as nav:
        assert nav.checkins.all() == [] and nav.visits.all() == []
        assert nav.setting("my_name") is None
    words = data_file.read_bytes()
    assert b"Stairs are harder" not in words and b"Nurse Kim" not in words
    help_text = cli("delete-all", "--help").stdout
    assert "check-ins, visits" in help_text
