"""Issue 20, the care-team loop: what the person writes reaches the doctor under the
right heading, and what the doctor said comes back. Driven as a person would: the
full-screen app through Pilot, the plain mode from typed lines, the real command."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.cli_runner import cli
from tests.pilot_helpers import option_texts, running_app, screen_text, status_text
from tests.process import saved
from tests.terminal import Terminal
from tests.test_plain_mode import run_plain
from tui.app.fields import ChoiceField
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.screens.visit import VisitScreen
from tui.app.screens.visit_record import VisitRecordScreen
from tui.app.widgets import ReaderList
from tui.core import appointment
from tui.core.models import NoteKind, long_date

WORRY = "What worries you about your treatment?"
QUESTIONS = "What questions do you have about your illness or your treatment?"
HARDER = "Compared with a few months ago, what is harder now?"


# ------------------------------------------------------------ 1. kinds everywhere
def test_plain_mode_files_each_prompt_under_the_kind_it_asks_for(data_file: Path) -> None:
    worry, question = str(_prompts().index(WORRY) + 1), str(_prompts().index(QUESTIONS) + 1)
    text = run_plain(
        data_file,
        "v",
        "w", worry, "I worry she will fall.", ".",
        "w", question, "Is a cooling vest worth it?", ".",
        "w", "1", "Stairs are slower.", ".",
        "q",
    )  # fmt: skip
    assert f"Saved the note (Concern): {WORRY}" in text
    assert f"Saved the note (Question): {QUESTIONS}" in text
    assert f"Saved the note (Change I noticed): {HARDER}" in text
    with saved(data_file) as nav:
        kinds = {n.title: n.kind for n in nav.notes.all()}
        summary = " ".join(appointment.summary(nav, markdown=False).split())
    assert kinds == {
        WORRY: NoteKind.CONCERN,
        QUESTIONS: NoteKind.QUESTION,
        HARDER: NoteKind.CHANGE,
    }
    worries = summary.index("What worries me:")
    questions = summary.index("My questions:")
    changes = summary.index("Changes I have noticed:")
    assert summary.index("I worry she will fall.") > worries
    assert questions < summary.index("Is a cooling vest worth it?") < worries
    assert summary.index("Stairs are slower.") > changes > worries


def _prompts() -> list[str]:
    from tui.core.content import default_library

    return list(default_library().app.prompts)


def test_plain_mode_adds_a_worry_and_changes_a_note_s_kind(data_file: Path) -> None:
    text = run_plain(
        data_file,
        "v", "o", "3", "She might fall at night", ".", "b",
        "n", "a", "Heat", "Hot days tire her.", ".",
        "1", "4", "2", "b",
        "q",
    )  # fmt: skip
    assert "Saved the note (Concern): She might fall at night" in text
    assert "4. Change the kind of note: now Plain note." in text
    assert "Saved. Its kind is now: Question. It is on the list to raise at your visit." in text
    with saved(data_file) as nav:
        kinds = {n.title: n.kind for n in nav.notes.all()}
    assert kinds == {"She might fall at night": NoteKind.CONCERN, "Heat": NoteKind.QUESTION}


async def test_the_app_files_a_worry_prompt_as_a_concern(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        texts = option_texts(app, "visit")
        app.screen.query_one("#visit", ReaderList).highlighted = texts.index(
            "Help noticing slow change: 7 questions. Enter shows them."
        )
        await pilot.press("enter")  # shows the prompts
        texts = option_texts(app, "visit")
        app.screen.query_one("#visit", ReaderList).highlighted = texts.index(
            f"Write about: {WORRY}"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#kind", ChoiceField).value == "concern"
        await pilot.press("tab", *"She might fall.", "escape")
        texts = option_texts(app, "visit")
        assert any(t.startswith(f"Concern: {WORRY}") for t in texts)


def test_the_command_takes_worry_for_concern(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    added = cli("note", "add", "--title", "Falls", "--kind", "worry", "--body", "At night.", *d)
    assert added.returncode == 0, added.stderr
    cli("note", "add", "--title", "Heat", "--body", "Hot.", *d)
    listed = cli("note", "list", "--kind", "worry", *d)
    assert listed.stdout.count("\n") == 1 and "Falls [Concern]" in listed.stdout
    changed = cli("note", "edit", "2", "--kind", "worry", *d)
    assert changed.returncode == 0, changed.stderr
    with saved(data_file) as nav:
        assert {n.kind for n in nav.notes.all()} == {NoteKind.CONCERN}


# ------------------------------------------------------------ 2. answers come back
def _planned(days: int) -> date:
    return date.today() + timedelta(days=days)


def test_note_raise_before_the_visit_attaches_to_the_planned_one(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    soon = _planned(5)
    cli("visit", "add", "--date", soon.isoformat(), "--with", "Dr Lee", *d)
    cli("note", "add", "--title", "Heat", "--kind", "question", "--body", "Hot.", *d)
    raised = cli("note", "raise", "1", "--answer", "Keep cool.", *d)
    assert raised.returncode == 0, raised.stderr
    assert f"at your visit on {long_date(soon)} with Dr Lee." in raised.stdout
    cli("visit", "add", "--date", _planned(40).isoformat(), *d)
    cli("note", "add", "--title", "Falls", "--kind", "worry", "--body", "Two.", *d)
    unsure = cli("note", "raise", "2", *d)
    assert unsure.returncode == 2
    assert f"Note 2 could be for 2 visits: 1 on {long_date(soon)} with Dr Lee; 2 on" in (
        unsure.stderr
    )
    assert "spms-navigator note raise 2 --visit 1" in unsure.stderr
    with saved(data_file) as nav:
        assert [(n.id, n.raised, n.visit_id) for n in nav.notes.all()] == [
            (2, False, None),
            (1, True, 1),
        ]


def test_plain_mode_asks_which_planned_visit(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.visits.add(_planned(5), "Dr Lee")
        nav.visits.add(_planned(40), "Nurse Ray")
        nav.notes.create("Heat", "Hot days.", kind=NoteKind.QUESTION)
    text = run_plain(data_file, "v", "1", "1", "2", "Keep cool.", "q")
    assert "Which visit was 'Heat' raised for? It could be one of 2." in text
    assert f"2. {long_date(_planned(40))} with Nurse Ray." in text
    assert (
        f"Saved: marked as raised at the visit on {long_date(_planned(40))} with Nurse Ray: Heat"
        in text
    )
    with saved(data_file) as nav:
        assert nav.visits.raised_at(2)[0].answer == "Keep cool."


async def test_the_app_says_which_visit_and_asks_when_two_are_planned(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.visits.add(_planned(5), "Dr Lee")
        nav.notes.create("Heat", "Hot days.", kind=NoteKind.QUESTION)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        texts = option_texts(app, "visit")
        app.screen.query_one("#visit", ReaderList).highlighted = next(
            n for n, t in enumerate(texts) if t.startswith("Question: Heat")
        )
        await pilot.press("enter", *"Keep cool", "enter")
        assert status_text(app) == (
            f"Saved: 'Heat' is marked as raised at your visit on {long_date(_planned(5))} "
            "with Dr Lee."
        )
        app.navigator.visits.add(_planned(40), "Nurse Ray")
        app.navigator.notes.create("Falls", "Two.", kind=NoteKind.CONCERN)
        app.screen.refresh_data()  # type: ignore[attr-defined]
        texts = option_texts(app, "visit")
        app.screen.query_one("#visit", ReaderList).highlighted = next(
            n for n, t in enumerate(texts) if t.startswith("Concern: Falls")
        )
        await pilot.press("enter")
        assert isinstance(app.screen, ChooseScreen)
        assert "Which visit was 'Falls' raised for? It could be one of 2." in screen_text(app)
        await pilot.press("down", "enter")
        assert "What did the care team say?" in screen_text(app)  # asked above the list
        await pilot.press(*"Ask again", "enter")
        assert status_text(app).startswith("Saved: 'Falls' is marked as raised at your visit on")
    with saved(data_file) as nav:
        assert [n.visit_id for n in nav.notes.all()] == [2, 1]


def _fake_printer(folder: Path) -> Path:
    """A stand-in ``lp`` that keeps what it was given, and its arguments, beside itself."""
    folder.mkdir(exist_ok=True)
    fake = folder / "lp"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "here = pathlib.Path(sys.argv[0])\n"
        "here.with_name('printed.txt').write_text(sys.stdin.read())\n"
        "here.with_name('args.txt').write_text('\\n'.join(sys.argv[1:]))\n"
    )
    fake.chmod(0o755)
    return folder


def _a_past_visit_with_answers(data_file: Path) -> date:
    been = date.today() - timedelta(days=30)
    with saved(data_file) as nav:
        visit = nav.visits.add(been, "Dr Lee", "Yearly check-up")
        heat = nav.notes.create("Is heat making it worse?", "", kind=NoteKind.QUESTION)
        falls = nav.notes.create("Falls at night", "Two this month.", kind=NoteKind.CONCERN)
        nav.visits.raise_note(heat.id, "Yes. Try a cooling vest.", visit.id)
        nav.visits.raise_note(falls.id, "", visit.id)
        nav.notes.create("Stairs are slower", "", kind=NoteKind.CHANGE)
    return been


def test_the_visit_record_exports_and_prints_with_its_answers(
    data_file: Path, tmp_path: Path
) -> None:
    been = _a_past_visit_with_answers(data_file)
    d = ["--data-file", str(data_file)]
    as_json = cli("visit", "export", "1", "--format", "json", *d)
    assert as_json.returncode == 0, as_json.stderr
    document = json.loads(as_json.stdout)
    assert document["format"] == "spms-navigator/visit-record"
    assert [(n["title"], n["answer"]) for n in document["raised"]] == [
        ("Is heat making it worse?", "Yes. Try a cooling vest."),
        ("Falls at night", ""),
    ]
    written = cli("visit", "export", "1", "--output", str(tmp_path / "visit.md"), *d)
    assert written.returncode == 0, written.stderr
    markdown = (tmp_path / "visit.md").read_text()
    assert markdown.startswith(f"# My visit on {long_date(been)} with Dr Lee\n")
    assert "## What I asked, and what they said" in markdown
    assert "- Question: Is heat making it worse?\n  Answer: Yes. Try a cooling vest." in markdown
    assert "- Concern: Falls at night. Two this month.\n  Answer: No answer was noted." in markdown
    folder = _fake_printer(tmp_path / "bin")
    env = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    printed = cli("visit", "print", "1", "--yes", *d, env=env)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith(
        f"The record of your visit 'My visit on {long_date(been)} with Dr Lee', "
    )
    assert "Sent the record of your visit to the printer with lp (1 page)." in printed.stdout
    assert "Answer: Yes. Try a cooling vest." in (folder / "printed.txt").read_text()


def test_the_next_summary_starts_with_last_time(data_file: Path) -> None:
    been = _a_past_visit_with_answers(data_file)
    summary = cli("export", "--format", "appointment-txt", "--output", "-", "--data-file",
                  str(data_file)).stdout  # fmt: skip
    after_prepared = summary.split("not medical advice.\n\n", 1)[1]
    assert after_prepared.startswith(
        f"Last time: my visit on {long_date(been)} with Dr Lee:\n\n"
        "- Question: Is heat making it worse? They said: Yes. Try a cooling vest.\n"
        "- Concern: Falls at night. Left open: no answer noted.\n"
    )
    assert summary.index("Last time") < summary.index("Changes I have noticed:")
    markdown = cli("export", "--format", "appointment-md", "--output", "-", "--data-file",
                   str(data_file)).stdout  # fmt: skip
    assert f"## Last time: my visit on {long_date(been)} with Dr Lee" in markdown
    text = run_plain(data_file, "v", "q")
    assert f"Last time: my visit on {long_date(been)} with Dr Lee." in text
    assert "Question: Is heat making it worse? They said: Yes. Try a cooling vest." in text


def test_plain_mode_prints_and_exports_a_visit_s_record(data_file: Path, tmp_path: Path) -> None:
    _a_past_visit_with_answers(data_file)
    target = tmp_path / "record.json"
    text = run_plain(data_file, "6", "1", "7", str(target), "q")
    assert "6. Print this record, with what was said." in text
    assert f"Exported, readable by you only, to: {target}" in text
    document = json.loads(target.read_text())
    assert document["raised"][0]["answer"] == "Yes. Try a cooling vest."
    calendar = tmp_path / "visit.ics"
    text = run_plain(data_file, "6", "1", "8", str(calendar), "q")
    assert "8. Save this visit for your calendar, with a reminder the day before." in text
    assert "BEGIN:VALARM" in calendar.read_text()


async def test_the_app_opens_last_time_and_exports_its_record(
    data_file: Path, tmp_path: Path
) -> None:
    been = _a_past_visit_with_answers(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        texts = option_texts(app, "visit")
        line = f"Last visit, {long_date(been)}: 2 raised, 1 left open."
        assert texts[1] == line
        app.screen.query_one("#visit", ReaderList).highlighted = 1
        await pilot.press("enter")
        assert isinstance(app.screen, VisitRecordScreen)
        texts = option_texts(app, "visit-record")
        app.screen.query_one("#visit-record", ReaderList).highlighted = texts.index(
            "Export this visit's record to a file: Markdown, text or JSON."
        )
        await pilot.press("enter")
        app.screen.query_one("#answer", Input).value = str(tmp_path / "visit.txt")
        await pilot.press("enter")
        assert status_text(app).startswith("Exported the record of your visit to")
    record = (tmp_path / "visit.txt").read_text()
    assert record.startswith(f"MY VISIT ON {long_date(been).upper()} WITH DR LEE")
    assert "Answer: Yes. Try a cooling vest." in record


# ------------------------------------------------------- 3. a summary a doctor accepts
WEB = "https://www.nationalmssociety.org/managing-ms/treating-ms/rehabilitation/physical-therapy"


def _one_check_in_and_a_long_address(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.checkins.set_level(date.today(), "walking", "a-lot")
        nav.checkins.set_words(date.today(), "walking", "Stairs are slow.")
        nav.checkins.set_level(date.today(), "sleep", "a-little")
        nav.notes.create("Physio", f"Is this worth trying? {WEB}", kind=NoteKind.QUESTION)


def test_plain_mode_asks_the_name_before_the_first_print_only(
    data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _one_check_in_and_a_long_address(data_file)
    folder = _fake_printer(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(folder))
    text = run_plain(data_file, "v", "r", "Alex Morgan", "1961-03-14", "yes", "r", "yes", "q")
    assert (
        text.count("Before the first print: the care team needs to know whose summary it is.") == 1
    )
    assert "Saved: your name is Alex Morgan." in text
    assert "Saved: born on 14 March 1961." in text
    printed = (folder / "printed.txt").read_text()
    assert "Name: Alex Morgan. Date of birth: 14 March 1961." in printed
    assert "Also worth thinking about" not in printed  # prompts are for the person
    assert "How I am now: my check-in on" in printed
    assert "- Walking and balance: a lot. My words: Stairs are slow.\n" in printed
    assert "- Sleep: a little.\n" in printed
    assert "This is my first check-in, so there is nothing to compare with yet." in printed
    assert "Check in again" not in printed  # no instruction to the patient
    assert any(WEB in line for line in printed.splitlines())  # never broken
    assert all(len(line) <= 78 or WEB in line for line in printed.splitlines())
    args = (folder / "args.txt").read_text().split("\n")
    assert args[2:] == [
        *("-o", "page-left=54", "-o", "page-right=54", "-o", "page-top=54"),
        *("-o", "page-bottom=54", "-o", "cpi=12", "-o", "lpi=7"),
    ]
    with saved(data_file) as nav:
        assert (nav.setting("my_name"), nav.setting("date_of_birth")) == (
            "Alex Morgan",
            "1961-03-14",
        )


async def test_the_app_asks_the_name_and_birth_date_before_the_first_print(
    data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _one_check_in_and_a_long_address(data_file)
    folder = _fake_printer(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(folder))
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v", "r")
        # Asked on the screen itself, above the list (screens/ask_here.py).
        assert isinstance(app.screen, VisitScreen)
        assert "Before the first print: your name" in screen_text(app)
        await pilot.press(*"Ana Silva", "enter")
        assert "Your date of birth, if you want it on the summary" in screen_text(app)
        await pilot.press(*"1961-03-14", "enter")
        assert "Print it?" in screen_text(app)
        await pilot.press("y")
        assert status_text(app).startswith("Sent the summary to the printer with lp")
    printed = (folder / "printed.txt").read_text()
    assert "Name: Ana Silva. Date of birth: 14 March 1961." in printed
    assert "Also worth thinking about" not in printed


def test_the_command_takes_a_name_and_says_when_there_is_none(
    data_file: Path, tmp_path: Path
) -> None:
    _one_check_in_and_a_long_address(data_file)
    folder = _fake_printer(tmp_path / "bin")
    d = ["--data-file", str(data_file)]
    env = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    nameless = cli("visit", "print", "--yes", *d, env=env)
    assert nameless.returncode == 0, nameless.stderr
    assert "the summary has no name on it. Add --name NAME" in nameless.stderr
    named = cli("visit", "print", "--yes", "--name", "Ana Silva", "--born", "1961-03-14", *d,
                env=env)  # fmt: skip
    assert named.returncode == 0, named.stderr
    assert "Name: Ana Silva. Date of birth: 14 March 1961." in (folder / "printed.txt").read_text()
    wrong = cli("visit", "print", "--yes", "--born", "14/3/61", *d, env=env)
    assert wrong.returncode == 2 and "Type a date of birth like 1961-03-14" in wrong.stderr
    saved_born = cli("config", "set", "date_of_birth", "1961-03-14", *d)
    assert saved_born.stdout == "Saved: the visit summary says you were born on 14 March 1961.\n"


def test_the_summary_as_a_web_page_to_email(data_file: Path, tmp_path: Path) -> None:
    _one_check_in_and_a_long_address(data_file)
    with saved(data_file) as nav:
        nav.notes.create("<b>Bold</b> & co", "", kind=NoteKind.CONCERN)
        nav.set_setting("my_name", "Ana Silva")
    page = tmp_path / "summary.html"
    done = cli("export", "--format", "appointment-html", "--output", str(page),
               "--data-file", str(data_file))  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = _Page()
    found.feed(page.read_text())
    assert found.links == [WEB]
    assert "Name: Ana Silva." in found.text
    assert "<b>Bold</b> & co" in found.text  # the person's words, never markup
    assert found.tags.count("h2") >= 3 and "li" in found.tags
    assert "Also worth thinking about" not in found.text


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


# --------------------------------------------------------- 4. calendar and reminders
def _tomorrow_with_dr_lee(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.visits.add(date.today() + timedelta(days=1), "Dr Lee", "Yearly review")


def _untouched(data_file: Path) -> dict[str, tuple[bytes, int]]:
    """The data file and its journal, as bytes and time of change."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in data_file.parent.glob(f"{data_file.name}*")
        if not p.name.endswith((".lock",)) and ".bak-" not in p.name
    }


