"""SPMS Navigator against a bare Textual app: start-up, key response, memory, imports.

Run: python -m bench [--runs 7] [--keys 40] [--only cli]
It builds its own data in a temporary folder, runs the bare-Textual baseline and
SPMS Navigator side by side in real pseudo-terminals, and prints medians and ratios
against the targets. It is not part of the test suite and never fails CI.
(For the store alone, at up to 50,000 notes: python -m bench.store_bench.)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.cli_commands import cli_rounds, print_cli
from bench.notes_open import notes_open_rounds, print_notes_open
from bench.screen_change import print_screen_changes, screen_change_rounds
from bench.store_bench import build
from tests.terminal import Terminal

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BARE = [PY, str(ROOT / "bench" / "bare_app.py")]
EXIT = "SPMS_NAVIGATOR_BENCH_EXIT"
DOWN = ("\x1b[B",)
#: Key rows are measured in this many rounds, each in a fresh app, rows taking turns.
KEY_ROUNDS = 4
#: Peak memory varies by a few tenths of a megabyte from run to run.
MEMORY_RUNS = 5
UP = "\x1b[A"
DEFERRED = (
    "textual.widgets._text_area",
    "textual.widgets._select",
    "tui.core.backup",
    "tui.core.appointment",
    "tui.app.screens.note_editor",
    "tui.app.fields",
    "markdown_it",
    "hashlib",  # OpenSSL: about 1 MB (secrets and filelock bring it)
)


def app_cmd(data_file: Path, *extra: str) -> list[str]:
    return [PY, "-m", "tui", "--data-file", str(data_file), *extra]


def run_to_exit(args: list[str], env: dict[str, str], typed: str = "") -> float:
    """Milliseconds from starting the process until it exits (it quits when ready)."""
    start = time.perf_counter()
    with Terminal(args, env=env) as term:
        if typed:
            term.send(typed)
        while term.process.poll() is None:
            term.read_for(0.005)
    return (time.perf_counter() - start) * 1000


def peak_rss_mb(args: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run, read from a wrapper that waits for it."""
    code = (
        "import resource, subprocess, sys, os, pty\n"
        "pid, fd = pty.fork()\n"
        "if pid == 0:\n"
        "    os.execvpe(sys.argv[1], sys.argv[1:], os.environ)\n"
        "while True:\n"
        "    try:\n"
        "        if not os.read(fd, 65536): break\n"
        "    except OSError: break\n"
        "os.waitpid(pid, 0)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [PY, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
        timeout=60,
    )
    return int(out.stdout.split()[-1]) / 1024


def key_latencies(
    data_file: Path, setup: str, keys: tuple[str, ...], count: int, args: list[str] | None = None
) -> list[float]:
    """Milliseconds from writing a key until the frame it caused has arrived.

    ``setup`` keys are pressed first (say "n" to open the notes); then ``keys`` are
    sent in turn, ``count`` times in all.
    """
    times = []
    with Terminal(args or app_cmd(data_file)) as term:
        term.wait_for("Line 0" if args else "SPMS Navigator: home")
        term.settle(quiet=0.5)
        for key in setup:
            term.press(key)
        term.settle(quiet=0.5)
        for n in range(count):
            start = time.perf_counter()
            term.send(keys[n % len(keys)])
            # The frame a key causes arrives in one or a few writes, within 4 ms.
            frame, arrived = term.read_frame(0.5, gap=0.004)
            if frame:
                times.append((arrived - start) * 1000)
            term.settle(quiet=0.05)
    return times


