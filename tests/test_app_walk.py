"""Walk every feature of the Textual app the way a person would, with the keyboard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tests.pilot_helpers import (
    heading_text,
    highlighted_text,
    option_texts,
    running_app,
    status_text,
)
from tui.app.fields import ChoiceField
from tui.app.screens.checklist import ChecklistScreen
from tui.app.screens.checklist_item import ChecklistItemScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.home import HomeScreen
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.screens.notes import NotesScreen
from tui.app.screens.topic import TopicScreen
from tui.app.screens.topics import TopicsScreen
from tui.core.recovery import saved_state
from tui.core.text import said_digit_by_digit


async def test_home_says_what_the_app_is_and_lists_the_areas(data_file: Path) -> None:
    async with running_app(data_file) as (app, _pilot):
        assert isinstance(app.screen, HomeScreen)
        areas = option_texts(app, "areas")
        assert [a.split(":")[0].split(".")[0] for a in areas] == [
            "Topics",
            "Support-network checklist",
            "Notes",
            "Check in",
            "Prepare for a visit",
            "My visits",
            "My people",
            "My medicines",
            "Events",
            "Your data",
            "Help",
            "Urgent help",
        ]
        assert areas[-1] == "Urgent help. Key u."
        assert "not medical advice" in str(app.screen.query_one("#not-advice").render())
        assert "0 of 21 done" in areas[1]
        assert highlighted_text(app).startswith("Topics")


async def test_each_area_is_one_key_from_anywhere(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        for key, screen_type in [
            ("t", TopicsScreen),
            ("c", ChecklistScreen),
            ("n", NotesScreen),
            ("t", TopicsScreen),
        ]:
            await pilot.press(key)
            assert isinstance(app.screen, screen_type)
            assert len(app.screen_stack) == 2  # areas never pile up
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TopicsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_areas_open_from_the_command_palette(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"checklist")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)


async def test_read_a_topic_with_sources_review_date_and_disclaimer(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("t")
        await pilot.press("down", "enter")
        assert isinstance(app.screen, TopicScreen)
        assert heading_text(app) == "Topic: Social and emotional support"
        lines = option_texts(app, "reader")
        text = "\n".join(lines)
        assert said_digit_by_digit("866-673-7436") in text
        assert any(line.startswith("Source: Support for Life with Secondary") for line in lines)
        assert "Reviewed on 7 December 2026; next review by 7 June 2027." in lines
        assert "information, not medical advice" in text
        assert "Call an MS helpline: not done yet" in lines
        await pilot.press("end")
        assert "not medical advice" in highlighted_text(app)


async def test_tick_an_item_and_see_progress_in_words(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c")
        assert isinstance(app.screen, ChecklistScreen)
        first = highlighted_text(app, "items")
        assert first.startswith("See a neurologist for regular check-ups: not done yet")
        await pilot.press("space")
        assert highlighted_text(app, "items").startswith(  # a mark at the start too
            "✓ See a neurologist for regular check-ups: done."
        )
        assert "1 of 21 done" in status_text(app)
        # The progress is in the heading, said before the first item on arrival.
        assert heading_text(app) == "Support-network checklist. 1 of 21 done."
        await pilot.press("space")
        assert "not done yet" in highlighted_text(app, "items")
        assert "0 of 21 done" in status_text(app)


async def test_who_helps_note_and_own_item_are_saved_at_once(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c", "down", "enter")
        assert isinstance(app.screen, ChecklistItemScreen)
        assert heading_text(app) == "Checklist item: Know who else is on your care team"
        await pilot.press("tab", "tab", *"Dr Lee", "tab", *"Ask at May visit", "tab")
        assert status_text(app) == "Saved your note."
        app.navigator.store.wait_for_writes()  # the writer thread's append
        (row,) = saved_state(data_file)["checklist"].values()  # what a restart would read
        assert (row.item_id, row.helper, row.note) == (
            "ct-team-list",
            "Dr Lee",
            "Ask at May visit",
        )
        await pilot.press("escape")
        assert "Who helps: Dr Lee." in highlighted_text(app, "items")
        await pilot.press("a", *"Ask my sister about Tuesdays", "enter")
        assert status_text(app).startswith("Added your item: Ask my sister about Tuesdays.")
        assert highlighted_text(app, "items").startswith(
            "Ask my sister about Tuesdays: not done yet."
        )
        assert heading_text(app) == "Support-network checklist. 0 of 22 done."
        await pilot.press("d")
        await pilot.press("y")
        assert status_text(app) == "Deleted your item: Ask my sister about Tuesdays."
        await pilot.press("up", "d")
        assert "came with the app" in status_text(app)


async def test_write_filter_edit_and_delete_notes(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        assert option_texts(app, "notes") == ["You have no notes yet. Press a to write one."]
        for title in ["Bladder question", "Walking is slower"]:
            await pilot.press("a")
            assert isinstance(app.screen, NoteEditorScreen)
            await pilot.press(*title, "tab", *"Since the spring.", "escape")
            assert isinstance(app.screen, NotesScreen)
            assert status_text(app) == "Saved the note."
        assert option_texts(app, "notes")[0].startswith("Walking is slower.")  # newest first
        await pilot.press("slash", *"bladder", "enter")  # the filter, then to the list
        assert [t.split(".")[0] for t in option_texts(app, "notes")] == ["Bladder question"]
        assert "1 of 2 notes match 'bladder'" in str(app.screen.query_one("#count").render())
        await pilot.press("enter")  # open the note
        assert isinstance(app.screen, NoteEditorScreen)
        title_field = app.screen.query_one("#title", Input)
        title_field.value = "Bladder: ask the urologist"
        await pilot.press("ctrl+s")
        assert status_text(app).startswith("Saved the note.")
        await pilot.press("escape", "d")
        assert "Delete the note 'Bladder: ask the urologist'?" in str(
            app.screen.query_one("#question").render()
        )
        await pilot.press("enter")  # focus starts on "No, keep it"
        assert status_text(app) == "Kept. Nothing was deleted."
        await pilot.press("d", "y")
        assert status_text(app) == "Deleted the note 'Bladder: ask the urologist'."
        app.navigator.store.wait_for_writes()
        notes = saved_state(data_file)["notes"]
        assert [n.title for n in notes.values()] == ["Walking is slower"]


async def test_a_note_linked_to_a_topic_is_reached_from_the_topic(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("t", "down", "down", "down", "enter")
        assert heading_text(app) == "Topic: Your care team"
        await pilot.press("a", *"Who coordinates my care?", "escape")
        assert isinstance(app.screen, TopicScreen)
        assert "Note: Who coordinates my care?" in option_texts(app, "reader")
        await pilot.press("n")  # the list row is short: title and day
        assert option_texts(app, "notes")[0].startswith("Who coordinates my care? ")
        await pilot.press("enter")  # the note says what it is about
        assert isinstance(app.screen, NoteEditorScreen)
        assert str(app.screen.query_one("#link", ChoiceField).label) == (
            "About: Topic: Your care team"
        )


async def test_help_lists_every_key_of_the_screen_and_the_data_file(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        # Help opens on the screen's keys; the rest is behind its last line, More help.
        first = option_texts(app, "help")
        assert first[:3] == ["a: New note", "d or Delete: Delete", "/: Filter"]
        assert first[-1].startswith("More help, Enter:")
        assert not any(data_file.name in line for line in first)
        await pilot.press("end", "enter")
        lines = option_texts(app, "help")
        assert highlighted_text(app).startswith("Keys on the Notes screen")
        for expected in [
            "a: New note (notes.new)",
            "d or Delete: Delete (notes.delete)",
            "/: Filter (notes.filter)",
            "? or F1: Help (app.help)",
            "Escape, ctrl+g, b, Backspace or Left arrow: Back (app.back)",
            "q: Quit (app.quit)",
            "t: Topics (app.topics)",
        ]:
            assert expected in lines
        assert f"Your data file: {data_file}" in lines


async def test_notes_and_ticks_survive_a_restart(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c", "space", "n", "a", *"Keep this", "tab", *"Body")
        await pilot.press("ctrl+q")  # quit from the editor, mid-typing: it saves first
    assert not app.is_running
    async with running_app(data_file) as (app, pilot):
        assert "1 of 21 done" in option_texts(app, "areas")[1]
        assert "Notes: 1 note." in option_texts(app, "areas")[2]
        await pilot.press("n", "enter")
        assert app.screen.query_one("#title", Input).value == "Keep this"
        assert app.screen.query_one("#body", TextArea).text == "Body"


async def test_escape_in_the_notes_filter_leaves_the_field_first(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "slash", *"heat")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert isinstance(app.screen, NotesScreen)
        assert app.focused is app.screen.query_one("#notes")
        await pilot.press("slash", "ctrl+g")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
