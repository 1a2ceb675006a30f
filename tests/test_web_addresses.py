"""A web address is never cut across two rows (issue 21, item 3; issue 20, item 3): on
the smallest screen (60 by 20) and the usual one (80 by 24), in every topic and in Help,
each address is whole on one row, or, too long for any row, shown as the site it is on,
with the whole address one Enter away. The plain mode and the printed summary break
lines only between words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.pilot_helpers import option_texts, running_app
from tui.app import addresses
from tui.app.app import NavigatorApp
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.topic import TopicScreen
from tui.app.widgets import ReaderList
from tui.core.content import default_library
from tui.core.service import open_navigator
from tui.plain.console import Console

#: A web address as the app writes one: with its scheme, or a site name and a path.
ADDRESS = re.compile(r"https?://\S+|\b(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?")
SIZES = [(60, 20), (80, 24)]


def addresses_in(text: str) -> list[str]:
    return [found.rstrip(".,;)") for found in ADDRESS.findall(text)]


async def rendered_rows(app: NavigatorApp, pilot: Pilot[None], list_id: str) -> list[str]:
    """Every row the list draws, page by page, as it is on the screen."""
    rows: list[str] = []
    lines = app.screen.query_one(f"#{list_id}", ReaderList)
    height = lines.scrollable_content_region.height
    for top in range(0, lines.virtual_size.height, height):
        lines.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause()
        rows += [lines.render_line(y).text for y in range(height)]
    return rows


def cut_addresses(shown: list[str], rows: list[str]) -> list[str]:
    """The addresses of ``shown`` lines that no single row holds whole."""
    return [a for line in shown for a in addresses_in(line) if not any(a in r for r in rows)]


@pytest.mark.parametrize("size", SIZES)
async def test_no_address_is_cut_in_any_topic_or_in_help(
    data_file: Path, size: tuple[int, int]
) -> None:
    navigator = open_navigator(data_file)
    app = NavigatorApp(navigator, None, [])
    checked = 0
    try:
        async with app.run_test(size=size) as pilot:
            for topic in default_library().topics:
                app.open_topic(topic.id)
                await pilot.pause()
                assert isinstance(app.screen, TopicScreen)
                shown = option_texts(app, "reader")
                rows = await rendered_rows(app, pilot, "reader")
                assert not cut_addresses(shown, rows), (topic.id, cut_addresses(shown, rows))
                checked += sum(len(addresses_in(line)) for line in shown)
                await pilot.press("escape")
            await pilot.press("f1", "end", "enter")  # More help: the articles' addresses
            assert isinstance(app.screen, HelpScreen)
            shown = option_texts(app, "help")
            rows = await rendered_rows(app, pilot, "help")
            assert not cut_addresses(shown, rows), cut_addresses(shown, rows)
    finally:
        navigator.store.close()
    assert checked > 100  # the test looked at every contact's and source's address


async def test_a_long_address_shows_its_site_and_enter_gives_it_whole(data_file: Path) -> None:
    planning = default_library().sources["mssociety-planning"]
    assert len(planning.address) > 100
    async with running_app(data_file) as (app, pilot):
        app.open_topic("planning-ahead")
        await pilot.pause()
        reader = app.screen.query_one("#reader", ReaderList)
        number = default_library().topic("planning-ahead").source_ids.index("mssociety-planning")
        reader.highlight_id(f"source-{number}")
        line = str(reader.get_option(f"source-{number}").prompt)
        assert line.endswith(
            "Web address: a page on mssociety.org.uk. Press Enter for the whole address."
        )
        assert len(max(addresses_in(line), key=len)) <= addresses.ADDRESS_FITS
        await pilot.press("enter")
        assert isinstance(app.screen, ChooseScreen)
        question = app.screen.question
        assert question.startswith("Open this web address in your browser, or copy it? ")
        assert planning.address in question  # the whole of it, after the question


def test_plain_mode_puts_a_long_address_whole_on_a_row_of_its_own() -> None:
    """At 60 columns the plain mode breaks a source's line between words: an address
    that fits is whole on one row; a longer one starts a row and is left whole for the
    terminal, never cut by the app."""
    for topic in default_library().topics:
        for source in default_library().topic_sources(topic):
            line = f"Source: {source.sentence()}"
            rows = Console._wrap(line, 59)
            for address in addresses_in(line):
                holding = [row for row in rows if address in row]
                assert holding, (address, rows)
                if len(address) > 59:
                    assert holding[0].lstrip().startswith(address), rows


def test_the_printed_and_html_summary_keep_a_long_address_whole(data_file: Path) -> None:
    """A note that names a long web address: the printed summary (72 columns) puts it
    whole on a line of its own, and the HTML summary makes it one link, kept whole."""
    from tui.core import appointment, summary_html
    from tui.core.models import NoteKind

    long_address = default_library().sources["mssociety-planning"].address
    navigator = open_navigator(data_file)
    try:
        navigator.notes.create(
            "Planning ahead",
            f"The nurse said to read {long_address} before the visit, with my sister.",
            kind=NoteKind.QUESTION,
        )
        printed = appointment.summary(navigator, markdown=False).splitlines()
        page = summary_html.summary(navigator)
    finally:
        navigator.store.close()
    holding = [line for line in printed if long_address in line]
    assert holding and holding[0].strip() == long_address, printed
    assert f'<a href="{long_address}">{long_address}</a>' in page
    assert "word-break: keep-all" in page
