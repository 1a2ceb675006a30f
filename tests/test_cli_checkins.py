"""``checkin``, ``changes`` and ``visit`` through the real command, as issue 13 writes them."""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import date, timedelta
from pathlib import Path

from tests.process import cli, saved


def _d(data_file: Path) -> list[str]:
    return ["--data-file", str(data_file)]


def test_checkin_records_answers_without_asking(data_file: Path) -> None:
    done = cli("checkin", "--date", "2026-05-01", "walking=a-lot", "tiredness=some", *_d(data_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Saved your check-in for 1 May 2026:\n  Walking and balance: a lot\n  Tiredness: some\n"
    )
    # The same day again changes it (no second check-in); areas not named stay.
    again = cli(
        "checkin",
        "--date",
        "2026-05-01",
        "tiredness=skip",
        "pain=1",
        "--words",
        "walking=Stairs are harder",
        "--days",
        "-",
        *_d(data_file),
        stdin="Slow mornings.\n",
    )
    assert again.returncode == 0, again.stderr
    with saved(data_file) as nav:
        (checkin,) = nav.checkins.all()
    assert checkin.day == date(2026, 5, 1)
    assert {a: lv.id for a, lv in checkin.levels.items()} == {
        "walking": "a-lot",
        "pain": "no-trouble",
    }
    assert checkin.words == {"walking": "Stairs are harder"}
    assert checkin.days == "Slow mornings."


def test_an_unknown_area_or_level_is_a_usage_mistake_naming_the_valid_ones(
    data_file: Path,
) -> None:
    area = cli("checkin", "--date", "2026-05-01", "walkin=a-lot", *_d(data_file))
    assert area.returncode == 2
    assert "'walkin' is not an area of the check-in. The areas are: walking, hands," in area.stderr
    assert "outings." in area.stderr
    level = cli("checkin", "walking=lots", *_d(data_file))
    assert level.returncode == 2
    assert "The levels are: no-trouble, a-little, some, a-lot, cannot-do-it, or skip" in (
        level.stderr
    )
    shape = cli("checkin", "walking", *_d(data_file))
    assert shape.returncode == 2 and "for example walking=a-lot" in shape.stderr
    future = (date.today() + timedelta(days=3)).isoformat()
    later = cli("checkin", "--date", future, "walking=a-lot", *_d(data_file))
    assert later.returncode == 2 and "has not come yet" in later.stderr
    with saved(data_file) as nav:
        assert nav.checkins.all() == []


def test_checkin_help_lists_the_areas_and_the_levels() -> None:
    shown = cli("checkin", "--help")
    assert shown.returncode == 0
    for word in ("walking", "Walking and balance", "outings", "a-lot", "cannot-do-it", "skip"):
        assert word in shown.stdout
    assert "spms-navigator checkin --date 2026-05-01 walking=a-lot tiredness=some" in (shown.stdout)


def test_checkin_asks_each_question_and_saves_as_it_goes(data_file: Path) -> None:
    # Walking: 2; hands: 4 with words; stiffness: Enter skips; a wrong answer is
    # explained and asked again; then q stops: what was answered is kept.
    asked = cli("checkin", *_d(data_file), stdin="2\n4 my grip is weak\n\nlots\n3\nq\n")
    assert asked.returncode == 0, asked.stderr
    assert "Lately, how much has each of these gotten in the way" in asked.stderr
    assert "Walking and balance (now: not answered):" in asked.stderr
    assert "'lots' is not an answer. Type a number: 1 no trouble" in asked.stderr
    assert "Stopped. What you answered is saved." in asked.stderr
    assert asked.stdout == (
        f"Saved your check-in for {_long(date.today())}:\n"
        "  Walking and balance: a little\n"
        "  Hands and arms: a lot. My words: my grip is weak\n"
        "  Pain: some\n"
    )
    again = cli("checkin", *_d(data_file), stdin="\n")  # Enter keeps; end of input stops
    assert "Walking and balance (now: a little):" in again.stderr
    with saved(data_file) as nav:
        (checkin,) = nav.checkins.all()
        assert checkin.answered == 3


def _long(day: date) -> str:
    from tui.core.models import long_date

    return long_date(day)


def _a_year_of_checkins(data_file: Path) -> None:
    for day, answers in [
        ("2025-09-01", ["walking=no-trouble", "tiredness=a-lot", "pain=a-little"]),
        ("2026-03-02", ["walking=a-little", "pain=a-little"]),
        ("2026-06-03", ["walking=a-little", "tiredness=some"]),
        ("2026-09-01", ["walking=a-lot", "tiredness=some", "pain=a-little"]),
    ]:
        assert cli("checkin", "--date", day, *answers, *_d(data_file)).returncode == 0


def test_changes_over_a_year_in_words_changed_first(data_file: Path) -> None:
    empty = cli("changes", *_d(data_file))
    assert empty.returncode == 0 and "No check-ins yet." in empty.stdout
    _a_year_of_checkins(data_file)
    shown = cli("changes", *_d(data_file))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("This is your own record, not a diagnosis.")
    assert lines[1] == "1 area harder, 1 area easier and 1 area the same."
    assert lines[2] == (
        "Your latest check-in, 1 September 2026, compared with 1 September 2025 (about a "
        "year before), 2 March 2026 (about 6 months before) and 3 June 2026 (about 3 "
        "months before)."
    )
    assert lines[3] == "Changed:"
    assert lines[4] == (
        "Walking and balance: no trouble in September 2025, a little in March, a little in "
        "June, a lot now: harder."
    )
    assert lines[5].startswith("Tiredness: a lot in September 2025, not answered in March")
    assert lines[6] == "The same:"
    assert lines[7].startswith("Pain: a little in September 2025")
    # Then the chart: a line per area, its words first, the bars (quiet in readers) after.
    chart = lines[lines.index(next(x for x in lines if x.startswith("Chart, "))) :]
    assert chart[0] == (
        "Chart, a bar for each check-in: September 2025, March, June, then now. One ! for no "
        "trouble, up to five for cannot do it."
    )
    assert chart[1:] == [
        "Walking and balance: harder   !     !!    !!    !!!!",
        "Tiredness: easier             !!!!        !!!   !!!",
        "Pain: the same                !!    !!          !!",
    ]
    since = cli("changes", "--since", "6m", *_d(data_file))
    assert "compared with 2 March 2026 (about 6 months before)." in since.stdout
    assert "Walking and balance: a little in March, a lot now: harder." in since.stdout
    wrong = cli("changes", "--since", "soon", *_d(data_file))
    assert wrong.returncode == 2 and "Give months like 6m" in wrong.stderr


def test_changes_as_json_with_iso_dates(data_file: Path) -> None:
    _a_year_of_checkins(data_file)
    document = json.loads(cli("changes", "--json", *_d(data_file)).stdout)
    assert (document["format"], document["version"]) == ("spms-navigator/changes", 1)
    assert document["latest"] == "2026-09-01"
    assert [p["date"] for p in document["compared"]] == ["2025-09-01", "2026-03-02", "2026-06-03"]
    walking = document["areas"][0]
    assert walking["area"] == "walking" and walking["change"] == "harder"
    assert walking["now"] == "a-lot"
    assert [e["level"] for e in walking["earlier"]] == ["no-trouble", "a-little", "a-little"]
    assert "not a diagnosis" in document["not_a_diagnosis"]


def test_visits_with_the_notes_raised_at_them(data_file: Path) -> None:
    d = _d(data_file)
    person = cli("people", "add", "Dr Lee", "--role", "care-team", *d)
    assert person.returncode == 0
    past = cli("visit", "add", "--date", "2026-05-02", "--person", "1", "--why", "Check-up", *d)
    assert past.stdout == "Saved visit 1: Visit on 2 May 2026 with Dr Lee. Why: Check-up.\n"
    planned = (date.today() + timedelta(days=10)).isoformat()
    cli("visit", "add", "--date", planned, "--with", "Nurse Kim", *d)
    cli("note", "add", "--title", "Heat", "--kind", "question", "--body", "", *d)
    unsure = cli("note", "raise", "1", "--answer", "Try a cooling vest.", *d)
    assert unsure.returncode == 2 and "Note 1 could be for 2 visits: 2 on" in unsure.stderr
    raised = cli("note", "raise", "1", "--answer", "Try a cooling vest.", "--visit", "1", *d)
    assert raised.stdout == (
        "Marked note 1 as raised with your care team at your visit on 2 May 2026 with Dr Lee. "
        "Their answer: Try a cooling vest.\n"
    )
    listed = cli("visit", "list", *d).stdout.splitlines()
    assert listed[0].split("\t")[2:] == ["Nurse Kim", "", "next"]
    assert listed[1] == "1\t2 May 2026\tDr Lee\tCheck-up\t1 note raised"
    shown = cli("visit", "show", "1", *d)
    assert shown.stdout.splitlines()[1:] == [
        "Note 1, Question: Heat",
        "  Answer: Try a cooling vest.",
    ]
    document = json.loads(cli("visit", "show", "1", "--json", *d).stdout)
    assert document["format"] == "spms-navigator/visit"
    assert document["visit"]["date"] == "2026-05-02" and document["visit"]["with"] == "Dr Lee"
    assert document["visit"]["notes"][0]["answer"] == "Try a cooling vest."
    assert json.loads(cli("visit", "list", "--json", *d).stdout)["visits"][1]["raised"] == 1
    # The answer can be changed; un-raising puts the note back on the list, off the visit.
    cli("note", "raise", "1", "--answer", "Keep cool.", *d)
    with saved(data_file) as nav:
        note = nav.notes.get(1)
        assert (note.raised, note.answer, note.visit_id) == (True, "Keep cool.", 1)
    assert cli("note", "unraise", "1", *d).returncode == 0
    assert "No notes were marked as raised" in cli("visit", "show", "1", *d).stdout
    # Raised again at a visit named; deleting the visit keeps the note raised.
    cli("note", "raise", "1", "--visit", "1", *d)
    moved = cli("visit", "edit", "1", "--date", "2026-05-09", *d)
    assert moved.stdout == "Saved visit 1: Visit on 9 May 2026 with Dr Lee. Why: Check-up.\n"
    refused = cli("visit", "delete", "1", *d)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert cli("visit", "delete", "1", "--yes", *d).returncode == 0
    with saved(data_file) as nav:
        note = nav.notes.get(1)
        assert (note.raised, note.answer, note.visit_id) == (True, "Keep cool.", None)
        assert [v.with_whom for v in nav.visits.all()] == ["Nurse Kim"]
    unknown = cli("note", "raise", "1", "--visit", "7", *d)
    assert unknown.returncode == 1 and "There is no visit number 7." in unknown.stderr


def _fake_printer(folder: Path, name: str = "lp") -> Path:
    """A stand-in print command that keeps what it was given, instead of printing."""
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / name
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "here = pathlib.Path(sys.argv[0]).parent\n"
        "(here / 'printed.txt').write_text(sys.stdin.read())\n"
        "(here / 'args.txt').write_text(' '.join(sys.argv[1:]))\n"
    )
    fake.chmod(0o755)
    return folder


