"""The real command under strace, and the data files the fault-injection tests start from.

Shared by ``tests/test_strace_faults.py`` (a kill or an error at each call that changes
a file) and ``tests/test_strace_open_faults.py`` (at each ``openat`` and ``mkdir`` on
the data folder). Nothing here changes the program: strace makes the kernel answer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli_runner import cli
from tests.process import ROOT, saved
from tui.core import paths

DATA = Path(__file__).parent / "data"

STRACE = shutil.which("strace")
ERRORS = ("ENOSPC", "EIO", "EACCES")
TRACEBACK = "Traceback"


def _strace_works() -> str | None:
    if STRACE is None:
        return "strace is not installed"
    tried = subprocess.run([STRACE, "-qq", "-o", os.devnull, "true"], capture_output=True)
    return None if tried.returncode == 0 else f"strace cannot trace here: {tried.stderr!r}"


needs_strace = pytest.mark.skipif(_strace_works() is not None, reason=str(_strace_works()))


def _quick() -> list[str]:
    """``--seccomp-bpf`` where it works without a word: the kernel then stops only at the
    traced calls, which halves a run (it also needs ``-e trace=``). strace 6.1 does not
    deliver an injected signal with it, so a kill goes without."""
    if STRACE is None:
        return []
    flag = ["--seccomp-bpf", "-f", "-qq", "-e", "trace=openat", "-o", os.devnull]
    tried = subprocess.run([STRACE, *flag, "true"], capture_output=True)
    return ["--seccomp-bpf"] if tried.returncode == 0 and not tried.stderr else []


QUICK = _quick()


def command(
    data_file: Path, args: tuple[str, ...], strace: list[str]
) -> subprocess.CompletedProcess[str]:
    """``spms-navigator ARGS --data-file DATA_FILE`` under strace, every thread followed."""
    assert STRACE is not None
    return subprocess.run(
        [
            STRACE,
            "-f",
            "-qq",
            *strace,
            sys.executable,
            "-m",
            "tui",
            *args,
            "--data-file",
            str(data_file),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )


def state(data_file: Path) -> tuple[list[str], str]:
    """The notes' titles a fresh start reads, and what that start said on stderr.

    The start runs in the test's own process (tests/cli_runner.py): it opens the file
    from scratch as a new process would, and costs milliseconds where a process costs
    a third of a second; this layer makes it some 440 times."""
    listed = cli("note", "list", "--data-file", str(data_file))
    assert listed.returncode == 0, listed.stderr
    said = "".join(
        line for line in listed.stderr.splitlines(True) if not line.startswith("No notes yet")
    )
    return sorted(line.split("\t")[-1] for line in listed.stdout.splitlines()), said


def a_data_file(folder: Path) -> Path:
    """Two notes, folded into the file, and two dated copies holding them."""
    data_file = folder / "navigator.json"
    with saved(data_file) as nav:
        nav.notes.create("First", "words")
        nav.notes.create("Second", "words")
    with saved(data_file):
        pass
    with saved(data_file) as nav:
        nav.store.rewrite_now()  # a new base: the next start makes another copy
    return data_file


def a_backup(folder: Path) -> Path:
    backup = folder / "backup.json"
    backup.write_text(
        json.dumps(
            {
                "format": "spms-navigator-backup",
                "version": 1,
                "notes": [{"title": f"Imported {n}", "body": "b"} for n in range(3)],
            }
        ),
        "utf-8",
    )
    return backup


def a_damaged_file(folder: Path) -> Path:
    """A file a hand edit left with a trailing comma, holding a note no copy has."""
    data_file = a_data_file(folder)
    with saved(data_file) as nav:
        nav.notes.create("Only in the file", "")
    paths.journal_file(data_file).unlink(missing_ok=True)
    data_file.write_text(data_file.read_text("utf-8").rstrip()[:-1] + ",}", "utf-8")
    return data_file


def a_missing_file(folder: Path) -> Path:
    data_file = a_data_file(folder)
    data_file.unlink()
    paths.journal_file(data_file).unlink(missing_ok=True)
    return data_file


def an_old_version(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(DATA / "navigator-v1.json", folder / "navigator.json")
    return folder / "navigator.json"


def a_new_folder(folder: Path) -> Path:
    """The first start of all: neither the data file nor its two folders exist yet."""
    folder.mkdir(parents=True)
    return folder / "new" / "folder" / "navigator.json"


@dataclass(frozen=True)
class Operation:
    make: Callable[[Path], Path]  # the data file before, in (or below) a new folder
    args: tuple[str, ...]
    done: str  # what the command prints once it is done
    repair: bool = False  # a start repairs it: before and after are the same notes


OPERATIONS = {
    "save a note": Operation(a_data_file, ("note", "add", "--title", "Added"), "Saved note"),
    "import": Operation(a_data_file, ("import", "{backup}", "--yes"), "Imported."),
    "delete from the copies": Operation(
        a_data_file, ("note", "delete", "1", "--from-backups", "--yes"), "Deleted note"
    ),
    "delete all": Operation(
        a_data_file, ("delete-all", "--confirm", "delete my data"), "Deleted everything"
    ),
    "migrate and save": Operation(
        an_old_version, ("note", "add", "--title", "Added"), "Saved note"
    ),
    "repair a damaged file": Operation(a_damaged_file, ("note", "list"), "", repair=True),
    "restore a missing file": Operation(a_missing_file, ("note", "list"), "", repair=True),
}


def words(args: tuple[str, ...], backup: Path) -> tuple[str, ...]:
    return tuple(str(backup) if word == "{backup}" else word for word in args)


def check_run(
    where: str,
    operation: Operation,
    ran: subprocess.CompletedProcess[str],
    data_file: Path,
    before: list[str],
    after: list[str],
) -> None:
    """What must hold after any fault: no traceback, a fresh start that needs no repair
    but the one asked for and reads the state before or after (after, whenever the
    command said it was done), and a failure that is exit 1 with a sentence."""
    assert TRACEBACK not in ran.stderr, f"{where}\n{ran.stderr}"
    found, start = state(data_file)
    assert TRACEBACK not in start, f"{where}\n{start}"
    assert operation.repair or "damaged" not in start, f"{where}\n{start}"
    assert found in (before, after), f"{where}: {found}"
    if ran.returncode == 0 and operation.done in ran.stdout:
        assert found == after, f"{where}: said done, but {found}"
    if ran.returncode not in (0, -9):
        assert ran.returncode == 1, f"{where}: exit {ran.returncode}\n{ran.stderr}"
        assert ran.stderr.startswith("spms-navigator: "), f"{where}\n{ran.stderr}"
