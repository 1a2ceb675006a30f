"""A damaged or hand-edited data file never locks the person out and never drops a
record silently (issue 22, item 6).

Each kind of damage here is one that editors and manual merges make. Before, each
(but a record of the wrong type) put back the last dated copy whole, so the note
written since that copy was gone from every view, and a version number typed over
locked the file read-only ("upgrade" to a version that does not exist).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.process import cli, saved
from tui import __version__
from tui.core import paths

OLDER = ["Heat", "Stairs", "Sleep"]
NEWEST = "Written after the last backup copy"


def a_file_newer_than_its_backup(data_file: Path) -> dict[str, object]:
    """Three notes in the newest dated copy, a fourth only in the data file."""
    with saved(data_file) as nav:
        for title in OLDER:
            nav.notes.create(title, f"about {title.lower()}")
    with saved(data_file) as nav:  # this start copies the file as it is (three notes)
        nav.notes.create(NEWEST, "the words")
    paths.journal_file(data_file).unlink(missing_ok=True)  # all of it is in the file
    document: dict[str, object] = json.loads(data_file.read_bytes())
    return document


def merge_conflict_on_one_line(document: dict[str, object]) -> str:
    """The app writes the file on one line: a merge of two computers' copies then puts
    the whole file on each side. The other side has a note of its own too."""
    theirs = json.loads(json.dumps(document))
    notes = theirs["notes"]
    newest = next(k for k, v in notes.items() if v["title"] == NEWEST)
    notes[newest] = {**notes[newest], "body": "their words"}
    notes["99"] = {**notes[newest], "title": "Only on the other computer"}
    ours = json.dumps(document, separators=(",", ":"))
    return f"<<<<<<< HEAD\n{ours}\n=======\n{json.dumps(theirs)}\n>>>>>>> laptop\n"


def merge_conflict_inside_a_record(document: dict[str, object]) -> str:
    lines = json.dumps(document, indent=2).splitlines()
    at = next(i for i, line in enumerate(lines) if NEWEST in line)
    lines[at : at + 1] = [
        "<<<<<<< HEAD",
        lines[at],
        "||||||| base",
        lines[at].replace(NEWEST, "The first title"),
        "=======",
        lines[at].replace(NEWEST, "Their title"),
        ">>>>>>> laptop",
    ]
    return "\n".join(lines)


def cut_short(document: dict[str, object]) -> str:
    text = json.dumps(document, indent=2)
    return text[: len(text) - 30]  # the tables after the notes are cut


def trailing_commas(document: dict[str, object]) -> str:
    text = json.dumps(document, indent=2)
    text = text.replace('"visit_id": null\n', '"visit_id": null,\n')  # after each note's last
    return text.rstrip()[:-1].rstrip() + ",\n}\n"  # and after the last table


def a_byte_order_mark(document: dict[str, object]) -> str:
    return "\ufeff" + json.dumps(document, indent=2)


def a_version_typed_over(document: dict[str, object]) -> str:
    meta = document["meta"]["1"]  # type: ignore[index]
    meta.update(schema=22, written_by=__version__)
    return json.dumps(document)


DAMAGE: dict[str, Callable[[dict[str, object]], str]] = {
    "merge-conflict-one-line": merge_conflict_on_one_line,
    "merge-conflict-in-a-record": merge_conflict_inside_a_record,
    "cut-short": cut_short,
    "trailing-commas": trailing_commas,
    "byte-order-mark": a_byte_order_mark,
    "version-typed-over": a_version_typed_over,
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_file_keeps_every_record_it_still_holds(kind: str, data_file: Path) -> None:
    damaged = DAMAGE[kind](a_file_newer_than_its_backup(data_file)).encode("utf-8")
    data_file.write_bytes(damaged)

    listed = cli("note", "list", "--data-file", str(data_file))
    assert listed.returncode == 0, listed.stderr
    first = listed.stderr.splitlines()[0]
    assert first.startswith("spms-navigator: Your data file was damaged: "), first
    (aside,) = [
        p
        for p in data_file.parent.iterdir()
        if p.name.startswith("navigator.json.") and p.read_bytes() == damaged
    ]
    assert f"It was kept, unchanged, at {aside}." in first
    titles = [line.split("\t")[-1] for line in listed.stdout.splitlines()]
    assert NEWEST in titles and set(OLDER) <= set(titles), listed.stdout
    with saved(data_file) as nav:  # writable again: not locked out
        assert not nav.store.read_only
        nav.notes.create("Written after the repair", "")
    again = cli("note", "list", "--data-file", str(data_file))
    assert again.stderr == "" and "Written after the repair" in again.stdout


def test_both_sides_of_a_merge_are_kept_and_said(data_file: Path) -> None:
    document = a_file_newer_than_its_backup(data_file)
    data_file.write_text(merge_conflict_on_one_line(document), "utf-8")
    listed = cli("note", "list", "--data-file", str(data_file))
    assert "it held the marks a merge leaves (<<<<<<< and >>>>>>>)" in listed.stderr
    assert "Only on the other computer" in listed.stdout  # a record only they had
    quarantine = paths.quarantine_file(data_file)
    assert f"held a note that this app could not read. It was kept, unchanged, in {quarantine}" in (
        listed.stderr
    )
    (kept,) = json.loads(quarantine.read_text("utf-8"))["records"]
    assert "their words" in kept["raw"]  # the other side's version, word for word
    assert kept["problem"] == "a second version of this record (two sides of a merge)"


def test_what_a_cut_cannot_give_back_comes_from_the_backup_and_half_a_record_is_kept(
    data_file: Path,
) -> None:
    document = a_file_newer_than_its_backup(data_file)
    with saved(data_file) as nav:  # a person, in the backup and after the cut
        nav.people.add("Ana")
    paths.journal_file(data_file).unlink(missing_ok=True)
    document = json.loads(data_file.read_bytes())
    text = json.dumps(document, indent=2)
    data_file.write_text(text[: text.index('"Ana"') + 3], "utf-8")  # "Ana" cut in half
    listed = cli("note", "list", "--data-file", str(data_file))
    assert "part of it could not be read" in listed.stderr
    assert "and took the rest from your last good copy" in listed.stderr
    assert "a part of a record that this app could not read" in listed.stderr
    assert NEWEST in listed.stdout
    kept = json.loads(paths.quarantine_file(data_file).read_text("utf-8"))["records"]
    (half,) = kept
    assert half["problem"] == "part of a damaged file (in the table people)"
    assert half["table"] == "" and half["raw"].endswith('"An')


def test_a_record_of_the_wrong_type_is_kept_in_the_quarantine_and_said(data_file: Path) -> None:
    document = a_file_newer_than_its_backup(data_file)
    for note in document["notes"].values():  # type: ignore[attr-defined]
        if note["title"] == NEWEST:
            note["created"] = 12345
    data_file.write_text(json.dumps(document), "utf-8")
    listed = cli("note", "list", "--data-file", str(data_file))
    assert listed.returncode == 0
    assert "Your data file held a note that this app could not read" in listed.stderr
    (kept,) = json.loads(paths.quarantine_file(data_file).read_text("utf-8"))["records"]
    assert NEWEST in kept["raw"]


@pytest.mark.parametrize("kind", ["merge-conflict-one-line", "byte-order-mark"])
def test_a_damaged_file_alone_in_a_new_folder_still_opens(
    kind: str, data_file: Path, tmp_path: Path
) -> None:
    """Copied to another computer without the files beside it, a file a merge or an
    editor touched is still recognised as the app's own."""
    damaged = DAMAGE[kind](a_file_newer_than_its_backup(data_file)).encode("utf-8")
    alone = tmp_path / "elsewhere" / "navigator.json"
    alone.parent.mkdir()
    alone.write_bytes(damaged)
    listed = cli("note", "list", "--data-file", str(alone))
    assert listed.returncode == 0, listed.stderr
    assert "The app read all of it back" in listed.stderr or "read 5 records" in listed.stderr
    assert NEWEST in listed.stdout


