"""How long a screen change takes, from the key to the whole new screen on the terminal.

A person waits for this on every step: Enter on a topic, `t` from home, Back. Each
change is timed from writing the key until the frame that shows the new screen's
name (its first line) has arrived, with the cursor where it will rest. The baseline is
a bare Textual app pushing and popping a screen of a heading and a list
(bench/bare_push.py). Back is timed with the Left arrow: Escape is held by Textual for
its ESCDELAY (100 ms) to tell it from the start of an escape sequence, in every app.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.terminal import Terminal

#: (key, words on the first line of the screen it opens), in the order pressed.
APP_STEPS = (
    ("t", "Topics"),
    ("\x1b[D", "SPMS Navigator: home"),
    ("n", "Notes"),
    ("\x1b[D", "SPMS Navigator: home"),
)
BARE_STEPS = (("t", "Topics"), ("\x1b[D", "Home screen"))


def _time_until_first_line(term: Terminal, key: str, words: str) -> float:
    """Milliseconds until the frame showing ``words`` on the first line has arrived
    and nothing more comes for 30 ms (its cursor then rests where it will stay)."""
    start = time.perf_counter()
    term.send(key)
    arrived = float("nan")
    while time.perf_counter() - start < 3:
        frame, at = term.read_frame(0.5, gap=0.004)
        if not frame:
            break
        if words in term.screen.display[0] and arrived != arrived:  # first time: nan
            arrived = (at - start) * 1000
            break
    term.settle(quiet=0.15)
    return arrived


def screen_changes(
    args: list[str], steps: tuple[tuple[str, str], ...], rounds: int, ready: str
) -> dict[str, list[float]]:
    """Each step's times over ``rounds`` rounds in one app."""
    times: dict[str, list[float]] = {words: [] for _key, words in steps}
    with Terminal(args, columns=80, rows=24) as term:
        term.wait_for(ready)
        term.settle(quiet=0.5)
        for _ in range(rounds):
            for key, words in steps:
                times[words].append(_time_until_first_line(term, key, words))
    return times


def bare_push(python: str, root: Path, rounds: int) -> dict[str, list[float]]:
    return screen_changes(
        [python, str(root / "bench" / "bare_push.py")], BARE_STEPS, rounds, "Home screen"
    )


def app_changes(command: list[str], rounds: int) -> dict[str, list[float]]:
    return screen_changes(command, APP_STEPS, rounds, "SPMS Navigator: home")


def screen_change_rounds(data_file: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    """The bare push and the app, taking turns, ``rounds`` times (3 changes a step)."""
    import sys

    root = Path(__file__).resolve().parent.parent
    app = [sys.executable, "-m", "tui", "--data-file", str(data_file)]
    times: dict[str, dict[str, list[float]]] = {"bare": {}, "app": {}}
    for _ in range(rounds):
        for who, found in (
            ("bare", bare_push(sys.executable, root, 3)),
            ("app", app_changes(app, 3)),
        ):
            for step, values in found.items():
                times[who].setdefault(step, []).extend(values)
    return times


def print_screen_changes(times: dict[str, dict[str, list[float]]]) -> None:
    """Each step's median against the bare push (Back against the bare pop)."""
    import statistics

    bare_open = statistics.median(times["bare"]["Topics"])
    bare_back = statistics.median(times["bare"]["Home screen"])
    print(f"{'screen change, bare Textual push':<34}{bare_open:>10.1f}ms{'1.00':>9}")
    print(f"{'screen change, bare Textual pop':<34}{bare_back:>10.1f}ms{'1.00':>9}")
    for step, values in times["app"].items():
        back = step.startswith("SPMS Navigator")
        floor = bare_back if back else bare_open
        median = statistics.median(values)
        label = "screen change, back to home" if back else f"screen change, open {step}"
        ok = "met" if median / floor <= 3 else "MISSED"
        print(f"{label:<34}{median:>10.1f}ms{median / floor:>9.2f}  <= 3.00 x bare  {ok}")
