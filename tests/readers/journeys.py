"""Measure what each screen reader says on the main journeys of the app.

    python -m tests.readers.journeys [--readers orca,fenrir] [--transcripts FILE]

Prints a Markdown table: per step, what a person hears under each reader (cut to
fit) and how many characters that is (at 30 characters a second: see speech.py).
Each journey starts the app afresh; the journeys of one reader share a data file,
so the note added in one is there to delete in the next.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.readers import READERS, ReaderUnavailable, check_reader, reader_session
from tests.readers.speech import CHARACTERS_PER_SECOND, Heard, glyphs_in, noise_in


@dataclass(frozen=True)
class Step:
    """A key to press (or text to type), for one reader only when ``only`` is set."""

    key: str
    what: str
    typed: bool = False
    only: str | None = None


@dataclass(frozen=True)
class Journey:
    name: str
    steps: tuple[Step, ...]


JOURNEYS = (
    Journey(
        "Topics",
        (
            Step("t", "Topics"),
            Step("enter", "open the first topic"),
            Step("b", "Back"),
            Step("b", "Back to home"),
        ),
    ),
    Journey("Checklist", (Step("c", "Checklist"), Step("space", "tick the first item"))),
    Journey(
        "Add a note",
        (
            Step("n", "Notes"),
            Step("a", "new note"),
            Step("Heat", "type a title", typed=True),
            Step("ctrl+s", "save"),
            Step("ctrl+g", "save and go back"),
        ),
    ),
    Journey(
        "Delete a note",
        (
            Step("n", "Notes"),
            Step("d", "delete?"),
            Step("n", "No"),
            Step("d", "delete?"),
            Step("y", "Yes"),
        ),
    ),
    Journey("Visit", (Step("v", "Prepare for a visit"), Step("e", "export"), Step("enter", "OK"))),
    Journey("Help", (Step("?", "Help"), Step("b", "Back"))),
    Journey(
        "Keys Fenrir takes",
        (
            Step("t", "Topics", only="fenrir"),
            Step("escape", "Escape (Fenrir: stop speech)", only="fenrir"),
            Step("left", "Back, Left arrow", only="fenrir"),
        ),
    ),
)


@dataclass(frozen=True)
class PacedStep:
    """One step of the paced journey: a key (or text typed), the words a person must
    hear before the next key, and what the braille line must show (any one of them,
    in its first 40 cells: the focus or the result)."""

    key: str
    words: tuple[str, ...]
    braille: tuple[str, ...]
    typed: bool = False

    @property
    def name(self) -> str:
        return f"type {self.key!r}" if self.typed else self.key


#: The journey of tests/test_readers_journeys.py, paced: keys PACE_SECONDS apart.
PACED_JOURNEY = (
    PacedStep("t", ("Topics:", "to read", "What SPMS is"), ("What SPMS is",)),
    PacedStep(
        "enter", ("Topic: What SPMS is", "What secondary progressive MS is"), ("What SPMS is",)
    ),
    PacedStep("b", ("Topics:", "to read", "What SPMS is"), ("What SPMS is",)),
    PacedStep("b", ("SPMS Navigator: home", "Topics. Key t."), ("Topics. Key t.",)),
    PacedStep(
        "c", ("checklist", "checklist. 0 of 21 done", "See a neurologist"), ("See a neurologist",)
    ),
    PacedStep("space", ("Saved. Done: See a neurologist", "1 of 21 done"), ("Done: See a",)),
    PacedStep(
        "down", ("Know who else is on your care team: not done yet",), ("Know who else is on",)
    ),
    PacedStep("n", ("Notes", "You have no notes yet"), ("You have no notes yet",)),
    PacedStep("a", ("New note", "Title:"), ("Title:",)),
    PacedStep("Heat", tuple("Heat"), ("Title: Heat",), typed=True),  # each letter echoed
    PacedStep("ctrl+s", ("Saved the note",), ("Saved the note",)),
    # A key's result rests on the cursor's line until the next key (issue 19, item 2).
    PacedStep("ctrl+g", ("Notes", "Saved the note"), ("Saved the note",)),
    PacedStep(
        "d",
        ("Delete the note 'Heat'? This cannot be undone.", "No, keep it"),
        ("Delete the note 'Heat'?",),
    ),
    PacedStep("n", ("Kept. Nothing was deleted.",), ("Kept.",)),
    PacedStep("d", ("Delete the note 'Heat'?",), ("Delete the note 'Heat'?",)),
    PacedStep("y", ("Deleted the note 'Heat'",), ("Deleted the note",)),
    PacedStep("v", ("Prepare for a visit", "Next visit: not planned yet"), ("Next visit",)),
    PacedStep("e", ("Export the summary", "File:"), ("File:",)),
    PacedStep("enter", ("Exported the summary",), ("Exported the summary",)),
    PacedStep(
        "?",
        ("Help for the Prepare for a visit screen", "e: Export summary"),
        ("Help for the Prepare", "e: Export summary"),
    ),
    PacedStep("b", ("Prepare for a visit",), ("Prepare for a visit", "Next visit")),
)

#: Escape as Back and as No, the way Orca's users go back (Fenrir takes Escape as its stop
#: key, so this journey is Orca's). Orca speaks a change after Escape only if it ends at
#: the cursor (tui/app/quiet_keys.py). The data file starts with one note, "Heat".
ESCAPE_JOURNEY = (
    PacedStep("t", ("Topics:", "What SPMS is"), ("What SPMS is",)),
    PacedStep("escape", ("SPMS Navigator: home", "Topics. Key t."), ("SPMS Navigator: home",)),
    PacedStep("n", ("Notes", "Heat"), ("Heat",)),
    PacedStep("a", ("New note", "Title:"), ("Title:",)),
    PacedStep("escape", ("Notes", "Nothing was written"), ("Notes. Nothing was",)),
    PacedStep("d", ("Delete the note 'Heat'?",), ("Delete the note 'Heat'?",)),
    PacedStep("escape", ("Kept. Nothing was deleted.",), ("Kept.",)),
    PacedStep("u", ("Urgent help", "9 8 8"), ("call or text",)),
    PacedStep("escape", ("Notes", "Heat"), ("Notes. Heat",)),
)


def paced_labels(journey: tuple[PacedStep, ...] = PACED_JOURNEY) -> list[str]:
    """A name for each paced step, unique: its number and key ("13 d")."""
    return [f"{number:02d} {step.name}" for number, step in enumerate(journey, 1)]


def run_paced(
    reader: str,
    data_file: Path,
    env: dict[str, str] | None = None,
    journey: tuple[PacedStep, ...] = PACED_JOURNEY,
) -> list[Heard]:
    """A paced journey under ``reader``: what was heard at each step, in order."""
    with reader_session(reader, data_file, env=env) as session:
        session.wait_until_ready()
        heard = [session.paced(step.key, typed=step.typed) for step in journey]
        return heard


def paced_failures(step: PacedStep, heard: Heard) -> list[str]:
    """What a person missed at ``step``, in sentences (empty when all was well)."""
    if step.typed:  # the letters typed, echoed in order (a line re-read has them too)
        missed = [] if heard.heard_in_order(step.words) else [f"{step.key!r} not echoed"]
    else:
        missed = [f"{word!r} not heard" for word in step.words if not heard.heard(word)]
    if not any(heard.braille_shows(text) for text in step.braille):
        missed.append(f"braille shows {heard.braille[:40]!r}, not {' or '.join(step.braille)!r}")
    return missed


def before_the_point(step: PacedStep, heard: Heard) -> int | None:
    """Characters the reader sent before the last of the step's words began (None when
    one was never sent): at 30 a second, the wait for the point of the step."""
    places = [heard.chars_before(word) for word in step.words]
    return None if None in places else max((p for p in places if p is not None), default=0)


def paced_table(results: dict[str, list[Heard]]) -> str:
    """Per step and reader: heard in time or not, characters before the point (the
    first word the step must say), and the braille line's first 40 cells."""
    readers = list(results)
    head = "| step |" + "".join(
        f" {r}: ok | {r}: before the point | {r}: braille |" for r in readers
    )
    lines = [head, "|" + " --- |" * (1 + 3 * len(readers))]
    for index, (label, step) in enumerate(zip(paced_labels(), PACED_JOURNEY, strict=True)):
        line = f"| {label} |"
        for reader in readers:
            heard = results[reader][index]
            missed = paced_failures(step, heard)
            point = before_the_point(step, heard)
            line += f" {'yes' if not missed else 'NO: ' + '; '.join(missed)} |"
            line += f" {'never said' if point is None else point} |"
            line += f" {cell(heard.braille[:40].strip(), 42)} |"
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class Row:
    journey: str
    step: str
    heard: dict[str, Heard]


