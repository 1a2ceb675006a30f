"""Medicines and events in the full-screen app, walked with the keyboard: the Done-when
walk (a dose change and two falls reach the next summary) and what each screen says."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input

from tests.pilot_helpers import (
    heading_text,
    highlighted_text,
    option_texts,
    running_app,
    status_text,
)
from tui.app.app import NavigatorApp
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.events import EventsScreen
from tui.app.screens.medicines import MedicinesScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import TextLine
from tui.core.models import long_date
from tui.core.service import open_navigator

TODAY = date.today()
YESTERDAY = long_date(TODAY - timedelta(days=1))


async def _answer(app: NavigatorApp, pilot: object, text: str) -> None:
    """Type into the prompt on top (the field may hold 'today' already) and press Enter."""
    assert isinstance(app.screen, PromptScreen), type(app.screen)
    app.screen.query_one("#answer", Input).value = text
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_a_dose_change_and_two_falls_reach_the_summary_in_the_app(
    data_file: Path, tmp_path: Path
) -> None:
    nav = open_navigator(data_file)
    nav.visits.add(TODAY - timedelta(days=30), "Dr Lee")
    nav.store.close()
    async with running_app(data_file) as (app, pilot):
        home = option_texts(app, "areas")
        assert "My medicines. Key x." in home  # the whole sentence under the list
        assert "Events. Key i." in home
        await pilot.press(*["down"] * 7, "enter")  # the home screen's line
        assert isinstance(app.screen, MedicinesScreen)
        assert heading_text(app).startswith("My medicines, current first")
        assert highlighted_text(app) == "Add a medicine (key a)."
        await pilot.press("a")
        await _answer(app, pilot, "baclofen")
        await _answer(app, pilot, "10 mg")
        await _answer(app, pilot, "2026-03-01")
        assert status_text(app) == "Saved: baclofen, 10 mg. Started 1 March 2026."
        assert highlighted_text(app).startswith("baclofen, 10 mg.")  # lands on what was saved
        await pilot.press("enter")
        assert isinstance(app.screen, ChooseScreen)
        assert highlighted_text(app) == "A new dose"
        await pilot.press("enter")
        await _answer(app, pilot, "20 mg")
        await _answer(app, pilot, "yesterday")
        said = f"Dose changed from 10 mg to 20 mg on {YESTERDAY}."
        assert status_text(app) == f"Saved: {said}"
        # Its row says what it is now; its latest change is the line under the list,
        # for the focused medicine only (each row saying its own filled the screen).
        assert highlighted_text(app) == "baclofen, 20 mg. Started 1 March 2026."
        latest = app.screen.query_one("#latest", TextLine).message
        assert latest == f"baclofen: {said}"

        await pilot.press("escape")  # home, on the line it left from
        assert highlighted_text(app).startswith("My medicines")
        await pilot.press("down", "enter")
        assert isinstance(app.screen, EventsScreen)
        assert heading_text(app).startswith("Events: falls")
        for day in ("today", "yesterday"):
            await pilot.press("a")
            assert isinstance(app.screen, ChooseScreen)
            assert highlighted_text(app) == "A fall"
            assert "An infection" in option_texts(app, "choices")
            await pilot.press("enter")
            await _answer(app, pilot, day)
            await _answer(app, pilot, "on the stairs" if day == "today" else "")
        assert status_text(app) == f"Logged: Fall on {YESTERDAY}."
        since = f"since my last visit on {long_date(TODAY - timedelta(days=30))}"
        assert f"S{since[1:]}: 2 falls." in option_texts(app, "events")

        await pilot.press("v")
        brief = "1 current medicine, 1 changed; 2 falls since my last visit."
        rows = option_texts(app, "visit")
        assert brief in rows  # one row: it fits
        await pilot.press("e")
        field = app.screen.query_one("#answer", Input)
        field.value = str(tmp_path / "visit.txt")
        await pilot.press("enter")
        assert status_text(app).startswith("Exported the summary to")
    summary = " ".join((tmp_path / "visit.txt").read_text("utf-8").split())
    assert f"baclofen, 20 mg. Started 1 March 2026. {said}" in summary
    assert f"- 2 falls {since}." in summary


async def test_something_else_is_named_and_a_day_to_come_is_refused(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("i", "a", "end", "enter")
        await _answer(app, pilot, "dizzy spell")
        await _answer(app, pilot, "tomorrow")
        assert "has not come yet. An event is logged once it has happened" in status_text(app)
        assert isinstance(app.screen, EventsScreen)
        assert app.navigator.events.all() == []
        await pilot.press("a", "end", "enter")
        await _answer(app, pilot, "dizzy spell")
        await _answer(app, pilot, "today")
        await _answer(app, pilot, "")
        assert status_text(app) == f"Logged: Dizzy spell on {long_date(TODAY)}."
        assert "In all: Dizzy spell once." in option_texts(app, "events")


async def test_one_row_a_medicine_and_the_focused_ones_latest_change_under_the_list(
    data_file: Path,
) -> None:
    """Each medicine is one row; its latest change is said once, for the focused one,
    in the line under the list: being added says only its day (the row has the dose),
    a start says nothing more (the row says it)."""
    nav = open_navigator(data_file)
    nav.medicines.add("Baclofen", "10 mg", when="three times a day", why="spasms")
    nav.medicines.add("Vitamin D", "1000 IU", started="2026-03-01")
    nav.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("x")
        rows = option_texts(app, "medicines")
        assert rows == [
            "Baclofen, 10 mg, three times a day. Why: spasms.",
            "Vitamin D, 1000 IU. Started 1 March 2026.",
            "Add a medicine (key a).",
        ]
        latest = app.screen.query_one("#latest", TextLine)
        assert latest.message == f"Baclofen: Added to my list on {long_date(TODAY)}."
        await pilot.press("down")
        assert latest.message == ""
        await pilot.press("down")
        assert latest.message == ""
        await pilot.press("up", "up")
        assert latest.message.startswith("Baclofen: Added")


async def test_d_deletes_a_medicine_or_an_event_after_asking(data_file: Path) -> None:
    from tui.app.screens.confirm import ConfirmScreen

    nav = open_navigator(data_file)
    nav.medicines.add("wrong one", "5 mg")
    nav.events.add("heat", "yesterday")
    nav.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("x")
        assert highlighted_text(app).startswith("wrong one, 5 mg.")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert status_text(app) == "Deleted wrong one and its changes."
        assert option_texts(app, "medicines")[0] == "No medicines yet."
        await pilot.press("i", "down")  # past the counts line
        assert highlighted_text(app) == f"Hot day on {YESTERDAY}."
        await pilot.press("d", "n")
        assert status_text(app) == "Kept. Nothing was deleted."
        await pilot.press("d", "y")
        assert status_text(app) == f"Deleted: Hot day on {YESTERDAY}."
        assert app.navigator.events.all() == []
