"""Keys typed ahead, 50 ms apart, on a busy machine: do they reach the screen meant?

    python -m bench.type_ahead_soak [--runs 100] [--gap 0.05] [--no-load]

For every area with a key of its own, from home, on a real pseudo-terminal: the area's
key and 50 ms later `?`, which must open Help *for that area's screen* (so it reached
the new screen, not home or a field); then `b` and 50 ms later `b`, which must end on
home (back to the area, back home), as a person who knows the keys types them. One run
walks every area; a run passes only if every area does. Busy loops on every core
(``--no-load`` leaves them out) stand for a machine doing other work. Issue 23 asks
for 100 runs in a row without a miss.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from pathlib import Path

from tests.terminal import Terminal
from tui.app.app import area_screen
from tui.core import areas


def _busy(stop_at: float) -> None:
    while time.monotonic() < stop_at:
        pass


def _routes() -> list[tuple[str, str]]:
    """(key, the screen name Help must say) for every area a key opens."""
    return [
        (area.key, area_screen(area.id).TITLE_TEXT)
        for area in areas.jumps()
        if area.key is not None and len(area.key) == 1
    ]


def one_run(data_file: Path, gap: float) -> list[str]:
    """Walk every area once; the misses, in words (empty when all went right)."""
    misses: list[str] = []
    with Terminal.app(data_file, columns=80, rows=24) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.3)
        for key, name in _routes():
            term.send(key)  # the area, then at once Help: it must be that area's Help
            time.sleep(gap)
            term.send("?")
            term.settle(quiet=0.4)
            first = term.screen.display[0].strip()
            if not first.startswith(f"Help for the {name} screen"):
                misses.append(f"{key} then ?: {first!r}")
            term.send("b")  # back to the area, and at once back home
            time.sleep(gap)
            term.send("b")
            term.settle(quiet=0.4)
            first = term.screen.display[0].strip()
            if not first.startswith("SPMS Navigator: home"):
                misses.append(f"{key}: b b ended on {first!r}")
                break
    return misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--gap", type=float, default=0.05)
    parser.add_argument("--no-load", action="store_true")
    args = parser.parse_args()
    workers: list[multiprocessing.Process] = []
    if not args.no_load:
        stop_at = time.monotonic() + 24 * 3600
        for _ in range(multiprocessing.cpu_count()):
            worker = multiprocessing.Process(target=_busy, args=(stop_at,), daemon=True)
            worker.start()
            workers.append(worker)
    passed = 0
    try:
        with tempfile.TemporaryDirectory() as folder:
            data_file = Path(folder) / "navigator.json"
            for run in range(1, args.runs + 1):
                misses = one_run(data_file, args.gap)
                if misses:
                    print(f"run {run}: MISSED: {'; '.join(misses)}", flush=True)
                    break
                passed += 1
                print(f"run {run}: every area right", flush=True)
    finally:
        for worker in workers:
            worker.terminate()
    load = "no load" if args.no_load else f"{len(workers)} busy loops"
    apart = f"keys {args.gap * 1000:.0f} ms apart"
    print(f"\n{passed} of {args.runs} runs in a row passed ({load}, {apart})")


if __name__ == "__main__":
    main()
