"""What Orca and Fenrir say of Urgent help, of a search result and of the command
palette: the heading and the first line are heard (not just sent to speech and cut
off), and each command as Down and Up reach it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.readers import READERS, glyphs_in, reader_session, require_reader
from tui.core.content import default_library


def words(text: str) -> str:
    """The words of ``text``, lower case, one space apart (punctuation and pauses gone)."""
    return " ".join(re.findall(r"[\w']+", text.casefold()))


@pytest.mark.parametrize("reader", READERS)
def test_urgent_help_is_heard_heading_then_its_whole_first_line(
    reader: str, data_file: Path
) -> None:
    require_reader(reader)
    first = default_library().app.urgent_help[0]
    with reader_session(reader, data_file) as session:
        session.wait_until_ready()
        heard = session.press("u")
        assert heard.heard("Urgent help"), session.transcript()
        # Orca reads down to the cursor's row only: the whole first line, numbers included.
        # (Fenrir leaves out the brackets and pauses at each row's end: compare words.)
        spoken = words(heard.spoken)
        assert words(first) in spoken, session.transcript()
        assert spoken.index("urgent help") < spoken.index(words(first)), session.transcript()
        assert not glyphs_in(heard.utterances), session.transcript()


@pytest.mark.parametrize("reader", READERS)
def test_a_search_result_and_the_topic_it_opens_are_heard(reader: str, data_file: Path) -> None:
    require_reader(reader)
    with reader_session(reader, data_file) as session:
        session.wait_until_ready()
        session.press("t")
        into_field = session.press("/")  # moving into a field changes no text: it is said
        assert into_field.heard("Type a word to find"), session.transcript()
        session.type("respite")
        results = session.press("enter")
        assert results.heard(
            "1 of 1: Topic: Care partners and carers. Many groups also run respite care."
        ), session.transcript()
        topic = session.press("enter")
        assert topic.heard("Topic: Care partners and carers"), session.transcript()
        # The cursor lands on the paragraph holding the word (issue 20, item 8).
        assert topic.heard("Take breaks. Ask family or friends"), session.transcript()


@pytest.mark.parametrize("reader", READERS)
def test_each_palette_command_is_heard_as_down_and_up_reach_it(
    reader: str, data_file: Path
) -> None:
    """Textual kept the cursor in the palette's field, so moving through the commands
    was silent in both readers; the highlighted command now has the cursor."""
    require_reader(reader)
    with reader_session(reader, data_file) as session:
        session.wait_until_ready()
        opened = session.press("ctrl+p")
        assert opened.heard("Search for commands"), session.transcript()
        for key, command in (("down", "Checklist"), ("down", "Notes"), ("up", "Checklist")):
            heard = session.press(key)
            assert heard.spoken.startswith(command), session.transcript()
        chosen = session.press("enter")
        assert chosen.heard("checklist. 0 of 21 done"), session.transcript()
        assert not glyphs_in([step.spoken for step in session.steps]), session.transcript()
