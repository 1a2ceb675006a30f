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
from tui.core.schema import CHECKINS, EVENTS, VISITS, CheckIn, Event, Visit

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


VISIT = (
    "A visit with a date this version does not know, 'spring 2027', with Dr Lee. "
    "Why: yearly review."
)
EVENT = "Fall on a date this version does not know, 'spring 2027': on the stairs."


def later_visits_and_events(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.store.insert(VISITS, Visit(day="spring 2027", with_whom="Dr Lee", why="yearly review"))
        nav.store.insert(EVENTS, Event(day="spring 2027", kind="fall", words="on the stairs"))
        note = nav.notes.create("Raised at the undated visit", "")
        undated = max(nav.store.records(VISITS))
        nav.notes.mark_raised(note.id, True, "keep walking", undated)


def test_visits_and_events_with_a_date_it_does_not_know_are_said_and_survive_a_backup(
    data_file: Path, tmp_path: Path
) -> None:
    later_visits_and_events(data_file)
    visits = cli("visit", "list", "--data-file", str(data_file))
    assert visits.stdout == f"?\t{VISIT}\n", visits.stderr
    events = cli("event", "list", "--data-file", str(data_file))
    assert events.stdout == f"?\t{EVENT}\n", events.stderr
    markdown = tmp_path / "export.md"
    assert (
        cli(
            "export", "--format", "md", "--output", str(markdown), "--data-file", str(data_file)
        ).returncode
        == 0
    )
    text = markdown.read_text("utf-8")
    assert f"- {VISIT}" in text and f"- {EVENT}" in text

    exported = tmp_path / "backup.json"
    args = ("export", "--format", "json", "--output", str(exported))
    assert cli(*args, "--data-file", str(data_file)).returncode == 0
    other = tmp_path / "other" / "navigator.json"
    for _ in range(2):  # twice: the second import finds it all there, and adds nothing
        merged = cli("import", str(exported), "--yes", "--data-file", str(other))
        assert merged.returncode == 0, merged.stderr
    with saved(other) as nav:
        ((visit_id, visit),) = nav.store.records(VISITS).items()
        assert (visit.day, visit.with_whom, visit.why) == ("spring 2027", "Dr Lee", "yearly review")
        (event,) = nav.store.records(EVENTS).values()
        assert (event.day, event.kind, event.words) == ("spring 2027", "fall", "on the stairs")
        (note,) = nav.notes.all()
        assert (note.visit_id, note.answer) == (visit_id, "keep walking")


async def test_the_app_shows_visits_and_events_it_cannot_date(data_file: Path) -> None:
    later_visits_and_events(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v", "m")
        assert VISIT in option_texts(app, app.screen.LIST_ID)  # type: ignore[attr-defined]
