"""Faults at opening a file and making a folder (``openat``, ``mkdir``), by the kernel's answers.

``tests/test_strace_faults.py`` leaves these two calls out: Python opens some 260 files
(its modules, the shipped topics) before the command first touches the data folder, so
a count of every ``openat`` would mostly break Python's start. Here a run with no fault
is traced first (``openat`` and ``mkdir``, every thread), and each such call the
command's main thread makes in the data folder (the data file, its journal, lock, dated
and kept-aside copies, temporary files, the folder itself, and the folders a first
start makes) is named by its number among that thread's calls of its kind, which is
what strace's ``when=N`` counts (per thread). The calls before it are the same in every
run (Python's start and the command's imports), so the command runs again once per
such call with that call failing (EACCES, ENOSPC, EIO or EMFILE, in turn), and once
killed there if the call creates or opens for writing. Each faulted run's own trace must
show the fault on that file (its random and dated parts aside); if not (a module compiled
meanwhile moves the numbers), the calls are counted again and the case runs again.
The checks after each run are the other layer's (``strace_layer.check_run``).

Why not ``-P`` (``--trace-path``), which would count only calls on given paths: it
matches whole paths, and a temporary file's name is random and a dated copy's holds the
second it was made, so the calls that matter most cannot be named before the run.

Left out: the thread that makes the dated copy. Its calls are numbered from 1 too, and
the main thread's first calls (Python starting) share those numbers, so a fault there
would break Python's start as well. ``tests/test_backup_failures.py`` injects errors at
each call of that path (creating the copy, flushing the folder) in Python instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.strace_layer import (
    OPERATIONS,
    QUICK,
    Operation,
    a_backup,
    a_new_folder,
    check_run,
    command,
    needs_strace,
    state,
    words,
)

pytestmark = needs_strace

CALLS = ("openat", "mkdir")
ERRORS = ("EACCES", "ENOSPC", "EIO", "EMFILE")
#: Every thread's opening calls, one a line: "PID  openat(AT_FDCWD, "path", FLAGS...".
_LINE = re.compile(r'^(\d+)\s+(openat|mkdir)\((?:AT_FDCWD, )?"((?:[^"\\]|\\.)*)"(.*)$', re.M)
#: A file's random (temporary) and dated parts, which differ from run to run.
_VARYING = re.compile(r"\.[0-9a-f]{8}\.tmp$|\d{6,}")

OPENING = {
    **OPERATIONS,
    "first start in a new folder": Operation(
        a_new_folder, ("note", "add", "--title", "Added"), "Saved note"
    ),
}


@dataclass(frozen=True)
class Call:
    name: str  # openat or mkdir
    when: int  # its number among the main thread's calls of that name
    path: str  # below the case's folder, with the parts that vary masked
    writes: bool  # it creates a file or folder, or opens one for writing


def calls_in(log: str, folder: Path) -> tuple[list[Call], dict[str, int]]:
    """The main thread's opening calls in ``folder``, and the most calls of each name
    any other thread made (a fault at number N hits every thread's N-th call)."""
    main = ""
    counts: dict[tuple[str, str], int] = {}
    found: list[Call] = []
    for pid, name, path, rest in _LINE.findall(log):
        main = main or pid
        counts[pid, name] = number = counts.get((pid, name), 0) + 1
        inside = Path(path) == folder or folder in Path(path).parents
        if pid == main and inside:
            writes = name == "mkdir" or any(f in rest for f in ("O_CREAT", "O_WRONLY", "O_RDWR"))
            relative = _VARYING.sub("#", os.path.relpath(path, folder))
            found.append(Call(name, number, relative, writes))
    others = {
        name: max((n for (p, c), n in counts.items() if c == name and p != main), default=0)
        for name in CALLS
    }
    return found, others


def faulted(
    data_file: Path, folder: Path, args: tuple[str, ...], call: Call, fault: str, log: Path
) -> subprocess.CompletedProcess[str] | None:
    """The command with ``fault`` at ``call``; None if the fault met another file."""
    quick = QUICK if fault.startswith("error") else []  # a kill goes without (strace 6.1)
    inject = f"inject={call.name}:{fault}:when={call.when}"
    ran = command(
        data_file, args, [*quick, "-o", str(log), "-e", f"trace={','.join(CALLS)}", "-e", inject]
    )
    met = [c for c in calls_in(log.read_text(), folder)[0] if c.name == call.name]
    return ran if any(c.when == call.when and c.path == call.path for c in met) else None


def traced(
    data_file: Path, folder: Path, args: tuple[str, ...], log: Path
) -> tuple[list[Call], dict[str, int]]:
    """A run with no fault: the calls to fault, and the most any other thread made."""
    ran = command(data_file, args, [*QUICK, "-o", str(log), "-e", f"trace={','.join(CALLS)}"])
    assert ran.returncode == 0, ran.stderr
    return calls_in(log.read_text(), folder)


@pytest.mark.parametrize("name", sorted(OPENING))
def test_a_fault_at_opening_or_making_a_folder_loses_nothing_said_saved(
    name: str, tmp_path: Path
) -> None:
    operation = OPENING[name]
    template = operation.make(tmp_path / "template")
    inside = template.relative_to(tmp_path / "template")
    args = words(operation.args, a_backup(tmp_path))
    log = tmp_path / "run.log"

    def fresh(case: str) -> Path:
        shutil.copytree(tmp_path / "template", tmp_path / case)
        return tmp_path / case / inside

    def count_again(case: str) -> list[Call]:
        """The calls numbered anew, if a module compiled meanwhile, say, moved them."""
        calls = traced(fresh(case), tmp_path / case, args, log)[0]
        shutil.rmtree(tmp_path / case)
        return calls

    before = state(fresh("before"))[0]
    clean = fresh("clean")
    calls, others = traced(clean, tmp_path / "clean", args, log)
    after, said = state(clean)
    assert said == ""
    assert after == before if operation.repair else after != before
    assert calls, "no call on the data folder was found"
    kinds = [(call.name, call.path) for call in calls]

    tried = 0
    for index in range(len(kinds)):
        call = calls[index]
        assert call.when > others[call.name], f"{call} would also fault another thread"
        faults = [f"error={ERRORS[index % len(ERRORS)]}"] + (["signal=SIGKILL"] * call.writes)
        for fault in faults:
            where = f"{name}: {call.name} #{call.when} ({call.path}) with {fault}"
            for attempt in range(3):
                case = f"{index}-{call.name}-{fault.split('=')[1]}-{attempt}"
                data_file = fresh(case)
                ran = faulted(data_file, tmp_path / case, args, call, fault, log)
                if ran is not None:
                    break
                shutil.rmtree(tmp_path / case)
                calls = count_again(f"{case}-counted")
                assert [(c.name, c.path) for c in calls] == kinds, f"{where}: the calls changed"
                call = calls[index]
            else:
                pytest.fail(f"{where}: three runs in a row faulted another call")
            check_run(where, operation, ran, data_file, before, after)
            shutil.rmtree(tmp_path / case)
            tried += 1
    assert tried >= len(calls)
