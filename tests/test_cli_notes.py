"""``note`` commands through the real command: edit, raise, un-raise and JSON out."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import cli
from tests.process import saved
from tui.core.models import NoteKind


def _add(data_file: Path, title: str, *extra: str, body: str = "") -> int:
    result = cli("note", "add", "--title", title, *extra, "--data-file", str(data_file), stdin=body)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[2].rstrip(":"))


def test_edit_changes_only_what_is_named_and_the_body_comes_from_stdin(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    number = _add(data_file, "Heat", "--kind", "question", "--topic", "care-team", body="Hot.")
    titled = cli("note", "edit", str(number), "--title", "Heat and me", *d)
    assert (titled.returncode, titled.stdout) == (0, f"Saved note {number}: Heat and me\n")
    body = cli("note", "edit", str(number), "--body", "-", *d, stdin="Hot days tire me.\n")
    assert body.returncode == 0
    cli("note", "edit", str(number), "--kind", "concern", "--no-link", *d)
    with saved(data_file) as nav:
        note = nav.notes.get(number)
    assert (note.title, note.body, note.kind, note.link) == (
        "Heat and me",
        "Hot days tire me.\n",
        NoteKind.CONCERN,
        "",
    )
    relinked = cli("note", "edit", str(number), "--item", "ct-changes", "--json", *d)
    assert json.loads(relinked.stdout)["note"]["link"] == {
        "type": "item",
        "id": "ct-changes",
        "label": "Checklist: Keep track of changes you notice",
    }
    same = cli("note", "edit", str(number), "--title", "Heat and me", *d)
    assert same.stdout == f"Nothing changed in note {number}: it already says that.\n"


def test_edit_without_a_change_or_with_a_bad_link_says_what_would_work(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    number = _add(data_file, "Heat")
    nothing = cli("note", "edit", str(number), *d)
    assert nothing.returncode == 2
    assert "Say what to change: --title, --body, --kind, --topic, --item" in nothing.stderr
    topic = cli("note", "edit", str(number), "--topic", "nope", *d)
    assert topic.returncode == 1
    assert "To see the ids, run: spms-navigator topics" in topic.stderr
    item = cli("note", "add", "--title", "x", "--item", "nope", "--body", "", *d)
    assert item.returncode == 1
    assert "To see the ids, run: spms-navigator checklist list" in item.stderr
    both = cli("note", "edit", str(number), "--topic", "care-team", "--no-link", *d)
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    missing = cli("note", "edit", "99", "--title", "x", *d)
    assert missing.returncode == 1 and "run: spms-navigator note list" in missing.stderr


def test_raise_keeps_the_answer_and_unraise_puts_it_back_on_the_list(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    number = _add(data_file, "Heat", "--kind", "question")
    raised = cli("note", "raise", str(number), "--answer", "-", *d, stdin="Try a cooling vest.")
    assert raised.stdout == (
        f"Marked note {number} as raised with your care team. Their answer: Try a cooling vest.\n"
    )
    again = cli("note", "raise", str(number), *d)  # no --answer: the answer stays
    assert again.returncode == 0
    with saved(data_file) as nav:
        assert (nav.notes.get(number).raised, nav.notes.get(number).answer) == (
            True,
            "Try a cooling vest.",
        )
    listed = cli("note", "list", "--raised", *d).stdout
    assert listed.endswith("Heat [Question, raised]\n")
    assert cli("note", "list", "--no-raised", *d).stdout == ""
    visit = cli("export", "--format", "appointment-txt", "--output", "-", *d).stdout
    assert "Heat" not in visit
    back = cli("note", "unraise", str(number), *d)
    assert back.stdout == f"Note {number} is back on the list for your next visit.\n"
    with saved(data_file) as nav:
        assert nav.notes.get(number).raised is False
    visit = cli("export", "--format", "appointment-txt", "--output", "-", *d).stdout
    assert "- Heat (noted" in visit


def test_note_json_has_stable_ids_and_iso_dates(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    first = _add(data_file, "Heat", "--kind", "question", body="Hot days.\n")
    _add(data_file, "Stairs", "--item", "ct-changes")
    listed = json.loads(cli("note", "list", "--json", *d).stdout)
    assert (listed["format"], listed["version"]) == ("spms-navigator/notes", 1)
    assert [n["id"] for n in listed["notes"]] == [first + 1, first]
    with saved(data_file) as nav:
        stored = nav.notes.get(first)
    shown = json.loads(cli("note", "show", str(first), "--json", *d).stdout)
    assert shown == {
        "format": "spms-navigator/note",
        "version": 1,
        "note": {
            "id": first,
            "title": "Heat",
            "body": "Hot days.\n",
            "kind": "question",
            "created": stored.created,
            "updated": stored.updated,
            "link": None,
            "raised": False,
            "answer": "",
            "visit_id": None,
        },
    }
    assert "T" in stored.created and stored.created[:4].isdigit()  # ISO 8601, as stored
    added = json.loads(cli("note", "add", "--title", "x", "--json", *d).stdout)
    assert added["note"]["id"] == first + 2
    empty = cli("note", "list", "--filter", "nothing like this", "--json", *d)
    assert (json.loads(empty.stdout)["notes"], empty.stderr) == ([], "")


def test_json_escapes_control_characters_and_reads_back_exactly(data_file: Path) -> None:
    title = "\x1b]0;PWNED\x07 \u202eevil \x9b31m"
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", title, "--body", "", *d)
    text = cli("note", "list", "--json", *d).stdout
    assert not any(ch in text for ch in "\x1b\x07\u202e\x9b")
    assert "\\u001b]0;PWNED\\u0007" in text
    assert json.loads(text)["notes"][0]["title"] == title
