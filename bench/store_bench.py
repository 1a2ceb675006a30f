"""Store speed at 100 to 50,000 notes: save, search and open, medians in milliseconds.

Also: how long a save holds up the caller's (the UI's) thread when the app's
writer thread does the disk work, and how long importing a backup of that many
notes takes (both at 10,000 notes and more).

Run: python -m bench.store_bench [--sizes 100,1000,10000,50000] [--repeat 30]
It builds its own data in a temporary folder. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from tui.core import backup, schema
from tui.core.durable import atomic_write_bytes
from tui.core.service import open_navigator

WORDS = [
    "tired",
    "walking",
    "bladder",
    "sleep",
    "neurologist",
    "balance",
    "pain",
    "hands",
    "vision",
    "mood",
    "fog",
    "stairs",
    "physio",
    "meals",
    "transport",
    "sister",
    "helpline",
    "insurance",
    "cost",
    "stiffness",
    "numbness",
    "heat",
]
TARGETS_AT_10K = {"save": 15.0, "search": 10.0, "open": 30.0, "ui-block": 16.0, "import": 3000.0}
TARGETS_AT_50K = {"save": 30.0, "open": 150.0}


def build(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    tables = schema.empty_tables()
    stamp = schema.now_stamp()
    tables[schema.NOTES] = {
        i: schema.Note(
            title=" ".join(rng.choices(WORDS, k=4)),
            body=" ".join(rng.choices(WORDS, k=60)),
            created=stamp,
            updated=stamp,
        )
        for i in range(1, count + 1)
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, schema.encode(tables))


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(count: int, repeat: int, folder: Path) -> dict[str, float]:
    path = folder / f"n{count}" / "navigator.json"
    build(path, count)

    def open_for_home_screen() -> None:
        """What start-up needs: the file opened and checked, progress and the note count."""
        nav = open_navigator(path)
        nav.checklist.progress()
        nav.notes.count()
        nav.store.close()

    def open_and_list() -> None:
        nav = open_navigator(path)
        nav.notes.all()
        nav.store.close()

    results = {
        "open": median_ms(open_for_home_screen, max(5, repeat // 3)),
        "open+list": median_ms(open_and_list, max(5, repeat // 3)),
    }
    nav = open_navigator(path)
    try:
        nav.notes.all()
        results["save"] = median_ms(lambda: nav.notes.create("Benchmark", "x " * 100), repeat)
        results["search"] = median_ms(lambda: nav.notes.all("neurologist stairs"), repeat)
    finally:
        nav.store.close()
    nav = open_navigator(path)
    try:  # as the full-screen app saves: the disk work on the writer thread
        nav.store.write_in_background(lambda _problem: None)
        nav.notes.all()

        def save_and_let_the_writer_finish() -> float:
            start = time.perf_counter()
            nav.notes.create("Benchmark", "x " * 100)
            blocked = (time.perf_counter() - start) * 1000
            nav.store.wait_for_writes()
            return blocked

        results["ui-block"] = statistics.median(
            save_and_let_the_writer_finish() for _ in range(repeat)
        )
    finally:
        nav.store.close()
    return results


def import_ms(count: int, folder: Path) -> float:
    """Plan and carry out the import of a JSON backup of ``count`` notes into an empty file."""
    source = folder / f"import{count}" / "navigator.json"
    build(source, count)
    nav = open_navigator(source)
    try:
        data = backup.export_data(nav)
    finally:
        nav.store.close()
    target = folder / f"import{count}" / "empty" / "navigator.json"
    nav = open_navigator(target)
    try:
        start = time.perf_counter()
        backup.apply_import(nav, backup.plan_import(nav, data))
        took = (time.perf_counter() - start) * 1000
        assert nav.notes.count() == count
        return took
    finally:
        nav.store.close()


def stock_tinydb_save(count: int, repeat: int, folder: Path) -> float:
    """For comparison: TinyDB's own JSONStorage saving one note into the same file."""
    path = folder / f"stock{count}" / "navigator.json"
    build(path, count)
    db = TinyDB(path)
    table = db.table("notes")
    try:
        return median_ms(lambda: table.insert({"title": "Benchmark", "body": "x " * 100}), repeat)
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(
            f"{'notes':>7} {'save ms':>9} {'search ms':>10} {'open ms':>9} {'open+list ms':>13}"
            f" {'ui-block ms':>12} {'import ms':>10}"
        )
        for count in sizes:
            r = measure(count, args.repeat, folder)
            r["import"] = import_ms(count, folder) if count <= 10_000 else float("nan")
            print(
                f"{count:>7} {r['save']:>9.2f} {r['search']:>10.2f} {r['open']:>9.2f}"
                f" {r['open+list']:>13.2f} {r['ui-block']:>12.2f} {r['import']:>10.0f}"
            )
            targets = {10_000: TARGETS_AT_10K, 50_000: TARGETS_AT_50K}.get(count, {})
            if targets:
                verdict = ", ".join(
                    f"{k} {'meets' if r[k] <= v else 'MISSES'} <={v:g} ms"
                    for k, v in targets.items()
                )
                print(f"        targets at {count:,} notes: {verdict}")
        if 10_000 in sizes:
            stock = stock_tinydb_save(10_000, max(5, args.repeat // 3), folder)
            print(f"stock TinyDB JSONStorage save at 10,000 notes: {stock:.2f} ms (for comparison)")


if __name__ == "__main__":
    main()
