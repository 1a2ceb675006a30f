"""Shared fixtures: a fresh data file per test, and the app driven by Textual's Pilot."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core import paths
from tui.core.service import Navigator, open_navigator

#: The real home folder, and the app's folders in it, as they are before any test runs.
REAL_HOME = Path.home()
REAL_APP_FOLDERS = (paths.default_data_file().parent, paths.settings_file({}).parent)
#: What the app writes straight into the home folder: exports and visit summaries.
HOME_FILE_PATTERNS = (f"{paths.APP_NAME}*", "appointment-*")


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl+C reaches the apps the tests start, even when the suite runs as a background job.

    A shell starts ``python -m pytest ... &`` with SIGINT ignored, and every child (the
    app on a pty, the screen-reader harness's processes) would inherit that, so the
    tests that press Ctrl+C failed. A handled signal is reset to the default in a child,
    so handling it here, as a foreground run does, gives every child the default.
    """
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def app_files_in_real_home() -> dict[Path, int]:
    """Every file the app could have written in the real home, with its modification time."""
    found = [p for pattern in HOME_FILE_PATTERNS for p in REAL_HOME.glob(pattern)]
    for folder in REAL_APP_FOLDERS:
        if folder.is_dir():
            found += folder.rglob("*")
    return {p: p.lstat().st_mtime_ns for p in found if p.exists() or p.is_symlink()}


#: Test files that share one xdist worker, in file order: the screen-reader tests (one
#: Orca session at a time on a machine, and a busy second worker makes speech late), and
#: the packaging tests (one wheel built per worker, so build it once).
ONE_WORKER = {"readers": ("test_readers_", "test_screen_reader"), "packaging": ("test_packaging",)}


def reader_module(module: object) -> bool:
    """A test module that drives a screen reader (it uses the harness in tests/readers)."""
    return any(
        getattr(value, "__module__", "").startswith("tests.readers.")
        for value in vars(module).values()
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests run on two workers (``-n auto --dist loadgroup`` in pyproject.toml), except
    the groups above, each kept on one worker.

    First of all such hooks: pytest-xdist's own (on each worker) turns an
    ``xdist_group`` mark into the test's id (``…@readers``), by which the groups are
    dealt out; run after it, as it did, the marks came too late, and the reader tests
    were spread over both workers (each ran the paced journeys again, and Orca's
    sessions waited for each other)."""
    for item in items:
        name = item.path.name
        module = getattr(item, "module", None)
        for group, prefixes in ONE_WORKER.items():
            if name.startswith(prefixes) or (group == "readers" and reader_module(module)):
                item.add_marker(pytest.mark.xdist_group(group))
                break


@pytest.fixture(autouse=True)
def own_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test has a home folder of its own, so the default data file, its backups,
    the settings and the exports land in a temporary folder; and a test that still
    writes into the real home (a path built some other way) fails, naming the files."""
    home = tmp_path_factory.mktemp("home")
    for name in ("HOME", "USERPROFILE"):
        monkeypatch.setenv(name, str(home))
    for name, below in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("APPDATA", "AppData/Roaming"),  # where platformdirs looks on (simulated) Windows
        ("LOCALAPPDATA", "AppData/Local"),
    ):
        monkeypatch.setenv(name, str(home / below))
    before = app_files_in_real_home()
    yield home
    after = app_files_in_real_home()
    written = sorted(str(p) for p, mtime in after.items() if before.get(p) != mtime)
    assert not written, (
        "The app's files in the real home folder changed during this test (by the test, "
        f"or by another program at the same time): {', '.join(written)}"
    )


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
