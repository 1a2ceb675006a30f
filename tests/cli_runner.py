"""Running ``spms-navigator`` inside the test's own process, as jrnl's tests do.

A subprocess costs 0.2-0.4 s to start; this costs a few milliseconds. It is for the
many calls that check only the words said and the exit status. Tests of the entry
points, pipes, signals and terminals keep using a real process (tests/process.py).
The result has the same shape as ``subprocess.run``'s, so a test can move between the
two by changing its import.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tui.cli import main


class _Stdin(io.StringIO):
    """Typed-in text that, like a pipe, is not a terminal."""

    def isatty(self) -> bool:
        return False


@contextmanager
def _environment(env: dict[str, str] | None) -> Iterator[None]:
    """``env`` set for the call only (on top of the test's own environment)."""
    before = dict(os.environ)
    os.environ.update(env or {})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)


def cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``spms-navigator ARGS`` run in this process, with ``stdin`` typed in."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = _Stdin(stdin), out, err
    try:
        with _environment(env):
            try:
                status = main(list(args))
            except SystemExit as stop:  # argparse's --help and usage errors
                code = stop.code
                status = code if isinstance(code, int) else (0 if code is None else 2)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess(
        ["spms-navigator", *args], status, out.getvalue(), err.getvalue()
    )
