"""User text is data: stored exactly, shown harmlessly, never markup or terminal control."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, TextArea

from tests.pilot_helpers import option_texts, running_app, status_text
from tests.terminal import Terminal
from tui.core.service import Navigator, open_navigator
from tui.core.text import flat_line

NASTY = {
    "rich markup": "[bold]bold?[/] [link=https://example.org]link[/link] [/]",
    "textual markup": "$accent [@click=app.quit]quit[/] [reverse]x",
    "ansi colour": "\x1b[31mred\x1b[0m and \x1b[2J\x1b[H",
    "osc title and clipboard": "\x1b]0;PWNED\x07 \x1b]52;c;SGVsbG8=\x07",
    "nul and controls": "a\x00b\x01c\x07d\x08e\x7ff\x9bg",
    "emoji with joiners": "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽",
    "right to left": "שלום עליכם مرحبا \u202eevil\u202c",
    "combining marks": "e\u0301 n\u0303 Z\u0351\u0352\u0353",
    "long single line": "x" * 10_000,
    "newlines and tabs": "one\ntwo\r\nthree\tfour",
}
BIG_BODY = ("A line of a long diary. " * 40 + "\n") * 1100  # about 1 MB


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_text_round_trips_exactly_through_the_store(name: str, data_file: Path) -> None:
    text = NASTY[name]
    nav = open_navigator(data_file)
    note = nav.notes.create(text[:400], text)
    nav.checklist.set_helper("pr-meals", text)
    nav.checklist.add_own_item(text)
    nav.store.close()
    nav = open_navigator(data_file)
    try:
        again = nav.notes.get(note.id)
        assert (again.title, again.body) == (text[:400], text)
        entries = {e.id: e for e in nav.checklist.entries()}
        assert entries["pr-meals"].helper == text
        assert entries["own-1"].text == text.strip()
        assert nav.notes.all(text[:30]) == [again]  # the filter finds it too
    finally:
        nav.store.close()


def test_a_one_megabyte_body_round_trips(navigator: Navigator) -> None:
    note = navigator.notes.create("Diary", BIG_BODY)
    assert len(BIG_BODY.encode()) > 1_000_000
    assert navigator.notes.get(note.id).body == BIG_BODY


async def _through_the_editor(data_file: Path, title: str, body: str) -> tuple[str, str, str]:
    """Type into the editor's fields, save with ctrl+s, reopen: return what comes back."""
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "a")
        app.screen.query_one("#title", Input).value = title
        app.screen.query_one("#body", TextArea).text = body
        await pilot.press("ctrl+s")
        saved_message = status_text(app)
        await pilot.press("escape", "enter")
        shown_title = app.screen.query_one("#title", Input).value
        shown_body = app.screen.query_one("#body", TextArea).text
        await pilot.press("escape")
        listed = option_texts(app, "notes")[0]
        # The list line fits one row: a long title is cut after about 45 characters.
        assert listed.startswith(flat_line(title.strip() or "Untitled note")[:40])
        return saved_message, shown_title, shown_body


@pytest.mark.parametrize("name", sorted(NASTY))
async def test_nasty_text_round_trips_through_the_screens(name: str, data_file: Path) -> None:
    text = NASTY[name]
    message, title, body = await _through_the_editor(data_file, text[:400], text)
    assert message.startswith("Saved the note.")
    assert title == text[:400]
    if "\r\n" in text:  # a text area evens out mixed line endings in what is typed into it
        assert body.splitlines() == text.splitlines()
    else:
        assert body == text


async def test_an_unedited_note_keeps_its_exact_text(data_file: Path) -> None:
    text = NASTY["newlines and tabs"]
    nav = open_navigator(data_file)
    nav.notes.create("Mixed endings", text)
    nav.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "enter")
        app.screen.query_one("#title", Input).value = "Renamed"
        await pilot.press("escape")
        (note,) = app.navigator.notes.all()
        assert (note.title, note.body) == ("Renamed", text)


