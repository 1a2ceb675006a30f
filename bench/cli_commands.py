"""How long commands take at 1,000 and at 50,000 notes, and ``--version`` against bare Python.

A person (or a script run at each login) waits for the whole process: start Python,
open the data file, do the one thing, close. The targets are those of issue 23:
``note add`` at 50,000 notes at most 1.5 times the same command at 1,000 notes (a change
costs what it changes, not the size of years of notes), and ``--version`` at most 3
times a bare ``python -c pass`` (commands that need no data import no storage code).

Each command runs once untimed first (the day's dated backup copy is made by the first
change of the day, and the file gets its journal), then the rows take turns, so a noisy
moment hits every row alike. Run alone with ``python -m bench --only cli``.
"""

from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from bench.store_bench import build

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
SIZES = (1000, 50000)


class Timing(NamedTuple):
    wall: float  # milliseconds from start to exit
    cpu: float  # milliseconds of CPU, user and system


def _env(data_file: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPMS_NAVIGATOR_")}
    env["HOME"] = str(data_file.parent if data_file else ROOT)  # never the real settings
    if data_file is not None:
        env["SPMS_NAVIGATOR_DATA_FILE"] = str(data_file)
    return env


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> Timing:
    """Wall-clock and CPU milliseconds (user and system) of one command. CPU time moves
    less than wall time when other work shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        args, input=stdin, env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return Timing(wall, cpu)


def command_rows(folder: Path) -> dict[str, tuple[list[str], dict[str, str], str]]:
    """Each row's command line, environment and standard input."""
    rows: dict[str, tuple[list[str], dict[str, str], str]] = {
        "bare python -c pass": ([PY, "-c", "pass"], _env(None), ""),
        "--version": ([PY, "-m", "tui", "--version"], _env(None), ""),
    }
    for size in SIZES:
        data_file = folder / f"notes-{size}" / "navigator.json"
        build(data_file, size)
        env = _env(data_file)
        add = [PY, "-m", "tui", "note", "add", "--title", "Stairs"]
        rows[f"note add, {size:,} notes"] = (add, env, "Slower on the stairs today.")
        rows[f"note list, {size:,} notes"] = ([PY, "-m", "tui", "note", "list"], env, "")
        rows[f"due, {size:,} notes"] = ([PY, "-m", "tui", "due", "--quiet"], env, "")
    return rows


def cli_rounds(folder: Path, runs: int) -> dict[str, list[Timing]]:
    """The time of each row, ``runs`` times, rows taking turns."""
    # An installed app has its bytecode compiled by pip; without it (PYTHONDONTWRITEBYTECODE
    # in some shells) every command compiled ~100 modules, 40 ms that no user waits for.
    compileall.compile_dir(ROOT / "tui", quiet=1)
    rows = command_rows(folder)
    for args, env, stdin in rows.values():  # untimed: the day's copy, the journal, disk cache
        subprocess.run(args, input=stdin, env=env, cwd=ROOT, capture_output=True, text=True)
    times: dict[str, list[Timing]] = {name: [] for name in rows}
    for _ in range(runs):
        for name, (args, env, stdin) in rows.items():
            times[name].append(_run(args, env, stdin))
    return times


def print_cli(times: dict[str, list[Timing]]) -> None:
    wall = {name: statistics.median(t.wall for t in values) for name, values in times.items()}
    cpu = {name: statistics.median(t.cpu for t in values) for name, values in times.items()}
    runs = len(next(iter(times.values())))
    print(f"\nCommands (medians of {runs} runs, rows taking turns): wall clock, and CPU time")
    large = f"note add, {SIZES[1]:,} notes"
    small = f"note add, {SIZES[0]:,} notes"
    for name in times:
        note = ""
        if name == "--version":
            base = "bare python -c pass"
            ratio, ratio_cpu = wall[name] / wall[base], cpu[name] / cpu[base]
            met = "met" if ratio <= 3 else "MISSED"
            note = f"{ratio:.2f} x bare python (CPU {ratio_cpu:.2f}); <= 3.00  {met}"
        elif name == large:
            ratio, ratio_cpu = wall[name] / wall[small], cpu[name] / cpu[small]
            met = "met" if ratio <= 1.5 else "MISSED"
            note = f"{ratio:.2f} x at {SIZES[0]:,} (CPU {ratio_cpu:.2f}); <= 1.50  {met}"
        print(f"{name:<30}{wall[name]:>8.0f} ms{cpu[name]:>8.0f} ms CPU  {note}")


def main(runs: int = 10) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print_cli(cli_rounds(Path(tmp), runs))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
