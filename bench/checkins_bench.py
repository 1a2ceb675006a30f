"""Check-ins at ten years of monthly check-ins (120): the changes view and the check-in keys.

Run: python -m bench.checkins_bench [--keys 40] [--repeat 30]
It builds its own data (1,000 notes and 120 check-ins of all 14 areas, with words)
in a temporary folder and runs the real app in a pseudo-terminal, as bench/ does.

- the core: comparing 120 check-ins (``changes.compare`` with the chart), median ms;
- opening a screen: from the key until its frame has arrived. The app holds a
  screen change until nothing has been drawn for 60 ms (OUTPUT_QUIET in app.py, so a
  screen reader gets the screen in one write), so every screen opens in about 60 ms
  plus its own work: the topics list is the baseline to compare with;
- keys on the check-in and changes screens: median <= 8 ms and 90th percentile
  <= 16 ms, the targets of ``python -m bench``.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.__main__ import DOWN, UP, app_cmd, key_latencies, pct
from bench.store_bench import build, median_ms
from tests.terminal import Terminal
from tui.core.changes import compare
from tui.core.checkins import AREAS, LEVELS
from tui.core.service import open_navigator

MONTHS = 120


def add_checkins(data_file: Path, seed: int = 5) -> None:
    rng = random.Random(seed)
    nav = open_navigator(data_file)
    try:
        first = date.today() - timedelta(days=30 * (MONTHS - 1))
        for month in range(MONTHS):
            day = first + timedelta(days=30 * month)
            drift = month // 30  # slowly harder over the years
            levels = {a.id: LEVELS[min(4, rng.randint(0, 2) + drift)] for a in AREAS}
            words = {a.id: f"Month {month}: {a.label.lower()} as usual." for a in AREAS[:4]}
            nav.checkins.record(day, dict(levels), words, "Mornings slow, afternoons better.")
    finally:
        nav.store.close()


def open_latencies(data_file: Path, setup: str, key: str, count: int) -> list[float]:
    """Milliseconds from ``key`` until the new screen's frame has arrived; ``b`` goes
    back between presses."""
    times = []
    with Terminal(app_cmd(data_file)) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        for pressed in setup:
            term.press(pressed)
        term.settle(quiet=0.5)
        for _ in range(count):
            start = time.perf_counter()
            term.send(key)
            frame, arrived = term.read_frame(2.0, gap=0.004)
            if frame:
                times.append((arrived - start) * 1000)
            term.settle(quiet=0.3)
            term.press("b")
            term.settle(quiet=0.3)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_file = Path(tmp) / "navigator.json"
        build(data_file, 1000)
        add_checkins(data_file)
        nav = open_navigator(data_file)
        try:
            checkins = nav.checkins.all()
            assert len(checkins) == MONTHS
            core = median_ms(lambda: compare(checkins).chart(), args.repeat)
            read_and_compare = median_ms(lambda: compare(nav.checkins.all()), args.repeat)
        finally:
            nav.store.close()
        per_round = max(1, args.keys // 2)
        opens: dict[str, list[float]] = {"topics (t), the baseline": [], "changes (g)": []}
        keys: dict[str, list[float]] = {
            "topic list (down), the baseline": [],
            "check-in screen (down)": [],
            "check-in answer (a number; saves)": [],
            "changes screen (down)": [],
        }
        for _ in range(2):  # rows take turns, so a noisy moment hits each alike
            opens["topics (t), the baseline"] += open_latencies(data_file, "", "t", per_round // 2)
            opens["changes (g)"] += open_latencies(data_file, "k", "g", per_round // 2)
            keys["topic list (down), the baseline"] += key_latencies(
                data_file, "t", (DOWN[0], UP), per_round
            )
            keys["check-in screen (down)"] += key_latencies(
                data_file, "k", (DOWN[0], UP), per_round
            )
            keys["check-in answer (a number; saves)"] += key_latencies(
                data_file, "k", ("3", "2"), per_round
            )
            keys["changes screen (down)"] += key_latencies(
                data_file, "kg", (DOWN[0], UP), per_round
            )
    print(f"Check-ins benchmark: {MONTHS} monthly check-ins (all 14 areas) and 1,000 notes\n")
    print(f"{'measure':<44}{'median':>9}{'p90':>9}  target")
    print(f"{'compare 120 check-ins, with the chart':<44}{core:>7.2f}ms{'':>9}  (the core)")
    print(f"{'read them all and compare':<44}{read_and_compare:>7.2f}ms")
    for name, times in opens.items():
        med, p90 = statistics.median(times), pct(times, 0.9)
        print(
            f"{'open ' + name:<44}{med:>7.1f}ms{p90:>7.1f}ms  "
            "(includes the 60 ms the app waits to draw a screen in one write)"
        )
    for name, times in keys.items():
        med, p90 = statistics.median(times), pct(times, 0.9)
        ok = "met" if med <= 8 and p90 <= 16 else "MISSED"
        if "saves" in name:
            ok += " (a save and its redraw)"
        print(f"{'key, ' + name:<44}{med:>7.1f}ms{p90:>7.1f}ms  median <= 8, p90 <= 16  {ok}")


if __name__ == "__main__":
    main()
