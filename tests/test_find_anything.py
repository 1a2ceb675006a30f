"""Finding a word in every topic and the checklist, and commands by what people call them
(issue 14, item 6; issue 15, item 4): the topics screen, the palette, plain mode, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.cli_runner import cli
from tests.pilot_helpers import (
    heading_text,
    highlighted_text,
    option_texts,
    running_app,
)
from tests.test_plain_mode import run_plain
from tui.app import textual_private
from tui.app.app import NavigatorApp
from tui.app.screens.checklist_item import ChecklistItemScreen
from tui.app.screens.data import DataScreen
from tui.app.screens.topic import TopicScreen
from tui.app.screens.topics import TopicsScreen
from tui.app.screens.typed_search import COUNT_AFTER
from tui.app.screens.urgent import UrgentHelpScreen
from tui.app.widgets import ReaderList
from tui.core.content import default_library

RESPITE = "Topic: Care partners and carers. Many groups also run respite care."


async def test_find_a_word_from_the_topics_screen_and_open_what_was_found(
    data_file: Path,
) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("t", "slash")
        search = app.screen.query_one("#search", Input)
        assert app.focused is search
        await pilot.press(*"respite")
        # While typing, only the field changes (a reader echoes each letter); after a
        # pause, the line below says how many places; the results wait for Enter or Down.
        assert option_texts(app, "topics") == []
        found = app.screen.query_one("#found")
        assert str(found.render()) == ""
        await pilot.pause(COUNT_AFTER + 0.2)
        assert str(found.render()) == "Found in 1 place: 'respite'. Enter or Down goes to them."
        assert option_texts(app, "topics") == []
        await pilot.press("enter")  # to the results, each saying its place
        assert app.focused is app.screen.query_one("#topics")
        assert highlighted_text(app) == f"1 of 1: {RESPITE}"
        assert str(found.render()) == "Found in 1 place: 'respite'."
        await pilot.press("enter")
        assert isinstance(app.screen, TopicScreen)
        assert heading_text(app) == "Topic: Care partners and carers"
        await pilot.press("escape")  # back to the same results
        assert isinstance(app.screen, TopicsScreen)
        assert highlighted_text(app) == f"1 of 1: {RESPITE}"
        # A checklist item is found too, and opens as one.
        await pilot.press("f", *["backspace"] * 7, *"helpline call")  # f goes there too
        await pilot.press("enter")
        lines = option_texts(app, "topics")
        assert lines[0].endswith("Checklist: Call an MS helpline")  # all its title's words
        await pilot.press("enter")
        assert isinstance(app.screen, ChecklistItemScreen)
        assert heading_text(app) == "Checklist item: Call an MS helpline"
        await pilot.press("escape", "slash", *" zebra", "escape")
        assert option_texts(app, "topics") == [
            "Nothing found for 'helpline call zebra'. Try another word."
        ]
        assert isinstance(app.screen, TopicsScreen)  # Escape left the field, not the screen
        await pilot.press("enter")  # "Nothing found": back to the field to try again
        assert app.focused is search
        search.value = ""
        await pilot.press("down")  # to the list: every topic again
        assert len(option_texts(app, "topics")) == len(default_library().topics)
        assert str(found.render()) == ""


PALETTE = [
    ("backup", "Export"),
    ("print", "Export"),
    ("colours", "Colours: Standard dark colours"),
    ("theme", "Colours: Standard dark colours"),
    ("high contrast", "Colours: High contrast: white and yellow on black"),
    ("delete", "Delete all"),
    ("find", "Search"),
    ("crisis", "Urgent help"),
    ("wheelchair", "Topics"),
    ("lawyer", "Topics"),
]


@pytest.mark.parametrize(("typed", "first"), PALETTE)
async def test_the_palette_finds_commands_by_what_people_call_them(
    typed: str, first: str, data_file: Path
) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("ctrl+p", *typed)
        await pilot.pause(0.4)
        hits = [str(o.prompt).split("\n")[0] for o in app.screen.query_one(OptionList).options]
        assert hits and hits[0] == first, hits


async def test_palette_commands_land_where_they_say(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):

        async def run(typed: str) -> None:
            await pilot.press("ctrl+p", *typed)
            await pilot.pause(0.4)
            await pilot.press("enter")
            await pilot.pause()

        await run("backup")
        assert isinstance(app.screen, DataScreen)
        assert highlighted_text(app) == "Export everything as Markdown, to read or print"
        await run("delete")
        assert highlighted_text(app) == "Delete all my data"  # nothing deleted until Enter
        await run("search")
        assert isinstance(app.screen, TopicsScreen)
        assert app.focused is app.screen.query_one("#search")
        await pilot.press("escape")
        await run("crisis")
        assert isinstance(app.screen, UrgentHelpScreen)


def _on_screen(app: NavigatorApp) -> bool:
    """True when the reader's highlighted line is scrolled into view."""
    reader = app.screen.query_one("#reader", ReaderList)
    assert reader.highlighted is not None
    first = textual_private.option_first_line(reader, reader.highlighted)
    height = reader.scrollable_content_region.height
    return first is not None and reader.scroll_y <= first < reader.scroll_y + height


