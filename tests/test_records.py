"""Medicines and events (issue 20, items 4 and 5): the file version that adds them, the
``med`` and ``event`` commands, and the summary that counts them since the last visit."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.process import cli, saved
from tui.core.schema import CURRENT_SCHEMA

DATA = Path(__file__).parent / "data"
TODAY = date.today()


def _d(data_file: Path) -> list[str]:
    return ["--data-file", str(data_file)]


@pytest.mark.parametrize(
    "release_file",
    [
        "navigator-v2.json",  # written by the current release (main)
        "navigator-v2-safety.json",  # written by the safety branch's 0.2.0 (meta written_by)
    ],
)
def test_a_file_of_the_current_release_keeps_everything_and_gains_medicines_and_events(
    data_file: Path, release_file: str
) -> None:
    data_file.parent.mkdir(parents=True, mode=0o700)
    original = (DATA / release_file).read_bytes()
    data_file.write_bytes(original)
    data_file.chmod(stat.S_IRUSR | stat.S_IWUSR)
    before = json.loads(original)
    with saved(data_file) as nav:
        assert "came from an older version of the app" in " ".join(nav.store.report.messages)
        assert nav.store.schema() == CURRENT_SCHEMA == 3
        assert nav.medicines.all() == [] and nav.events.all() == []
        nav.events.add("fall", "yesterday")  # the new tables work
    after = json.loads(data_file.read_text("utf-8"))
    for table, records in before.items():
        if table != "meta":  # every record as it was (a field added since: its default)
            assert set(after[table]) == set(records), table
            for key, record in records.items():
                assert {f: after[table][key][f] for f in record} == record, (table, key)
    assert after["meta"]["1"]["schema"] == 3
    assert after["meta"]["1"]["migrated_from"] == 2
    assert after["meta"]["1"]["base"]  # bookkeeping goes on
    assert next(iter(after["events"].values()))["kind"] == "fall"
    kept = [p for p in data_file.parent.iterdir() if ".schema-v2-" in p.name]
    assert [p.read_bytes() for p in kept] == [original]


def test_a_medicine_s_dose_change_and_two_falls_appear_on_the_next_summary(
    data_file: Path,
) -> None:
    """The Done-when walk, by command: a visit, then a dose change and two falls after it."""
    d = _d(data_file)
    last_visit = (TODAY - timedelta(days=30)).isoformat()
    assert cli("visit", "add", "--date", last_visit, "--with", "Dr Lee", *d).returncode == 0
    started = (TODAY - timedelta(days=200)).isoformat()
    add = cli("med", "add", "baclofen", "--dose", "10 mg", "--when", "at night", "--started",
              started, "--why", "stiffness", *d)  # fmt: skip
    assert add.returncode == 0, add.stderr
    assert "Added medicine number 1." in add.stderr
    changed = cli("med", "change", "1", "--dose", "20 mg", "--date", "yesterday", *d)
    assert changed.returncode == 0, changed.stderr
    yesterday = TODAY - timedelta(days=1)
    from tui.core.models import long_date

    assert f"Dose changed from 10 mg to 20 mg on {long_date(yesterday)}." in changed.stdout
    assert cli("med", "add", "vitamin D", *d).returncode == 0
    assert cli("event", "add", "fall", "--words", "on the stairs", *d).returncode == 0
    assert cli("event", "add", "Falls", "--date", "yesterday", *d).returncode == 0
    assert cli("event", "add", "hot day", *d).returncode == 0
    old = (TODAY - timedelta(days=60)).isoformat()
    assert cli("event", "add", "fall", "--date", old, *d).returncode == 0  # before the visit

    summary = cli("export", "--format", "appointment-txt", "--output", "-", *d).stdout
    since = f"since my last visit on {long_date(TODAY - timedelta(days=30))}"
    assert "My medicines and events:" in summary
    flat = " ".join(summary.split())
    assert (
        "baclofen, 20 mg, at night. Why: stiffness. Started "
        f"{long_date(TODAY - timedelta(days=200))}. Dose changed from 10 mg to 20 mg on "
        f"{long_date(yesterday)}." in flat
    )
    assert f"- 2 falls {since}." in summary
    assert f"- 1 hot day {since}." in summary
    assert "vitamin D." in flat  # a current medicine, no change: listed all the same
    md = cli("export", "--format", "appointment-md", "--output", "-", *d).stdout
    assert "## My medicines and events" in md and f"2 falls {since}" in md

    stop = cli("med", "stop", "2", *d)
    assert stop.returncode == 0, stop.stderr
    listed = json.loads(cli("med", "list", "--json", *d).stdout)
    assert listed["format"] == "spms-navigator/medicines"
    baclofen, vitamin = listed["medicines"]
    assert [c["what"] for c in baclofen["changes"]] == ["started", "dose"]
    assert baclofen["changes"][1] == {
        "date": yesterday.isoformat(), "what": "dose", "before": "10 mg", "after": "20 mg"
    }  # fmt: skip
    assert (vitamin["current"], vitamin["stopped"]) == (False, TODAY.isoformat())
    events = json.loads(cli("event", "list", "--json", *d).stdout)["events"]
    assert sorted(e["kind"] for e in events) == ["fall", "fall", "fall", "heat"]
    backup = json.loads(cli("export", "--format", "json", "--output", "-", *d).stdout)
    assert [m["name"] for m in backup["medicines"]] == ["baclofen", "vitamin D"]
    assert backup["medicines"][0]["changes"] == baclofen["changes"]
    assert backup["events"][0]["date"] == old  # oldest first, as the others
    everything = cli("export", "--format", "md", "--output", "-", *d).stdout
    assert "## My medicines" in everything and "- Fall on " in everything


def test_dates_are_the_core_s_and_a_bad_or_future_one_is_exit_2(data_file: Path) -> None:
    d = _d(data_file)
    assert cli("med", "add", "x", *d).returncode == 0
    bad = cli("med", "stop", "1", "--date", "soon", *d)
    assert bad.returncode == 2
    assert "'soon' is not a date" in bad.stderr and "Traceback" not in bad.stderr
    future = cli("event", "add", "fall", "--date", "tomorrow", *d)
    assert future.returncode == 2
    assert "has not come yet. An event is logged once it has happened" in future.stderr
    assert cli("med", "change", "1", *d).returncode == 2  # nothing to change: say what
    assert cli("med", "stop", "9", *d).returncode == 1
    with saved(data_file) as nav:
        assert nav.events.all() == []
        assert nav.medicines.get(1).stopped is None
    friday = cli("event", "add", "dizzy spell", "--date", "last friday", *d)
    assert friday.returncode == 0, friday.stderr
    with saved(data_file) as nav:
        (event,) = nav.events.all()
        assert (event.kind, event.day.weekday()) == ("dizzy spell", 4)
        assert event.day < TODAY
    listed = cli("event", *d)
    assert listed.stdout.startswith("1\tDizzy spell on ")


def test_in_plain_mode_a_dose_change_and_two_falls_reach_the_summary(
    data_file: Path, tmp_path: Path
) -> None:
    """The Done-when walk in the plain mode, all from Prepare for a visit (v): med (the
    medicines), event (the events), then e exports the summary."""
    from tests.test_plain_mode import run_plain
    from tui.core.models import long_date

    with saved(data_file) as nav:
        nav.visits.add(TODAY - timedelta(days=30), "Dr Lee")
    summary = tmp_path / "summary.txt"
    text = run_plain(
        data_file,
        "v", "med", "a", "baclofen", "10 mg", "at night", "stiffness", "2026-03-01",
        "1", "1", "20 mg", "yesterday", "b", "b",
        "event", "fall", "", "on the stairs", "Falls", "yesterday", "", "b",
        "e", str(summary), "b", "q",
    )  # fmt: skip
    yesterday = long_date(TODAY - timedelta(days=1))
    assert "med for my medicines, event to log a fall or another event" in text
    assert "My medicines, current ones first." in text
    assert "Saved: baclofen, 10 mg, at night. Why: stiffness. Started 1 March 2026." in text
    assert "1. baclofen, 10 mg, at night." in text  # the list, current first
    assert f"Saved: Dose changed from 10 mg to 20 mg on {yesterday}." in text
    assert f"Logged: Fall on {long_date(TODAY)}: on the stairs." in text
    assert f"Logged: Fall on {yesterday}." in text
    assert f"1. Fall on {long_date(TODAY)}: on the stairs." in text  # newest first
    brief = "1 current medicine, 1 changed; 2 falls since my last visit."
    assert brief in " ".join(text.split())  # said again as Prepare for a visit comes back
    printed = " ".join(summary.read_text("utf-8").split())
    since = f"since my last visit on {long_date(TODAY - timedelta(days=30))}"
    assert f"Dose changed from 10 mg to 20 mg on {yesterday}." in printed
    assert f"- 2 falls {since}." in printed
    with saved(data_file) as nav:
        assert [c.what for c in nav.medicines.get(1).changes] == ["started", "dose"]


def test_a_backup_brings_medicines_and_events_to_a_new_computer_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "navigator.json", tmp_path / "b" / "navigator.json"
    with saved(first) as nav:
        nav.medicines.add("baclofen", "10 mg", started="2026-03-01")
        nav.medicines.change(1, dose="20 mg", day="2026-04-01")
        nav.medicines.add("vitamin D")
        nav.medicines.stop(2, "2026-04-02")
        nav.events.add("fall", "2026-04-03", "stairs")
        nav.events.add("heat", "2026-04-04")
    with saved(second) as nav:  # the same medicine, started the same day, one change fewer
        nav.medicines.add("Baclofen", "10 mg", started="2026-03-01")
    backup = tmp_path / "backup.json"
    assert cli("export", "--format", "json", "--output", str(backup), *_d(first)).returncode == 0
    merged = cli("import", str(backup), "--yes", *_d(second))
    assert merged.returncode == 0, merged.stderr
    said = merged.stdout + merged.stderr
    assert "1 new medicine." in said and "1 medicine that gains changes or words." in said
    assert "2 new events." in said
    with saved(second) as nav:
        baclofen, vitamin = _by_name(nav)
        assert [(c.day.isoformat(), c.what) for c in baclofen.changes] == [
            ("2026-03-01", "started"), ("2026-04-01", "dose")
        ]  # fmt: skip
        assert baclofen.dose == "20 mg"  # as its newest dated change says
        assert vitamin.stopped == date(2026, 4, 2)
        assert [e.sentence() for e in nav.events.all()] == [
            "Hot day on 4 April 2026.", "Fall on 3 April 2026: stairs."
        ]  # fmt: skip
    again = cli("import", str(backup), "--yes", *_d(second))
    assert "Nothing would change" in again.stdout + again.stderr


def _by_name(nav: Any) -> tuple[Any, Any]:
    found = {m.name.casefold(): m for m in nav.medicines.all()}
    return found["baclofen"], found["vitamin d"]


def test_a_record_made_by_mistake_is_deleted_after_asking(data_file: Path) -> None:
    """By command (--yes, or refused without a terminal) and in the plain mode (yes)."""
    from tests.test_plain_mode import run_plain

    d = _d(data_file)
    assert cli("med", "add", "baclofen", *d).returncode == 0
    assert cli("med", "add", "wrong one", *d).returncode == 0
    assert cli("event", "add", "fall", *d).returncode == 0
    assert cli("event", "add", "relapse", *d).returncode == 0
    refused = cli("event", "delete", "1", *d)
    assert refused.returncode == 1 and "Add --yes to remove event 1" in refused.stderr
    gone = cli("event", "delete", "1", "--yes", *d)
    assert gone.returncode == 0 and gone.stdout.startswith("Removed event 1: Fall on ")
    assert cli("med", "delete", "2", "--yes", *d).stdout == "Removed medicine 2: wrong one\n"
    text = run_plain(data_file, "v", "med", "1", "5", "no", "5", "yes", "b",
                     "event", "1", "yes", "b", "b", "q")  # fmt: skip
    assert "5. Delete it: it was added by mistake." in text
    assert "Kept. Nothing was deleted." in text and "Deleted: baclofen" in text
    assert "Deleted: Relapse on " in text
    with saved(data_file) as nav:
        assert nav.medicines.all() == [] and nav.events.all() == []
        assert nav.store.records("meta")[1].last_ids == {"medicines": 2, "events": 2}


def test_tab_completes_medicine_and_event_numbers_and_kinds(
    data_file: Path, tmp_path: Path
) -> None:
    import shlex
    import subprocess
    import sys

    d = _d(data_file)
    cli("med", "add", "baclofen", "--dose", "10 mg", *d)
    cli("med", "change", "1", "--dose", "20 mg", *d)  # its change lines hold no number
    cli("med", "add", "vitamin D", *d)
    cli("event", "add", "fall", *d)
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
        'try spms-navigator med change ""\n'
        'try spms-navigator event delete ""\n'
        "try spms-navigator event add h\n"
    )
    done = subprocess.run(
        ["bash", str(tries)],
        env={**os.environ, "SPMS_NAVIGATOR_DATA_FILE": str(data_file)},
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.stdout.splitlines() == ["1 2", "1", "hospital heat"], done.stderr


def test_delete_all_takes_medicines_and_events_too(data_file: Path) -> None:
    d = _d(data_file)
    assert cli("med", "add", "baclofen", *d).returncode == 0
    assert cli("event", "add", "fall", *d).returncode == 0
    gone = cli("delete-all", "--confirm", "delete my data", *d)
    assert gone.returncode == 0, gone.stderr
    with saved(data_file) as nav:
        assert nav.medicines.all() == [] and nav.events.all() == []
