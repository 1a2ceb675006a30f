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
    args = parser.parse_args(argv)
    readers = [name.strip() for name in args.readers.split(",") if name.strip()]
    for reader in readers:
        try:
            check_reader(reader)
        except ReaderUnavailable as missing:
            print(f"{reader}: {missing}", file=sys.stderr)
            return 1
    began = time.monotonic()
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
