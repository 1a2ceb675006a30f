"""Appointment preparation, My people, and export / import / delete, through the screens."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input, Static

from tests.pilot_helpers import highlighted_text, option_texts, running_app, status_text
from tui.app.fields import ChoiceField
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.screens.person_editor import PersonEditorScreen
from tui.app.screens.visit import VisitScreen
from tui.app.widgets import ReaderList
from tui.core import appointment, areas, backup
from tui.core.models import NoteKind, Role
from tui.core.service import Navigator, open_navigator


async def test_prepare_for_a_visit_raise_and_export(data_file: Path, tmp_path: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        assert isinstance(app.screen, VisitScreen)
        texts = option_texts(app, "visit")
        # The prompts are one line until Enter shows them (seven lines cost a reader 30 s).
        assert "Write about: Compared with a few months ago, what is harder now?" not in texts
        prompts = "Help noticing slow change: 7 questions. Enter shows them."
        app.screen.query_one("#visit", ReaderList).highlighted = texts.index(prompts)
        await pilot.press("enter")
        texts = option_texts(app, "visit")
        assert "Help noticing slow change: Enter hides the 7 questions." in texts
        assert "Write about: Compared with a few months ago, what is harder now?" in texts
        app.screen.query_one("#visit", ReaderList).highlighted = texts.index(
            "Write about: Compared with a few months ago, what is harder now?"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#title", Input).value.startswith("Compared with a few")
        assert app.screen.query_one("#kind", ChoiceField).value == "change"
        await pilot.press("tab", *"Stairs are slower.", "escape")
        assert isinstance(app.screen, VisitScreen)
        texts = option_texts(app, "visit")
        app.screen.query_one("#visit", ReaderList).highlighted = texts.index(
            "Write a question for my care team"
        )
        await pilot.press("enter", *"Is heat making it worse?", "escape")
        texts = option_texts(app, "visit")
        assert texts[0] == "Next visit: not planned yet. Enter adds its day."
        assert texts[1] == "Check in to keep track of changes. Key k."
        assert texts[2] == "To raise at my next visit"
        assert texts[3].startswith("Question: Is heat making it worse? ")
        assert texts[3].endswith(". Not raised yet.")
        assert texts[4].startswith("Change I noticed: Compared with a few months ago")
        prompts = "Help noticing slow change: 7 questions, 1 written about. Enter shows them."
        assert prompts in texts
        app.screen.query_one("#visit", ReaderList).highlighted = 3
        await pilot.press("enter")
        # Asked on this screen, above the list: the question on the line over the field.
        assert isinstance(app.screen, VisitScreen)
        assert str(app.screen.query_one("#ask-question", Static).render()).startswith(
            "Mark 'Is heat making it worse?' as raised. What did the care team say?"
        )
        field = app.screen.focused
        assert isinstance(field, Input) and field.id == "answer"
        await pilot.press(*"Yes, keep cool", "enter")
        assert status_text(app) == "Saved: 'Is heat making it worse?' is marked as raised."
        # The result is the note's own line, in its place, where the cursor is.
        texts = option_texts(app, "visit")
        assert texts[3] == "Question: Is heat making it worse? Raised. Answer: Yes, keep cool."
        assert highlighted_text(app) == texts[3]
        assert app.screen.query_one("#ask-here").display is False
        await pilot.press("e")
        field = app.screen.query_one("#answer", Input)
        field.value = str(tmp_path / "visit.txt")
        await pilot.press("enter")
        assert status_text(app).startswith(f"Exported the summary to {tmp_path / 'visit.txt'}")
    summary = (tmp_path / "visit.txt").read_text("utf-8")
    assert summary.startswith("FOR MY NEXT APPOINTMENT")
    assert "Changes I have noticed:" in summary and "Stairs are slower." in summary
    assert "Is heat making it worse?" not in summary  # raised already
    assert stat.S_IMODE((tmp_path / "visit.txt").stat().st_mode) == 0o600


def test_the_summary_stays_within_two_pages(navigator: Navigator) -> None:
    for number in range(200):
        kind = list(appointment.APPOINTMENT_KINDS)[number % 5]
        navigator.notes.create(f"Note {number}", "word " * 200, kind=kind)
    for markdown in (True, False):
        text = appointment.summary(navigator, markdown=markdown)
        lines = text.splitlines()
        assert len(lines) <= appointment.MAX_LINES
        assert max(len(line) for line in lines) <= 80
        assert "more notes are not shown, to keep this to two pages" in text


async def test_my_people_and_the_help_i_do_not_want(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("p", "a")
        assert isinstance(app.screen, PersonEditorScreen)
        await pilot.press(*"Dr Lee", "tab", "enter")  # the roles, on a screen of their own
        await pilot.press("up", "enter")  # from Friend or family up to Care team member
        assert app.screen.query_one("#role", ChoiceField).value == Role.CARE_TEAM.value
        await pilot.press("tab", *"neurologist", "tab", *"555 0100")
        await pilot.press("tab", *"check-ups", "escape")
        assert highlighted_text(app).startswith("Dr Lee: Care team member (neurologist).")
        await pilot.press("w", *"Advice about diets", "enter")
        assert status_text(app) == "Saved: you do not want Advice about diets."
        assert "I do not want: Advice about diets" in option_texts(app, "people")
        await pilot.press("c", "enter", "tab", "enter", "down", "enter")  # choose Dr Lee
        await pilot.pause()
        assert status_text(app) == "Saved: Dr Lee helps with this."
        await pilot.press("p", "end", "up")
        assert highlighted_text(app) == "I do not want: Advice about diets"
        await pilot.press("d", "y")
        assert status_text(app) == "Deleted."
    nav = open_navigator(data_file)
    try:
        assert nav.people.all()[0].name == "Dr Lee"  # the unwanted line was deleted, not Lee
        assert [u.text for u in nav.people.unwanted()] == []
        assert nav.checklist.entry("ct-neurologist").person_id == nav.people.all()[0].id
    finally:
        nav.store.close()


def _fill(nav: Navigator) -> None:
    nav.notes.create("Heat", "Hot days are hard.\nVery.", kind=NoteKind.QUESTION)
    nav.notes.create("Stairs", "Slower", "topic:care-team", kind=NoteKind.CHANGE)
    nav.notes.mark_raised(nav.notes.all()[0].id, True, "Rest more")
    nav.checklist.set_done("peer-helpline", True)
    nav.checklist.set_helper("pr-meals", "Ana")
    lee = nav.people.add("Dr Lee", "care-team", "neurologist", "555 0100", "check-ups")
    nav.people.add("Sam", "friend-family", helps_with="a call when I need a smile")
    nav.checklist.set_person("ct-neurologist", lee.id)
    nav.people.add_unwanted("Advice about diets")
    own = nav.checklist.add_own_item("Ring Mum on Sundays")
    nav.checklist.set_done(own.id, True)
    nav.notes.create("About Mum", "Sundays at 6", f"item:{own.id}")


def test_export_delete_all_import_gives_back_the_same_data(navigator: Navigator) -> None:
    _fill(navigator)
    before = backup.export_data(navigator)
    removed = backup.delete_all(navigator)
    assert navigator.notes.all() == [] and navigator.people.all() == []
    assert navigator.checklist.progress().sentence() == "0 of 21 done"
    assert all(not p.exists() for p in removed)
    plan = backup.plan_import(navigator, before)
    assert plan.sentences() == [
        "3 new notes.",
        "1 new checklist item of your own.",
        "4 checklist items whose progress changes.",
        "2 new people.",
        "1 new line of help you do not want.",
    ]
    backup.apply_import(navigator, plan)
    after = backup.export_data(navigator)
    before.pop("exported")
    after.pop("exported")
    assert after == before
    again = backup.plan_import(navigator, before)
    assert again.empty and again.sentences() == [
        "Nothing would change: everything in the backup is already here."
    ]


async def test_export_import_and_delete_from_the_data_screen(
    data_file: Path, tmp_path: Path
) -> None:
    nav = open_navigator(data_file)
    _fill(nav)
    nav.store.close()
    async with running_app(data_file) as (app, pilot):
        to_data = [area.id for area in areas.on_home()].index("data")
        await pilot.press(*["down"] * to_data, "enter")  # Your data, on the home screen
        # The whole path does not fit one row here: the line names the file, and Enter
        # says the folder too.
        where = "Your data file: navigator.json. Enter says its folder."
        assert option_texts(app, "data")[0] == where
        await pilot.press("up", "enter")  # the cursor starts on the export line below it
        assert status_text(app) == f"Your data file: {data_file}"
        await pilot.press("down")
        await pilot.press("down", "enter")  # export JSON
        app.screen.query_one("#answer", Input).value = str(tmp_path / "backup.json")
        await pilot.press("enter")
        assert status_text(app).startswith(f"Exported everything to {tmp_path / 'backup.json'}")
        await pilot.press("down", "down", "enter", *"delete my dat", "enter")
        assert status_text(app) == "Nothing was deleted."
        await pilot.press("enter", *"delete my data", "enter")
        assert status_text(app).startswith("Deleted all your data")
        assert "does not always wipe it from the disk" in status_text(app)
        await pilot.press("up", "enter")
        app.screen.query_one("#answer", Input).value = str(tmp_path / "backup.json")
        await pilot.press("enter")
        assert "Importing adds: 3 new notes." in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        assert status_text(app).startswith("Imported: 3 new notes.")
        assert app.navigator.notes.count() == 3
    assert stat.S_IMODE((tmp_path / "backup.json").stat().st_mode) == 0o600


def test_delete_all_removes_only_the_copies_the_app_made(tmp_path: Path) -> None:
    data_file = tmp_path / "notes.json"
    nav = open_navigator(data_file)
    nav.notes.create("x", "")
    nav.store.close()
    data_file.write_bytes(b"not json")  # the next open moves it aside and starts afresh
    mine = [tmp_path / "notes.json.orig", tmp_path / "notes.json.my-copy", tmp_path / "other.txt"]
    for path in mine:
        path.write_text("the person's own file")
    nav = open_navigator(data_file)
    try:
        nav.store.close()
        nav = open_navigator(data_file)  # a clean open: a dated backup copy is written
        removed = backup.delete_all(nav)
    finally:
        nav.store.close()
    names = sorted(p.name for p in removed)
    assert names[0].startswith("notes.json.bak-") and names[1].startswith("notes.json.not-json-")
    assert len(names) == 2
    assert all(path.read_text() == "the person's own file" for path in mine)


def test_a_crafted_backup_imports_what_it_can_and_never_stops_halfway(
    navigator: Navigator,
) -> None:
    data = {
        "format": "spms-navigator-backup",
        "version": 1,
        "notes": [{"title": 5, "body": None}, "junk", {"title": "kept", "kind": "bogus"}],
        "people": [{"name": "", "role": "care-team"}, {"name": "Sam", "role": "wizard"}],
        "checklist": [{"item": "no-such-item", "done": True}, {"item": "pr-pets", "done": 1}],
        "own_items": [{"id": "own-9", "text": "   "}],
        "unwanted_help": [7, "", "pity"],
    }
    plan = backup.plan_import(navigator, data)
    backup.apply_import(navigator, plan)
    assert [n.title for n in navigator.notes.all()] == ["kept"]
    assert navigator.notes.all()[0].kind is NoteKind.PLAIN
    assert [(p.name, p.role) for p in navigator.people.all()] == [("Sam", Role.OTHER)]
    assert navigator.checklist.entry("pr-pets").done
    assert [u.text for u in navigator.people.unwanted()] == ["pity"]
