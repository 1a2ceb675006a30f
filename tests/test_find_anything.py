"""Finding a word in every topic and the checklist, and commands by what people call them
(issue 14, item 6; issue 15, item 4): the topics screen, the palette, plain mode, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.pilot_helpers import (
    heading_text,
    highlighted_text,
    option_texts,
    running_app,
)
from tests.process import cli
from tests.test_plain_mode import run_plain
from tui.app.screens.checklist_item import ChecklistItemScreen
from tui.app.screens.data import DataScreen
from tui.app.screens.topic import TopicScreen
from tui.app.screens.topics import TopicsScreen
from tui.app.screens.urgent import UrgentHelpScreen
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
        assert option_texts(app, "topics") == [RESPITE]
        found = app.screen.query_one("#found")
        assert str(found.render()) == "Found in 1 place: 'respite'. Enter or Down goes to them."
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
        lines = option_texts(app, "topics")
        assert lines[0] == "Checklist: Call an MS helpline"  # all the words in its title
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, ChecklistItemScreen)
        assert heading_text(app) == "Checklist item: Call an MS helpline"
        await pilot.press("escape", "slash", *" zebra")
        assert option_texts(app, "topics") == [
            "Nothing found for 'helpline call zebra'. Try another word."
        ]
        await pilot.press("escape")  # leaves the field for the list, not the screen
        assert isinstance(app.screen, TopicsScreen)
        await pilot.press("enter")  # "Nothing found": back to the field to try again
        assert app.focused is search
        search.value = ""
        await pilot.pause()
        assert len(option_texts(app, "topics")) == len(default_library().topics)  # every topic
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
