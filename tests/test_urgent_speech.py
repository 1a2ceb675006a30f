"""Urgent help is heard first and heard right (issue 21): read aloud by espeak-ng at its
default rate, the screen's first number is spoken in full within 3 seconds of the
screen's first word, and every number people dial digit by digit is said digit by digit.

espeak-ng is the synthesizer under Orca and Fenrir on Debian (tests/system-packages.sh
installs it). Without it these tests are skipped, saying so; with SPMS_REQUIRE_READERS=1
(CI) they fail instead, as the screen-reader tests do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from tests.pilot_helpers import heading_text, highlighted_text, running_app
from tests.terminal import Terminal
from tui.app.screens.urgent import UrgentHelpScreen
from tui.core.content import default_library

#: A number as the urgent lines write it: "9 8 8", "1 1 6 1 2 3", "13 11 14" (the app joins
#: the groups with no-break spaces, tui.core.text.keep_numbers_whole).
NUMBER = re.compile(r"\b\d+(?:[ \u00a0]\d+)*\b")  # not the 988 of 988lifeline.org
#: espeak-ng's phonemes for "hundred" and "thousand": a number said as an amount.
AS_AN_AMOUNT = ("h'VndrI", "T'aUz@nd")
SECONDS_TO_FIRST_NUMBER = 3.0


def espeak() -> str:
    found = shutil.which("espeak-ng")
    if found is None:
        message = "espeak-ng is not installed: run 'sh tests/system-packages.sh' as root"
        if os.environ.get("SPMS_REQUIRE_READERS") == "1":
            pytest.fail(f"{message} (SPMS_REQUIRE_READERS=1)", pytrace=False)
        pytest.skip(message)
    return found


def seconds_spoken(text: str, wav: Path) -> float:
    """How long espeak-ng, at its default rate and voice, takes to say ``text``."""
    subprocess.run([espeak(), "-w", str(wav), text], check=True, timeout=30)
    with wave.open(str(wav)) as sound:
        frames: int = sound.getnframes()
        rate: int = sound.getframerate()
    return frames / rate


def up_to_first_number(text: str) -> str:
    match = NUMBER.search(text)
    assert match, f"No number in {text!r}"
    return text[: match.end()]


async def test_the_first_number_is_heard_within_three_seconds(
    data_file: Path, tmp_path: Path
) -> None:
    espeak()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("u")
        assert isinstance(app.screen, UrgentHelpScreen)
        heard = f"{heading_text(app)}. {highlighted_text(app)}"
    assert heard.startswith("Urgent help. ")
    spoken = up_to_first_number(heard)
    seconds = seconds_spoken(spoken, tmp_path / "urgent.wav")
    assert seconds <= SECONDS_TO_FIRST_NUMBER, f"{spoken!r} takes {seconds:.1f} s to say"


def test_every_number_on_the_urgent_screen_is_said_digit_by_digit() -> None:
    """Written "988", it is said "nine hundred and eighty-eight"; "9 8 8" is "nine eight eight".
    Lifeline's 13 11 14 is dialled and said in pairs ("thirteen eleven fourteen")."""
    for line in default_library().app.urgent_help:
        for number in NUMBER.findall(line):
            phonemes = subprocess.run(
                [espeak(), "-q", "-x", number], capture_output=True, text=True, check=True
            ).stdout
            assert not any(amount in phonemes for amount in AS_AN_AMOUNT), (number, phonemes)


#: A phone number however it is written: digit groups joined by hyphens or spaces (no-break
#: or not), "(800) 532-7667" too; not a range ("60-80%") nor a date's parts.
ANY_PHONE = re.compile(
    r"(?<![\w.,])\(?\d+\)?(?:(?:[ \u00a0]*-[ \u00a0]*|[ \u00a0]{1,2})\(?\d+\)?)+(?![\w%])"
)
#: espeak-ng's phonemes for "dash": "1-800" is "one dash eight hundred".
DASH = "d'aS"


def test_every_phone_number_in_the_content_is_said_digit_by_digit() -> None:
    """Every phone number a person can read (topics, contacts, checklist, urgent help) is
    said by espeak-ng as it is dialled: "1-800-344-4867" was "one dash eight hundred dash
    three hundred and forty-four ...", and "0808 800 8000" had "eight thousand"."""
    library = default_library()
    parts = [*library.app.urgent_help]
    for topic in library.topics:
        parts += [topic.summary, *(b.text for b in topic.blocks)]
        parts += [c.sentence() for c in topic.contacts]
    parts += [f"{item.text} {item.why}" for item in library.checklist]
    numbers = set(ANY_PHONE.findall("\n".join(parts)))
    as_read = {number.replace("\u00a0", " ") for number in numbers}
    assert {"1 - 8 0 0 - 3 4 4 - 4 8 6 7", "(8 0 0) 5 3 2 - 7 6 6 7"} <= as_read, as_read
    assert {"0 8 0 8  8 0 0  8 0 0 0", "13 11 14", "9 8 8"} <= as_read, as_read
    for number in sorted(numbers):
        phonemes = subprocess.run(
            [espeak(), "-q", "-x", f"call {number}, then"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        said_as_an_amount = any(amount in phonemes for amount in AS_AN_AMOUNT)
        assert not said_as_an_amount and DASH not in phonemes, (number, phonemes)


@pytest.mark.parametrize(("columns", "rows"), [(60, 20), (80, 24)])
def test_the_cursor_line_carries_a_number_and_no_number_is_cut(
    data_file: Path, columns: int, rows: int
) -> None:
    """What a braille display shows as the screen opens is the cursor's line: it must
    name the screen or hold a number, on the smallest terminal (60 by 20) and the usual."""
    with Terminal.app(data_file, columns=columns, rows=rows) as term:
        term.wait_for("SPMS Navigator")
        term.press("u")
        term.wait_for("Urgent help")
        term.settle()
        line = term.cursor_line()
        # A no-break space is a space on the screen: compare as a reader hears it.
        shown_rows = [row.replace("\u00a0", " ").strip() for row in term.screen.display]
    assert "Urgent help" in line or NUMBER.search(line), line
    # No number is cut in two at the end of a row: a reader would say half of it.
    shown = " ".join(shown_rows)
    numbers = {
        n.replace("\u00a0", " ")
        for text in default_library().app.urgent_help
        for n in NUMBER.findall(text)
    }
    for number in numbers:
        whole = sum(row.count(number) for row in shown_rows)
        assert whole == shown.count(number), (number, shown_rows)


#: Capitals said as a word on purpose: how people say them (PIP is "pip" in the UK), or
#: the name itself (text SHOUT, GOV.UK, ARCH).
SAID_AS_WORDS = {"PIP", "SHOUT", "ARCH", "GOV", "OK"}


def test_every_abbreviation_in_the_content_is_spelled_out_by_the_synthesizer() -> None:
    """espeak-ng reads "ESA" as "essa", "DVLA" as "deevla" and "ADA" as "ayda": an
    abbreviation must be one it spells letter by letter (each letter carries a stress
    mark in its phonemes), be written with spaces ("D V L A"), or be named in full."""
    from tests.test_content import _all_user_text

    text = _all_user_text()
    for word in sorted(set(re.findall(r"\b[A-Z]{2,}\b", text)) - SAID_AS_WORDS):
        phonemes = subprocess.run(
            [espeak(), "-q", "-x", word], capture_output=True, text=True, check=True
        ).stdout
        stresses = phonemes.count(",") + phonemes.count("'")
        assert stresses >= len(word), f"espeak-ng says {word!r} as a word: {phonemes.strip()}"
