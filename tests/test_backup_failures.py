"""Every failure of the dated backup copy is a sentence (issue 22, item 3).

The copy is made on a thread at each clean start. Before, a full disk there printed
"Exception in thread backup: ... OSError: [Errno 28]" over every command and over
the full-screen app's first screen, with exit status 0, and nobody was told the copy
was missing. Here an error is injected at each system call of that path, in the
command (in process and as a real process), the plain mode and the app.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.faults import ERRORS, FaultyOS, faulty
from tests.pilot_helpers import running_app, status_text
from tests.process import ROOT
from tui.cli.program import main
from tui.core import paths
from tui.core.service import open_navigator

#: The calls the copy makes, in order: write the temporary copy, flush it, rename it
#: into place, flush the folder; then "open" (the temporary file) and "unlink" (pruning
#: an older copy), which FaultyOS does not count, are injected by the classes below.
COPY_STEPS = [("write", 0), ("fsync", 0), ("replace", 0), ("fsync", 1)]
SENTENCE = "spms-navigator: Your data file is fine, but today's backup copy was not made: "


class CopyFaults(FaultyOS):
    """Count only the calls of the dated copy: its temporary file and its folder's flush
    (the command's own change, appended to the journal, is not counted)."""

    def _step(self, step: str, name: str) -> bool:
        if ".bak-" not in name and name not in ("data", "?"):
            return False
        return super()._step(step, name)


class FailingOpen(FaultyOS):
    """Also refuse to create the temporary copy."""

    def open(self, path: Any, flags: int, mode: int = 0o777) -> int:
        if ".bak-" in Path(path).name:
            self.failed = True
            raise OSError(self.code, os.strerror(self.code))
        return super().open(path, flags, mode)


def with_copies(data_file: Path, starts: int) -> None:
    """Notes saved over ``starts`` starts, each making a dated copy of the one before."""
    for n in range(starts):
        nav = open_navigator(data_file)
        nav.notes.create(f"note {n}", "")
        nav.store.close()


@pytest.fixture
def data_with_a_change(data_file: Path) -> Iterator[Path]:
    """A data file whose next start makes a new dated copy (and prunes the oldest)."""
    with_copies(data_file, 5)
    yield data_file


def run_cli(data_file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """A command that changes the file: one that only reads makes no dated copy. Its own
    change goes to the journal, so the data file stays as it was."""
    status = main(["note", "add", "--title", "note 5", "--body", "", "--data-file", str(data_file)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_said_once(status: int, out: str, err: str) -> None:
    assert status == 0, err  # the command did what was asked: it needs no copy
    assert "note 5" in out
    assert "Traceback" not in err and "Exception in thread" not in err
    (line,) = [x for x in err.splitlines() if x]
    assert line.startswith(SENTENCE), line


@pytest.mark.parametrize("code", ERRORS, ids=errno.errorcode.get)
@pytest.mark.parametrize("step", COPY_STEPS, ids=lambda s: f"{s[0]}{s[1]}")
def test_an_error_at_each_call_of_the_copy_is_one_sentence(
    step: tuple[str, int],
    code: int,
    data_with_a_change: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = data_with_a_change.read_bytes()
    with faulty(monkeypatch, CopyFaults(step[0], step[1], code)) as fault:
        status, out, err = run_cli(data_with_a_change, capsys)
    assert fault.failed
    assert_said_once(status, out, err)
    if code == errno.ENOSPC:
        assert "the disk is full. Free some space" in err
    assert data_with_a_change.read_bytes() == before
    assert not paths.stale_temp_files(data_with_a_change)


@pytest.mark.parametrize("code", ERRORS, ids=errno.errorcode.get)
def test_a_copy_that_cannot_be_created_is_one_sentence(
    code: int,
    data_with_a_change: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with faulty(monkeypatch, FailingOpen(code=code)) as fault:
        status, out, err = run_cli(data_with_a_change, capsys)
    assert fault.failed
    assert_said_once(status, out, err)


def test_an_older_copy_that_cannot_be_pruned_is_one_sentence(
    data_with_a_change: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_unlink = Path.unlink

    def refuse(path: Path, missing_ok: bool = False) -> None:
        if ".bak-" in path.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real_unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    status, out, err = run_cli(data_with_a_change, capsys)
    assert_said_once(status, out, err)
    assert "may not write to its data folder" in err


def test_the_real_command_on_a_full_disk_says_a_sentence_and_no_traceback(
    data_with_a_change: Path,
) -> None:
    script = (
        "import errno, os, sys\n"
        "from tui.core import durable\n"
        "real_write = os.write\n"
        "class FullDisk:\n"
        "    def __getattr__(self, name): return getattr(os, name)\n"
        "    def write(self, fd, data):\n"
        "        if '.bak-' in os.readlink(f'/proc/self/fd/{fd}'):\n"
        "            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "        return real_write(fd, data)\n"
        "durable.os = FullDisk()\n"
        "from tui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = run_script(script, data_with_a_change)
    assert result.returncode == 0
    assert result.stderr == (SENTENCE + "the disk is full. Free some space, then try again.\n"), (
        result.stderr
    )


def test_an_unexpected_error_in_a_thread_is_a_sentence_not_a_traceback(
    data_with_a_change: Path,
) -> None:
    script = (
        "import sys\n"
        "from tui.core import recovery\n"
        "def broken(*args):\n"
        "    raise ValueError('a bug')\n"
        "recovery._make_dated_copy = broken\n"
        "from tui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = run_script(script, data_with_a_change)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "spms-navigator: something went wrong in the background that should not have "
        "(ValueError). Your saved data is safe. Please report this.\n"
    )


def run_script(script: str, data_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        # A command that changes the file: one that only reads makes no dated copy.
        [
            sys.executable,
            "-c",
            script,
            "note",
            "add",
            "--title",
            "note 5",
            "--data-file",
            str(data_file),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )


def test_the_plain_mode_says_it(data_with_a_change: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_plain_mode import run_plain

    with faulty(monkeypatch, FaultyOS("write", 0, errno.ENOSPC)):
        text = run_plain(data_with_a_change, "q")
    assert "Your data file is fine, but today's backup copy was not made: the disk is full." in (
        text
    )
    assert "Traceback" not in text


async def test_the_app_says_it_in_the_status_line(
    data_with_a_change: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with faulty(monkeypatch, FaultyOS("write", 0, errno.ENOSPC)):
        async with running_app(data_with_a_change) as (app, pilot):
            for _ in range(50):
                await pilot.pause(0.05)
                if "backup copy" in status_text(app):
                    break
            assert status_text(app) == (
                "Your data file is fine, but today's backup copy was not made: "
                "the disk is full. Free some space, then try again."
            )
