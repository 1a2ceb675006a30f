"""How long opening the notes costs at 1,000 and at 50,000 notes, in the app and the plain mode.

A list should cost what is on screen, not what is stored: opening 50,000 notes should
take about as long as opening 1,000. Timed in a real pseudo-terminal of 80 x 24:

- the app: `n` from home until the frame whose first line is "Notes" has arrived
  (bench/screen_change.py), against a bare Textual push (bench/bare_push.py), the two
  taking turns. Each app opens Notes three times: the first open also reads every
  note into memory (once a session), so it is reported on its own.
- the plain mode: "n" and Enter at the home menu until the first page of notes has
  arrived (its "More" prompt), three times a process, the first on its own too.

Run: python -m bench.notes_open [--rounds 3]   (also part of python -m bench)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.screen_change import bare_push
from bench.store_bench import build
from tests.terminal import Terminal

SIZES = (1000, 50_000)
#: Opens a process: the first reads every note, the others find them in memory.
OPENS = 3
LEFT = "\x1b[D"


def _until_first_line(term: Terminal, key: str, words: str) -> float:
    """Milliseconds from writing ``key`` until a frame shows ``words`` on the first line
    (bench/screen_change.py's measure, waiting longer: the first open reads every note)."""
    start = time.perf_counter()
    term.send(key)
    arrived = float("nan")
    while time.perf_counter() - start < 10:
        frame, at = term.read_frame(5, gap=0.004)
        if not frame:
            break
        if words in term.screen.display[0]:
            arrived = (at - start) * 1000
            break
    term.settle(quiet=0.15)
    return arrived


def app_opens(data_file: Path) -> list[float]:
    """Milliseconds of each of OPENS openings of Notes in one app, first first."""
    command = [sys.executable, "-m", "tui", "--data-file", str(data_file)]
    times = []
    with Terminal(command, columns=80, rows=24) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        for _ in range(OPENS):
            times.append(_until_first_line(term, "n", "Notes"))
            _until_first_line(term, LEFT, "SPMS Navigator: home")
    return times


def plain_opens(data_file: Path) -> list[float]:
    """Milliseconds from typing "n" and Enter at the plain home menu until the first
    page of notes (up to its "More" prompt) has arrived, OPENS times in one process."""
    command = [sys.executable, "-m", "tui", "--data-file", str(data_file), "--plain"]
    times = []
    with Terminal(command, columns=80, rows=24) as term:
        term.wait_for("Your choice:")
        term.settle(quiet=0.3)
        for _ in range(OPENS):
            term.screen.reset()
            start = time.perf_counter()
            term.send("n\r")
            arrived = float("nan")
            while time.perf_counter() - start < 10:
                frame, at = term.read_frame(2, gap=0.004)
                if not frame:
                    break
                if "More:" in term.text() or "for back." in term.text():
                    arrived = (at - start) * 1000
                    break
            times.append(arrived)
            term.settle(quiet=0.1)
            term.send("q\r")
            term.settle(quiet=0.1)
            term.send("b\r")
            term.wait_for("Type a number and press Enter, or q to quit.")
            term.settle(quiet=0.2)
    return times


def notes_open_rounds(folder: Path, rounds: int) -> dict[str, list[float]]:
    """Each measure's times over ``rounds`` rounds, everything taking turns."""
    files = {}
    for size in SIZES:
        # A folder of its own: the command-line bench adds notes to files of the same
        # sizes, and a journal left beside a file built anew is rightly kept aside.
        files[size] = folder / "notes-open" / f"notes-{size}" / "navigator.json"
        build(files[size], size)
    times: dict[str, list[float]] = {}
    root = Path(__file__).resolve().parent.parent
    for _ in range(rounds):
        pushes = bare_push(sys.executable, root, OPENS)["Topics"]
        times.setdefault("bare push", []).extend(pushes)
        for size, data_file in files.items():
            for mode, measure in (("app", app_opens), ("plain", plain_opens)):
                first, *later = measure(data_file)
                times.setdefault(f"{mode} {size} first", []).append(first)
                times.setdefault(f"{mode} {size}", []).extend(later)
    return times


def print_notes_open(times: dict[str, list[float]]) -> None:
    bare = statistics.median(times["bare push"])
    print(f"{'screen change, bare Textual push':<34}{bare:>10.1f}ms{'1.00':>9}")
    for size in SIZES:
        for mode in ("app", "plain"):
            where = "open Notes" if mode == "app" else "plain notes page"
            for label, key in (
                (f"{where}, {size:,} notes", f"{mode} {size}"),
                (f"{where}, {size:,}, first", f"{mode} {size} first"),
            ):
                median = statistics.median(times[key])
                ratio = f"{median / bare:>9.2f}" if mode == "app" else " " * 9
                target = "  <= 4.00 x bare push" if mode == "app" and "first" not in key else ""
                print(f"{label:<34}{median:>10.1f}ms{ratio}{target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = notes_open_rounds(Path(tmp), args.rounds)
    print_notes_open(times)


if __name__ == "__main__":
    main()
