"""Urgent help is one key from every screen, in every front end (issue 14, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from tests.cli_runner import cli
from tests.pilot_helpers import (
    heading_text,
    highlighted_text,
    option_texts,
    running_app,
)
from tests.test_plain_mode import run_plain
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.home import HomeScreen
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.screens.notes import NotesScreen
from tui.app.screens.topic import TopicScreen
from tui.app.screens.urgent import UrgentHelpScreen
from tui.core.content import default_library

URGENT = default_library().app.urgent_help


async def test_u_opens_urgent_help_first_line_first_and_back_returns(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("u")
        assert isinstance(app.screen, UrgentHelpScreen)
        assert heading_text(app) == "Urgent help"
        assert option_texts(app, "urgent")[: len(URGENT)] == list(URGENT)
        assert highlighted_text(app) == URGENT[0]
        assert "u: Urgent help" in str(app.screen.query_one("#keys").render())
        await pilot.press("u")  # pressed again: still one Urgent help screen
        assert len(app.screen_stack) == 2
        await pilot.press("b")
        assert isinstance(app.screen, HomeScreen)


async def test_urgent_help_is_one_key_from_every_kind_of_screen(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        # A topic, deep in the reading.
        await pilot.press("t", "down", "enter", "down", "down")
        assert isinstance(app.screen, TopicScreen)
        await pilot.press("u")
        assert isinstance(app.screen, UrgentHelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TopicScreen)
        # A note being typed: u types; ctrl+u opens urgent help, and the note stays.
        await pilot.press("n", "a", *"Heat up")
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#title", Input).value == "Heat up"
        await pilot.press("ctrl+u")
        assert isinstance(app.screen, UrgentHelpScreen)
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#title", Input).value == "Heat up"
        # A yes/no question and a list of choices.
        await pilot.press("escape")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("u")
        assert isinstance(app.screen, UrgentHelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n", "enter", "tab", "tab", "enter")  # the note's Kind choices
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("u")
        assert isinstance(app.screen, UrgentHelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ChooseScreen)


async def test_home_and_help_name_the_key_and_open_it_with_enter(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("end")
        assert highlighted_text(app) == "Urgent help. Key u."
        about = app.screen.query_one("#about").render()
        assert str(about) == "Urgent help: where to get help now, day or night."
        await pilot.press("enter")
        assert isinstance(app.screen, UrgentHelpScreen)
        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        lines = option_texts(app, "help")
        urgent = "Urgent help, if you need help now: press u, or ctrl+u while typing."
        assert urgent in lines  # where Help opens, not behind More help
        await pilot.press("end", "enter")
        lines = option_texts(app, "help")
        assert "u: Urgent help (app.urgent)" in lines
        assert "ctrl+u: Urgent help, even while typing (app.urgent_anywhere)" in lines
        await pilot.press("home", *["down"] * lines.index(urgent), "enter")
        assert isinstance(app.screen, UrgentHelpScreen)


async def test_the_urgent_key_can_be_remapped_and_help_says_so(
    data_file: Path, tmp_path: Path
) -> None:
    from tui.core.settings import load

    settings_file = tmp_path / "settings.toml"
    settings_file.write_text('[keys]\n"app.urgent" = "x"\n')
    async with running_app(data_file, load(settings_file)) as (app, pilot):
        await pilot.press("x")
        assert isinstance(app.screen, UrgentHelpScreen)
        await pilot.press("escape", "f1")
        assert any(
            line.startswith("Urgent help, if you need help now: press x")
            for line in (option_texts(app, "help"))
        )


def test_plain_mode_says_urgent_help_at_any_question(data_file: Path) -> None:
    text = run_plain(data_file, "12", "t", "u", "b", "p", "urgent", "h", "q")
    assert text.count("Urgent help.\n" + URGENT[0] + "\n") == 3
    assert "\n".join(URGENT) in text
    assert "Urgent help, if you need help now: type u at any question." in text
    assert "w to add help you do not want" in text  # My people's old u moved to w


def test_the_urgent_command_prints_the_lines_without_a_data_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    impossible = blocker / "navigator.json"  # a data file inside a file: it cannot be opened
    assert cli("note", "list", "--data-file", str(impossible)).returncode == 1  # needs the file
    result = cli("urgent", "--data-file", str(impossible))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Urgent help.", *URGENT]
    document = json.loads(cli("urgent", "--json").stdout)
    assert document["format"] == "spms-navigator/urgent-help"
    assert document["lines"] == list(URGENT)
