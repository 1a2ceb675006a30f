"""Running the real ``spms-navigator`` command in a subprocess, as a script would."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tui.core.service import Navigator, open_navigator

ROOT = Path(__file__).resolve().parent.parent


def cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m tui ARGS`` with ``stdin`` typed in; returns its output and status."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )


@contextlib.contextmanager
def saved(data_file: Path) -> Iterator[Navigator]:
    """The data file as the core reads it, after the commands have run (closed again after)."""
    nav = open_navigator(data_file)
    try:
        yield nav
    finally:
        nav.store.close()
