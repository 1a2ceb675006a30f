"""A hand-made mutation pass over the rules (docs/testing.md, "Mutation pass").

Each mutant is one small change to one rule, the kind of slip a person makes: ``<``
for ``<=``, the last item for the first, a check left out. For each, this puts the
change into the source file, runs the tests that cover that rule, and puts the file
back (always, even on Ctrl+C). A mutant is *killed* when a test fails.

    python -m tests.mutation              # every mutant, a table in Markdown at the end
    python -m tests.mutation search       # only the mutants whose id starts with "search"
    python -m tests.mutation --without tests/test_rules.py    # the suite before it

It edits the working tree: run it alone, on a clean checkout.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = "tests/test_rules.py"


@dataclass(frozen=True)
class Mutant:
    id: str
    rule: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


CHECKINS = (RULES, "tests/test_checkins_data.py", "tests/test_cli_checkins.py")
CHANGES = (RULES, "tests/test_checkins_data.py", "tests/test_cli_checkins.py")
VISITS = (RULES, "tests/test_cli_checkins.py", "tests/test_from_notes_to_action.py")
SEARCH = (RULES, "tests/test_search.py", "tests/test_find_anything.py")
IMPORTS = (RULES, "tests/test_data_safety.py", "tests/test_plain_followup.py")
JOURNAL = (RULES, "tests/test_store.py", "tests/test_data_safety.py", "tests/test_faults.py")
SAVED = (
    RULES,
    "tests/test_background_writes.py",
    "tests/test_status_line.py",
    "tests/test_faults.py",
)

M = Mutant
MUTANTS = [
    M("checkins-zero", "0 skips an area", "tui/core/checkins.py",
      'if wanted in (SKIP, "0"):', "if wanted in (SKIP,):", CHECKINS),
    M("checkins-late", "a reminder is due on its day", "tui/core/checkins.py",
      "if gap < self.every_days():", "if gap <= self.every_days():", CHECKINS),
    M("checkins-default", "every 28 days unless chosen", "tui/core/checkins.py",
      "DEFAULT_EVERY_DAYS = 28", "DEFAULT_EVERY_DAYS = 27", CHECKINS),
    M("checkins-weeks", "4w is 28 days", "tui/core/checkins.py",
      'return number * 7 if unit == "w" else number', "return number", CHECKINS),
    M("checkins-ago", "2 weeks ago from 14 days", "tui/core/checkins.py",
      "if days >= 14:", "if days > 14:", CHECKINS),
    M("checkins-key", "1 to 5 choose a level", "tui/core/checkins.py",
      "return str(self.rank + 1)", "return str(self.rank)", CHECKINS),
    M("checkins-latest", "the latest check-in", "tui/core/checkins.py",
      "return found[-1] if found else None", "return found[0] if found else None", CHECKINS),
    M("changes-first", "judged from the oldest answer", "tui/core/changes.py",
      "first = earlier[0]", "first = earlier[-1]", CHANGES),
    M("changes-harder", "harder only when higher", "tui/core/changes.py",
      "if self.now.rank > first.rank:", "if self.now.rank >= first.rank:", CHANGES),
    M("changes-same", "the same only when every answer is", "tui/core/changes.py",
      "return SAME if all(", "return SAME if any(", CHANGES),
    M("changes-days", "days up to 13", "tui/core/changes.py",
      "if days < 14:", "if days <= 14:", CHANGES),
    M("changes-weeks", "weeks up to 59 days", "tui/core/changes.py",
      "if days < 60:", "if days < 61:", CHANGES),
    M("changes-year", "about a year", "tui/core/changes.py",
      '"about a year before" if years == 1', '"about a year before" if years == 2', CHANGES),
    M("changes-nearest", "the nearest check-in to each point", "tui/core/changes.py",
      "best = min(near, key=", "best = max(near, key=", CHANGES),
    M("changes-reach", "a point reaches half its span", "tui/core/changes.py",
      "max(7, days // 2)", "max(7, days // 4)", CHANGES),
    M("changes-week-unit", "8w is 56 days", "tui/core/changes.py",
      '"w": 7, "m"', '"w": 6, "m"', CHANGES),
    M("changes-updown-listed", "up and down counts as changed", "tui/core/changes.py",
      "a.verdict in (HARDER, EASIER, UP_AND_DOWN)", "a.verdict in (HARDER, EASIER)", CHANGES),
    M("visits-nearest", "the next visit is the nearest planned", "tui/core/visits.py",
      "return coming[-1] if coming else None", "return coming[0] if coming else None", VISITS),
    M("visits-today", "a visit today is the next one", "tui/core/visits.py",
      "coming = [v for v in self.all() if v.day >= today]",
      "coming = [v for v in self.all() if v.day > today]", VISITS),
    M("visits-last", "the last visit is before today", "tui/core/visits.py",
      "before = [v for v in self.all() if v.day < today]",
      "before = [v for v in self.all() if v.day <= today]", VISITS),
    M("visits-raise", "a note is raised at the newest visit", "tui/core/visits.py",
      "return been[0] if been else None", "return been[-1] if been else None", VISITS),
    M("search-prefix", "the start of a word", "tui/core/search.py",
      "word.startswith(query)", "query in word", SEARCH),
    M("search-whole", "not only whole words", "tui/core/search.py",
      "word.startswith(query)", "word == query", SEARCH),
    M("search-case", "any case", "tui/core/search.py",
      "w.lower() for w in _WORD.findall(words)", "w for w in _WORD.findall(words)", SEARCH),
    M("search-every", "every word must match", "tui/core/search.py",
      "if not all(_found(q, everything)", "if not any(_found(q, everything)", SEARCH),
    M("search-title", "a title hit holds every word", "tui/core/search.py",
      "if all(_found(q, title_words)", "if any(_found(q, title_words)", SEARCH),
    M("search-summary", "a summary hit may use the title too", "tui/core/search.py",
      "title_words | summary_words", "summary_words", SEARCH),
    M("search-rank", "titles, then summaries, then text", "tui/core/search.py",
      "return sorted(hits, key=lambda hit: hit.place)", "return hits", SEARCH),
    M("search-sentence", "the sentence with most words", "tui/core/search.py",
      "return max(sentences, key=score)", "return sentences[0]", SEARCH),
    M("import-untick", "an import never un-ticks", "tui/core/importing.py",
      'before[0] or bool(raw.get("done"))', 'bool(raw.get("done"))', IMPORTS),
    M("import-note-twice", "a note already here is not added", "tui/core/importing.py",
      "elif key not in have:", "elif True:", IMPORTS),
    M("import-note-within", "a note twice in one backup", "tui/core/importing.py",
      "            have.add(key)\n", "", IMPORTS),
    M("import-person", "a person already here is not added", "tui/core/importing.py",
      'if (person["name"], person["role"]) not in have_people:', "if True:", IMPORTS),
    M("import-unwanted", "unwanted help is not repeated", "tui/core/importing.py",
      "elif text.strip() not in have_unwanted:", "elif True:", IMPORTS),
    M("merge-contained", "words already held are not repeated", "tui/core/merging.py",
      " or incoming == current or incoming in current:", " or incoming == current:", IMPORTS),
    M("merge-blank", "never blank over words", "tui/core/merging.py",
      "if not incoming.strip() or", "if not incoming or", IMPORTS),
    M("journal-damaged", "damage before good lines is said", "tui/core/journal.py",
      'replay.damaged = raw.find(b"\\n", end + 1) >= 0', "replay.damaged = False", JOURNAL),
    M("journal-crc", "a line must pass its check", "tui/core/journal.py",
      "return body if int(crc, 16) == zlib.crc32(body) else None", "return body", JOURNAL),
    M("journal-cut", "a cut-short line is not damage", "tui/core/journal.py",
      'replay.damaged = raw.find(b"\\n", end + 1) >= 0', "replay.damaged = True", JOURNAL),
    M("saved-failed", "no 'Saved' when the write failed", "tui/app/screens/base.py",
      "            if store.save_failed:\n                return",
      "            if False:\n                return", SAVED),
    M("saved-pending", "'Saved' waits for a newer change", "tui/app/screens/base.py",
      "if message is not None and not self.nav.store.saving:",
      "if message is not None:", SAVED),
]  # fmt: skip


def run(mutant: Mutant, without: set[str]) -> tuple[bool, float]:
    """Put the mutant in, run its tests, take it out. Returns (killed, seconds)."""
    path = ROOT / mutant.file
    original = path.read_text("utf-8")
    if original.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.id}: the text to change is not in {mutant.file} once")
    tests = [t for t in mutant.tests if t not in without]
    started = time.monotonic()
    try:
        path.write_text(original.replace(mutant.old, mutant.new), "utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-x",
                "-n",
                "0",
                "-p",
                "no:cacheprovider",
                *tests,
            ],
            cwd=ROOT,
            capture_output=True,
            check=False,
            timeout=900,
        )
    finally:
        path.write_text(original, "utf-8")
    return done.returncode != 0, time.monotonic() - started


def main(argv: list[str]) -> int:
    without = set()
    if "--without" in argv:
        at = argv.index("--without")
        without.add(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    chosen = [m for m in MUTANTS if not argv or m.id.startswith(tuple(argv))]
    rows = []
    for mutant in chosen:
        killed, seconds = run(mutant, without)
        rows.append((mutant, killed))
        print(f"{'killed ' if killed else 'LIVED  '} {mutant.id} ({seconds:.0f} s)", flush=True)
    print("\n| mutant | rule | killed |\n| --- | --- | --- |")
    for mutant, killed in rows:
        print(f"| {mutant.id} | {mutant.rule} | {'yes' if killed else '**no**'} |")
    total = sum(killed for _, killed in rows)
    print(f"\n{total} of {len(rows)} killed ({100 * total / max(1, len(rows)):.0f}%).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
