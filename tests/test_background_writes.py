"""The full-screen app writes on a thread of its own: keys are handled while a save is in
progress, nothing is lost on quitting, and a failed write is said and kept, never dropped."""

from __future__ import annotations

import errno
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tests.faults import FaultyOS
from tests.pilot_helpers import highlighted_text, running_app, status_text
from tests.process import saved
from tests.terminal import Terminal
from tui.app.screens.confirm import ConfirmScreen
from tui.core import durable
from tui.core.recovery import saved_state
from tui.core.service import open_navigator
from tui.core.storage import BackgroundWriter

REAL_APPEND = durable.append_durably


def _ticked(data_file: Path) -> list[str]:
    """What a fresh start would find ticked on disk now (the data file and its journal)."""
    rows = saved_state(data_file)["checklist"].values()
    return [row.item_id for row in rows if row.done]


def test_the_writer_writes_every_change_in_order_and_reports_each_write() -> None:
    written: list[bytes] = []
    results: list[OSError | None] = []
    writer = BackgroundWriter(written.extend, results.append)
    for n in range(50):
        writer.submit(f"{n}\n".encode())
    assert writer.close() is None
    assert written == [f"{n}\n".encode() for n in range(50)]  # each one, in order
    assert results and all(result is None for result in results)
    assert len(results) <= 50  # lines waiting together are written at once


def test_a_failed_write_is_kept_and_written_again() -> None:
    written: list[bytes] = []
    results: list[OSError | None] = []
    disk = {"full": True}

    def persist(lines: list[bytes]) -> None:
        if disk["full"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.extend(lines)

    writer = BackgroundWriter(persist, results.append)
    writer.submit(b"kept")
    error = writer.flush()
    assert error is not None and error.errno == errno.ENOSPC
    assert written == []
    disk["full"] = False
    writer.retry()
    assert writer.close() is None
    assert written == [b"kept"]
    assert results[0] is not None and results[-1] is None


async def test_keys_are_handled_while_a_save_is_in_progress(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()

    def slow_disk(path: Path, payload: bytes, expected_size: int) -> int:
        started.set()
        release.wait(10)
        return REAL_APPEND(path, payload, expected_size)

    async with running_app(data_file, patient=False) as (app, pilot):
        await pilot.press("c")
        monkeypatch.setattr(durable, "append_durably", slow_disk)
        await pilot.press("space")
        assert started.wait(5)  # the tick's write has begun and is held
        assert "Saved" not in status_text(app)  # not on disk yet: "Saved" would be untrue
        await pilot.pause(0.3)
        assert status_text(app) == "Saving…"  # a slow save says it is saving
        await pilot.press("down")  # answered while it is still in progress
        assert highlighted_text(app).startswith("Know who else is on your care team")
        assert _ticked(data_file) == []  # not on disk yet: the save really is in progress
        release.set()
        app.navigator.store.wait_for_writes()
        assert _ticked(data_file) == ["ct-neurologist"]
        await pilot.pause()
        assert status_text(app).startswith("Saved. Done: See a neurologist")  # now it is true


async def test_a_failed_write_is_said_and_quitting_asks_first(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c")
        monkeypatch.setattr(durable, "os", FaultyOS("write", 0, errno.ENOSPC, lasting=True))
        await pilot.press("space")
        app.navigator.store.wait_for_writes()
        await pilot.pause()
        assert status_text(app).startswith("Not saved: the disk is full.")
        assert "kept while the app is open" in status_text(app)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Quit anyway and lose your latest changes?" in str(
            app.screen.query_one("#question").render()
        )
        await pilot.press("enter")  # "No, stay" has focus
        assert not isinstance(app.screen, ConfirmScreen)
        monkeypatch.undo()
        await pilot.press("q")  # the retry works now, so the app quits
        await pilot.pause()
    assert _ticked(data_file) == ["ct-neurologist"]


def test_quitting_at_once_after_a_change_keeps_it(data_file: Path) -> None:
    """A real process on a slow disk: a tick and an immediate q still reach the file."""
    open_navigator(data_file).store.close()
    script = textwrap.dedent(
        f"""
        import sys, time
        from tui.core import durable
        from tui.cli import main
        real = durable.sync_file
        def slow_disk(fd):
            time.sleep(0.5)
            real(fd)
        durable.sync_file = slow_disk
        sys.exit(main(["--data-file", {str(data_file)!r}]))
        """
    )
    with Terminal([sys.executable, "-c", script]) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.3)
        term.press("c")
        term.send(" ", "q")
        started = time.monotonic()
        term.process.wait(timeout=15)
        assert time.monotonic() - started < 10
    assert term.process.returncode == 0
    assert _ticked(data_file) == ["ct-neurologist"]


#: The real command on a slow disk: every fsync takes 0.4 s (an SD card, an old disk).
SLOW_DISK_APP = (
    "import os, sys, time\n"
    "real_fsync = os.fsync\n"
    "def slow_fsync(fd):\n"
    "    time.sleep(0.4)\n"
    "    real_fsync(fd)\n"
    "os.fsync = slow_fsync\n"
    "from tui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_saved_is_said_only_once_the_note_is_on_disk(data_file: Path) -> None:
    """A kill -9 the moment "Saved" shows never loses the note: the sentence waits for
    the write, and says "Saving…" meanwhile."""
    for attempt in range(3):
        title = f"Heat {attempt}"
        args = [sys.executable, "-c", SLOW_DISK_APP, "--data-file", str(data_file)]
        with Terminal(args) as term:
            term.wait_for("SPMS Navigator: home")
            term.press("n")
            term.press("a")
            term.type(title)
            term.send("ctrl+s")
            term.wait_for("Saving…", limit=10)
            assert "Saved the note" not in term.text()
            term.wait_for("Saved the note", limit=10)
            term.process.kill()  # at once: no time to write anything more
            term.process.wait()
        with saved(data_file) as nav:
            assert title in [n.title for n in nav.notes.all()]
