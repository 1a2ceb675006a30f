"""``import`` refuses what cannot be a backup before reading any of it (issue 22, item 6),
as a person meets it on the command line: a pipe nobody writes to, an endless device and
a file far larger than any backup are each refused at once, in a sentence, and the data
file is free again at once for the next command."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.process import cli, saved


@pytest.mark.parametrize("kind", ["pipe", "device", "huge"])
def test_import_refuses_what_is_not_a_backup_before_reading_it(
    kind: str, data_file: Path, tmp_path: Path
) -> None:
    with saved(data_file) as nav:
        nav.notes.create("Mine", "")
    given = tmp_path / "backup.json"
    if kind == "pipe":
        os.mkfifo(given)  # nobody writes: reading it would wait for ever
    elif kind == "device":
        given = Path("/dev/zero")  # endless
    else:
        with given.open("wb") as handle:
            handle.truncate(201 * 1024 * 1024)  # sparse: no disk space used
    started = time.monotonic()
    refused = cli("import", str(given), "--yes", "--data-file", str(data_file))
    assert refused.returncode == 1, refused.stderr
    assert time.monotonic() - started < 30
    expected = "is larger than 200 MB" if kind == "huge" else "is not an ordinary file"
    assert expected in refused.stderr and "Traceback" not in refused.stderr
    after = cli("note", "add", "--title", "Next", "--data-file", str(data_file))
    assert after.returncode == 0 and after.stderr == ""  # the lock was let go