def labels(journey: Journey) -> list[str]:
    """A name for each step of ``journey``, unique within it, in order."""
    names: list[str] = []
    for step in journey.steps:
        name = f"{step.key!r} typed" if step.typed else step.key
        name = f"{name} ({step.what})"
        names.append(name + ", again" if name in names else name)
    return names


def run(readers: list[str], data_dir: Path) -> tuple[list[Row], list[str]]:
    """Run every journey under ``readers``; the rows of the table and the transcripts."""
    rows: list[Row] = []
    transcripts: list[str] = []
    for journey in JOURNEYS:
        names = labels(journey)
        heard: dict[str, dict[str, Heard]] = {"start": {}, **{name: {} for name in names}}
        for reader in readers:
            with reader_session(reader, data_dir / reader / "navigator.json") as session:
                heard["start"][reader] = session.wait_until_ready()
                for name, step in zip(names, journey.steps, strict=True):
                    if step.only in (None, reader):
                        typed = session.type if step.typed else session.press
                        heard[name][reader] = typed(step.key)
                transcripts.append(f"## {journey.name}\n\n{session.transcript()}")
        rows += [Row(journey.name, name, by_reader) for name, by_reader in heard.items()]
    return rows, transcripts


def cell(text: str, width: int) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: list[Row], readers: list[str], width: int) -> str:
    head = "| journey | step |" + "".join(f" {r}: heard | chars |" for r in readers)
    lines = [head, "|" + " --- |" * (2 + 2 * len(readers))]
    for row in rows:
        line = f"| {row.journey} | {row.step} |"
        for reader in readers:
            heard = row.heard.get(reader)
            if heard is None:
                line += " — | |"
            else:
                line += f" {cell(heard.spoken, width) or '(nothing)'} | {heard.chars} |"
        lines.append(line)
    return "\n".join(lines)


