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
where strace cannot trace. Opening files and making folders (``openat``, ``mkdir``)
are in ``tests/test_strace_open_faults.py``; the shared parts in ``tests/strace_layer.py``.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.strace_layer import (
    ERRORS,
    OPERATIONS,
    QUICK,
    a_backup,
    a_data_file,
    check_run,
    command,
    needs_strace,
    state,
    words,
)

#: The calls that change files or their state; opening is left out here (Python opens
#: hundreds of files to start: see test_strace_open_faults.py) and so is reading.
CALLS = ("write", "fsync", "fdatasync", "rename", "link", "unlink", "ftruncate", "fchmod", "flock")

pytestmark = needs_strace


def counted(data_file: Path, args: tuple[str, ...], log: Path) -> Counter[str]:
    """The most times one thread of the command makes each of CALLS, in a run with no fault.

    strace numbers each thread's calls apart: ``when=N`` faults the N-th call of every
    thread that makes N. Where the dated copy's thread runs beside the command, a number
    both make faults both calls at once (their first write, say). A count of all threads
    together (as before) gave numbers no thread reaches: 16 of 160 runs had no fault.
    """
    done = command(data_file, args, ["-o", str(log), "-e", f"trace={','.join(CALLS)}"])
    assert done.returncode == 0, done.stderr
    found = re.findall(r"^(\d+)\s+(?:<\.\.\. )?(\w+)\(", log.read_text(), re.MULTILINE)
    per_thread = Counter((pid, name) for pid, name in found if name in CALLS)
    most: Counter[str] = Counter()
    for (_, name), count in per_thread.items():
        most[name] = max(most[name], count)
    return most


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_a_kill_or_an_error_at_any_call_loses_nothing_said_saved(name: str, tmp_path: Path) -> None:
    operation = OPERATIONS[name]
    template = operation.make(tmp_path / "template")
    args = words(operation.args, a_backup(tmp_path))

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
                if fault.startswith("error"):
                    inject = [*QUICK, "-e", f"trace={call}", *inject]
                ran = command(data_file, args, inject)
                check_run(where, operation, ran, data_file, before, after)
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