def test_a_journal_set_aside_as_unused_is_offered_back_and_merged_once(data_file: Path) -> None:
    """A sync tool puts back an older data file while a command's change is still in the
    journal: the journal is set aside (it belongs to the other file), then offered back
    like a file an older release set aside, and ``import`` takes it."""
    with saved(data_file) as nav:
        nav.notes.create("Older", "")
    yesterday = data_file.read_bytes()
    with saved(data_file) as nav:
        nav.notes.create("Second", "")
    added = cli("note", "add", "--title", "Only in the journal", "--data-file", str(data_file))
    assert added.returncode == 0, added.stderr
    data_file.write_bytes(yesterday)  # the sync tool

    listed = cli("note", "list", "--data-file", str(data_file))
    (aside,) = data_file.parent.glob("navigator.json.journal-unused-*")
    assert f"they were kept, unchanged, at {aside}" in listed.stderr
    assert (
        f"Some of your changes were kept aside at {aside}, as they belonged to another copy "
        "of your data file. It holds what your data file does not: 1 new note"
    ) in listed.stderr
    assert f"or run: spms-navigator import {aside}" in listed.stderr
    merged = cli("import", str(aside), "--yes", "--data-file", str(data_file))
    assert merged.returncode == 0, merged.stderr
    again = cli("note", "list", "--data-file", str(data_file))
    assert "Only in the journal" in again.stdout
    assert again.stderr == ""  # merged once, not offered again
    assert aside.exists()  # never deleted
