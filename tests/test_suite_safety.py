"""The suite's own safety rails (tests/conftest.py): a home of its own for every test,
a guard on the real one, and Ctrl+C that reaches the apps the tests start."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests import conftest
from tui.core import paths


def test_every_test_has_a_home_of_its_own(own_home: Path, tmp_path: Path) -> None:
    assert Path.home() == own_home != conftest.REAL_HOME
    assert paths.default_data_file().is_relative_to(own_home)
    assert paths.export_file("md").parent == own_home


def test_the_guard_sees_an_app_file_written_into_the_real_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_real_home = tmp_path / "real"
    fake_real_home.mkdir()
    monkeypatch.setattr(conftest, "REAL_HOME", fake_real_home)
    monkeypatch.setattr(conftest, "REAL_APP_FOLDERS", (fake_real_home / "data",))
    before = conftest.app_files_in_real_home()
    (fake_real_home / "spms-navigator-export.md").write_text("notes")
    (fake_real_home / "data").mkdir()
    (fake_real_home / "data" / "navigator.json").write_text("{}")
    (fake_real_home / "unrelated.txt").write_text("not ours")
    after = conftest.app_files_in_real_home()
    assert sorted(p.name for p in after.keys() - before.keys()) == [
        "navigator.json",
        "spms-navigator-export.md",
    ]
    for written in after.keys() - before.keys():  # else the guard fails this test, rightly
        written.unlink()


def test_a_child_process_gets_the_default_ctrl_c() -> None:
    """Run as ``python -m pytest ... &`` this process starts with SIGINT ignored; the
    conftest handles it again, so a child starts with the default."""
    code = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    assert signal.getsignal(signal.SIGINT) != signal.SIG_IGN
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert child.stdout.strip() == "True"
