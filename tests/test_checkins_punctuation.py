"""Check-ins and visits built from a person's words never double a mark ("Dr Lee..")."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from tests.cli_runner import cli
from tests.pilot_helpers import running_app
from tests.test_plain_mode import run_plain
from tui.app.widgets import ReaderList
from tui.core.models import NoteKind
from tui.core.service import open_navigator

DOUBLED = re.compile(r"[?!][.?!]|\.[?!]|(?<!\.)\.\.(?!\.)")


def _doubled(lines: list[str]) -> list[str]:
    return sorted({line for line in lines if DOUBLED.search(line)})


def _fill(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        visit = nav.visits.add("2026-05-02", "Dr Lee.", "Check-up?")
        note = nav.notes.create("Heat?", "Hot.", kind=NoteKind.QUESTION)
        nav.visits.raise_note(note.id, "Keep cool.", visit.id)
        nav.checkins.set_level("2026-05-01", "walking", "a-lot")
        nav.checkins.set_words("2026-05-01", "walking", "Stairs.")
        nav.checkins.set_days("2026-05-01", "Slow?")
        nav.set_setting("my_name", "Alex M.")
    finally:
        nav.store.close()


def test_the_command_line_and_the_plain_mode(data_file: Path) -> None:
    _fill(data_file)
    d = ["--data-file", str(data_file)]
    said: list[str] = []
    for command in (
        ["visit", "list"],
        ["visit", "show", "1"],
        ["note", "show", "1"],
        ["note", "raise", "1"],
        ["changes"],
        ["checkin", "--date", "2026-05-01", "pain=2"],
        ["export", "--format", "appointment-txt", "--output", "-"],
        ["export", "--format", "md", "--output", "-"],
        ["visit", "delete", "1"],
    ):
        result = cli(*command, *d)
        said += result.stdout.splitlines() + result.stderr.splitlines()
    assert any("Dr Lee." in line for line in said)
    plain = run_plain(data_file, "6", "1", "b", "b", "v", "b", "13", "b", "q").splitlines()
    assert _doubled(said + plain) == []


async def test_the_full_screen_app(data_file: Path) -> None:
    _fill(data_file)
    shown: list[str] = []
    async with running_app(data_file) as (app, pilot):
        for keys in (("v",), ("m",), ("enter",), ("escape", "escape", "k"), ("g",)):
            await pilot.press(*keys)
            await pilot.pause()
            shown += [str(w.render()) for w in app.screen.query(Static)]
            for options in app.screen.query(ReaderList):
                shown += [str(o.prompt) for o in options.options]
    assert any("Dr Lee." in line for line in shown)
    assert _doubled(shown) == []
