"""One place for each area (issue 23, item 5): every front end lists every area of the
registry (tui/core/areas.py), the two home menus in the same order, and an area's key
opens it from anywhere, clashing with no screen's own key."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from tests.pilot_helpers import ROUTES, option_texts, running_app
from tests.test_plain_mode import run_plain
from tui.app import bindings
from tui.app.app import AREAS, area_screen
from tui.app.palette import commands
from tui.app.screens.help import HelpScreen
from tui.cli.index import COMMANDS_OF
from tui.core import areas
from tui.plain.app import PlainApp

ROOT = Path(__file__).resolve().parent.parent
#: Lines that end a home line: the keys that open the area.
KEY_SUFFIX = re.compile(r" Key [^.]+\.$")


def _without_key(line: str) -> str:
    return KEY_SUFFIX.sub("", line)


async def test_the_app_home_lists_every_area_in_the_registry_order(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        lines = option_texts(app, "areas")
        expected = [areas.short_line(a, app.navigator) for a in areas.on_home()]
        assert [_without_key(line) for line in lines] == expected
        # The focused area's whole line is shown below the list, and follows the focus.
        about = app.screen.query_one("#about")
        assert str(about.render()) == "Topics: read about living with SPMS."
        await pilot.press("down", "down")
        await pilot.pause()
        assert str(about.render()) == "Notes: 0 notes."


def test_the_plain_home_lists_the_same_areas_in_the_same_order(data_file: Path) -> None:
    text = run_plain(data_file, "q")
    numbered = [line for line in text.splitlines() if re.match(r"\d+\. ", line)]
    shown = [_without_key(line.split(". ", 1)[1]) for line in numbered]
    registry = [a.home for a in areas.on_home()]
    # The same lines, but for live words (the notes, the checklist); one more line of
    # the plain mode's own settings at the end.
    assert len(shown) == len(registry) + 1
    for line, area in zip(shown, areas.on_home(), strict=False):
        assert line.split(":")[0] == area.home.split(":")[0], line


def test_a_plain_home_number_opens_its_area_whatever_the_order(data_file: Path) -> None:
    """The plain home menu goes by id, not by position: each number opens what the
    area's letter opens."""
    run_plain(data_file, "q")  # the file exists: both runs below start the same way

    def after_choosing(answer: str) -> str:
        return run_plain(data_file, answer, "b", "q").split("Your choice: ", 1)[1]

    for number, area in enumerate(areas.on_home(), 1):
        if area in areas.jumps():
            assert after_choosing(str(number)) == after_choosing(area.key or ""), area.id


async def test_the_palette_and_help_offer_every_area_and_its_key(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        titles = [command.title for command in commands(app)]
        assert [t for t in titles if t in {a.title for a in areas.REGISTRY}] == [
            a.title for a in areas.REGISTRY
        ]
        await pilot.press("f1", "end", "enter")  # More help: every key and its action
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(option_texts(app, "help"))
        for area in areas.REGISTRY:
            if area.key_id:
                assert f"({area.key_id})" in help_text, area.id


def test_the_plain_help_names_every_area_letter(data_file: Path) -> None:
    text = run_plain(data_file, "h", "q")
    for area in areas.jumps():
        assert f"{area.key} for {area.title}" in text


def test_every_area_has_its_command_its_handler_and_its_screen() -> None:
    commands_there = {name for group in COMMANDS_OF.values() for name in group}
    for area in areas.REGISTRY:
        assert areas.command_name(area.id) in commands_there, area.id
        assert callable(getattr(PlainApp, area.plain, None)), area.plain
        if area.id not in ("help", "urgent", "search"):
            assert area_screen(area.id).__name__.endswith("Screen")
    assert set(AREAS) <= set(areas.by_id())


def test_each_area_key_is_a_binding_and_a_test_route() -> None:
    for area in areas.REGISTRY:
        if area.key_id:
            assert bindings.by_id()[area.key_id].key == area.key
    for area in areas.jumps():
        assert ROUTES[area.id] == (area.key,)


def test_no_area_key_is_a_screen_s_own_key() -> None:
    """A screen's own key wins over an area's: `m` for medicines would open My visits on
    the visit screen. Dialogs (Yes or No, a choice) take every key, on purpose."""
    dialogs = [*bindings.CONFIRM, *bindings.CHOOSE, *bindings.DIALOG, *bindings.PROMPT]
    apart = {b.id for b in [*bindings.GLOBAL, *dialogs] if isinstance(b, Binding)}
    screen_keys = {
        key: binding.id
        for binding in bindings.every_binding()
        if binding.id not in apart
        for key in binding.key.split(",")
    }
    for area in areas.jumps():
        assert area.key not in screen_keys, f"{area.id}: {screen_keys.get(area.key or '')}"


def test_no_area_letter_is_an_answer_of_a_plain_question() -> None:
    """The plain mode takes an area's letter at every question, before the question does."""
    answers = set()
    for path in (ROOT / "tui" / "plain").glob("*.py"):
        source = path.read_text("utf-8")
        answers |= set(re.findall(r'== "([a-z]+)"', source))
        for group in re.findall(r" in \(([^)]*)\)", source):
            answers |= set(re.findall(r'"(\w+)"', group))
    assert answers, "the plain mode's answers were not found: the pattern needs updating"
    assert not answers & set(areas.by_key())
