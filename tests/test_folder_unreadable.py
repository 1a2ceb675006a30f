"""A data folder that cannot be read for a moment is not a folder without copies.

Found by the strace layer (tests/test_strace_open_faults.py): with the data file
missing, one failed ``openat`` of the folder (too many open files) made the listing
of dated copies empty, so the command started a new, empty data file over the missing
one, said "Started a new data file", and every later start opened that empty file
instead of restoring the copy. The same empty listing in the backup thread numbered a
new copy 1, older than every other, so it would be the first one pruned.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.process import saved
from tui.cli.program import main
from tui.core import paths


def _refuse_to_list(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Listing ``folder`` fails as with too many open files; other folders list."""
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == folder:
            raise OSError(errno.EMFILE, os.strerror(errno.EMFILE), str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)


def _two_starts(data_file: Path) -> None:
    """Two notes and a dated copy holding them."""
    with saved(data_file) as nav:
        nav.notes.create("First", "")
        nav.notes.create("Second", "")
    with saved(data_file) as nav:
        nav.store.rewrite_now()
    with saved(data_file):
        pass
    assert paths.backup_generations(data_file)


def test_a_missing_file_is_not_replaced_by_an_empty_one_when_the_copies_cannot_be_listed(
    data_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _two_starts(data_file)
    data_file.unlink()
    paths.journal_file(data_file).unlink(missing_ok=True)
    with monkeypatch.context() as patch:
        _refuse_to_list(patch, data_file.parent)
        status = main(["note", "list", "--data-file", str(data_file)])
    said = capsys.readouterr().err
    assert status == 1
    assert said.startswith("spms-navigator: Your data file could not be opened: ")
    assert "Too many open files" in said and "Try again" in said
    assert not data_file.exists()  # no empty file over the missing one

    assert main(["note", "list", "--data-file", str(data_file)]) == 0
    out, err = capsys.readouterr()
    assert "Your last good copy was restored" in err
    assert "First" in out and "Second" in out


def test_the_backup_thread_does_not_number_a_copy_1_when_the_copies_cannot_be_listed(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_starts(data_file)
    with saved(data_file) as nav:
        nav.notes.create("Third", "")
        nav.store.rewrite_now()  # a new base: the next start makes another copy
    before = paths.backup_generations(data_file)
    with monkeypatch.context() as patch:
        _refuse_to_list(patch, data_file.parent)
        with saved(data_file) as nav:
            problem = nav.store.backup_problem(wait=True)
    assert problem is not None and "backup copy was not made" in problem
    assert paths.backup_generations(data_file) == before  # no copy numbered 1 beside them


def test_deleting_a_note_never_takes_could_not_look_for_not_in_the_copies(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed for a moment, or a copy that cannot be read, still
    counts as holding the deleted note: the person is asked, and the removal says what
    it could not do (before, it said no copy held the note)."""
    from tui.core import durable

    _two_starts(data_file)
    with saved(data_file) as nav:
        (first, _second) = nav.notes.all()
        nav.notes.delete(first.id)
        with monkeypatch.context() as patch:
            _refuse_to_list(patch, data_file.parent)
            assert nav.notes.copies_holding(first.id) >= 1
            removed = nav.notes.remove_from_copies(first.id)
        said = removed.sentence()
        assert said.startswith(f"The backup copies in {data_file.parent} could not be looked")
        assert "may still be in them" in said
        # Listed again, the copies still hold it: nothing was said removed that was not.
        assert nav.notes.copies_holding(first.id) >= 1
        copy = paths.backup_generations(data_file)[0]
        with monkeypatch.context() as patch:
            real = durable.read_regular

            def unreadable(path: Path) -> bytes:
                if path == copy:
                    raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
                return real(path)

            patch.setattr(durable, "read_regular", unreadable)
            assert nav.notes.copies_holding(first.id) >= 1  # the unreadable copy counts
            removed = nav.notes.remove_from_copies(first.id)
        assert f"It is still in the backup copy {copy}" in removed.sentence()