#: The app on a disk that turns slow on demand (an SD card, an old hard disk): while
#: the marker file exists, each fsync takes 100 ms. Only this benchmark slows it,
#: from outside the app, so a key can be sent while a save is surely in progress.
SLOW_DISK = (
    "import os, sys, time\n"
    "marker = os.environ['SPMS_BENCH_SLOW_DISK']\n"
    "real_fsync = os.fsync\n"
    "def slow_fsync(fd):\n"
    "    if os.path.exists(marker):\n"
    "        open(marker + '.busy', 'w').close()\n"
    "        time.sleep(0.1)\n"
    "    real_fsync(fd)\n"
    "    if os.path.exists(marker + '.busy'):\n"
    "        os.unlink(marker + '.busy')\n"
    "os.fsync = slow_fsync\n"
    "from tui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def keys_during_saves(
    data_file: Path, count: int, seed: int = 11
) -> tuple[list[float], list[float]]:
    """Times of a move (down or up) in the checklist just after a tick: with the
    disk as it is, where the tick's save is over within milliseconds, and with the
    disk slowed, while the save is still in progress (its slowed fsync is running).

    Both kinds of round take turns in one process, so drift in the machine or the
    app's state hits both alike. Each key waits a random 35 to 95 ms after the
    tick's frame: Textual may hold a frame up to two frame times (1/30 s) after
    the one before, whatever the app does, and the slow save lasts 200 ms. The
    pause between rounds is random too, so the keys do not fall into step with
    Textual's 60 Hz frame clock.
    """
    rng = random.Random(seed)
    marker = data_file.parent / "slow-disk"
    busy = data_file.parent / "slow-disk.busy"  # there while a slowed fsync runs
    quiet: list[float] = []
    during: list[float] = []
    args = [PY, "-c", SLOW_DISK, "--data-file", str(data_file)]
    with Terminal(args, env={"SPMS_BENCH_SLOW_DISK": str(marker)}) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        term.press("c")
        term.settle(quiet=0.5)
        for round_ in range(count * 4):
            if len(quiet) >= count and len(during) >= count:
                break
            slow = round_ % 2 == 1
            if slow:
                marker.touch()
            else:
                marker.unlink(missing_ok=True)
            term.send(" ")
            term.settle(quiet=rng.uniform(0.035, 0.095))
            saving = busy.exists()
            times = during if slow else quiet
            if saving == slow and len(times) < count:
                key = DOWN[0] if (len(quiet) + len(during)) % 2 == 0 else UP
                times.append(time_until_cursor_moves(term, key))
            term.settle(quiet=rng.uniform(0.4, 0.6))  # the save ends; so does the round
            while busy.exists():
                term.settle(quiet=0.05)
        marker.unlink(missing_ok=True)
    return quiet, during


def time_until_cursor_moves(term: Terminal, key: str) -> float:
    """Milliseconds from writing ``key`` until the whole frame that changes the line a
    screen reader reads (the cursor's row) has arrived: exact, whatever else is
    being written, and not counting the time pyte takes to show it."""
    before = (term.screen.cursor.y, term.cursor_line())
    start = time.perf_counter()
    term.send(key)
    while time.perf_counter() - start < 2:
        frame, arrived = term.read_frame(0.5)
        if frame and (term.screen.cursor.y, term.cursor_line()) != before:
            return (arrived - start) * 1000
    return float("nan")


def modules_when_ready(target: str, *args: str, env: dict[str, str]) -> set[str]:
    """The modules a program has imported by the time its first screen is ready.

    ``target`` is a module name (run like ``python -m``) or a script's path.
    """
    code = (
        "import os, sys, runpy\n"
        "target = sys.argv[1]\n"
        "sys.argv = sys.argv[1:]\n"
        "try:\n"
        "    if target.endswith('.py'):\n"
        "        runpy.run_path(target, run_name='__main__')\n"
        "    else:\n"
        "        runpy.run_module(target, run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "open(os.environ['BENCH_REPORT'], 'w').write(' '.join(sys.modules))\n"
    )
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        run_to_exit([PY, "-c", code, target, *args], {**env, "BENCH_REPORT": report.name})
        return set(report.read().split())


