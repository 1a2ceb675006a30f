"""Locking that says what is true (issue 22, item 5).

Where ``flock`` cannot work at all (ENOLCK on NFS without its lock service,
EOPNOTSUPP or ENOSYS on some network and FUSE file systems), every start used to say
"your notes are open in another copy" and every save failed. Now the person is told
the folder cannot lock files, and can work in single-user mode, warned.
"""

from __future__ import annotations

import errno
import fcntl
from pathlib import Path

import pytest

from tui.cli.program import main
from tui.core import lock, paths
from tui.core.service import open_navigator


def flock_failing_with(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    real = fcntl.flock

    def flock(fd: int, operation: int) -> None:
        if operation & fcntl.LOCK_EX:
            raise OSError(code, errno.errorcode[code])
        real(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS])
def test_a_folder_that_cannot_lock_files_says_so_and_still_saves(
    code: int,
    data_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    flock_failing_with(monkeypatch, code)
    words = ["note", "add", "--title", "on a network disk", "--body", "b"]
    status = main([*words, "--data-file", str(data_file)])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "another copy" not in err
    assert (
        "spms-navigator: The folder of your data file cannot lock files (the computer said: "
        f"{errno.errorcode[code]}), so the app cannot stop a second copy from writing at the "
        "same time. It opened your data for changes anyway. Open only one copy at a time"
    ) in err
    nav = open_navigator(data_file)
    try:
        assert not nav.store.read_only
        assert [n.title for n in nav.notes.all()] == ["on a network disk"]
        assert lock.held_here(paths.lock_file(data_file))  # so drafts are kept too
    finally:
        nav.store.close()
    assert not lock.held_here(paths.lock_file(data_file))


def test_a_lock_held_by_another_copy_is_still_called_that(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flock_failing_with(monkeypatch, errno.EWOULDBLOCK)
    nav = open_navigator(data_file)
    try:
        assert nav.store.read_only
        assert "open in another copy of SPMS Navigator" in " ".join(nav.store.report.messages)
        assert "cannot lock files" not in " ".join(nav.store.report.messages)
    finally:
        nav.store.close()


def test_help_says_why_this_copy_is_read_only(data_file: Path) -> None:
    from tests.test_plain_mode import run_plain

    first = open_navigator(data_file)
    try:
        text = run_plain(data_file, "h", "q")
    finally:
        first.store.close()
    assert (
        "Your notes are open in another copy of SPMS Navigator, so this one is read-only. "
        "Close the other copy, then start this one again."
    ) in text
