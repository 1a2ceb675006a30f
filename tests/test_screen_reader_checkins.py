"""A check-in answer and the lines of the changes view are heard under Orca and Fenrir.

One short session per reader (see docs/screen-readers.md): answer the first question
with a number, open what changed, move to an area's line in words, then to a chart
line, whose bars of "!" must add no spoken words.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.readers import READERS, glyphs_in, reader_session, require_reader
from tui.core.service import open_navigator


def _a_check_in_three_months_ago(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.checkins.set_level(date.today() - timedelta(days=91), "walking", "a-little")
    finally:
        nav.store.close()


@pytest.mark.parametrize("reader", READERS)
def test_a_check_in_answer_and_a_line_of_changes_are_heard(reader: str, data_file: Path) -> None:
    require_reader(reader)
    _a_check_in_three_months_ago(data_file)
    with reader_session(reader, data_file) as session:
        session.wait_until_ready()
        session.press("k")
        answered = session.press("3")  # answers the highlighted question: walking
        # Only what changed is said: the answer (Orca), or its line (Fenrir).
        assert answered.heard("some"), session.transcript()
        # (Fenrir now and then adds "has attribute", on any screen: not counted here.)
        words = answered.spoken.replace("has attribute", "").strip()
        assert len(words) <= len("Walking and balance: some"), session.transcript()
        following = session.press("down")
        assert following.heard("Hands and arms: not answered"), session.transcript()
        again = session.press("up")  # back on the question answered: said with its answer
        assert again.heard("Walking and balance: some"), session.transcript()
        session.press("g")  # what changed: today's check-in against the ones before
        session.press("down")  # "This is your own record, …", one row an item (none wraps)
        session.press("down")  # "  Only your care team …", its second row
        area = session.press("down")  # past the heading "Changed", to the first area
        assert area.heard("Walking and balance: a little in"), session.transcript()
        assert area.heard("some now: harder."), session.transcript()
        session.press("end")
        chart = session.press("up")  # the last chart line: words, then bars of "!"
        assert chart.heard("Walking and balance: harder"), session.transcript()
        # After the words, nothing more is said: no "4 number characters", no "star star".
        spoken = chart.spoken.replace("has attribute", "")  # Fenrir's, now and then: not ours
        after = spoken.casefold().split("harder", 1)[1]
        assert not re.search(r"[a-z0-9]", after), session.transcript()
        assert not glyphs_in(chart.utterances), session.transcript()
        session.press("q")
        assert session.exited(timeout=10), session.transcript()