async def test_a_search_hit_opens_on_the_paragraph_that_holds_the_words(
    data_file: Path,
) -> None:
    """Issue 20, item 8: opening what the search found puts the cursor on the paragraph
    holding the words (it was the topic's summary, 10 lines above "respite")."""
    async with running_app(data_file) as (app, pilot):
        await pilot.press("t", "slash", *"respite", "enter", "enter")
        assert isinstance(app.screen, TopicScreen)
        assert heading_text(app) == "Topic: Care partners and carers"
        assert highlighted_text(app) == (
            "  Take breaks. Ask family or friends to spend time with the person you care "
            "for. Many groups also run respite care."
        )
        assert _on_screen(app)
        await pilot.press("up")  # the topic is all there, above it too
        assert highlighted_text(app).startswith("  Look after your own health.")
        # The palette's Search command, and a word found in a contact: on the contact.
        await pilot.press("escape", "escape", "ctrl+p", *"search")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"mymsaa", "enter", "enter")
        assert heading_text(app) == "Topic: Social and emotional support"
        assert highlighted_text(app).startswith("Contact: MSAA Helpline")
        assert _on_screen(app)
        # Opened from the list of every topic (the field emptied), a topic starts at its top.
        await pilot.press("escape", "slash", *["backspace"] * 6, "escape", "down", "enter")
        assert heading_text(app) == "Topic: Social and emotional support"
        topic = default_library().topic("emotional-support")
        assert highlighted_text(app) == f"{topic.title}: {topic.summary}"


def test_a_search_hit_in_plain_mode_starts_at_the_paragraph(data_file: Path) -> None:
    """The plain mode prints the topic from the paragraph holding the words, says so, and
    offers the whole topic; before, the words came after a page or more of "More"."""
    whole = len(default_library().topic("carers").checklist_ids) + 2  # its last choice
    text = run_plain(data_file, "t", "f", "respite", "1", str(whole), "b", "b", "b", "q")
    first, _, again = text.partition("Read the whole topic from the start.")
    opened = first[first.index("Topic: Care partners and carers.\n") :]
    assert opened.startswith(
        "Topic: Care partners and carers.\n"
        "From where your words are found, in the part 'What helps'. To read the whole "
        "topic, choose it below.\n"
        "  Take breaks. Ask family or friends to spend time with the person you care for. "
        "Many groups also run respite care.\n"
        "  Respite care means"
    )
    assert "This topic is for care partners." not in opened  # the top is not read first
    assert "Contacts named in this topic." in opened and "Source: " in opened
    # Chosen, the whole topic is read from its start.
    assert again.index("Topic: Care partners and carers.\n\nWho this is for.\n") >= 0
    assert "This topic is for care partners." in again
    assert "From where your words are found" not in again


def test_find_in_plain_mode(data_file: Path) -> None:
    text = run_plain(data_file, "t", "f", "respite", "1", "b", "f", "zebra", "", "b", "q")
    assert "f to find a word in every topic and the checklist" in text
    assert f"Found in 1 place: 'respite'.\n1. {RESPITE}" in text
    assert "Topic: Care partners and carers." in text  # opened
    assert "Nothing found for 'zebra'. Try another word." in text


def test_find_from_the_command_line(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    found = cli("topics", "--search", "respite", *d)
    assert found.returncode == 0 and found.stdout == f"carers\t{RESPITE}\n"
    several = cli("topics", "--search", "helpline", "call", "--json", *d)
    document = json.loads(several.stdout)
    assert document["format"] == "spms-navigator/search"
    assert document["words"] == "helpline call"
    first = document["hits"][0]
    assert (first["kind"], first["id"], first["title"]) == (
        "checklist",
        "peer-helpline",
        "Call an MS helpline",
    )
    assert {hit["kind"] for hit in document["hits"]} == {"checklist", "topic"}
    nothing = cli("topics", "--search", "zebra", *d)
    assert (nothing.returncode, nothing.stdout) == (0, "")
    assert "Nothing found for 'zebra'" in nothing.stderr
    empty = cli("topics", "--search", ",", *d)
    assert empty.returncode == 2 and "--search needs a word" in empty.stderr
    assert "topics --search" in (ROOT_DOCS / "cli.md").read_text("utf-8")


ROOT_DOCS = Path(__file__).resolve().parent.parent / "docs"
