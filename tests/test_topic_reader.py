"""Each topic names its sources, marks the app's own explanations, gives its review dates
and its contacts with country and web address; an address opens in the browser or is
copied (issue 14, items 1 and 2). Help lists the two articles; notes say their kind."""

from __future__ import annotations

import json
import webbrowser
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.cli_runner import cli
from tests.pilot_helpers import highlighted_text, option_texts, running_app, status_text
from tests.test_plain_mode import run_plain
from tui.app import addresses
from tui.app.app import NavigatorApp
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.topic import TopicScreen
from tui.core.content import default_library
from tui.core.models import Note, NoteKind
from tui.core.service import open_navigator
from tui.core.text import said_digit_by_digit

CAREGIVER_GUIDE = (
    "https://secure.nationalmssociety.org/site/SPageServer/?pagename=HOM_LIB_brochures_guide_for"
)


async def open_topic(pilot: Pilot[None], app: NavigatorApp, topic_id: str) -> None:
    app.open_topic(topic_id)
    await pilot.pause()
    assert isinstance(app.screen, TopicScreen)


async def test_a_topic_shows_sources_own_explanations_review_and_contacts(
    data_file: Path,
) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("t", *["down"] * 7, "enter")  # Care partners and carers
        lines = option_texts(app, "reader")
        assert (
            "  Respite care means someone else gives care for a while, so you can rest. "
            "(explained by the app)" in lines
        )
        assert (
            "Contact: MS Navigator, National Multiple Sclerosis Society (US): call "
            f"{said_digit_by_digit('1-800-344-4867')}, nationalmssociety.org. Help for people "
            "with MS and for the people who care for them." in lines
        )
        guide = "Source: A Guide for Caregivers. A booklet by Tanya Radford. Checked on 30 "
        # Too long for one row at 60 columns: its site, and the whole of it on Enter.
        shortened = "a page on secure.nationalmssociety.org. Press Enter for the whole address."
        assert f"{guide}November 2026. Web address: {shortened}" in lines
        assert lines[-2] == "Reviewed on 7 December 2026; next review by 7 June 2027."
        hint = "Press Enter on one to open or copy its web address."
        assert f"Contacts named in this topic. {hint}" in lines
        assert f"Sources. {hint}" in lines
        # A study: authors, journal, year and DOI, in words, on one line.
        await open_topic(pilot, app, "what-is-spms")
        cree = next(line for line in option_texts(app, "reader") if "Source: Silent" in line)
        assert "Bruce A. C. Cree, Jill A. Hollenbach and others, in Annals of Neurology" in cree
        assert "2019" in cree and "DOI: 10.1002/ana.25463." in cree


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A browser with a window of its own that records what it was asked to open."""
    opened: list[str] = []
    monkeypatch.setattr(addresses, "browser_has_a_window", lambda: True)
    monkeypatch.setattr(NavigatorApp, "open_url", lambda _app, url, **_kw: opened.append(url))
    return opened


async def test_enter_on_a_contact_opens_its_address_or_copies_it(
    data_file: Path, browser: list[str]
) -> None:
    async with running_app(data_file) as (app, pilot):
        await open_topic(pilot, app, "carers")
        reader = app.screen.query_one("#reader")
        reader.highlight_id("contact-0")  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, ChooseScreen)
        assert option_texts(app, "choices") == ["Open in your browser", "Copy the address"]
        await pilot.press("enter")
        assert browser == ["https://nationalmssociety.org"]
        assert status_text(app) == "Opened nationalmssociety.org in your browser."
        await pilot.press("enter", "down", "enter")  # the same line, Copy this time
        assert app.clipboard == "https://nationalmssociety.org"
        assert status_text(app).startswith("Copied https://nationalmssociety.org. If pasting")
        await pilot.press("enter", "b")  # left as it was: nothing opened, nothing said
        assert browser == ["https://nationalmssociety.org"]
        assert status_text(app) == ""  # the old message went with the screen's last moment
        # A source's address, in full.
        sources = app.navigator.library.topic_sources(app.navigator.topic("carers"))
        guide = [source.id for source in sources].index("nmss-caregiver-guide")
        reader.highlight_id(f"source-{guide}")  # type: ignore[attr-defined]
        assert "A Guide for Caregivers" in highlighted_text(app)
        await pilot.press("enter", "enter")
        assert browser[-1] == CAREGIVER_GUIDE


async def test_no_address_and_no_browser_window_are_said(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(addresses, "browser_has_a_window", lambda: False)
    monkeypatch.setattr(NavigatorApp, "open_url", lambda _app, url, **_kw: opened.append(url))
    async with running_app(data_file) as (app, pilot):
        await open_topic(pilot, app, "support-groups")
        sources = [n for n, line in enumerate(option_texts(app, "reader")) if "Source:" in line]
        reader = app.screen.query_one("#reader")
        no_address = next(n for n in sources if "Web address" not in option_texts(app, "reader")[n])
        reader.highlighted = no_address  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert status_text(app) == "The app has no web address for this source."
        reader.highlight_id("contact-0")  # type: ignore[attr-defined]
        await pilot.press("enter", "enter")
        assert opened == []
        assert status_text(app).startswith(
            "Not opened: this computer has no web browser with a window of its own."
        )
        assert status_text(app).endswith("The address is nationalmssociety.org")


def test_only_a_browser_with_its_own_window_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def default_is(browser: webbrowser.BaseBrowser | None) -> None:
        def get(_name: str | None = None) -> webbrowser.BaseBrowser:
            if browser is None:
                raise webbrowser.Error("could not locate runnable browser")
            return browser

        monkeypatch.setattr(webbrowser, "get", get)

    default_is(webbrowser.GenericBrowser("lynx"))  # would run inside the app's terminal
    assert not addresses.browser_has_a_window()
    default_is(None)
    assert not addresses.browser_has_a_window()
    default_is(webbrowser.BackgroundBrowser("xdg-open"))
    assert addresses.browser_has_a_window()
    firefox = webbrowser.UnixBrowser("firefox")
    firefox.background = True
    default_is(firefox)
    assert addresses.browser_has_a_window()


async def test_help_lists_the_two_articles_not_every_source(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("f1", "end", "enter")  # More help: your data, about the app
        lines = option_texts(app, "help")
        articles = [line for line in lines if line.startswith("Article: ")]
        assert len(articles) == 2 == len(default_library().articles)
        assert articles[1].startswith("Article: Secondary progressive MS: building your support")
        assert not any(line.startswith("Source: ") for line in lines)
        assert any(
            "a web address opens in your browser only when you choose it" in line for line in lines
        )


async def test_the_notes_list_says_each_notes_kind(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.notes.create("Heat", "", "", NoteKind.QUESTION)
        nav.notes.create("Stairs", "")
    finally:
        nav.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        lines = option_texts(app, "notes")
        assert lines[0].startswith("Stairs. ")  # a plain note: no kind to say
        assert lines[1].startswith("Question: Heat. ")
    text = run_plain(data_file, "n", "q")
    assert "2. Question: Heat. Written " in text and "1. Stairs. Written " in text


def test_a_notes_row_is_short_a_long_title_cut_and_the_year_said_when_not_this_one() -> None:
    """Six rows of the notes list are what a reader says as it opens: each at most
    NOTE_ROW characters, the kind, the title (cut with "…") and the day it was written."""
    from tui.app.screens.notes import NOTE_ROW, note_row
    from tui.core.days import short_day

    this_year = f"{date.today().year}-03-02T10:00:00"
    long_title = "Ask about the bladder problems at night and the new tablets " * 3
    row = note_row(Note(1, long_title, "", this_year, this_year, kind=NoteKind.QUESTION))
    assert row.startswith("Question: Ask about the bladder") and row.endswith("… 2 Mar.")
    assert len(row) <= NOTE_ROW
    assert note_row(Note(2, "Heat", "", this_year, this_year)) == "Heat. 2 Mar."
    assert short_day("2019-11-30T10:00:00") == "30 Nov 2019"  # another year is said


def test_plain_mode_and_the_cli_print_addresses_review_and_own_explanations(
    data_file: Path,
) -> None:
    text = run_plain(data_file, "t", "8", "b", "b", "q")
    assert "nationalmssociety.org" in text
    assert f"Web address: {CAREGIVER_GUIDE}" in text
    assert "so you can rest. (explained by the app)" in text
    assert "Reviewed on 7 December 2026; next review by 7 June 2027." in text
    shown = cli("topic", "carers", "--data-file", str(data_file)).stdout
    assert "- Respite care means someone else gives care for a while, so you can rest. " in shown
    assert "(explained by the app)" in shown
    assert "Contact: MSAA Helpline, Multiple Sclerosis Association of America (US)" in shown
    assert "Reviewed on 7 December 2026; next review by 7 June 2027." in shown
    topic = json.loads(cli("topic", "carers", "--json", "--data-file", str(data_file)).stdout)
    own = [b for b in topic["topic"]["blocks"] if b["own"]]
    assert own and own[0]["text"].startswith("Respite care means")
    contact = topic["topic"]["contacts"][0]
    assert (contact["country"], contact["phone"], contact["url"]) == (
        "US",
        "1-800-344-4867",
        "https://nationalmssociety.org",
    )
    guide = next(s for s in topic["topic"]["sources"] if s["id"] == "nmss-caregiver-guide")
    assert (guide["kind"], guide["authors"], guide["url"], guide["checked"]) == (
        "booklet",
        "Tanya Radford",
        CAREGIVER_GUIDE,
        "2026-11-30",
    )
    study = json.loads(cli("topic", "what-is-spms", "--json", "--data-file", str(data_file)).stdout)
    cree = next(s for s in study["topic"]["sources"] if s["id"] == "cree-2019")
    assert (cree["year"], cree["doi"]) == (2019, "10.1002/ana.25463")
