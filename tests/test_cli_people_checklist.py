"""``people`` and ``checklist`` commands through the real command, and what they save."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import cli
from tests.process import saved
from tui.core.models import Role


def test_people_add_edit_show_delete(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    added = cli("people", "add", "Dr Lee", "--role", "care-team", "--specialty", "neurologist", *d)
    assert added.stdout == "Saved person 1: Dr Lee: Care team member (neurologist).\n"
    edited = cli("people", "edit", "1", "--contact", "555 0199", "--name", "Dr A Lee", *d)
    assert edited.returncode == 0
    with saved(data_file) as nav:
        person = nav.people.get(1)
    assert person is not None
    assert (person.name, person.role, person.specialty, person.contact) == (
        "Dr A Lee",
        Role.CARE_TEAM,
        "neurologist",
        "555 0199",
    )
    shown = json.loads(cli("people", "show", "1", "--json", *d).stdout)
    assert shown["person"] == {
        "id": 1,
        "name": "Dr A Lee",
        "role": "care-team",
        "role_label": "Care team member",
        "specialty": "neurologist",
        "contact": "555 0199",
        "helps_with": "",
    }
    listed = json.loads(cli("people", "list", "--json", *d).stdout)
    assert (listed["format"], [p["id"] for p in listed["people"]]) == ("spms-navigator/people", [1])
    refused = cli("people", "delete", "1", *d)
    assert refused.returncode == 1 and "add --yes to remove person 1" in refused.stderr.lower()
    assert cli("people", "delete", "1", "--yes", *d).stdout == "Removed person 1: Dr A Lee\n"
    with saved(data_file) as nav:
        assert nav.people.all() == []
    gone = cli("people", "edit", "1", "--name", "x", *d)
    assert gone.returncode == 1 and "run: spms-navigator people list" in gone.stderr


def test_people_flags_that_do_not_apply_are_usage_errors_naming_what_would(
    data_file: Path,
) -> None:
    d = ["--data-file", str(data_file)]
    alone = cli("people", "--role", "care-team", *d)
    assert (alone.returncode, alone.stdout) == (2, "")
    assert "spms-navigator people add NAME --role" in alone.stderr
    empty = cli("people", "add", "", *d)
    assert empty.returncode == 2 and "The name is empty" in empty.stderr
    blank_edit = cli("people", "add", "Ann", *d)
    assert blank_edit.returncode == 0
    nothing = cli("people", "edit", "1", *d)
    assert nothing.returncode == 2 and "--name, --role, --specialty" in nothing.stderr
    mixed = cli("people", "--role", "other", "list", *d)
    assert mixed.returncode == 2 and "goes after the action" in mixed.stderr
    with saved(data_file) as nav:
        assert [p.name for p in nav.people.all()] == ["Ann"]


def test_the_older_people_add_spelling_still_works(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    result = cli("people", "--add", "Sam", "--role", "friend-family", "--helps", "shopping", *d)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Saved person 1: Sam: Friend or family. Helps with: shopping.",
        "1\tSam: Friend or family. Helps with: shopping.",
    ]


def test_help_not_wanted_add_list_delete(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    assert cli("people", "unwanted", "add", "Advice about diets", *d).returncode == 0
    assert cli("people", "unwanted", *d).stdout == "1\tAdvice about diets\n"
    listed = json.loads(cli("people", "unwanted", "list", "--json", *d).stdout)
    assert listed == {
        "format": "spms-navigator/unwanted-help",
        "version": 1,
        "unwanted_help": [{"id": 1, "text": "Advice about diets"}],
    }
    empty = cli("people", "unwanted", "add", "  ", *d)
    assert empty.returncode == 2 and "The text is empty" in empty.stderr
    assert cli("people", "unwanted", "delete", "1", *d).returncode == 1
    assert cli("people", "unwanted", "delete", "1", "--yes", *d).returncode == 0
    with saved(data_file) as nav:
        assert nav.people.unwanted() == []
    missing = cli("people", "unwanted", "delete", "1", "--yes", *d)
    assert missing.returncode == 1 and "people unwanted list" in missing.stderr


def test_checklist_done_undo_add_set_delete(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    done = cli("checklist", "done", "peer-helpline", *d)
    assert done.stdout == "Saved: Call an MS helpline is done. Progress: 1 of 21 done.\n"
    assert cli("checklist", "undo", "peer-helpline", *d).returncode == 0
    assert cli("checklist", "add", "Ask about a walking aid", *d).stdout == (
        "Added own-1: Ask about a walking aid\n"
    )
    cli("people", "add", "Ann", "--role", "friend-family", *d)
    set_ = cli(
        "checklist",
        "set",
        "own-1",
        "--helper",
        "My sister",
        "--note",
        "In May",
        "--person",
        "1",
        *d,
    )
    assert set_.stdout == (
        "Saved: Ask about a walking aid: not done yet. Person: Ann. Who helps: My sister. "
        "Note: In May.\n"
    )
    with saved(data_file) as nav:
        entry = nav.checklist.entry("own-1")
        assert nav.checklist.entry("peer-helpline").done is False
    assert (entry.helper, entry.note, entry.person_id) == ("My sister", "In May", 1)
    shown = json.loads(cli("checklist", "show", "own-1", "--json", *d).stdout)
    assert shown["item"] == {
        "id": "own-1",
        "group": "own",
        "group_title": "My own items",
        "text": "Ask about a walking aid",
        "why": "",
        "topic": None,
        "own": True,
        "done": False,
        "helper": "My sister",
        "note": "In May",
        "person_id": 1,
    }
    cli("checklist", "set", "own-1", "--no-person", "--helper", "", *d)
    with saved(data_file) as nav:
        entry = nav.checklist.entry("own-1")
    assert (entry.helper, entry.note, entry.person_id) == ("", "In May", None)
    shipped = cli("checklist", "delete", "peer-helpline", "--yes", *d)
    assert shipped.returncode == 1 and "came with the app" in shipped.stderr
    assert cli("checklist", "delete", "own-1", *d).returncode == 1
    assert cli("checklist", "delete", "own-1", "--yes", *d).returncode == 0
    listed = json.loads(cli("checklist", "list", "--json", *d).stdout)
    assert listed["progress"] == {"done": 0, "total": 21}
    assert "own-1" not in [item["id"] for item in listed["items"]]


def test_checklist_mistakes_name_the_fix(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    assert cli("checklist", "list", *d).returncode == 0  # the data file exists from here on
    unknown = cli("checklist", "done", "nope", *d)
    assert unknown.returncode == 1
    assert unknown.stderr == (
        "spms-navigator: There is no checklist item called 'nope'. "
        "To see the ids, run: spms-navigator checklist list\n"
    )
    old_unknown = cli("checklist", "--done", "nope", *d)
    assert old_unknown.returncode == 1 and "checklist list" in old_unknown.stderr
    nothing = cli("checklist", "set", "pr-meals", *d)
    assert nothing.returncode == 2 and "--helper TEXT, --note TEXT, --person" in nothing.stderr
    nobody = cli("checklist", "set", "pr-meals", "--person", "7", *d)
    assert nobody.returncode == 1 and "run: spms-navigator people list" in nobody.stderr
    mixed = cli("checklist", "--done", "pr-meals", "list", *d)
    assert mixed.returncode == 2 and "spms-navigator checklist done ITEM" in mixed.stderr
    with saved(data_file) as nav:
        assert nav.checklist.progress().done == 0