def test_a_visit_as_a_calendar_file_with_an_alarm_the_day_before(
    data_file: Path, tmp_path: Path
) -> None:
    import icalendar

    _tomorrow_with_dr_lee(data_file)
    d = ["--data-file", str(data_file)]
    before = _untouched(data_file)
    first = cli("visit", "ics", "1", *d)
    assert first.returncode == 0, first.stderr
    calendar = icalendar.Calendar.from_ical(first.stdout)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Visit with Dr Lee"
    assert event.decoded("dtstart") == date.today() + timedelta(days=1)
    assert str(event["description"]) == "Why: Yearly review."
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == -timedelta(hours=15)  # 9 am the day before
    again = icalendar.Calendar.from_ical(cli("visit", "ics", "1", *d).stdout)
    assert str(again.walk("VEVENT")[0]["uid"]) == str(event["uid"])  # re-import updates
    target = tmp_path / "visit.ics"
    written = cli("visit", "ics", "1", "--output", str(target), *d)
    assert written.returncode == 0, written.stderr
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert _untouched(data_file) == before  # reading only: the data file is not written


def test_due_says_what_is_due_and_exits_as_grep(data_file: Path, tmp_path: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "list", *d)  # the file exists, empty
    nothing = cli("due", *d)
    assert (nothing.returncode, nothing.stdout) == (
        1,
        "Nothing is due: no visit today or tomorrow, and no check-in is due yet.\n",
    )
    _tomorrow_with_dr_lee(data_file)
    with saved(data_file) as nav:
        nav.checkins.set_level(date.today() - timedelta(days=40), "walking", "some")
    before = _untouched(data_file)
    due = cli("due", *d)
    assert due.returncode == 0, due.stderr
    tomorrow = long_date(date.today() + timedelta(days=1))
    last = long_date(date.today() - timedelta(days=40))
    assert due.stdout == (
        f"Due: your visit with Dr Lee is tomorrow, {tomorrow}; "
        f"a check-in (your last was on {last}).\n"
    )
    assert _untouched(data_file) == before
    quiet = cli("due", "--quiet", *d)
    assert (quiet.returncode, quiet.stdout) == (0, "")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    broken = cli("due", "--data-file", str(folder))
    assert broken.returncode == 2 and broken.stderr.startswith("spms-navigator: ")


