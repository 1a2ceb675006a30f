"""Run the real app in a pseudo-terminal and read it through the pyte terminal emulator.

This is what a terminal screen reader sees: the text of each row, where the
cursor is, and every byte the app writes (including while the user is idle).
"""

from __future__ import annotations

import os
import select
import struct
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import pyte
import pytest

KEYS = {
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "enter": "\r",
    "escape": "\x1b",
    "backspace": "\x7f",
    "space": " ",
    "f1": "\x1bOP",
    "ctrl+q": "\x11",
    "ctrl+g": "\x07",
    "ctrl+t": "\x14",
    "ctrl+s": "\x13",
    "ctrl+d": "\x04",
    "ctrl+p": "\x10",
    "home": "\x1b[H",
    "end": "\x1b[F",
}


class Terminal:
    """One app process on a pty, with a pyte screen fed from everything it writes."""

    def __init__(
        self,
        args: list[str],
        env: dict[str, str] | None = None,
        columns: int = 100,
        rows: int = 30,
    ) -> None:
        if sys.platform == "win32":  # CI's Windows runs: the rest of the suite still runs
            pytest.skip("needs a Unix pseudo-terminal (pty)")
        import fcntl
        import pty
        import termios

        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
            **(env or {}),
        }
        full_env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master

    @classmethod
    def app(
        cls,
        data_file: Path,
        *extra: str,
        env: dict[str, str] | None = None,
        columns: int = 100,
        rows: int = 30,
    ) -> Terminal:
        return cls(
            [sys.executable, "-m", "tui", "--data-file", str(data_file), *extra],
            env=env,
            columns=columns,
            rows=rows,
        )

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _read_chunk(self, timeout: float) -> bytes:
        """One read of what the app wrote, waiting up to ``timeout`` seconds; empty if
        nothing came or the app has gone."""
        if not select.select([self.master], [], [], timeout)[0]:
            return b""
        try:
            return os.read(self.master, 65536)
        except OSError:
            return b""

    def _read(self, deadline: float, quiet: float | None) -> bytes:
        """Read until ``deadline``, or until nothing came for ``quiet`` seconds."""
        got = bytearray()
        while (left := deadline - time.monotonic()) > 0:
            chunk = self._read_chunk(min(left, quiet or left))
            if not chunk:
                break
            got += chunk
            self._feed(chunk)
        return bytes(got)

    def read_frame(self, timeout: float, gap: float = 0.002) -> tuple[bytes, float]:
        """One frame: the first write within ``timeout`` seconds and all that follows
        it within ``gap`` (the kernel may hand one write over in several reads).
        Returns it, now on the screen, and when its last part arrived (perf_counter).
        """
        got = bytearray()
        arrived, wait = 0.0, timeout
        while chunk := self._read_chunk(wait):
            got += chunk
            arrived, wait = time.perf_counter(), gap
        self._feed(bytes(got))
        return bytes(got), arrived

    def frames_for(self, seconds: float, gap: float = 0.008) -> list[bytes]:
        """What the app writes during ``seconds``, frame by frame: writes closer than
        ``gap`` make one frame."""
        frames = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            frame, _ = self.read_frame(left, gap)
            if not frame:
                break
            frames.append(frame)
        return frames

    def read_for(self, seconds: float) -> bytes:
        """Read whatever the app writes during ``seconds``."""
        return self._read(time.monotonic() + seconds, quiet=None)

    def settle(self, quiet: float = 0.25, limit: float = 10.0) -> bytes:
        """Read until the app has been quiet for ``quiet`` seconds."""
        return self._read(time.monotonic() + limit, quiet=quiet)

    def wait_for(self, text: str, limit: float = 45.0) -> None:
        """Wait until ``text`` is on the screen. The limit is generous: a passing test
        never waits it out, and a busy CI machine once took over 15 s to show the first
        screen (it drew nothing at all, so the failure says what the process did)."""
        deadline = time.monotonic() + limit
        while text not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared. {self.what_happened()}")
            self.read_for(0.05)

    def what_happened(self) -> str:
        """For a failure message: is the app running, what it wrote, what is shown."""
        code = self.process.poll()
        state = "still running" if code is None else f"ended with exit code {code}"
        return (
            f"The app is {state}; it wrote {len(self.raw)} bytes, ending "
            f"{bytes(self.raw[-200:])!r}. Screen:\n{self.text()}"
        )

    def _feed(self, data: bytes) -> None:
        if data:
            self.raw += data
            self.stream.feed(data)

    def send(self, *keys: str) -> None:
        for key in keys:
            if "+" in key and key not in KEYS:
                raise ValueError(f"No bytes for the key {key!r}: add it to KEYS")
            os.write(self.master, KEYS.get(key, key).encode())

    def press(self, *keys: str, first: float = 3.0, settle: bool = True) -> bytes:
        """Send keys one by one, waiting after each for the app's answer (up to ``first``
        seconds, for a slow, busy machine) and then for the screen to settle.

        ``settle=False`` skips the quarter second of quiet after the last key, for a
        test that waits for a line next anyway (``wait_for``, ``wait_for_cursor_line``).
        """
        out = b""
        for number, key in enumerate(keys, 1):
            self.send(key)
            chunk = self._read_chunk(first)
            self._feed(chunk)
            out += chunk
            if settle or number < len(keys):
                out += self.settle()
        return out

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())
        self.settle()

    def wait_for_cursor_line(
        self, start: str, limit: float = 30.0, from_cursor: bool = False
    ) -> str:
        """Wait until the cursor's line (or, ``from_cursor``, its text from the cursor on)
        starts with ``start``; return it. On a slow machine a new screen can take a while."""
        deadline = time.monotonic() + limit
        while True:
            line = self.text_from_cursor() if from_cursor else self.cursor_line()
            if line.startswith(start) or time.monotonic() > deadline:
                return line
            self.read_for(0.05)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def cursor_line(self) -> str:
        """The text of the row the terminal cursor is on: what a screen reader speaks."""
        return self.screen.display[self.screen.cursor.y].strip()

    def text_from_cursor(self) -> str:
        """The cursor's row from the cursor onwards (a drop-down is drawn over other rows)."""
        return self.screen.display[self.screen.cursor.y][self.screen.cursor.x :].strip()

    def close(self) -> None:
        if self.process.poll() is None:
            self.send("ctrl+q")
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self.master)
