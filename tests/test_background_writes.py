"""The full-screen app writes on a thread of its own: keys are handled while a save is in
progress, nothing is lost on quitting, and a failed write is said and kept, never dropped."""

from __future__ import annotations

import errno
import json
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tests.pilot_helpers import highlighted_text, running_app, status_text
from tests.terminal import Terminal
from tui.app.screens.confirm import ConfirmScreen
from tui.core import storage
from tui.core.service import open_navigator
from tui.core.storage import BackgroundWriter

REAL_WRITE = storage.atomic_write_bytes


def _ticked(data_file: Path) -> list[str]:
    document = json.loads(data_file.read_text("utf-8"))
    return [row["item_id"] for row in document.get("checklist", {}).values() if row.get("done")]


def test_the_writer_writes_the_newest_document_and_reports_each_write(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    results: list[OSError | None] = []
    writer = BackgroundWriter(path, results.append)
    for n in range(50):
        writer.submit(json.dumps({"n": n}).encode())
    assert writer.close() is None
    assert json.loads(path.read_text("utf-8")) == {"n": 49}
    assert results and all(result is None for result in results)
    assert len(results) <= 50  # payloads waiting together are written once, newest only


def test_a_failed_write_is_kept_and_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.json"
    results: list[OSError | None] = []

    def disk_full(_path: Path, _payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write_bytes", disk_full)
    writer = BackgroundWriter(path, results.append)
    writer.submit(b'{"kept": true}')
    error = writer.flush()
    assert error is not None and error.errno == errno.ENOSPC
    assert not path.exists()
    monkeypatch.undo()
    writer.retry()
    assert writer.close() is None
    assert json.loads(path.read_text("utf-8")) == {"kept": True}
    assert results[0] is not None and results[-1] is None


async def test_keys_are_handled_while_a_save_is_in_progress(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()

    def slow_disk(path: Path, payload: bytes) -> None:
        started.set()
        release.wait(10)
        REAL_WRITE(path, payload)

    async with running_app(data_file) as (app, pilot):
        await pilot.press("c")
        monkeypatch.setattr(storage, "atomic_write_bytes", slow_disk)
        await pilot.press("space")
        assert started.wait(5)  # the tick's write has begun and is held
        assert status_text(app).startswith("Saved: See a neurologist")
        await pilot.press("down")  # answered while it is still in progress
        assert highlighted_text(app).startswith("Know who else is on your care team")
        assert _ticked(data_file) == []  # not on disk yet: the save really is in progress
        release.set()
        app.navigator.store.wait_for_writes()
        assert _ticked(data_file) == ["ct-neurologist"]


async def test_a_failed_write_is_said_and_quitting_asks_first(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_path: Path, _payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    async with running_app(data_file) as (app, pilot):
        await pilot.press("c")
        monkeypatch.setattr(storage, "atomic_write_bytes", disk_full)
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
        from tui.core import storage
        from tui.cli import main
        real = storage.atomic_write_bytes
        def slow_disk(path, payload):
            time.sleep(0.5)
            real(path, payload)
        storage.atomic_write_bytes = slow_disk
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