def test_visit_print_says_what_then_prints_with_lp(data_file: Path, tmp_path: Path) -> None:
    d = _d(data_file)
    planned = (date.today() + timedelta(days=10)).isoformat()
    cli("visit", "add", "--date", planned, "--with", "Dr Lee", "--why", "Yearly check-up", *d)
    cli("checkin", "--date", "2026-01-05", "walking=a-little", *d)
    cli("checkin", "--date", "2026-04-06", "walking=a-lot", "--words", "walking=Stairs", *d)
    printer = _fake_printer(tmp_path / "bin")
    env = {"PATH": f"{printer}{os.pathsep}{os.environ['PATH']}"}
    refused = cli("visit", "print", *d, env=env)
    title = f"For my visit on {_long(date.today() + timedelta(days=10))}"
    assert refused.stdout.startswith(f"The summary '{title}', ")
    assert f"to the printer with the command: lp -t '{title}'." in refused.stdout
    assert refused.returncode == 1 and "Add --yes to print." in refused.stderr
    assert not (printer / "printed.txt").exists()
    printed = cli("visit", "print", "--yes", *d, env=env)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.splitlines()[-1].startswith("Sent the summary to the printer with lp")
    text = (printer / "printed.txt").read_text()
    assert text.startswith(title.upper())
    assert "With Dr Lee. Why: Yearly check-up." in text
    assert "Changes in my check-ins:" in text
    assert "- Walking and balance: a lot. My words: Stairs." in text  # how I am now
    assert "- Walking and balance: a little in January, a lot now: harder." in text
    margins = "-o page-left=54 -o page-right=54 -o page-top=54 -o page-bottom=54"
    assert (printer / "args.txt").read_text() == f"-t {title} {margins} -o cpi=12 -o lpi=7"


