"""Each screen does the work every screen shares once as it opens.

Textual calls the ``on_mount`` of every class of a screen, and a screen's own
``on_mount`` that calls ``super().on_mount()`` ran BaseScreen's a second time: the
heading set twice, the keys' readiness scheduled twice, and on a screen whose middle
part scrolls, the cursor moved twice on every scroll."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.pilot_helpers import ROUTES, running_app
from tui.app import type_ahead
from tui.app.screens import base

#: A list screen, a screen with its own on_mount, and editors whose middle part scrolls.
OPENED = ("home", "topics", "notes", "new-note", "person-editor", "checklist-item")


@pytest.mark.parametrize("route", OPENED)
async def test_the_shared_mount_work_runs_once_a_screen(
    route: str, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mounted: Counter[int] = Counter()
    shared = type_ahead.ready_once_mounted

    def counted(screen: Any) -> None:
        mounted[id(screen)] += 1
        shared(screen)

    monkeypatch.setattr(base, "ready_once_mounted", counted)
    async with running_app(data_file) as (app, pilot):
        for key in ROUTES[route]:
            await pilot.press(key)
        await pilot.pause()
        assert mounted[id(app.screen)] == 1, f"{route}: {mounted[id(app.screen)]} times"
