"""The main journeys, heard through real screen readers: Orca (X, AT-SPI) and Fenrir (PTY).

Each step asserts what a person hears (tests/readers/speech.py: 30 characters a
second, cut off by the reader itself), not what is on the screen: the screen's
name, the item in focus, the result of each action and each dialog's question.
Back and No are taken with keys Fenrir's default terminal keymap leaves alone
(it takes Escape and F1), and no glyph is ever spoken. Without the readers the
tests are skipped, naming the install command; CI sets SPMS_REQUIRE_READERS=1.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from tests.readers import READERS, Heard, ReaderSession, glyphs_in, noise_in, reader_session
from tests.readers import require_reader as _require
from tui.core.content import load_library

#: The topics screen's first words, with as many topics as the app ships.
TOPICS_HEADING = f"Topics: {len(load_library().topics)} to read"

#: Each step: a key (or "type:" and text), then phrases a person must hear.
JOURNEY: list[tuple[str, tuple[str, ...]]] = [
    # home -> topics -> open a topic -> Back, without Escape
    ("t", (TOPICS_HEADING, "What SPMS is")),
    ("enter", ("Topic: What SPMS is", "What secondary progressive MS is")),
    ("b", (TOPICS_HEADING, "What SPMS is")),
    ("b", ("SPMS Navigator: home", "Topics. Key t.")),
    # tick a checklist item
    ("c", ("checklist", "checklist. 0 of 21 done", "See a neurologist")),
    ("space", ("Saved. Done: See a neurologist", "1 of 21 done")),
    ("down", ("Know who else is on your care team: not done yet",)),
    # add a note and save it
    ("n", ("Notes", "You have no notes yet")),
    ("a", ("New note", "Title:")),
    ("type:Heat", ()),
    ("ctrl+s", ("Saved the note",)),
    # The result rests on the cursor's line until the next key (Orca reads up to it).
    ("ctrl+g", ("Notes", "Saved the note")),
    # delete a note: answer No, then Yes
    ("d", ("Delete the note 'Heat'? This cannot be undone.", "No, keep it")),
    ("n", ("Kept. Nothing was deleted.",)),
    ("d", ("Delete the note 'Heat'?",)),
    ("y", ("Deleted the note 'Heat'",)),  # the result, on the cursor's line
    # export the visit summary
    ("v", ("Prepare for a visit", "Next visit: not planned yet")),
    ("e", ("Export the summary", "File:")),
    ("enter", ("Exported the summary",)),
    # help
    ("?", ("Help for the Prepare for a visit screen", "e: Export summary")),
    ("b", ("Prepare for a visit",)),
]


def _step(session: ReaderSession, key: str) -> Heard:
    if key.startswith("type:"):
        return session.type(key.removeprefix("type:"))
    return session.press(key)


@pytest.mark.parametrize("reader", READERS)
def test_every_step_of_the_journeys_is_heard(reader: str, data_file: Path) -> None:
    _require(reader)
    # The export's default folder: the person's home. A short path, as a person's
    # home is: with pytest's long folder names in the export's field and result, the
    # screen's one write passed 4,095 bytes, which a pty hands on in two reads, and
    # when the second held only the cursor's move Fenrir cut the screen off to read
    # the cursor's line (docs/screen-readers.md, "Left").
    with tempfile.TemporaryDirectory(prefix="h", dir="/tmp") as short:
        home = Path(short)
        with reader_session(reader, data_file, env={"HOME": str(home)}) as session:
            session.wait_until_ready()
            said: list[str] = []
            for key, phrases in JOURNEY:
                heard = _step(session, key)
                said += heard.utterances
                for phrase in phrases:
                    missed = f"{reader}, after {key!r}, {phrase!r} was not heard."
                    assert heard.heard(phrase), f"{missed}\n{session.transcript()}"
            assert glyphs_in(said) == [], session.transcript()
            # "has attribute" was a third of Fenrir's speech; now at most the step into a field.
            assert len(noise_in(said)) <= 2, session.transcript()
            session.press("q")
            assert session.exited(timeout=10), session.transcript()
        assert list(home.glob("appointment-*.txt")) or list(home.glob("appointment-*.md"))


def test_escape_is_taken_by_fenrir_and_back_still_works(data_file: Path) -> None:
    """Fenrir's terminal keymap takes Escape (stop speech) and F1 (its tutorial): the
    app must not need them. Every Back and No of the journeys above used other keys."""
    _require("fenrir")
    with reader_session("fenrir", data_file) as session:
        session.wait_until_ready()
        assert session.press("t").heard("Topics")
        assert session.press("escape").chars == 0  # Fenrir kept it: nothing happened
        assert session.press("left").heard("SPMS Navigator: home")  # Lynx's Back
        assert session.press("c").heard("checklist")
        assert session.press("backspace").heard("SPMS Navigator: home")


@pytest.mark.parametrize("reader", READERS)
def test_the_plain_mode_is_heard_from_the_top(reader: str, data_file: Path) -> None:
    """Long output stops at a More prompt, so a topic and the checklist are heard from
    their first line (before paging they scrolled away: readers began at "Contacts")."""
    _require(reader)
    app = [sys.executable, "-m", "tui", "--plain", "--data-file", str(data_file)]
    with reader_session(reader, data_file, app=app) as session:
        session.wait_until_ready()
        steps = [
            ("t", ("Topics.", "1. What SPMS is.")),
            ("2", ("Topic: Social and emotional support.", "Your feelings.")),
            ("c", ("network checklist. Progress: 0 of 21 done.", "1. See a neurologist")),
        ]
        for typed, phrases in steps:
            session.type(typed)
            heard = session.press("enter")
            for phrase in phrases:
                assert heard.heard(phrase), f"{reader}: {phrase!r}\n{session.transcript()}"
            assert glyphs_in(heard.utterances) == []
