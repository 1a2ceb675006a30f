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
from pathlib import Path

import pytest

from tests.cli_runner import cli
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
    # Every country's numbers stay in sight at once, a short line each: nobody in a
    # crisis should need a key to find their number. Its first line (9 8 8) is heard
    # within three seconds (tests/test_urgent_speech.py); the rest may be stopped.
    Step("u", "Urgent help", budget=600),
    Step("ctrl+g", "SPMS Navigator: home"),
)


#: The same screens holding a person's records, as after some months of use: 30 notes,
#: five medicines, four events, three people, two visits, two check-ins.
LIVED_IN = (
    Step("start", "SPMS Navigator: home", budget=BUDGET + 70),
    Step("n", "Notes"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("x", "My medicines"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("i", "Events"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("p", "My people"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("k", "Check-in"),
    Step("g", "What changed"),
    Step("ctrl+g", "Check-in"),
    Step("ctrl+g", "SPMS Navigator: home"),
    Step("v", "Prepare for a visit"),
    Step("m", "My visits"),
    Step("ctrl+g", "SPMS Navigator: home"),  # My visits is an area: Back goes home
)


def _labels(walk: tuple[Step, ...] = WALK) -> list[str]:
    return [f"{number:02d} {step.key}" for number, step in enumerate(walk, 1)]


def _lived_in(data_file: Path) -> None:
    """Fill ``data_file`` as months of use would, through the command line."""
    adds = [
        *(
            [
                "note",
                "add",
                "--title",
                f"Walking was harder on day {n} after the heat",
                "--body",
                "Legs felt heavy.",
            ]
            for n in range(1, 31)
        ),
        [
            "med",
            "add",
            "Baclofen",
            "--dose",
            "10 mg",
            "--when",
            "three times a day",
            "--why",
            "spasms",
        ],
        ["med", "add", "Gabapentin", "--dose", "300 mg", "--when", "at night", "--why", "pain"],
        ["med", "add", "Oxybutynin", "--dose", "5 mg", "--when", "at night", "--why", "bladder"],
        ["med", "add", "Siponimod", "--dose", "2 mg", "--when", "in the morning"],
        ["med", "add", "Vitamin D", "--dose", "1000 IU", "--when", "in the morning"],
        ["event", "add", "fall", "--words", "tripped on the rug in the hall"],
        ["event", "add", "infection", "--words", "bladder infection, antibiotics"],
        ["event", "add", "heat", "--words", "hot day, very tired"],
        ["event", "add", "fall", "--words", "legs gave way at the shop"],
        [
            "people",
            "add",
            "Dr Ana Ruiz",
            "--role",
            "care-team",
            "--specialty",
            "neurologist",
            "--contact",
            "555 0101",
        ],
        ["people", "add", "Sam", "--role", "friend-family", "--helps", "shopping on Fridays"],
        ["people", "add", "Lee", "--role", "friend-family", "--helps", "lifts to the clinic"],
        [
            "visit",
            "add",
            "--date",
            "2026-09-10",
            "--with",
            "Dr Ana Ruiz",
            "--why",
            "six-month check",
        ],
        ["visit", "add", "--date", "2027-01-15", "--with", "Dr Ana Ruiz", "--why", "review"],
        [
            "checkin",
            "--date",
            "2026-09-01",
            "walking=2",
            "hands=1",
            "stiffness=2",
            "pain=1",
            "tiredness=3",
            "mood=2",
        ],
        [
            "checkin",
            "--date",
            "2026-12-01",
            "walking=3",
            "hands=2",
            "stiffness=3",
            "pain=2",
            "tiredness=4",
            "mood=2",
        ],
    ]
    for args in adds:
        done = cli("--data-file", str(data_file), *args)
        assert done.returncode == 0, (args, done.stderr)


def _walk(home: Path, walk: tuple[Step, ...], *args: str) -> list[str]:
    """What Fenrir would say at each step of ``walk``, the app started with ``args``."""
    env = {"HOME": str(home)}
    for folder in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[folder] = str(home / folder.lower())
    spoken: list[str] = []
    with Terminal([sys.executable, "-m", "tui", *args], env=env, columns=80, rows=24) as term:
        fenrir = FenrirModel(term)
        for step in walk:
            said_now = fenrir.start(step.name) if step.key == "start" else fenrir.press(step.key)
            spoken.append(said_now)
    return spoken


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What Fenrir would say at each step of the walk, as a new user starts the app
    (its default data file, in a home folder of the test's own)."""
    home = tmp_path_factory.mktemp("budget") / "home"
    home.mkdir()
    return _walk(home, WALK)


@pytest.fixture(scope="module")
def said_lived_in(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What Fenrir would say at each step of the walk over a lived-in data file."""
    folder = tmp_path_factory.mktemp("lived-in")
    home = folder / "home"
    home.mkdir()
    data_file = folder / "navigator.json"
    _lived_in(data_file)
    # Opened once and closed, so the start below says nothing of a new file.
    return _walk(home, LIVED_IN, "--data-file", str(data_file))


#: Steps over budget today (issue 19), each with what it costs: the mark fails the test
#: when the screen is mended, and is then taken off.
OVER_BUDGET: dict[str, str] = {}


#: The same for the lived-in walk.
OVER_BUDGET_LIVED_IN: dict[str, str] = {}


def _cases(walk: tuple[Step, ...] = WALK, over: dict[str, str] = OVER_BUDGET) -> list[object]:
    return [
        pytest.param(
            index,
            id=label,
            marks=[pytest.mark.xfail(strict=True, reason=over[label])] if label in over else [],
        )
        for index, label in enumerate(_labels(walk))
    ]


@pytest.mark.parametrize("index", _cases())
def test_a_screen_change_is_short_and_names_the_screen_first(index: int, said: list[str]) -> None:
    _check(WALK[index], said[index])


@pytest.mark.parametrize("index", _cases(LIVED_IN, OVER_BUDGET_LIVED_IN))
def test_the_same_holds_with_months_of_records(index: int, said_lived_in: list[str]) -> None:
    _check(LIVED_IN[index], said_lived_in[index])


def _check(step: Step, words: str) -> None:
    flat = " ".join(words.split())
    assert step.name in flat[: POINT_WITHIN + len(step.name)], (
        f"{step.name!r} is not in the first {POINT_WITHIN} characters: {flat[:200]!r}"
    )
    if not step.document:
        assert len(flat) <= step.budget, f"{len(flat)} characters said: {flat!r}"
