"""Shared fixtures: a fresh data file per test, and the app driven by Textual's Pilot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core import paths
from tui.core.service import Navigator, open_navigator


@pytest.fixture(autouse=True)
def no_personal_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read the developer's own settings file (their keys, their theme)."""
    empty = tmp_path_factory.mktemp("settings") / "settings.toml"
    monkeypatch.setenv(paths.SETTINGS_FILE_ENV, str(empty))


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "navigator.json"


@pytest.fixture
def navigator(data_file: Path) -> Iterator[Navigator]:
    nav = open_navigator(data_file)
    try:
        yield nav
    finally:
        nav.store.close()


@pytest.fixture(params=["native", "windows"])
def os_flavour(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test as it is here, then again under a simulation of Windows' ``os``
    (see tests/faults.py). Modules opt in with ``pytestmark``."""
    if request.param == "windows":
        from tests.faults import simulate_windows

        simulate_windows(monkeypatch)
    return str(request.param)
