"""Pictures (SVG snapshots) of the main screens, in the default theme, high contrast and
NO_COLOR, at 80x24 and at 60x20 (a large font in a small window).

The words of each screen are tested elsewhere; these catch what those cannot see: the
layout, the stylesheet, the themes. A picture differs when anything drawn differs, and
the test then fails with a report of both pictures (snapshot_report.html). After a
deliberate change, look at the report, then write the new pictures:

    python -m pytest tests/test_snapshots.py --snapshot-update

The pictures are in tests/__snapshots__/test_snapshots/. The clock is frozen and the
data file is built here on fixed days (tests/snapshot_data.py), at a short relative
path, so a picture never shows today's date or a temporary folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from time_machine import TimeMachineFixture

from tests.pilot_helpers import ROUTES
from tests.snapshot_data import build_data_file
from tui.app.app import NavigatorApp
from tui.core.service import Navigator, open_navigator

SnapCompare = Callable[..., bool]

#: The main screens (the keys that reach each are in pilot_helpers.ROUTES).
SCREENS: dict[str, tuple[str, ...]] = {
    name: ROUTES[name]
    for name in (
        "home",
        "topics",
        "topic",
        "checklist",
        "checklist-item",
        "notes",
        "note-editor",
        "checkin",
        "changes",
        "visit",
        "people",
        "help",
        "urgent-help",
        "confirm",
        "choose",
    )
}
SIZES = {"80x24": (80, 24), "60x20": (60, 20)}
#: Other looks, shown on a few screens: a list, a long list, a dialog.
LOOKS = ("high-contrast", "no-color")
SOME_SCREENS = ("home", "checklist", "notes", "confirm")

#: The data file, relative to the test's own folder: Help shows it by name.
DATA_FILE = Path("navigator.json")

OpenApp = Callable[[str | None], NavigatorApp]


@pytest.fixture
def open_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, time_machine: TimeMachineFixture
) -> Iterator[OpenApp]:
    """Build the data file (in a theme), and make the app on it as the command does,
    with the clock stopped at NOW."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)  # set in a terminal, it would grey all
    opened: list[Navigator] = []

    def make(theme: str | None) -> NavigatorApp:
        build_data_file(DATA_FILE, time_machine, theme)
        opened.append(open_navigator(DATA_FILE))
        return NavigatorApp(opened[-1])

    yield make
    for navigator in opened:
        navigator.store.close()


def _compare(snap_compare: SnapCompare, app: NavigatorApp, screen: str, size: str) -> bool:
    return snap_compare(app, press=SCREENS[screen], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_in_the_default_theme(
    snap_compare: SnapCompare, open_app: OpenApp, screen: str, size: str
) -> None:
    assert _compare(snap_compare, open_app(None), screen, size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SOME_SCREENS)
@pytest.mark.parametrize("look", LOOKS)
def test_screen_in_another_look(
    snap_compare: SnapCompare,
    open_app: OpenApp,
    monkeypatch: pytest.MonkeyPatch,
    look: str,
    screen: str,
    size: str,
) -> None:
    if look == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")  # read (and taken away) as the app starts
    app = open_app("high-contrast" if look == "high-contrast" else None)
    assert _compare(snap_compare, app, screen, size)