def deferred_imports(data_file: Path) -> list[str]:
    """The heavy modules imported before the first screen was ready that bare Textual
    does not import itself (Textual loads Select at start for its own types, say)."""
    ours = modules_when_ready("tui", "--data-file", str(data_file), env={EXIT: "ready"})
    bare = modules_when_ready(BARE[1], env={"BENCH_EXIT": "ready"})
    return [name for name in DEFERRED if name in ours and name not in bare]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument(
        "--only", choices=["cli"], help="cli: only the commands at 1,000 and 50,000 notes"
    )
    args = parser.parse_args()
    if args.only == "cli":
        with tempfile.TemporaryDirectory() as tmp:
            print_cli(cli_rounds(Path(tmp), args.runs))
        return
    with tempfile.TemporaryDirectory() as tmp:
        data_file = Path(tmp) / "navigator.json"
        build(data_file, 1000)
        bare, app, plain = [], [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits all three alike
            bare.append(run_to_exit(BARE, {"BENCH_EXIT": "ready"}))
            app.append(run_to_exit(app_cmd(data_file), {EXIT: "ready"}))
            plain.append(run_to_exit(app_cmd(data_file, "--plain"), {}, typed="q\r"))
        memory: dict[str, list[float]] = {"bare": [], "start": [], "notes": []}
        for _ in range(MEMORY_RUNS):  # interleaved too
            memory["bare"].append(peak_rss_mb(BARE, {"BENCH_EXIT": "ready"}))
            memory["start"].append(peak_rss_mb(app_cmd(data_file), {EXIT: "ready"}))
            memory["notes"].append(peak_rss_mb(app_cmd(data_file), {EXIT: "notes"}))
        mem_bare, mem_start, mem_app = (statistics.median(memory[k]) for k in memory)
        bare_list = [PY, str(ROOT / "bench" / "bare_list.py")]
        rows: dict[str, tuple[str, tuple[str, ...], list[str] | None]] = {
            "bare Textual list (down)": ("", DOWN, bare_list),
            "topic list (down)": ("t", DOWN, None),
            "checklist (down)": ("c", DOWN, None),
            "1,000 notes (down)": ("n", DOWN, None),
            "filter, 1,000 notes (type)": ("n/", ("o", "\x7f"), None),
            "note title, drafts kept (type)": ("na", ("o", "\x7f"), None),
            "checklist tick (saves)": ("c", (" ",), None),
        }
        keys: dict[str, list[float]] = {name: [] for name in rows}
        per_round = max(1, args.keys // KEY_ROUNDS)
        for _ in range(KEY_ROUNDS):  # interleaved, so a noisy moment hits every row alike
            for name, (setup, typed, command) in rows.items():
                keys[name] += key_latencies(data_file, setup, typed, per_round, command)
        # Twice the presses: a 90th percentile of 40 moves with every passing stall.
        slow_quiet, slow_during = keys_during_saves(data_file, 2 * args.keys)
        early = deferred_imports(data_file)
        changes = screen_change_rounds(data_file, KEY_ROUNDS)
        commands = cli_rounds(Path(tmp), args.runs)
        notes_open = notes_open_rounds(Path(tmp), 3)

    b, a, p = (statistics.median(x) for x in (bare, app, plain))
    print(
        f"SPMS Navigator benchmark, {os.cpu_count()} cores. Start-up: medians of {args.runs}"
        f" runs, memory of {MEMORY_RUNS}. Keys: {KEY_ROUNDS} rounds of {per_round} presses"
        " a row, rows taking turns\n"
    )
    print(f"{'measure':<34}{'value':>12}{'ratio':>9}  target")
    print(f"{'start-up, bare Textual app':<34}{b:>10.0f}ms{'1.00':>9}")
    print(
        f"{'start-up, SPMS Navigator':<34}{a:>10.0f}ms{a / b:>9.2f}  <= 1.50 x bare  "
        f"{'met' if a / b <= 1.5 else 'MISSED'}"
    )
    print(
        f"{'start-up, plain line mode':<34}{p:>10.0f}ms{p / b:>9.2f}  <= 0.60 x bare  "
        f"{'met' if p / b <= 0.6 else 'MISSED'}"
    )
    print(f"{'peak memory, bare Textual app':<34}{mem_bare:>10.1f}MB{'1.00':>9}")
    print(
        f"{'peak memory, 1,000 notes listed':<34}{mem_app:>10.1f}MB{mem_app / mem_bare:>9.2f}"
        f"  <= 1.25 x bare  {'met' if mem_app / mem_bare <= 1.25 else 'MISSED'}"
    )
    print(
        f"{'peak memory, 1,000 notes, at start':<34}{mem_start:>10.1f}MB"
        f"{mem_start / mem_bare:>9.2f}  (for comparison)"
    )
    floor = statistics.median(keys["bare Textual list (down)"])
    for name, times in keys.items():
        med, p90 = statistics.median(times), pct(times, 0.9)
        ok = "met" if med <= 8 and p90 <= 16 else "MISSED"
        if "bare" in name:
            ok = "(the baseline)"
        elif "saves" in name:
            ok = "(the save and its redraw; for comparison)"
        elif "type" in name:
            ok = "(typing, not moving; for comparison)"
        label = f"key, {name}"
        ratio = f"{med / floor:.2f}"
        print(f"{label:<34}{med:>10.1f}ms{ratio:>9}  median <= 8, p90 {p90:.1f} <= 16 ms  {ok}")
    quiet, during = statistics.median(slow_quiet), statistics.median(slow_during)
    quiet_p90, during_p90 = pct(slow_quiet, 0.9), pct(slow_during, 0.9)
    unchanged = during / quiet <= 1.2 and during_p90 / quiet_p90 <= 1.5
    print(
        f"{'key, just after a tick (move)':<34}{quiet:>10.1f}ms{'1.00':>9}  "
        f"p90 {quiet_p90:.1f} ms (timed to the screen reader's line)"
    )
    print(
        f"{'key, same, during its save':<34}{during:>10.1f}ms{during / quiet:>9.2f}  "
        f"p90 {during_p90:.1f} ms; unchanged: median <= 1.2 x, p90 <= 1.5 x  "
        f"{'met' if unchanged else 'MISSED'}"
    )
    print_screen_changes(changes)
    print_cli(commands)
    print_notes_open(notes_open)
    print(f"\nheavy modules imported before the first screen: {', '.join(early) or 'none'}")
    print(f"(checked: {', '.join(DEFERRED)})")


if __name__ == "__main__":
    main()
