"""Faults injected into the real command by the kernel's own answers (strace ``-e inject``).

``tests/test_faults.py`` swaps Python's ``os`` inside the one module that writes; this
layer changes nothing in the program. The real ``spms-navigator`` runs under strace,
once to count the system calls that change files, then once for each such call with
that call failing (ENOSPC, EIO or EACCES, in turn) and once with the process killed at
that call. After each run a fresh start must open the file without a repair, hold the
state before or after the command (never between), hold the after state whenever
the command said it was done, and nothing may print a traceback.

Paths: saving a note (with the dated copy made on the same start, on its thread),
importing a backup, deleting a note from the data file and its dated copies (a full
rewrite, then each copy), delete-all, migrating an older version's file, repairing a
damaged file (salvage.py) and restoring a missing one. Skipped, with the reason,
where strace cannot trace.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.process import ROOT, saved
from tui.core import paths

DATA = Path(__file__).parent / "data"

STRACE = shutil.which("strace")
#: The calls that change files or their state; opening is left out (Python opens
#: hundreds of files to start) and so is reading.
CALLS = ("write", "fsync", "fdatasync", "rename", "link", "unlink", "ftruncate", "fchmod", "flock")
ERRORS = ("ENOSPC", "EIO", "EACCES")
TRACEBACK = "Traceback"


def _strace_works() -> str | None:
    if STRACE is None:
        return "strace is not installed"
    tried = subprocess.run([STRACE, "-qq", "-o", os.devnull, "true"], capture_output=True)
    return None if tried.returncode == 0 else f"strace cannot trace here: {tried.stderr!r}"


pytestmark = pytest.mark.skipif(_strace_works() is not None, reason=str(_strace_works()))


def command(
    data_file: Path, args: tuple[str, ...], strace: list[str]
) -> subprocess.CompletedProcess[str]:
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


def counted(data_file: Path, args: tuple[str, ...], log: Path) -> Counter[str]:
    """How many times the command makes each of CALLS, in a run with no fault."""
    done = command(data_file, args, ["-o", str(log), "-e", f"trace={','.join(CALLS)}"])
    assert done.returncode == 0, done.stderr
    names = re.findall(r"^\d+\s+(?:<\.\.\. )?(\w+)\(", log.read_text(), re.MULTILINE)
    return Counter(name for name in names if name in CALLS)


def state(data_file: Path) -> tuple[list[str], str]:
    """The notes' titles a fresh start reads, and what that start said on stderr."""
    listed = subprocess.run(
        [sys.executable, "-m", "tui", "note", "list", "--data-file", str(data_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
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


@dataclass(frozen=True)
class Operation:
    make: Callable[[Path], Path]  # the data file before, in a new folder
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


def _words(args: tuple[str, ...], backup: Path) -> tuple[str, ...]:
    return tuple(str(backup) if word == "{backup}" else word for word in args)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_a_kill_or_an_error_at_any_call_loses_nothing_said_saved(name: str, tmp_path: Path) -> None:
    operation = OPERATIONS[name]
    template = operation.make(tmp_path / "template")
    args = _words(operation.args, a_backup(tmp_path))

    def fresh(folder: str) -> Path:
        shutil.copytree(template.parent, tmp_path / folder)
        return tmp_path / folder / template.name

    before = state(fresh("before"))[0]
    clean = fresh("clean")
    calls = counted(clean, args, tmp_path / "clean.log")
    after, said = state(clean)
    assert said == ""
    assert after == before if operation.repair else after != before
    assert calls["rename"], calls

    tried = 0
    for call, count in sorted(calls.items()):
        for when in range(1, count + 1):
            error = ERRORS[when % len(ERRORS)]
            for fault in (f"error={error}", "signal=SIGKILL"):
                data_file = fresh(f"{call}-{when}-{fault.split('=')[1]}")
                where = f"{name}: {call} #{when} with {fault}"
                inject = ["-o", os.devnull, "-e", f"inject={call}:{fault}:when={when}"]
                ran = command(data_file, args, inject)
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
                shutil.rmtree(data_file.parent)
                tried += 1
    assert tried >= 10


def test_a_lock_file_whose_mode_cannot_be_set_is_not_called_another_copy(tmp_path: Path) -> None:
    """A memory stick (FAT) refuses chmod with EPERM. The lock file holds no data, so the
    app locks and saves; before, it said another copy had the file open, at every start."""
    data_file = a_data_file(tmp_path)
    added = command(
        data_file,
        ("note", "add", "--title", "Added"),
        ["-o", os.devnull, "-e", "inject=fchmod:error=EPERM:when=1"],
    )
    assert added.returncode == 0, added.stderr
    assert "another copy" not in added.stderr
    assert "Added" in state(data_file)[0]
