"""Settings that hold for the whole Python process (garbage collection, thread turns)
are changed by the real command only: a test run starts many apps in one process."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from tests.pilot_helpers import running_app
from tui import cli
from tui.app.app import NavigatorApp
from tui.core import paths
from tui.core.service import open_navigator


async def test_an_app_started_by_a_test_leaves_the_interpreter_alone(data_file: Path) -> None:
    interval = sys.getswitchinterval()
    async with running_app(data_file):
        assert gc.get_freeze_count() == 0
        assert sys.getswitchinterval() == interval


async def test_the_real_app_freezes_what_start_up_built(data_file: Path) -> None:
    interval = sys.getswitchinterval()
    navigator = open_navigator(data_file)
    app = NavigatorApp(navigator, tune_interpreter=True)
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.get_freeze_count() > 0  # later collections skip these objects
            assert sys.getswitchinterval() == pytest.approx(0.0005)
    finally:
        gc.unfreeze()
        sys.setswitchinterval(interval)
        navigator.store.close()


def test_the_command_starts_the_app_that_tunes_the_interpreter(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[NavigatorApp] = []
    monkeypatch.setattr(NavigatorApp, "run", lambda self, *a, **k: started.append(self))
    monkeypatch.delenv(paths.PLAIN_ENV, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)  # as if typed in a terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["--data-file", str(data_file), "--no-plain"]) == 0
    assert [app.tune_interpreter for app in started] == [True]
