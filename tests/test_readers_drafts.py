"""After a crash, the offer of the unsaved words is the first thing heard at start.

A person types a note, the app is killed (SIGKILL: a crash, a power cut), and the
app is started again under the same reader (Orca, Fenrir and yasr). Before anything
else the person must hear that words were kept, and what they are; a reader that reads
the home screen first would bury the offer behind it (or, cut by the next key, lose it).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.readers import MORE_READERS, READERS, reader_session
from tests.readers import require_reader as _require

OFFER = "When the app last closed, a new note, Heat was not saved yet"
#: The offer starts within this many characters of what is heard at start (room for
#: the reader's own words about the terminal, and nothing of the home screen).
OFFER_WITHIN = 40


@pytest.mark.parametrize("reader", READERS + MORE_READERS)
def test_the_offer_of_a_draft_is_heard_first_after_a_crash(reader: str, data_file: Path) -> None:
    _require(reader)
    with reader_session(reader, data_file) as session:
        session.wait_until_ready()
        session.press("n")
        session.press("a")
        session.type("Heat")
        time.sleep(0.4)  # the draft is written within a moment of the last key
        session.crash_app()
        session.exited(timeout=10)
    with reader_session(reader, data_file) as session:
        start = session.wait_until_ready(said=OFFER)

        # Blank rows (a terminal cleared at start) reach the log as ", , ,": nothing is
        # heard there, so they do not count as words before the offer.
        def words(text: str) -> str:
            return re.sub(r"(?:\s*,)+\s*", " ", text).casefold()

        spoken = words(start.spoken)
        where = spoken.find(words(OFFER))
        assert 0 <= where <= OFFER_WITHIN, (
            f"{reader}: the offer was heard at {where} (or not at all).\n{session.transcript()}"
        )
        assert "home" not in spoken[:where], session.transcript()
