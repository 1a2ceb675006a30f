"""Kill a process that is saving notes, at random moments, and check nothing saved is lost.

The writer is forked from the test process (so each round costs milliseconds, not a
Python start-up) and reports each note's number through a pipe only after the save
returned. After each SIGKILL the file must open cleanly, with no recovery needed, and
hold every note the writer reported.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from tui.core import paths
from tui.core.service import open_navigator

ROUNDS = 120


def _writer(data_file: Path, start: int, report_fd: int) -> None:
    """Child process: save notes forever, announcing each one after its save returned."""
    try:
        nav = open_navigator(data_file)
        number = start
        while True:
            nav.notes.create(f"note {number}", "x" * (number % 300))
            os.write(report_fd, f"{number}\n".encode())
            number += 1
    finally:
        os._exit(1)


def _acknowledged(read_fd: int) -> list[int]:
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    return [int(line) for line in b"".join(chunks).split()]


def test_sigkill_mid_save_never_loses_a_returned_save(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    data_file = tmp_path / "navigator.json"
    expected: set[str] = set()
    next_number = 0
    for round_number in range(ROUNDS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(read_fd)
            _writer(data_file, next_number, write_fd)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        numbers = _acknowledged(read_fd)
        os.close(read_fd)
        expected.update(f"note {n}" for n in numbers)
        next_number = (max(numbers) + 1) if numbers else next_number + 1000

        nav = open_navigator(data_file)
        try:
            found = {n.title for n in nav.notes.all()}
            context = f"seed {seed}, round {round_number}"
            assert nav.store.report.messages == [], context
            missing = expected - found
            assert not missing, f"{context}: lost {sorted(missing)[:5]}"
            expected = found  # a save the writer didn't get to acknowledge may also be there
        finally:
            nav.store.close()
        assert paths.stale_temp_files(data_file) == []  # the opener tidied the leftovers
    assert len(expected) > ROUNDS  # the writers really were saving when killed