def test_without_a_print_command_the_summary_is_saved_and_said(
    data_file: Path, tmp_path: Path
) -> None:
    nowhere = tmp_path / "empty-bin"
    nowhere.mkdir()
    target = tmp_path / "summary.txt"
    target.write_text("an older summary")  # never replaced
    done = cli(
        "visit", "print", "--output", str(target), *_d(data_file), env={"PATH": str(nowhere)}
    )
    assert done.returncode == 0, done.stderr
    assert "There is no print command (lp or lpr) on this computer." in done.stdout
    kept = tmp_path / "summary-2.txt"
    assert f"Saved it instead, readable by you only, to: {kept}" in done.stdout
    assert kept.read_text().startswith("FOR MY NEXT APPOINTMENT")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert target.read_text() == "an older summary"


def test_config_show_says_my_name_and_the_reminder_chosen_in_the_app(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.set_setting("my_name", "Alex Morgan")
        nav.checkins.set_every_days(14)
    shown = cli("config", "show", *_d(data_file))
    assert '#   my_name = "Alex Morgan"  (your choice, kept in the data file)' in shown.stdout
    assert "#   checkin_every_days = 14  (your choice, kept in the data file)" in shown.stdout
    document = json.loads(cli("config", "show", "--json", *_d(data_file)).stdout)
    assert document["in_data_file"]["checkin_every_days"] == {"value": 14, "from": "app"}
