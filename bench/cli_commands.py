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
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.store_bench import build

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
SIZES = (1000, 50000)


def _env(data_file: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPMS_NAVIGATOR_")}
    env["HOME"] = str(data_file.parent if data_file else ROOT)  # never the real settings
    if data_file is not None:
        env["SPMS_NAVIGATOR_DATA_FILE"] = str(data_file)
    return env


def _ms(args: list[str], env: dict[str, str], stdin: str = "") -> float:
    start = time.perf_counter()
    subprocess.run(args, input=stdin, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return (time.perf_counter() - start) * 1000


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


def cli_rounds(folder: Path, runs: int) -> dict[str, list[float]]:
    """Milliseconds of each row, ``runs`` times, rows taking turns."""
    # An installed app has its bytecode compiled by pip; without it (PYTHONDONTWRITEBYTECODE
    # in some shells) every command compiled ~100 modules, 40 ms that no user waits for.
    compileall.compile_dir(ROOT / "tui", quiet=1)
    rows = command_rows(folder)
    for args, env, stdin in rows.values():  # untimed: the day's copy, the journal, disk cache
        subprocess.run(args, input=stdin, env=env, cwd=ROOT, capture_output=True, text=True)
    times: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(runs):
        for name, (args, env, stdin) in rows.items():
            if name.startswith("due"):  # exits 1 when nothing is due, as grep does
                start = time.perf_counter()
                subprocess.run(args, env=env, cwd=ROOT, capture_output=True, check=False)
                times[name].append((time.perf_counter() - start) * 1000)
            else:
                times[name].append(_ms(args, env, stdin))
    return times


def print_cli(times: dict[str, list[float]]) -> None:
    median = {name: statistics.median(values) for name, values in times.items()}
    runs = len(next(iter(times.values())))
    print(f"\nCommands (medians of {runs} runs, rows taking turns)")
    bare = median["bare python -c pass"]
    small, large = (median[f"note add, {size:,} notes"] for size in SIZES)
    for name, value in median.items():
        note = ""
        if name == "--version":
            ratio = value / bare
            met = "met" if ratio <= 3 else "MISSED"
            note = f"{ratio:.2f} x bare python; <= 3.00  {met}"
        elif name == f"note add, {SIZES[1]:,} notes":
            ratio = large / small
            met = "met" if ratio <= 1.5 else "MISSED"
            note = f"{ratio:.2f} x at {SIZES[0]:,}; <= 1.50  {met}"
        print(f"{name:<34}{value:>10.0f}ms  {note}")


def main(runs: int = 10) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print_cli(cli_rounds(Path(tmp), runs))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
