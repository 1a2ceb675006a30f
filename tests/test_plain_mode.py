"""The plain line mode: every feature from a script of typed lines, checked by transcript."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.process import cli
from tests.terminal import Terminal
from tui.core.service import open_navigator
from tui.core.text import said_digit_by_digit
from tui.plain.app import PlainApp
from tui.plain.console import Console

ROOT = Path(__file__).resolve().parent.parent


def run_plain(data_file: Path, *lines: str) -> str:
    """Type ``lines`` into the plain mode and return everything it printed."""
    out = io.StringIO()
    nav = open_navigator(data_file)
    try:
        status = PlainApp(nav, Console(io.StringIO("".join(f"{x}\n" for x in lines)), out)).run()
    finally:
        nav.store.close()
    assert status == 0
    return out.getvalue()


def test_home_says_what_it_is_and_numbers_the_areas(data_file: Path) -> None:
    text = run_plain(data_file, "q")
    assert text.startswith("SPMS Navigator. SPMS Navigator helps you learn")
    assert "This app gives information, not medical advice." in text
    for line in [
        "1. Topics: read about living with SPMS. Key t.",
        "2. Support-network checklist: 0 of 21 done. Key c.",
        "3. Notes: 0 notes. Key n.",
        "4. Check in: how things are going, in under two minutes. Key k.",
        "5. Prepare for a visit: what to raise with your care team. Key v.",
        "6. My visits: past and planned, and the notes raised at each.",
        "7. My people: who helps with what. Key p.",
        "8. My medicines: doses and every change, dated. Key x.",
        "9. Events: log a fall, an infection or a hot day. Key i.",
        "10. Your data: export, import a backup, or delete it.",
        "11. Help: keys, and where your data is kept. Key h.",
        "12. Urgent help: where to get help now, day or night. Key u.",
        "13. My name, the check-in reminder, and the full-screen app.",
    ]:
        assert line in text.splitlines()
    assert text.rstrip().endswith("Goodbye. Everything you changed is saved.")


def test_read_a_topic_with_its_sources(data_file: Path) -> None:
    text = run_plain(data_file, "1", "2", "b", "b", "q")
    assert "Topic: Social and emotional support." in text
    assert said_digit_by_digit("866-673-7436") in text
    assert "Source: Support for Life with Secondary Progressive MS" in text
    assert "Reviewed on 7 December 2026; next review by 7 June 2027." in text
    assert "1. Checklist: Call an MS helpline: not done yet." in text


def test_work_through_the_checklist(data_file: Path) -> None:
    text = run_plain(
        data_file,
        "c",
        "15",
        "1",
        "2",
        "Ana",
        "3",
        "Tuesday evenings",
        "b",
        "a",
        "Ring Mum on Sundays",
        "22",
        "5",
        "yes",
        "q",
    )
    assert "Saved: this item is done. 1 of 21 done." in text
    assert "Saved who helps." in text
    assert "Saved your note." in text
    assert "15. ✓ Call an MS helpline: done. Peer support. Who helps: Ana." in text
    assert "Added your item: Ring Mum on Sundays. It is not done yet." in text
    assert "Deleted your item." in text
    nav = open_navigator(data_file)
    try:
        entry = nav.checklist.entry("peer-helpline")
        assert (entry.done, entry.helper, entry.note) == (True, "Ana", "Tuesday evenings")
        assert nav.checklist.progress().sentence() == "1 of 21 done"
    finally:
        nav.store.close()


def test_write_filter_change_and_delete_notes(data_file: Path) -> None:
    text = run_plain(
        data_file,
        "n",
        "a",
        "Heat",
        "Hot days make me tired.",
        "Since June.",
        ".",
        "a",
        "Stairs",
        "Harder than in spring.",
        ".",
        "f",
        "june",
        "1",
        "1",
        "Heat and fatigue",
        "b",
        "f",
        "",
        "2",
        "3",
        "no",
        "3",
        "yes",
        "q",
    )
    assert "Saved the note: Heat" in text
    assert "Notes matching 'june': 1 of 2." in text
    assert "Hot days make me tired.\nSince June.\nEnd of the note." in text
    assert "Saved the new title." in text
    assert "Kept. Nothing was deleted." in text
    assert "Deleted the note." in text
    nav = open_navigator(data_file)
    try:
        assert [n.title for n in nav.notes.all()] == ["Stairs"]
    finally:
        nav.store.close()


def test_a_note_about_a_topic_is_reached_from_the_topic(data_file: Path) -> None:
    text = run_plain(data_file, "t", "4", "3", "Who leads my care?", ".", "b", "4", "q")
    assert "Saved the note: Who leads my care?" in text
    assert "3. Your note: Who leads my care?" in text


def test_help_shows_the_data_file(data_file: Path) -> None:
    text = run_plain(data_file, "h", "q")
    assert f"Your data file: {data_file}" in text


def test_wrong_answers_get_a_sentence(data_file: Path) -> None:
    text = run_plain(data_file, "14", "hello", "q")
    assert "'14' is not one of the choices. Type a number from 1 to 13." in text
    assert "'hello' is not one of the choices." in text


def test_end_of_input_mid_note_keeps_what_was_typed(data_file: Path) -> None:
    text = run_plain(data_file, "n", "a", "Unfinished", "first line")  # then Ctrl+D
    assert text.rstrip().endswith("Goodbye. Everything you changed is saved.")
    nav = open_navigator(data_file)
    try:
        (note,) = nav.notes.all()
        assert (note.title, note.body) == ("Unfinished", "first line")
    finally:
        nav.store.close()


def test_note_text_is_printed_harmlessly(data_file: Path) -> None:
    nav = open_navigator(data_file)
    nav.notes.create("Bad \x1b]0;PWNED\x07 title\n2. Fake menu line", "\x1b[2Jbody\x00")
    nav.store.close()
    text = run_plain(data_file, "n", "1", "q")
    assert "\x1b" not in text and "\x00" not in text
    assert "Note: Bad ␛]0;PWNED␇ title␊2. Fake menu line" in text
    assert "\n2. Fake menu line" not in text


def _spawn(
    data_file: Path, *args: str, env: dict[str, str] | None = None, stdin: str = "q\n"
) -> subprocess.CompletedProcess[str]:
    return cli("--data-file", str(data_file), *args, stdin=stdin, env=env)


def test_plain_flag_over_variable_over_setting(data_file: Path) -> None:
    nav = open_navigator(data_file)
    nav.set_setting("plain", True)
    nav.store.close()
    assert "Home. Choose an area." in _spawn(data_file).stdout  # the saved setting
    off = {"SPMS_NAVIGATOR_PLAIN": "0"}
    on = {"SPMS_NAVIGATOR_PLAIN": "1"}
    assert "Home. Choose an area." in _spawn(data_file, "--plain", env=off).stdout
    assert "Home. Choose an area." in _spawn(data_file, env=on).stdout
    nav = open_navigator(data_file)
    nav.set_setting("plain", False)
    nav.store.close()
    assert "Home. Choose an area." in _spawn(data_file, env=on).stdout


def test_plain_mode_never_imports_textual_and_prints_no_escapes(data_file: Path) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"status = main(['--plain', '--data-file', {str(data_file)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print('textual modules:', bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input="1\n1\nb\nc\nn\nh\nq\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("textual modules: []")
    assert "\x1b" not in result.stdout


def test_ctrl_c_and_ctrl_d_leave_cleanly_in_a_terminal(data_file: Path) -> None:
    with Terminal.app(data_file, "--plain") as term:
        term.wait_for("Your choice:")
        term.type("3\n")
        term.type("a\n")
        term.type("Typed then Ctrl+C\n")
        term.type("some words\n")
        term.type(".\n")
        term.wait_for("Saved the note: Typed then Ctrl+C")
        os.killpg(term.process.pid, signal.SIGINT)
        term.wait_for("Goodbye. Everything you changed is saved.")
        assert term.process.wait(timeout=10) == 0
        assert "Traceback" not in term.text()
    with Terminal.app(data_file, "--plain") as term:
        term.wait_for("3. Notes: 1 note.")
        term.send("ctrl+d")
        term.wait_for("Goodbye. Everything you changed is saved.")
        assert term.process.wait(timeout=10) == 0
    time.sleep(0.1)


def test_prepare_for_a_visit_in_plain_mode(data_file: Path, tmp_path: Path) -> None:
    summary = tmp_path / "visit.txt"
    text = run_plain(
        data_file,
        "v",
        "a",
        "Is heat making it worse?",
        ".",
        "w",
        "1",
        "Stairs are slower.",
        ".",
        "2",
        "1",
        "Yes: keep cool",
        "e",
        str(summary),
        "q",
    )
    assert "Saved the note (Question): Is heat making it worse?" in text
    assert "Saved the note (Change I noticed): Compared with a few months ago" in text
    assert "Saved: marked as raised: Is heat making it worse?" in text
    assert "Question: Is heat making it worse? Raised. Answer: Yes: keep cool." in text
    assert f"Exported, readable by you only, to: {summary}" in text
    assert "Stairs are slower." in summary.read_text()


def test_my_people_in_plain_mode(data_file: Path) -> None:
    text = run_plain(
        data_file,
        "p",
        "a",
        "Dr Lee",
        "1",
        "neurologist",
        "555 0100",
        "check-ups",
        "w",
        "Advice about diets",
        "2",
        "no",
        "2",
        "yes",
        "1",
        "2",
        "yes",
        "q",
    )
    assert "Saved: Dr Lee: Care team member (neurologist). Reach: 555 0100." in text
    assert "Saved: you do not want Advice about diets" in text
    assert "Kept. Nothing was deleted." in text
    assert text.count("Deleted.") == 2
    nav = open_navigator(data_file)
    try:
        assert nav.people.all() == [] and nav.people.unwanted() == []
    finally:
        nav.store.close()


def test_export_import_and_delete_in_plain_mode(data_file: Path, tmp_path: Path) -> None:
    backup_file = tmp_path / "backup.json"
    text = run_plain(
        data_file,
        "n",
        "a",
        "Keep me",
        "text",
        ".",
        "b",
        "10",
        "2",
        str(backup_file),
        "4",
        "delete my data",
        "3",
        str(backup_file),
        "yes",
        "q",
    )
    assert "Deleted all your data" in text and "does not always wipe it" in text
    assert "1 new note." in text and "Imported. Nothing was duplicated." in text
    nav = open_navigator(data_file)
    try:
        assert [n.title for n in nav.notes.all()] == ["Keep me"]
    finally:
        nav.store.close()


def test_a_raised_note_can_go_back_on_the_list(data_file: Path) -> None:
    text = run_plain(data_file, "v", "a", "Heat?", ".", "1", "1", "Rest", "1", "2", "q")
    assert "Saved: marked as raised: Heat?" in text
    assert "Raised. Answer: Rest" in text
    assert "Saved: back on the list to raise: Heat?" in text
    assert text.count("Question: Heat? Not raised yet.") == 2


def _to_the_question(term: Terminal) -> None:
    """Press Enter at each More prompt until the app asks its question."""
    for _ in range(10):
        term.settle()
        last = term.text().rstrip().splitlines()[-1]
        if last.startswith("Your choice:"):
            return
        assert last.startswith("More: press Enter to go on"), last
        term.type("\n")
    raise AssertionError(term.text())


def test_long_output_is_paged_title_first_and_wrapped_between_words(data_file: Path) -> None:
    """In a 80x24 terminal a topic and the checklist stop at a "More" prompt, so a screen
    reader can read them before they scroll away; no line is broken mid-word."""
    with Terminal.app(data_file, "--plain", columns=80, rows=24) as term:
        term.wait_for("Your choice:")
        term.type("c\n")
        term.wait_for("More: press Enter to go on")
        screen = term.text()
        assert "Support-network checklist. Progress: 0 of 21 done." in screen
        assert "1. See a neurologist for regular check-ups: not done yet." in screen
        _to_the_question(term)
        assert "21. " in term.text()
        term.type("t\n")
        term.wait_for("More: press Enter to go on")
        term.type("2\n")  # a choice typed at More: no need to page to the end first
        term.wait_for("More: press Enter to go on")
        assert "Topic: Social and emotional support." in term.text()
        term.type("q\n")  # stop reading: straight to the topic's menu
        term.wait_for("What next?")
        # Every row fits: the terminal never had to break a line itself (mid-word).
        assert all(len(row.rstrip()) < 80 for row in term.screen.display)
        term.type("q\n")
        assert term.process.wait(timeout=10) == 0


def test_ctrl_c_while_writing_a_note_keeps_what_was_typed(data_file: Path) -> None:
    with Terminal.app(data_file, "--plain") as term:
        term.wait_for("Your choice:")
        term.type("n\n")
        term.type("a\n")
        term.type("Heat\n")
        term.type("Hot days make me tired.\n")
        os.killpg(term.process.pid, signal.SIGINT)
        term.wait_for("Saved what you had typed as a note: Heat")
        term.wait_for("Goodbye. Everything you changed is saved.")
        assert term.process.wait(timeout=10) == 0
    nav = open_navigator(data_file)
    try:
        (note,) = nav.notes.all()
        assert (note.title, note.body) == ("Heat", "Hot days make me tired.")
    finally:
        nav.store.close()


def test_a_closed_terminal_or_sigterm_keeps_a_half_typed_note(data_file: Path) -> None:
    for number, stop in enumerate((signal.SIGHUP, signal.SIGTERM)):
        with Terminal.app(data_file, "--plain") as term:
            term.wait_for("Your choice:")
            term.type("n\n")
            term.type("a\n")
            term.type(f"Stairs {number}\n")
            term.type("Slower than in spring.\n")
            os.kill(term.process.pid, stop)
            assert term.process.wait(timeout=10) == 0
    nav = open_navigator(data_file)
    try:
        assert sorted((n.title, n.body) for n in nav.notes.all()) == [
            ("Stairs 0", "Slower than in spring."),
            ("Stairs 1", "Slower than in spring."),
        ]
    finally:
        nav.store.close()


def test_a_kill_mid_note_is_offered_back_at_the_next_start(data_file: Path) -> None:
    """Each finished line is kept in a draft: a kill -9 or a power cut loses at most
    the line being typed, and the next start offers the words back."""
    with Terminal.app(data_file, "--plain") as term:
        term.wait_for("Your choice:")
        term.type("n\n")
        term.type("a\n")
        term.type("Heat\n")
        term.type("Hot days make me tired.\n")
        term.type("Cool baths help.\n")
        term.process.kill()
        term.process.wait()
    text = run_plain(data_file, "1", "q")
    assert "When the app last closed, this was not saved yet: a new note, Heat" in text
    assert "Saved the words as a note: Heat" in text
    nav = open_navigator(data_file)
    try:
        (note,) = nav.notes.all()
        assert (note.title, note.body) == ("Heat", "Hot days make me tired.\nCool baths help.")
    finally:
        nav.store.close()
    assert "When the app last closed" not in run_plain(data_file, "q")  # offered once
