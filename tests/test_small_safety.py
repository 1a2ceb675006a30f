"""The smaller findings of issue 22 (item 6), each as a person meets it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.process import cli, saved
from tui.core.drafts import Drafts
from tui.core.models import long_date
from tui.core.schema import CheckIn
from tui.core.store import CHECKINS


def test_end_of_input_during_checkin_questions_keeps_the_answers(data_file: Path) -> None:
    asked = cli("checkin", "--data-file", str(data_file), stdin="2\n4 my grip is weak\n")
    assert asked.returncode == 0, asked.stderr
    assert "Please report this" not in asked.stderr
    assert asked.stderr.rstrip().endswith(
        "The input ended, so the questions stopped. What you answered is saved."
    )
    assert asked.stdout == (
        f"Saved your check-in for {long_date(date.today())}:\n"
        "  Walking and balance: a little\n"
        "  Hands and arms: a lot. My words: my grip is weak\n"
    )
    with saved(data_file) as nav:
        (checkin,) = nav.checkins.all()
        assert checkin.answered == 2


def test_the_export_carries_every_setting_to_a_new_computer(
    data_file: Path, tmp_path: Path
) -> None:
    with saved(data_file) as nav:
        nav.set_setting("theme", "high-contrast")
        nav.set_setting("plain", True)
        nav.set_setting("my_name", "Ana")
        nav.set_setting("checkin_every_days", 14)
    exported = tmp_path / "backup.json"
    done = cli(
        "export", "--format", "json", "--output", str(exported), "--data-file", str(data_file)
    )
    assert done.returncode == 0, done.stderr
    settings = json.loads(exported.read_text("utf-8"))["settings"]
    assert settings == {
        "theme": "high-contrast",
        "plain": True,
        "my_name": "Ana",
        "checkin_every_days": 14,
    }
    new_computer = tmp_path / "new" / "navigator.json"
    merged = cli("import", str(exported), "--yes", "--data-file", str(new_computer))
    assert merged.returncode == 0, merged.stderr
    assert 'Theme: nothing becomes "high-contrast".' in merged.stdout
    with saved(new_computer) as nav:
        assert (nav.setting("theme"), nav.setting("plain")) == ("high-contrast", True)
        assert (nav.setting("my_name"), nav.setting("checkin_every_days")) == ("Ana", 14)


def test_a_draft_of_a_deleted_note_or_person_is_dropped_with_it(data_file: Path) -> None:
    with saved(data_file) as nav:
        note = nav.notes.create("Heat", "words")
        kept = nav.notes.create("Other", "words")
        person = nav.people.add("Ana")
        keeper = Drafts(data_file)
        keeper.save(f"note:{note.id}", {"title": "Heat", "body": "more words"}, "Heat")
        keeper.save(f"note:{kept.id}", {"title": "Other", "body": "typed"}, "Other")
        keeper.save(f"person:{person.id}", {"name": "Ana B"}, "Ana")
    assert (
        cli("note", "delete", str(note.id), "--yes", "--data-file", str(data_file)).returncode == 0
    )
    deleted = cli("people", "delete", str(person.id), "--yes", "--data-file", str(data_file))
    assert deleted.returncode == 0, deleted.stderr
    left = Drafts(data_file, writable=False).left_over()
    assert [d.key for d in left] == [f"note:{kept.id}"]  # the draft of a note still here stays


def test_check_in_values_this_version_does_not_know_survive_export_and_import(
    data_file: Path, tmp_path: Path
) -> None:
    """A later version may add an area, a level or another kind of date."""
    later = {
        "2026-11-30": ({"walking": "a-lot", "balance": "a-little", "pain": "unbearable"}, {}),
        "late 2026": ({"walking": "some"}, {"walking": "a week of it"}),
    }
    with saved(data_file) as nav:
        for day, (levels, words) in later.items():
            nav.store.insert(CHECKINS, CheckIn(day=day, levels=levels, words=words))
    exported = tmp_path / "backup.json"
    args = ("--format", "json", "--output", str(exported))
    assert cli("export", *args, "--data-file", str(data_file)).returncode == 0
    sent = json.loads(exported.read_text("utf-8"))["checkins"]
    assert [(c["date"], c["levels"], c["words"]) for c in sent] == [
        (day, levels, words) for day, (levels, words) in sorted(later.items())
    ]
    other = tmp_path / "other" / "navigator.json"
    merged = cli("import", str(exported), "--yes", "--data-file", str(other))
    assert merged.returncode == 0, merged.stderr
    with saved(other) as nav:
        stored = nav.store.records(CHECKINS).values()
        assert {r.day: (r.levels, r.words) for r in stored} == later
    # Merged into a file that has the day already: what is new comes, nothing goes.
    with saved(data_file) as nav:
        nav.checkins.set_level(date(2026, 11, 30), "tiredness", "some")
    exported.unlink()
    assert cli("export", *args, "--data-file", str(other)).returncode == 0
    assert cli("import", str(exported), "--yes", "--data-file", str(data_file)).returncode == 0
    with saved(data_file) as nav:
        by_day = {r.day: r.levels for r in nav.store.records(CHECKINS).values()}
        assert by_day["2026-11-30"] == {**later["2026-11-30"][0], "tiredness": "some"}