async def test_a_one_megabyte_body_through_the_editor(data_file: Path) -> None:
    message, _title, body = await _through_the_editor(data_file, "Diary", BIG_BODY)
    assert message.startswith("Saved the note.")
    assert body == BIG_BODY


async def test_a_too_long_title_gets_a_sentence_not_a_crash(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "a")
        app.screen.query_one("#title", Input).value = "y" * 10_000
        await pilot.press("ctrl+s")
        assert "Keep it under 500" in status_text(app)
        assert app.screen.query_one("#title", Input).value == "y" * 10_000  # kept on screen


NO_SURROGATES: list[Literal["Cs"]] = ["Cs"]  # lone surrogates cannot be written as UTF-8
storable = st.text(st.characters(exclude_categories=NO_SURROGATES), max_size=300)
# What a person can type into a text area: no characters that Python counts as line
# breaks other than "\n" (a text area turns those into plain newlines). The store
# test above covers them all, exactly.
LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
typeable = st.text(
    st.characters(exclude_categories=NO_SURROGATES, exclude_characters=LINE_BREAKS), max_size=300
)


@given(title=storable, body=storable, helper=storable)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_round_trips_through_the_store(
    tmp_path: Path, title: str, body: str, helper: str
) -> None:
    data_file = tmp_path / "prop.json"
    data_file.unlink(missing_ok=True)
    nav = open_navigator(data_file)
    try:
        if title.strip() or body.strip():
            note = nav.notes.create(title[:500], body)
        nav.checklist.set_item_note("em-call", helper)
    finally:
        nav.store.close()
    nav = open_navigator(data_file)
    try:
        if title.strip() or body.strip():
            again = nav.notes.get(note.id)
            assert (again.title, again.body) == (title[:500], body)
        assert nav.checklist.entry("em-call").note == helper
    finally:
        nav.store.close()


@given(title=typeable.filter(lambda t: t.strip() != ""), body=typeable)
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_round_trips_through_the_screens(tmp_path: Path, title: str, body: str) -> None:
    data_file = tmp_path / "screens.json"
    data_file.unlink(missing_ok=True)
    _message, shown_title, shown_body = asyncio.run(_through_the_editor(data_file, title, body))
    assert (shown_title, shown_body) == (title, body)


def test_no_escape_from_a_note_reaches_the_real_terminal(data_file: Path) -> None:
    nav = open_navigator(data_file)
    hostile = NASTY["ansi colour"] + NASTY["osc title and clipboard"] + NASTY["nul and controls"]
    nav.notes.create(f"Title {hostile}", f"Body {hostile}")
    nav.checklist.set_helper("pr-meals", hostile)
    nav.store.close()
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.press(
            "n", "enter", settle=False
        )  # the notes list, then the editor with Input and TextArea
        term.wait_for("Title: Title")
        term.press(
            "escape", "c", "down", "down", "down", "down", "down", "down", "enter", settle=False
        )
        term.wait_for("Who helps:")
        raw = bytes(term.raw)
    for sequence in (
        b"\x1b[31mred",
        b"\x1b[2J\x1b[H",
        b"\x1b]0;PWNED",
        b"\x1b]52;",
        b"\x00",
        "\x9b".encode(),  # the C1 control itself, not a byte inside UTF-8
    ):
        assert sequence not in raw, sequence
    assert "Who helps:" in term.text()


@pytest.mark.parametrize("name", sorted(NASTY))
async def test_nasty_search_text_in_the_filter(name: str, data_file: Path) -> None:
    text = NASTY[name]
    nav = open_navigator(data_file)
    nav.notes.create(f"Match {text[:200]}", "")
    nav.notes.create("Other", "")
    nav.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        app.screen.query_one("#filter", Input).value = text[:200]
        await pilot.pause()
        shown = option_texts(app, "notes")
        assert len(shown) == 1 and shown[0].startswith("Match")
        count = str(app.screen.query_one("#count").render())
        assert count.startswith("1 of 2 notes match")
        assert "\x1b" not in count and "\x00" not in count
