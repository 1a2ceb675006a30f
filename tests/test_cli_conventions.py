"""What people expect of any command line: help with examples, a version, completion,
quiet on a closed pipe, questions in a terminal, and usage mistakes that name the fix."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bench.store_bench import build
from tests.process import ROOT, cli, saved
from tests.terminal import Terminal
from tui import __version__


def test_every_command_and_action_has_examples_in_its_help() -> None:
    from tui.cli.parser import build_tree

    tree = build_tree()
    assert len(tree.parsers) > 30
    for path, parser in tree.parsers.items():
        text = parser.format_help()
        assert "Examples:\n  spms-navigator" in text, " ".join(path)
        assert "--data-file" in text, " ".join(path)


def test_help_subcommand_prints_the_same_as_dash_dash_help() -> None:
    assert cli("help", "note", "edit").stdout == cli("note", "edit", "--help").stdout
    top = cli("help")
    assert top.returncode == 0 and top.stdout == cli("--help").stdout
    unknown = cli("help", "nope")
    assert unknown.returncode == 2
    assert "There is no command 'nope'. To see the commands, run: spms-navigator help" in (
        unknown.stderr
    )


def test_version_short_and_long() -> None:
    for flag in ("-V", "--version"):
        result = cli(flag)
        assert (result.returncode, result.stdout) == (0, f"spms-navigator {__version__}\n")


def test_completion_works_in_bash(tmp_path: Path) -> None:
    script = tmp_path / "spms-navigator.bash"
    script.write_text(cli("completion", "bash").stdout)

    def complete(*words: str) -> list[str]:
        line = " ".join(("spms-navigator", *words))
        code = (
            f"source {script}\n"
            f"COMP_WORDS=(spms-navigator {' '.join(repr(w) for w in words)})\n"
            f"COMP_CWORD={len(words)}\nCOMP_LINE={line!r}\nCOMP_POINT=${{#COMP_LINE}}\n"
            "_shtab_spms_navigator\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
        )
        done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert complete("no") == ["note"]
    assert complete("note", "ra") == ["raise"]
    assert complete("people", "unwanted", "") == ["list", "add", "delete"]
    assert "concern" in complete("note", "add", "--kind", "")
    assert complete("checklist", "set", "x", "--no-") == ["--no-person"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_completion_scripts_for_zsh_and_fish(shell: str) -> None:
    result = cli("completion", shell)
    assert result.returncode == 0 and "unraise" in result.stdout and "delete-all" in result.stdout
    assert cli("completion", "tcsh").returncode == 2


def test_a_closed_pipe_ends_quietly(data_file: Path) -> None:
    build(data_file, 3000)
    result = subprocess.run(
        [
            "bash",
            "-c",
            'set -o pipefail; "$0" -m tui note list --data-file "$1" | head -1',
            sys.executable,
            str(data_file),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("3000\t")


def test_python_dash_m_tui_and_the_entry_point_are_the_same_command() -> None:
    from tui.cli import main

    assert main.__module__ == "tui.cli.program"
    assert "tui.cli:main" in (ROOT / "pyproject.toml").read_text()


def _in_terminal(data_file: Path, *args: str) -> Terminal:
    return Terminal([sys.executable, "-m", "tui", *args, "--data-file", str(data_file)])


def _finish(term: Terminal) -> int:
    code = term.process.wait(timeout=30)
    term.settle(quiet=0.1, limit=2)
    return code


def test_note_delete_asks_in_a_terminal(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "Heat", "--body", "", *d)
    cli("note", "add", "--title", "Stairs", "--body", "", *d)
    with _in_terminal(data_file, "note", "delete", "1") as term:
        term.wait_for("Delete note 1, Heat? It cannot be undone. Type y")
        term.type("\r")  # just Enter keeps it
        assert _finish(term) == 1
        assert "Kept note 1." in term.text()
    with _in_terminal(data_file, "note", "delete", "2") as term:
        term.wait_for("Delete note 2, Stairs?")
        term.type("y\r")
        assert _finish(term) == 0
        assert "Deleted note 2: Stairs" in term.text()
    with saved(data_file) as nav:
        assert [n.title for n in nav.notes.all()] == ["Heat"]


def test_people_and_checklist_deletes_ask_in_a_terminal(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("people", "add", "Ann", *d)
    cli("checklist", "add", "Walking aid", *d)
    with _in_terminal(data_file, "people", "delete", "1") as term:
        term.wait_for("Remove Ann (number 1) from My people?")
        term.type("yes\r")
        assert _finish(term) == 0
    with _in_terminal(data_file, "checklist", "delete", "own-1") as term:
        term.wait_for("Delete your item own-1, Walking aid?")
        term.send("ctrl+d")
        assert _finish(term) == 1
    with saved(data_file) as nav:
        assert nav.people.all() == [] and nav.checklist.entry("own-1").own


def test_delete_all_asks_for_the_phrase_in_a_terminal(data_file: Path) -> None:
    cli("note", "add", "--title", "Heat", "--body", "", "--data-file", str(data_file))
    with _in_terminal(data_file, "delete-all") as term:
        term.wait_for('type "delete my data"')
        term.type("y\r")  # not the phrase: nothing happens
        assert _finish(term) == 1
        assert "Nothing was deleted." in term.text()
    with saved(data_file) as nav:
        assert nav.notes.count() == 1
    with _in_terminal(data_file, "delete-all") as term:
        term.wait_for('type "delete my data"')
        term.type("delete my data\r")
        assert _finish(term) == 0
    with saved(data_file) as nav:
        assert nav.notes.count() == 0


def test_import_shows_the_changes_then_asks_in_a_terminal(data_file: Path, tmp_path: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "Heat", "--body", "", *d)
    backup = tmp_path / "backup.json"
    cli("export", "--format", "json", "--output", str(backup), *d)
    other = tmp_path / "other.json"
    with _in_terminal(other, "import", str(backup)) as term:
        term.wait_for("Import these? Type y")
        assert "1 new note." in term.text()
        term.type("y\r")
        assert _finish(term) == 0
    with saved(other) as nav:
        assert [n.title for n in nav.notes.all()] == ["Heat"]


def test_a_crash_in_a_command_is_a_sentence_not_a_traceback(data_file: Path) -> None:
    code = (
        "import sys\n"
        "from tui.cli import notes, program\n"
        "def broken(args, nav): raise RuntimeError('my private words')\n"
        "notes.note_list.__code__ = broken.__code__\n"
        f"sys.exit(program.main(['note', 'list', '--data-file', {str(data_file)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 1
    assert "something went wrong that should not have (RuntimeError)" in result.stderr
    assert "Traceback" not in result.stderr and "my private words" not in result.stderr


def test_only_the_command_typed_is_built_in_full() -> None:
    """argparse costs about a millisecond a parser: starting the app builds none of them."""
    from tui.cli.parser import build_tree

    def built(*argv: str) -> set[str]:
        return {" ".join(path) for path in build_tree(argv).parsers if len(path) > 1}

    assert built() == set()
    assert built("--plain") == set()
    assert "note add" in built("note", "list") and "people add" not in built("note", "list")
    assert "people edit" in built("--data-file", "x.json", "people")
    assert "people edit" in built("--data=x.json", "people", "list")
    assert "people edit" in built("--data", "x.json", "people")
    assert "note edit" in built("help") and "people edit" in built("completion", "bash")
    assert "note edit" in built("nte")  # a typo: argparse lists every command
    top = build_tree([]).root.format_help()
    assert all(name in top for name in ("note", "people", "delete-all", "completion"))
    typo = cli("nte")
    assert typo.returncode == 2 and "invalid choice: 'nte'" in typo.stderr


def test_every_json_command_and_its_format_is_in_the_reference() -> None:
    from tui.cli.parser import build_tree

    reference = (ROOT / "docs" / "cli.md").read_text("utf-8")
    with_json = [
        " ".join(path)
        for path, parser in build_tree().parsers.items()
        if parser.get_default("takes_json")
    ]
    assert len(with_json) >= 14
    for command in with_json:
        assert f"`{command}`" in reference, command
    for thing in (
        "notes",
        "note",
        "checklist",
        "checklist-item",
        "people",
        "person",
        "unwanted-help",
        "topics",
        "topic",
    ):
        assert f"`spms-navigator/{thing}`" in reference


def test_topics_topic_and_checklist_json(data_file: Path) -> None:
    topics = json.loads(cli("topics", "--json").stdout)
    assert topics["format"] == "spms-navigator/topics" and len(topics["topics"]) == 22
    first = (ROOT / "data" / "topics" / "01-what-is-spms.toml").read_text("utf-8")
    reviewed = first.split("\nreviewed = ")[1].split()[0]
    assert topics["topics"][0]["last_reviewed"] == reviewed  # an ISO 8601 date
    assert date.fromisoformat(topics["topics"][0]["next_review"]) > date.fromisoformat(reviewed)
    topic = json.loads(cli("topic", "emotional-support", "--json").stdout)
    assert topic["format"] == "spms-navigator/topic"
    assert {"blocks", "contacts", "sources"} <= set(topic["topic"])
    assert "MS Navigator" in json.dumps(topic["topic"]["contacts"])
    checklist = json.loads(cli("checklist", "list", "--json", "--data-file", str(data_file)).stdout)
    assert checklist["format"] == "spms-navigator/checklist" and len(checklist["items"]) == 21


def test_an_option_a_command_does_not_take_names_that_commands_help(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "Heat", "--body", "", *d)
    result = cli("note", "delete", "1", "--json", *d)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("usage: spms-navigator note delete")
    assert result.stderr.endswith(
        "--json does not apply here. To see the options of this command, "
        "run: spms-navigator help note delete\n"
    )
    with saved(data_file) as nav:
        assert nav.notes.count() == 1


def test_json_before_the_action_and_where_it_does_not_apply(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    for words in (["checklist"], ["checklist", "list"]):
        listed = cli(words[0], "--json", *words[1:], *d)
        assert json.loads(listed.stdout)["format"] == "spms-navigator/checklist", words
    unwanted = cli("people", "--json", "unwanted", *d)
    assert json.loads(unwanted.stdout)["format"] == "spms-navigator/unwanted-help"
    ticked = cli("checklist", "--json", "done", "pr-meals", *d)
    assert json.loads(ticked.stdout)["item"]["done"] is True
    wrong = cli("people", "--json", "delete", "1", "--yes", *d)
    assert wrong.returncode == 2 and "--json goes with the commands that list or show" in (
        wrong.stderr
    )
    older = cli("people", "--add", "Ann", "--json", *d)
    assert older.returncode == 2 and "people add" in older.stderr
    with saved(data_file) as nav:
        assert nav.people.all() == []


def test_ctrl_c_at_a_question_stops_quietly_and_changes_nothing(data_file: Path) -> None:
    cli("note", "add", "--title", "Heat", "--body", "", "--data-file", str(data_file))
    with _in_terminal(data_file, "note", "delete", "1") as term:
        term.wait_for("Delete note 1, Heat?")
        term.process.send_signal(signal.SIGINT)
        assert _finish(term) == 130
        assert "Traceback" not in term.text() and "KeyboardInterrupt" not in term.text()
    with saved(data_file) as nav:
        assert nav.notes.count() == 1


def test_a_closed_stdin_is_the_same_as_an_empty_one(data_file: Path) -> None:
    """Some schedulers start commands with no standard input at all."""
    script = '"$0" -m tui note add --title Heat --data-file "$1" <&-; echo "status $?"'
    result = subprocess.run(
        ["bash", "-c", script, sys.executable, str(data_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (result.stdout, result.stderr) == (
        "Saved note 1: Heat\nstatus 0\n",
        f"spms-navigator: Started a new data file at {data_file}.\n",
    )