async def test_the_app_saves_a_visit_for_the_calendar(data_file: Path, tmp_path: Path) -> None:
    import icalendar

    _tomorrow_with_dr_lee(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        app.screen.query_one("#visit", ReaderList).highlighted = 0  # the next visit
        await pilot.press("enter")
        assert isinstance(app.screen, VisitRecordScreen)
        texts = option_texts(app, "visit-record")
        line = "Save this visit for your calendar: a file with a reminder the day before."
        app.screen.query_one("#visit-record", ReaderList).highlighted = texts.index(line)
        await pilot.press("enter")
        app.screen.query_one("#answer", Input).value = str(tmp_path / "visit.ics")
        await pilot.press("enter")
        assert status_text(app).startswith("Exported the visit for your calendar to")
    calendar = icalendar.Calendar.from_ical((tmp_path / "visit.ics").read_bytes())
    assert str(calendar.walk("VEVENT")[0]["summary"]) == "Visit with Dr Lee"


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")
def test_a_real_calendar_program_imports_the_visit(data_file: Path, tmp_path: Path) -> None:
    _tomorrow_with_dr_lee(data_file)
    target = tmp_path / "visit.ics"
    cli("visit", "ics", "1", "--output", str(target), "--data-file", str(data_file))
    folder = tmp_path / "calcurse"
    folder.mkdir()
    imported = subprocess.run(
        ["calcurse", "-D", str(folder), "-i", str(target)],
        capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    assert "1 event" in imported.stdout and "0 skipped" in imported.stdout
    listed = subprocess.run(
        ["calcurse", "-D", str(folder), "-r2"],
        capture_output=True, text=True, check=False, timeout=30,
    ).stdout  # fmt: skip
    assert "Visit with Dr Lee" in listed


# ------------------------------------------------------------- 5. the person's editor
def _fake_editor(tmp_path: Path, adds: str, status: int = 0) -> Path:
    """An 'editor' that keeps what it was given beside itself and adds ``adds``."""
    script = tmp_path / "my-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "note = pathlib.Path(sys.argv[-1])\n"
        "pathlib.Path(sys.argv[0]).with_name('seen.txt').write_text(note.read_text())\n"
        f"note.write_text(note.read_text() + {adds!r})\n"
        f"sys.exit({status})\n"
    )
    script.chmod(0o755)
    return script


def _in_a_terminal(data_file: Path, *args: str, editor: str) -> Terminal:
    """The command on a pty, with ``editor`` as $EDITOR and its files kept in the test's
    own folder (TMPDIR), never in the machine's /tmp."""
    temp = data_file.parent.parent / "tmp"
    temp.mkdir(exist_ok=True)
    return Terminal(
        [sys.executable, "-m", "tui", *args, "--data-file", str(data_file)],
        env={"VISUAL": "", "EDITOR": editor, "TMPDIR": str(temp)},
    )


def test_note_add_and_edit_open_the_person_s_editor_in_a_terminal(
    data_file: Path, tmp_path: Path
) -> None:
    editor = _fake_editor(tmp_path, "Slower on the stairs.\n")
    with _in_a_terminal(data_file, "note", "add", "--title", "Stairs", editor=str(editor)) as t:
        assert t.process.wait(timeout=30) == 0
        t.settle(quiet=0.1, limit=2)
        assert "Opening the note in my-editor. Save and close the editor when done." in t.text()
        assert "Saved note 1: Stairs" in t.text()
    with _in_a_terminal(data_file, "note", "edit", "1", editor=str(editor)) as t:
        assert t.process.wait(timeout=30) == 0
    assert (tmp_path / "seen.txt").read_text() == "Slower on the stairs.\n"  # the note's text
    assert list((tmp_path / "tmp").iterdir()) == []  # the editing file is gone once saved
    with saved(data_file) as nav:
        assert nav.notes.get(1).body == "Slower on the stairs.\nSlower on the stairs.\n"
    piped = cli("note", "add", "--title", "Heat", "--data-file", str(data_file),
                stdin="Hot days.\n", env={"EDITOR": str(editor)})  # fmt: skip
    assert piped.returncode == 0  # no terminal: standard input, as before, no editor
    with saved(data_file) as nav:
        assert nav.notes.get(2).body == "Hot days.\n"


def test_without_an_editor_it_says_so_and_takes_typed_text(data_file: Path) -> None:
    with _in_a_terminal(data_file, "note", "add", "--title", "Heat", editor="") as t:
        t.wait_for("No editor is set, so type the text here")
        t.type("Typed here.\r")
        t.send("\x04")  # Ctrl+D on a line of its own
        assert t.process.wait(timeout=30) == 0
    with saved(data_file) as nav:
        assert nav.notes.get(1).body.strip() == "Typed here."


def test_a_failed_editor_saves_nothing_and_keeps_the_words(data_file: Path, tmp_path: Path) -> None:
    editor = _fake_editor(tmp_path, "Half a thought", status=1)
    with _in_a_terminal(data_file, "note", "add", "--title", "Falls", editor=str(editor)) as t:
        assert t.process.wait(timeout=30) == 1
        t.settle(quiet=0.1, limit=2)
        text = " ".join(t.text().split())
    assert "Nothing was saved: your editor ended with status 1." in text
    assert "What you wrote is kept in" in text
    (kept,) = (tmp_path / "tmp").glob("spms-navigator-note-*/note.md")
    assert kept.read_text() == "Half a thought"
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    with saved(data_file) as nav:
        assert nav.notes.all() == []


# ------------------------------------------------------------------ 6. small ones
async def test_ctrl_s_on_a_checklist_item_says_saved(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c", "enter")
        item_id = app.screen.item_id  # type: ignore[attr-defined]
        app.screen.query_one("#helper", Input).focus()
        await pilot.press(*"Sam", "ctrl+s")
        assert status_text(app) == "Saved. Everything on this item is saved as you change it."
    with saved(data_file) as nav:
        assert nav.checklist.entry(item_id).helper == "Sam"


def test_checklist_done_with_a_helper_in_one_command(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    done = cli("checklist", "done", "pr-meals", "--helper", "My sister", *d)
    assert done.returncode == 0, done.stderr
    assert " is done. My sister helps with it. Progress: " in done.stdout
    with saved(data_file) as nav:
        entry = nav.checklist.entry("pr-meals")
        assert (entry.done, entry.helper) == (True, "My sister")


def test_a_bad_date_is_exit_2_everywhere(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("visit", "add", "--date", "today", *d)
    for command in (
        ("visit", "add", "--date", "31/12/2026"),
        ("visit", "edit", "1", "--date", "someday"),
        ("checkin", "--date", "the 5th", "walking=some"),
        ("checkin", "--date", "tomorrow", "walking=some"),  # not come yet
        ("changes", "--since", "a while"),
        ("visit", "print", "--born", "14/3/61"),
    ):
        result = cli(*command, *d)
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr.startswith("spms-navigator: ") and "Traceback" not in result.stderr


def test_natural_dates_and_checkin_list(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    today = date.today()
    assert cli("checkin", "--date", "yesterday", "walking=some", *d).returncode == 0
    monday = today - timedelta(days=today.weekday())  # this week's, or today
    assert cli("checkin", "--date", "monday", "sleep=a-lot", *d).returncode == 0
    added = cli("visit", "add", "--date", "tomorrow", "--with", "Dr Lee", *d)
    assert added.returncode == 0, added.stderr
    assert long_date(today + timedelta(days=1)) in added.stdout
    friday = cli("visit", "add", "--date", "friday", *d)
    ahead = (4 - today.weekday()) % 7
    assert long_date(today + timedelta(days=ahead)) in friday.stdout
    listed = cli("checkin", "list", *d)
    assert listed.returncode == 0, listed.stderr
    days = sorted({today - timedelta(days=1), monday}, reverse=True)
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == [
        day.isoformat() for day in days
    ]
    assert "of 14 areas answered." in listed.stdout
    as_json = json.loads(cli("checkin", "list", "--json", *d).stdout)
    assert as_json["format"] == "spms-navigator/checkins" and len(as_json["checkins"]) == len(days)


def test_the_completion_install_lines_make_their_folder(tmp_path: Path) -> None:
    shown = cli("help", "completion").stdout
    lines = [line.strip() for line in shown.splitlines() if line.strip().startswith("mkdir -p")]
    assert len(lines) == 3
    command = f"{shlex.quote(sys.executable)} -m tui"
    for line in lines:  # a new account: none of the folders is there yet
        done = subprocess.run(
            ["bash", "-c", line.replace("spms-navigator ", f"{command} ", 1)],
            env={**os.environ, "HOME": str(tmp_path)},
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert (tmp_path / ".local/share/bash-completion/completions/spms-navigator").stat().st_size
    assert (tmp_path / ".zfunc/_spms-navigator").stat().st_size
    assert (tmp_path / ".config/fish/completions/spms-navigator.fish").stat().st_size


def test_a_file_from_the_current_release_loads_whole_and_takes_a_date_of_birth(
    data_file: Path, tmp_path: Path
) -> None:
    """tests/data/navigator-v2.json was written by the release before this change (schema
    2, with no date_of_birth): it loads with everything, and the new optional setting
    is saved beside the rest and travels in a backup."""
    original = Path(__file__).parent / "data" / "navigator-v2.json"
    data_file.parent.mkdir(parents=True)
    shutil.copy(original, data_file)
    data_file.chmod(0o600)  # as the release wrote it (a checkout makes it 644)
    d = ["--data-file", str(data_file)]
    with saved(data_file) as nav:
        (said,) = nav.store.report.messages  # schema 3 (medicines, events): a copy is kept
        assert said.startswith("Your data file came from an older version of the app.")
        (note,) = nav.notes.all()
        assert (note.kind, note.answer, note.visit_id) == (NoteKind.QUESTION, "Keep cool.", 1)
        assert (nav.setting("my_name"), nav.checkins.every_days()) == ("Alex Morgan", 14)
        assert nav.setting("date_of_birth") is None
        assert len(nav.checkins.all()) == 1 and len(nav.visits.all()) == 1
    assert cli("config", "set", "date_of_birth", "1961-03-14", *d).returncode == 0
    backup_file = tmp_path / "backup.json"
    assert cli("export", "--format", "json", "--output", str(backup_file), *d).returncode == 0
    other = tmp_path / "other" / "navigator.json"
    assert cli("import", str(backup_file), "--yes", "--data-file", str(other)).returncode == 0
    with saved(other) as nav:
        assert (nav.setting("my_name"), nav.setting("date_of_birth")) == (
            "Alex Morgan",
            "1961-03-14",
        )


def test_tab_completes_note_numbers_topic_and_item_ids_and_answers(
    data_file: Path, tmp_path: Path
) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "Heat", "--body", "Hot.", *d)
    cli("note", "add", "--title", "Stairs", "--body", "Slow.", *d)
    script = tmp_path / "completion.bash"
    script.write_text(cli("completion", "bash").stdout)
    tries = tmp_path / "tries.sh"
    tries.write_text(
        f'spms-navigator() {{ {shlex.quote(sys.executable)} -m tui "$@"; }}\n'
        f"source {shlex.quote(str(script))}\n"
        "try() {\n"
        '  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"\n'
        '  COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _shtab_spms_navigator; echo "${COMPREPLY[*]}"\n'
        "}\n"
        'try spms-navigator note show ""\n'
        "try spms-navigator topic emotional\n"
        "try spms-navigator checklist done ct-neu\n"
        "try spms-navigator checkin walking=a-lot tired\n"
    )
    done = subprocess.run(
        ["bash", str(tries)],
        env={**os.environ, "SPMS_NAVIGATOR_DATA_FILE": str(data_file)},
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.stdout.splitlines() == [
        "2 1",
        "emotional-support",
        "ct-neurologist",
        "tiredness=no-trouble tiredness=a-little tiredness=some tiredness=a-lot "
        "tiredness=cannot-do-it tiredness=skip",
    ], done.stderr
