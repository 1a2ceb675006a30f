"""Processes of one reader session, and the pipes the harness reads them through.

Every process a session starts carries a marker in its environment, and so do the
ones those start in turn (dbus services, the app inside a terminal, the commands a
reader runs to speak). Teardown ends exactly the processes with this session's
marker, whatever their process group or parent, so nothing is left running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pty
import signal
import subprocess
import threading
import time
import tty
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

MARKER = "SPMS_READER_SESSION"


class Processes:
    """Starts processes tagged with one session marker, and ends them all."""

    def __init__(self) -> None:
        self.marker = uuid.uuid4().hex
        self.started: list[subprocess.Popen[bytes]] = []

    def env(self, env: dict[str, str]) -> dict[str, str]:
        return {**env, MARKER: self.marker}

    def start(
        self,
        args: Sequence[str],
        env: dict[str, str],
        *,
        stdin: int | None = subprocess.DEVNULL,
        stdout: int | None = subprocess.DEVNULL,
        stderr: int | None = subprocess.DEVNULL,
        pass_fds: Sequence[int] = (),
        cwd: Path | None = None,
    ) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            list(args),
            env=self.env(env),
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            pass_fds=tuple(pass_fds),
            cwd=cwd,
            start_new_session=True,
        )
        self.started.append(process)
        return process

    def tagged(self) -> list[int]:
        """Ids of the running processes that carry this session's marker."""
        needle = f"{MARKER}={self.marker}".encode()
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    pids.append(int(entry.name))
        return pids

    def stop_all(self, grace: float = 2.0) -> None:
        """End every process of the session: politely, then for sure."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in self.tagged():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline:
                for process in self.started:
                    process.poll()
                if not self.tagged():
                    break
                time.sleep(0.05)
        for process in self.started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=grace)


class Drain:
    """Reads one pty master in a thread, so the writer never blocks, keeping all it
    read (and copying it to ``copy``, a file for people debugging a run)."""

    def __init__(self, master: int, copy: Path, on_data: Callable[[bytes], None] | None = None):
        self.master = master
        self.copy = copy
        self.on_data = on_data
        self.data = bytearray()
        self.changed = time.monotonic()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with self.copy.open("ab") as copy:
            while True:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                with self.lock:
                    self.data += chunk
                    self.changed = time.monotonic()
                    if self.on_data:
                        self.on_data(chunk)
                copy.write(chunk)
                copy.flush()

    def since(self, offset: int) -> bytes:
        with self.lock:
            return bytes(self.data[offset:])

    def last_change(self) -> float:
        """When (time.monotonic) something was last read."""
        with self.lock:
            return self.changed

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.master)
        self.thread.join(timeout=2)


def log_pty() -> tuple[int, int, str]:
    """A pseudo-terminal to give a reader as its debug log file: Python writes a file
    that is a terminal line by line (a real file only every 8 KB), so the harness reads
    each utterance as soon as it is logged. Raw, so lines stay as written.
    Returns the master, the slave (keep it open) and the slave's path."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    return master, slave, os.ttyname(slave)


def make_gate(path: Path) -> None:
    os.mkfifo(path)


def open_gate(path: Path, timeout: float) -> None:
    """Let the program waiting on the gate (``cat GATE``) go on."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
            continue
        os.close(fd)
        return
