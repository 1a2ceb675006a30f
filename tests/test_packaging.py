"""The installed package (not the source tree) finds its content and starts."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and install it, without dependencies, into a folder of its own."""
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("spms_navigator-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/_data/checklist.toml" in names
    assert "tui/app/styles/app.tcss" in names
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    return target


def _run(installed: Path, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )


def test_installed_package_reads_its_own_content(installed: Path, tmp_path: Path) -> None:
    code = (
        "import tui\n"
        "from tui.core.content import default_library\n"
        "lib = default_library()\n"
        "print(tui.__file__)\n"
        "print(len(lib.topics), len(lib.checklist))\n"
    )
    result = _run(installed, "-c", code, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    where, counts = result.stdout.split()[:2], result.stdout.split()[1:]
    assert where[0].startswith(str(installed))
    from tui.core.content import load_library  # the source tree's own data/

    shipped = load_library()
    assert counts == [str(len(shipped.topics)), str(len(shipped.checklist))]


def test_installed_command_starts(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, "-m", "tui", "--version", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"spms-navigator {__version__}"