def summary(rows: list[Row], readers: list[str]) -> str:
    lines = []
    for reader in readers:
        steps = [row.heard[reader] for row in rows if reader in row.heard]
        said = [text for heard in steps for text in heard.utterances]
        heard = sum(h.chars for h in steps)
        glyphs = "".join(glyphs_in(said)) or "none"
        noise = ", ".join(noise_in(said)) or "none"
        lines.append(
            f"- {reader}: {len(steps)} steps; {heard} characters heard"
            f" ({heard / CHARACTERS_PER_SECOND:.0f} s) of {sum(h.sent_chars for h in steps)} sent;"
            f" {len(said)} utterances, {sum(1 for t in said if glyphs_in(t))} with glyphs"
            f" ({glyphs}), {sum(1 for t in said if noise_in(t))} with noise ({noise});"
            f" {sum(1 for h in steps if not h.chars)} steps with nothing heard."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What each screen reader says on the journeys.")
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--width", type=int, default=110, help="cut heard text to this")
    parser.add_argument("--transcripts", type=Path, help="write every step's utterances here")
    parser.add_argument(
        "--paced", action="store_true", help="the paced journey: keys 3 s apart, braille too"
    )
    args = parser.parse_args(argv)
    readers = [name.strip() for name in args.readers.split(",") if name.strip()]
    for reader in readers:
        try:
            check_reader(reader)
        except ReaderUnavailable as missing:
            print(f"{reader}: {missing}", file=sys.stderr)
            return 1
    began = time.monotonic()
    if args.paced:
        with tempfile.TemporaryDirectory(prefix="spms-journeys-") as data_dir:
            results = {}
            for reader in readers:
                home = Path(data_dir) / reader / "home"
                home.mkdir(parents=True)
                data_file = Path(data_dir) / reader / "navigator.json"
                results[reader] = run_paced(reader, data_file, {"HOME": str(home)})
        print(paced_table(results))
        print(f"\n(measured in {time.monotonic() - began:.0f} s)")
        if args.transcripts:
            described = [h.describe() for heard in results.values() for h in heard]
            args.transcripts.write_text("\n".join(described) + "\n")
        return 0
    with tempfile.TemporaryDirectory(prefix="spms-journeys-") as data_dir:
        rows, transcripts = run(readers, Path(data_dir))
    print(table(rows, readers, args.width))
    print()
    print(summary(rows, readers))
    print(f"\n(measured in {time.monotonic() - began:.0f} s)")
    if args.transcripts:
        args.transcripts.write_text("\n\n".join(transcripts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
