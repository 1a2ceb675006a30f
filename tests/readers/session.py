"""What both readers' sessions share: steps, waiting for speech to settle, the
transcript, and the app's command line behind a gate."""

from __future__ import annotations

import builtins
import os
import shlex
import shutil
import signal
import sys
import tempfile
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from tests.readers.processes import Processes, make_gate, open_gate
from tests.readers.speech import Event, Heard, speaking_until

# Speech has settled when the reader's log has been still this long after a key.
QUIET_SECONDS = 0.8
# ...and a step never waits longer than this.
STEP_LIMIT_SECONDS = 12.0
# Gap between typed characters: a quick typist.
TYPING_GAP_SECONDS = 0.08
# The paced mode: a person presses on this long after a key, whatever is being said.
PACE_SECONDS = 3.0
# After the reader's stop key, before the next key: a hand moves from one to the other.
SILENCE_GAP_SECONDS = 0.15
#: The project checkout whose app is heard (tests/readers/session.py is two below it).
CHECKOUT = Path(__file__).resolve().parents[2]


class ReaderUnavailable(RuntimeError):
    """A tool the reader needs is missing; the message names it and how to install it."""


class ReaderSession(ABC):
    """The app running under one screen reader, driven by keys, heard through its log."""

    name: str

    def __init__(
        self,
        data_file: Path,
        columns: int,
        rows: int,
        env: dict[str, str] | None,
        app: list[str] | None,
    ) -> None:
        self.data_file = data_file
        self.columns = columns
        self.rows = rows
        self.app_env = env or {}
        self.app = app or [sys.executable, "-m", "tui", "--data-file", str(data_file)]
        self.dir = Path(tempfile.mkdtemp(prefix=f"spms-{self.name}-"))
        self.processes = Processes()
        self.steps: list[Heard] = []
        self._step_events: list[Event] = []
        self.gate = self.dir / "gate"
        make_gate(self.gate)

    # The part each reader provides.

    @abstractmethod
    def start(self) -> None:
        """Start the reader and its terminal, with the app waiting at the gate."""

    @abstractmethod
    def _send(self, key: str) -> None:
        """Send one key (a name from KEY_NAMES or one character) to the app."""

    @abstractmethod
    def _new_events(self, final: bool) -> list[Event]:
        """Speech events logged since the last call."""

    @abstractmethod
    def _last_activity(self) -> float:
        """When (time.monotonic) the app last drew or the reader last worked, as far as
        the harness can see; speech events count too."""

    @abstractmethod
    def exited(self, timeout: float = 5.0) -> bool:
        """Whether the app (and so its terminal) ended within ``timeout`` seconds."""

    @abstractmethod
    def screen_text(self) -> str:
        """The terminal's text, for failure messages."""

    @abstractmethod
    def braille_line(self) -> str:
        """The line a braille display shows now: the cursor's line, as the reader has it."""

    def silence(self) -> bool:
        """Press the reader's own stop-speech key, if it has one a person would use
        before each key (Fenrir); True when a key was pressed. Orca needs none: it
        stops speech at every key itself."""
        return False

    @abstractmethod
    def _stop(self) -> None:
        """Close what the reader's session holds open (after its processes ended)."""

    # The harness.

    def app_script(self) -> Path:
        """A shell script that waits at the gate, then runs the app: a reader is fully
        up before the app draws its first screen, as when a person starts the app.
        It runs from this checkout (``python -m tui`` finds its package there), not
        from wherever the environment installed the package (a worktree's changes
        were not heard)."""
        script = self.dir / "app.sh"
        env_args = ["env", "-u", "PYTHONPATH", "-u", "TEXTUAL", "-u", "COLUMNS", "-u", "LINES"]
        env_args += [f"{key}={value}" for key, value in self.app_env.items()]
        script.write_text(
            "#!/bin/sh\n"
            f"cat {shlex.quote(str(self.gate))} >/dev/null\n"
            f"cd {shlex.quote(str(CHECKOUT))}\n"
            f"exec {shlex.join(env_args + self.app)}\n"
        )
        script.chmod(0o755)
        return script

    def base_env(self) -> dict[str, str]:
        """The environment of everything in the session: the caller's, without any
        display, bus or terminal of its own, with a home folder of its own (the app
        suggests exporting there; the readers keep their settings there)."""
        env = dict(os.environ)
        for key in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "TMUX", "STY"):
            env.pop(key, None)
        home = self.dir / "home"
        runtime = self.dir / "run"
        for folder in (home, runtime):
            folder.mkdir(mode=0o700, exist_ok=True)
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_RUNTIME_DIR=str(runtime),
        )
        return env

    def _begin(self, step: str) -> float:
        self._new_events(final=True)  # late speech of the step before stays there
        self._step_events = []
        return time.time()

    def _settle(
        self, step: str, started: float, need_activity: bool = False, need_said: str = ""
    ) -> Heard:
        """Wait until speech has settled (nothing new for QUIET_SECONDS; with
        ``need_activity``, not before something happened; with ``need_said``, not
        before the reader said it), then record the step."""
        begun = last_event = time.monotonic()
        while True:
            time.sleep(0.05)
            now = time.monotonic()
            if new := self._new_events(final=False):
                self._step_events += new
                last_event = now
            if now - begun > STEP_LIMIT_SECONDS:
                break
            active = max(last_event, self._last_activity())
            if need_activity and active <= begun:
                continue
            if need_said and not Heard(step, started, tuple(self._step_events)).said(need_said):
                continue
            if now - max(active, begun) >= QUIET_SECONDS:
                break
        self._step_events += self._new_events(final=True)
        heard = Heard(step, started, tuple(self._step_events))
        self.steps.append(heard)
        return heard

    def wait_until_ready(self, timeout: float = 20.0, said: str = "") -> Heard:
        """Let the app start, and return what was heard until speech settled (and,
        with ``said``, the reader said it: Orca's log is never still for long, so a
        slow start can look settled before the app has drawn; at most STEP_LIMIT_SECONDS)."""
        started = self._begin("start")
        open_gate(self.gate, timeout)
        return self._settle("start", started, need_activity=True, need_said=said)

    def press(self, key: str) -> Heard:
        """Press one key (a name such as "enter", "escape", "ctrl+s", "f1", or one
        character) and return what was heard until speech settled."""
        started = self._begin(key)
        self._send(key)
        return self._settle(key, started)

    def type(self, text: str) -> Heard:
        """Type ``text`` a character at a time, and return what was heard."""
        started = self._begin(f"type {text!r}")
        for char in text:
            self._send(char)
            time.sleep(TYPING_GAP_SECONDS)
        return self._settle(f"type {text!r}", started)

    def app_pid(self) -> int | None:
        """The app's process id (the gate script execs it), while it runs."""
        needle = self.app[-1].encode()  # the data file, or the app's last argument
        for pid in self.processes.tagged():
            try:
                command = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if needle in command and b"cat" not in command[0]:
                return pid
        return None

    def crash_app(self) -> None:
        """Kill the app at once (SIGKILL: no saving, no goodbye), as a crash or a power
        cut would; the reader is left to notice its terminal has gone."""
        pid = self.app_pid()
        if pid is None:
            raise RuntimeError(f"The app is not running.\n{self.transcript()}")
        os.kill(pid, signal.SIGKILL)

    def paced(self, key: str, typed: bool = False) -> Heard:
        """The paced mode, as people listen: silence the reader if it is still speaking
        (by the speech model, speech.py), press ``key`` (or type it, a character at a
        time), listen for PACE_SECONDS after the last character and no longer (what is
        said after that is cut by the next key), and note the braille line then."""
        still_speaking = self.steps and speaking_until(self.steps[-1].events) > time.time()
        if still_speaking and self.silence():
            time.sleep(SILENCE_GAP_SECONDS)
        step = f"type {key!r}" if typed else key
        started = self._begin(step)
        for char in key if typed else [key]:
            self._send(char)
            if typed:
                time.sleep(TYPING_GAP_SECONDS)
        window = time.time() - started + PACE_SECONDS
        while time.time() < started + window:
            time.sleep(0.05)
            self._step_events += self._new_events(final=False)
        self._step_events += self._new_events(final=True)
        heard = Heard(step, started, tuple(self._step_events), window, self.braille_line())
        self.steps.append(heard)
        return heard

    def transcript(self) -> str:
        """Every step and what was heard: for failure messages."""
        lines = [f"{self.name} session ({self.columns}x{self.rows}), logs in {self.dir}"]
        lines += [heard.describe() for heard in self.steps]
        lines += ["Screen now:", self.screen_text()]
        return "\n".join(lines)

    def close(self, keep_logs: bool = False) -> None:
        """End every process of the session; remove its logs unless ``keep_logs`` or
        SPMS_READERS_KEEP_LOGS=1 (a failing test keeps them: the transcript names them)."""
        self.processes.stop_all()
        self._stop()
        if not keep_logs and os.environ.get("SPMS_READERS_KEEP_LOGS") != "1":
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> ReaderSession:
        return self

    def __exit__(
        self,
        exc_type: builtins.type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(keep_logs=exc_type is not None)


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll ``condition`` until it is true, or fail saying ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"Timed out after {timeout:.0f} s waiting for {what}.")
        time.sleep(0.05)
