"""The scriptable command line, through a real subprocess: output, errors and exit status."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.cli_runner import cli
from tui.core.text import said_digit_by_digit

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["note"],
        ["note", "add"],
        ["note", "list"],
        ["note", "show"],
        ["note", "delete"],
        ["checklist"],
        ["topics"],
        ["topic"],
        ["people"],
        ["export"],
        ["import"],
        ["delete-all"],
    ],
)
def test_every_command_has_help(args: list[str]) -> None:
    result = cli(*args, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: spms-navigator")
    assert "--data-file" in result.stdout


def test_notes_from_options_and_stdin(data_file: Path) -> None:
    added = cli(
        "note",
        "add",
        "--title",
        "Heat",
        "--body",
        "Hot days",
        "--kind",
        "question",
        "--data-file",
        str(data_file),
    )
    assert (added.returncode, added.stdout) == (0, "Saved note 1: Heat\n")
    piped = cli(
        "--data-file",
        str(data_file),
        "note",
        "add",
        "--title",
        "Stairs",
        "--item",
        "ct-changes",
        stdin="Slower than in spring.\n",
    )
    assert piped.returncode == 0
    listed = cli("note", "list", "--data-file", str(data_file))
    lines = listed.stdout.splitlines()
    assert [line.split("\t")[2] for line in lines] == ["Stairs", "Heat [Question]"]
    shown = cli("note", "show", "2", "--data-file", str(data_file))
    assert "About: Checklist: Keep track of changes you notice" in shown.stdout
    assert shown.stdout.rstrip().endswith("Slower than in spring.")
    only = cli("note", "list", "--kind", "question", "--data-file", str(data_file))
    assert only.stdout.count("\n") == 1


def test_the_environment_variable_names_the_data_file(data_file: Path) -> None:
    env = {"SPMS_NAVIGATOR_DATA_FILE": str(data_file)}
    assert cli("note", "add", "--title", "via env", "--body", "", env=env).returncode == 0
    assert "via env" in cli("note", "list", "--data-file", str(data_file)).stdout


def test_errors_go_to_stderr_with_status_1_and_usage_mistakes_status_2(data_file: Path) -> None:
    missing = cli("note", "show", "42", "--data-file", str(data_file))
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == (  # a new file at a path given by hand is said, so a typo shows
        f"spms-navigator: Started a new data file at {data_file}.\n"
        "spms-navigator: There is no note number 42. "
        "To see your notes and their numbers, run: spms-navigator note list\n"
    )
    again = cli("note", "show", "42", "--data-file", str(data_file))
    assert again.stderr == (
        "spms-navigator: There is no note number 42. "
        "To see your notes and their numbers, run: spms-navigator note list\n"
    )
    unknown = cli("topic", "nope", "--data-file", str(data_file))
    assert unknown.returncode == 1 and "There is no topic called 'nope'" in unknown.stderr
    bad = cli("note", "frobnicate")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    cli("note", "add", "--title", "Kept", "--body", "", "--data-file", str(data_file))
    undeleted = cli("note", "delete", "1", "--data-file", str(data_file))
    assert undeleted.returncode == 1 and "add --yes to delete note 1" in undeleted.stderr


def test_checklist_topics_and_topic(data_file: Path) -> None:
    ticked = cli("checklist", "--done", "peer-helpline", "--data-file", str(data_file))
    assert ticked.stdout.startswith("Saved: Call an MS helpline is done.\nProgress: 1 of 21 done.")
    topics = cli("topics").stdout.splitlines()
    assert len(topics) == 22 and topics[0].startswith("what-is-spms\tWhat SPMS is.")
    topic = cli("topic", "emotional-support").stdout
    assert said_digit_by_digit("866-673-7436") in topic and "not medical advice" in topic


def test_markup_and_escapes_in_arguments_are_stored_exactly_and_printed_harmlessly(
    data_file: Path,
) -> None:
    title = "[bold]x[/] \x1b]0;PWNED\x07 \x1b[31m"
    assert (
        cli("note", "add", "--title", title, "--body", "", "--data-file", str(data_file)).returncode
        == 0
    )
    listed = cli("note", "list", "--data-file", str(data_file)).stdout
    assert "\x1b" not in listed and "[bold]x[/] ␛]0;PWNED␇ ␛[31m" in listed
    export = cli("export", "--format", "json", "--output", "-", "--data-file", str(data_file))
    assert json.loads(export.stdout)["notes"][0]["title"] == title


def test_export_delete_all_import_round_trip(data_file: Path, tmp_path: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "Heat", "--body", "Hot days", "--kind", "concern", *d)
    cli("checklist", "--done", "pr-meals", *d)
    cli("people", "--add", "Dr Lee", "--role", "care-team", "--specialty", "neurologist", *d)
    first = tmp_path / "first.json"
    assert cli("export", "--format", "json", "--output", str(first), *d).returncode == 0
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    again = cli("export", "--format", "json", "--output", str(first), *d)
    assert again.returncode == 1 and "already exists" in again.stderr
    refused = cli("delete-all", *d)
    assert refused.returncode == 1 and 'add --confirm "delete my data"' in refused.stderr
    wiped = cli("delete-all", "--confirm", "delete my data", *d)
    assert "does not always wipe it from the disk" in wiped.stdout
    assert cli("note", "list", *d).stdout == ""
    shown = cli("import", str(first), *d)
    assert shown.returncode == 1 and "  1 new note." in shown.stdout
    assert "Add --yes" in shown.stderr
    assert cli("import", str(first), "--yes", *d).returncode == 0
    second = tmp_path / "second.json"
    cli("export", "--format", "json", "--output", str(second), *d)
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a.pop("exported"), b.pop("exported")
    assert a == b
    nothing = cli("import", str(first), *d)
    assert nothing.returncode == 0 and "Nothing would change" in nothing.stdout


def test_markdown_and_appointment_exports(data_file: Path, tmp_path: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "Heat", "--body", "Hot days", "--kind", "question", *d)
    md = tmp_path / "all.md"
    assert cli("export", "--format", "md", "--output", str(md), *d).returncode == 0
    text = md.read_text()
    assert text.startswith("# My SPMS Navigator") and "### Heat" in text
    visit = cli("export", "--format", "appointment-md", "--output", "-", *d).stdout
    assert visit.startswith("# For my next appointment") and "## My questions" in visit


def test_a_second_writer_is_refused_with_a_sentence(data_file: Path) -> None:
    from tui.core.service import open_navigator

    nav = open_navigator(data_file)
    try:
        result = cli("note", "add", "--title", "x", "--body", "", "--data-file", str(data_file))
    finally:
        nav.store.close()
    assert result.returncode == 1
    assert "open in another copy of SPMS Navigator" in result.stderr


def test_a_filter_with_markup_and_escapes_is_plain_text(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    cli("note", "add", "--title", "[bold]x[/] \x1b[31m", "--body", "", *d)
    cli("note", "add", "--title", "other", "--body", "", *d)
    found = cli("note", "list", "--filter", "[bold]x[/] \x1b[31m", *d)
    assert found.returncode == 0 and found.stdout.count("\n") == 1
    assert "\x1b" not in found.stdout


def test_a_folder_as_data_file_gets_a_sentence(tmp_path: Path) -> None:
    result = cli("note", "list", "--data-file", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        f"spms-navigator: {tmp_path} is a folder, not a file. Give the path of a file, "
        f"for example {tmp_path / 'navigator.json'}.\n"
    )
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700  # as pytest made it: untouched
