"""A screen change costs little speech (issue 19, item 1): every list or form screen,
reached as a person reaches it, makes Fenrir say at most ~400 characters, and the
screen's name comes in the first ~100.

Fenrir speaks every line that changed (tests/readers/fenrir_model.py), so this is
what a person hears before they silence it; Orca says less (the focused line and
what ends at the cursor). The app runs once, on a pty at 80x24, and each step of the
walk is a test of its own, so a report names the screens over budget.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from tests.readers.fenrir_model import FenrirModel
from tests.terminal import Terminal

#: What one screen change may cost, in characters spoken: about 400 (the issue's "~400",
#: some 13 s at 30 a second), 5% over at most.
BUDGET = 420
#: Where the screen's name must begin by: what ~3 seconds of speech reaches.
POINT_WITHIN = 100


@dataclass(frozen=True)
class Step:
    key: str
    #: Words that name the screen (or the result), heard within POINT_WITHIN.
    name: str
    #: A topic's text is read by moving through it: no budget for arriving at it.
    document: bool = False
    #: What it may cost: the first screen also has the keys line every screen keeps.
    budget: int = BUDGET


WALK = (
    Step("start", "SPMS Navigator: home", budget=BUDGET + 70),
    Step("t", "Topics"),
    Step("enter", "Topic: What SPMS is", document=True),
    Step("ctrl+g", "Topics"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("c", "checklist"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("n", "Notes"),
    Step("a", "New note"),
    Step("ctrl+g", "Notes"),
    Step("k", "Check-in"),
    Step("g", "What changed"),
    Step("ctrl+g", "Check-in"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("v", "Prepare for a visit"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("p", "My people"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("x", "My medicines"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("i", "Events"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("?", "Help"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("u", "Urgent help"),
    Step("ctrl+g", "SPMS Navigator: home"),
)


def _labels() -> list[str]:
    return [f"{number:02d} {step.key}" for number, step in enumerate(WALK, 1)]


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What Fenrir would say at each step of the walk, as a new user starts the app
    (its default data file, in a home folder of the test's own)."""
    home = tmp_path_factory.mktemp("budget") / "home"
    home.mkdir()
    env = {"HOME": str(home)}
    for folder in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[folder] = str(home / folder.lower())
    spoken: list[str] = []
    with Terminal([sys.executable, "-m", "tui"], env=env, columns=80, rows=24) as terminal:
        fenrir = FenrirModel(terminal)
        for step in WALK:
            said_now = fenrir.start(step.name) if step.key == "start" else fenrir.press(step.key)
            spoken.append(said_now)
    return spoken


#: Steps over budget today (issue 19), each with what it costs: the mark fails the test
#: when the screen is mended, and is then taken off.
OVER_BUDGET: dict[str, str] = {
    "06 c": "the checklist: 993 characters, its items are long sentences",
    "11 k": "check-in: 863, an intro of three lines and fourteen questions",
    "13 ctrl+g": "back to check-in: 831",
    "23 ?": "help: 837",
    "25 u": "urgent help: 784",
}


def _cases() -> list[object]:
    return [
        pytest.param(
            index,
            id=label,
            marks=[pytest.mark.xfail(strict=True, reason=OVER_BUDGET[label])]
            if label in OVER_BUDGET
            else [],
        )
        for index, label in enumerate(_labels())
    ]


@pytest.mark.parametrize("index", _cases())
def test_a_screen_change_is_short_and_names_the_screen_first(index: int, said: list[str]) -> None:
    step, words = WALK[index], said[index]
    flat = " ".join(words.split())
    assert step.name in flat[: POINT_WITHIN + len(step.name)], (
        f"{step.name!r} is not in the first {POINT_WITHIN} characters: {flat[:200]!r}"
    )
    if not step.document:
        assert len(flat) <= step.budget, f"{len(flat)} characters said: {flat!r}"
