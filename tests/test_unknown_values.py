"""Check-in values this version does not know are shown in words (issue 22, item 6).

A later version may add a level, an area or another kind of date. They were kept in
the file and the export already, but every view dropped them without a word: a
person saw "not answered" where they had answered. Each view now says them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.pilot_helpers import option_texts, running_app
from tests.process import cli, saved
from tui.core.models import long_date
from tui.core.schema import CheckIn
from tui.core.store import CHECKINS

TODAY = date.today()
LEVELS = {"walking": "a-lot", "pain": "unbearable", "swallowing": "a-lot"}
WORDS = {"swallowing": "pills are hard"}
PAIN = "Pain: an answer this version does not know: unbearable"
SWALLOWING = "An area this version does not know, 'swallowing': a lot. My words: pills are hard"


def later_check_ins(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.store.insert(CHECKINS, CheckIn(day=TODAY.isoformat(), levels=LEVELS, words=WORDS))
        nav.store.insert(CHECKINS, CheckIn(day="late 2026", levels={"walking": "some"}))


def test_the_command_line_lists_and_exports_them_in_words(data_file: Path, tmp_path: Path) -> None:
    later_check_ins(data_file)
    listed = cli("checkin", "list", "--data-file", str(data_file))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == (
        f"{TODAY.isoformat()}\t{long_date(TODAY)}: 1 of 14 areas answered, and 2 answers "
        "this version does not know.\n"
        "?\tA check-in with a date this version does not know, 'late 2026': 1 answer.\n"
    )
    markdown = tmp_path / "export.md"
    args = ("export", "--format", "md", "--output", str(markdown))
    assert cli(*args, "--data-file", str(data_file)).returncode == 0
    text = markdown.read_text("utf-8")
    assert f"- {PAIN}." in text
    assert f"- {SWALLOWING}." in text
    assert "- A check-in with a date this version does not know, 'late 2026': 1 answer." in text


def test_the_questions_say_them_and_answering_keeps_them(data_file: Path) -> None:
    later_check_ins(data_file)
    asked = cli("checkin", "--data-file", str(data_file), stdin="\n\n\n2\nq\n")
    assert asked.returncode == 0, asked.stderr
    assert SWALLOWING in asked.stderr
    assert f"{PAIN.split(': ', 1)[0]} (now: {PAIN.split(': ', 1)[1]}):" in asked.stderr
    assert "  Pain: a little\n" in asked.stdout and f"  {SWALLOWING}\n" in asked.stdout
    with saved(data_file) as nav:  # "2" answered pain: the other unknown answers stay
        (row,) = [r for r in nav.store.records(CHECKINS).values() if r.day == TODAY.isoformat()]
        assert row.levels == {**LEVELS, "pain": "a-little"} and row.words == WORDS


async def test_the_app_shows_them_on_the_check_in_screen(data_file: Path) -> None:
    later_check_ins(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("k")
        lines = option_texts(app, "checkin")
        assert PAIN in lines
        assert SWALLOWING in lines
        assert "Walking and balance: a lot" in lines
