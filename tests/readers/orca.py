"""The app under Orca 43 in xfce4-terminal, on a private X display and session bus.

Everything is the user's default except where the machine forces it: Orca starts
with a fresh preferences folder (its defaults: key echo on, speech on), and since a
container has no sound, speech-dispatcher cannot start; Orca still logs every
utterance it would speak ("SPEECH OUTPUT"), which is what the harness listens to.
There is no window manager: the harness gives the terminal the keyboard focus itself.
Keys are X key events (xdotool), as a keyboard makes them.

Orca runs one instance per user on a machine (it refuses to start beside another),
so sessions take a lock in the temporary folder and run one after another.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO

from tests.readers.logs import OrcaLog
from tests.readers.processes import Drain, log_pty
from tests.readers.session import ReaderSession, ReaderUnavailable, wait_for
from tests.readers.speech import Event

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
TOOLS = ("Xvfb", "dbus-daemon", "orca", "xfce4-terminal", "xdotool")
INSTALL_HINT = "run `sh tests/system-packages.sh` as root"
LOCK_WAIT_SECONDS = 300.0

KEYSYMS = {
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "tab": "Tab",
    "shift+tab": "shift+Tab",
    "enter": "Return",
    "escape": "Escape",
    "space": "space",
    "backspace": "BackSpace",
    "delete": "Delete",
    "home": "Home",
    "end": "End",
    "pageup": "Prior",
    "pagedown": "Next",
    "f1": "F1",
}
CHARACTER_KEYSYMS = {
    " ": "space",
    "?": "question",
    "/": "slash",
    ".": "period",
    ",": "comma",
    "-": "minus",
    "'": "apostrophe",
    ":": "colon",
}
KEY_HOLD_SECONDS = 0.08
_BRAILLE_LINE = re.compile(r"BRAILLE LINE:  (['\"])(?P<line>.*)\1$", re.MULTILINE)


def check_orca() -> None:
    """Raise ReaderUnavailable naming the first missing tool."""
    for tool in TOOLS:
        if shutil.which(tool) is None:
            raise ReaderUnavailable(f"{tool} is not installed: {INSTALL_HINT}.")
    if not Path(BUS_LAUNCHER).is_file():
        raise ReaderUnavailable(f"{BUS_LAUNCHER} (at-spi2-core) is missing: {INSTALL_HINT}.")


class OrcaSession(ReaderSession):
    name = "orca"

    def start(self) -> None:
        check_orca()
        self._lock = _take_lock()
        env = self.base_env()
        env["TERM"] = "xterm-256color"
        for key in ("NO_AT_BRIDGE", "GTK_MODULES", "SESSION_MANAGER"):
            env.pop(key, None)

        env["DISPLAY"] = self._start_display(env)
        env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus(env)
        self.env = env
        self.processes.start([BUS_LAUNCHER, "--launch-immediately"], env)

        log_master, self._log_slave, log_path = log_pty()
        self.log = Drain(log_master, self.dir / "debug.log")
        self._parser = OrcaLog(dt.date.today())
        self._offset = 0
        orca_out = self.dir / "orca.out"
        with orca_out.open("wb") as out:
            self.orca = self.processes.start(
                ["orca", "-u", str(self.dir / "prefs"), "--debug-file", log_path],
                env,
                stdout=out.fileno(),
                stderr=subprocess.STDOUT,
            )
        wait_for(
            lambda: (
                b"SPEECH OUTPUT: 'Screen reader on.'" in self.log.since(0)
                or self.orca.poll() is not None
            ),
            30,
            "Orca to start",
        )
        if self.orca.poll() is not None:
            raise RuntimeError(f"Orca stopped at start: {orca_out.read_text().strip()}")

        self.terminal = self.processes.start(
            [
                "xfce4-terminal",
                "--disable-server",
                f"--geometry={self.columns}x{self.rows}",
                "-x",
                str(self.app_script()),
            ],
            env,
        )
        self.window = self._xdotool(
            "search", "--sync", "--onlyvisible", "--pid", str(self.terminal.pid), timeout=15
        ).split()[-1]
        focused_at = len(self.log.since(0))
        self._xdotool("windowfocus", "--sync", self.window)
        wait_for(
            lambda: b"locusOfFocus: [terminal" in self.log.since(focused_at),
            15,
            "Orca to follow the focus into the terminal",
        )

    def _start_display(self, env: dict[str, str]) -> str:
        """Xvfb on the first free display (it picks one and tells it)."""
        read, write = os.pipe()
        self.processes.start(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            env,
            pass_fds=[write],
        )
        os.close(write)
        with os.fdopen(read) as reader:
            display = reader.readline().strip()
        if not display:
            raise RuntimeError("Xvfb did not start.")
        return f":{display}"

    def _start_bus(self, env: dict[str, str]) -> str:
        """A private session bus (as dbus-launch starts, but in the foreground)."""
        bus = self.processes.start(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            env,
            stdout=subprocess.PIPE,
        )
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("The session bus did not start.")
        return address

    def _xdotool(self, *args: str, timeout: float = 5.0) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env=self.processes.env(self.env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return done.stdout

    def _send(self, key: str) -> None:
        """Press and release the key as a hand does, holding it a moment: Orca echoes a
        typed character on release, if the app has drawn it by then."""
        hold = str(KEY_HOLD_SECONDS)
        if len(key) == 1 and key.isupper():
            # Shift held until the letter is let go, as a hand does: xdotool alone lets
            # Shift go first, and Orca, which echoes a key as it is let go, then heard
            # "h" for "H" and did not echo it.
            letter = key.lower()
            self._xdotool(
                "keydown", "Shift_L", "keydown", letter, "sleep", hold, "keyup", letter,
                "keyup", "Shift_L",
            )  # fmt: skip
            return
        keysym = KEYSYMS.get(key) or CHARACTER_KEYSYMS.get(key, key)
        self._xdotool("keydown", keysym, "sleep", hold, "keyup", keysym)

    def _new_events(self, final: bool) -> list[Event]:
        data = self.log.since(self._offset)
        if not final:
            data = data[: data.rfind(b"\n") + 1]
        self._offset += len(data)
        return self._parser.feed(data.decode("utf-8", "replace"), final=final)

    def _last_activity(self) -> float:
        return self.log.last_change()

    def exited(self, timeout: float = 5.0) -> bool:
        try:
            self.terminal.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def screen_text(self) -> str:
        """The terminal's text as Orca reads it (through AT-SPI, with pyatspi)."""
        if not hasattr(self, "terminal") or self.terminal.poll() is not None:
            return "(the terminal has closed)"
        script = Path(__file__).with_name("atspi_text.py")
        try:
            done = subprocess.run(
                [SYSTEM_PYTHON, str(script)],
                env=self.processes.env(self.env),
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "(AT-SPI did not answer)"
        return done.stdout.rstrip() or done.stderr.strip()

    def braille_line(self) -> str:
        """The last line Orca sent to braille (its log's "BRAILLE LINE"): the cursor's
        line as Orca has it; no display is needed for Orca to log it."""
        text = self.log.since(0).decode("utf-8", "replace")
        found = [match["line"] for match in _BRAILLE_LINE.finditer(text)]
        return found[-1] if found else ""

    def _stop(self) -> None:
        if hasattr(self, "log"):
            self.log.close()
            os.close(self._log_slave)
        if hasattr(self, "_lock"):
            self._lock.close()


def _take_lock() -> IO[bytes]:
    """The machine-wide Orca lock (released when the file is closed)."""
    lock = (Path(tempfile.gettempdir()) / "spms-navigator-orca.lock").open("ab")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        with contextlib.suppress(BlockingIOError):
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return lock
        if time.monotonic() > deadline:
            lock.close()
            raise RuntimeError("Another Orca session held the lock for 5 minutes.")
        time.sleep(0.2)
