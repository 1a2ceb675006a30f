"""The app under Fenrir 1.9 in its PTY mode, as a person starts it from a terminal.

Fenrir runs in a pseudo-terminal the harness holds (80x24 by default), runs the app
in a pseudo-terminal of its own (with TERM=linux, as Fenrir sets it), and reads what
the app draws. Keys are written as the bytes a terminal sends; Fenrir's default PTY
keymap (``keyboard/pty.conf``, unchanged) takes the ones it binds, such as Escape
(stop speech) and F1 (tutorial), and passes the others on to the app.

Settings: Fenrir's shipped ``settings.conf``, with these changes only:
- the PTY drivers and keymap (what ``fenrir -e`` sets; ``-e`` also forces a shared
  debug file in /tmp, so the harness sets them itself);
- speech through ``genericDriver``, whose command appends each utterance with its time
  to ``speech.log`` instead of speaking it;
- sound icons off (no sound card, and they would replace some words with tones);
- the remote-control socket off (it would be shared by parallel sessions);
- debug level 3, into a pseudo-terminal the harness reads: the source of the speech
  events, as it also records which utterances interrupt (see logs.py).
"""

from __future__ import annotations

import fcntl
import os
import shlex
import struct
import subprocess
import termios
from dataclasses import dataclass
from pathlib import Path

import pyte

from tests.readers.logs import FenrirLog
from tests.readers.processes import Drain, log_pty
from tests.readers.session import ReaderSession, ReaderUnavailable, wait_for
from tests.readers.speech import Event
from tests.terminal import KEYS

PROJECT = Path(__file__).resolve().parents[2]
LOCAL_FENRIR = PROJECT / ".readers" / "fenrir"
SYSTEM_PYTHON = "/usr/bin/python3"
INSTALL_HINT = "run `sh tests/system-packages.sh` as root"

#: The context-menu key, which Fenrir's PTY keymap binds to stop speech.
STOP_SPEECH = b"\x1b[29~"

KEY_BYTES = {
    **KEYS,
    "backspace": "\x7f",
    "delete": "\x1b[3~",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "ctrl+c": "\x03",
    "ctrl+n": "\x0e",
    "ctrl+p": "\x10",
}


@dataclass(frozen=True)
class FenrirInstall:
    script: Path
    python_path: Path | None
    settings: Path


def find_fenrir() -> FenrirInstall:
    """Where Fenrir is: unpacked into .readers/fenrir, or installed by the system."""
    if (LOCAL_FENRIR / "usr/bin/fenrir").is_file():
        if not (LOCAL_FENRIR / "usr/lib/python3/config/keyboard/pty.conf").is_file():
            raise ReaderUnavailable(
                f"Fenrir's unpacked copy is incomplete (no keymap link): {INSTALL_HINT}."
            )
        install = FenrirInstall(
            LOCAL_FENRIR / "usr/bin/fenrir",
            LOCAL_FENRIR / "usr/lib/python3/dist-packages",
            LOCAL_FENRIR / "etc/fenrirscreenreader/settings/settings.conf",
        )
    elif Path("/usr/bin/fenrir").is_file():
        install = FenrirInstall(
            Path("/usr/bin/fenrir"),
            None,
            Path("/etc/fenrirscreenreader/settings/settings.conf"),
        )
    else:
        raise ReaderUnavailable(f"Fenrir is not there: {INSTALL_HINT} (it unpacks Fenrir 1.9).")
    if not Path(SYSTEM_PYTHON).is_file():
        raise ReaderUnavailable(f"Fenrir needs {SYSTEM_PYTHON}: {INSTALL_HINT}.")
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyte, dbus, pexpect, xdg"],
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode != 0:
        missing = check.stderr.strip().splitlines()[-1] if check.stderr.strip() else "?"
        raise ReaderUnavailable(f"Fenrir's Python modules are missing ({missing}): {INSTALL_HINT}.")
    return install


class FenrirSession(ReaderSession):
    name = "fenrir"

    def start(self) -> None:
        install = find_fenrir()
        self.speech_log = self.dir / "speech.log"
        speak = self.dir / "speak.sh"
        speak.write_text(
            "#!/bin/sh\n"
            f'printf \'%s %s\\n\' "$(date +%s.%N)" "$1" >> {shlex.quote(str(self.speech_log))}\n'
        )
        speak.chmod(0o755)
        log_master, self._log_slave, log_path = log_pty()
        self.log = Drain(log_master, self.dir / "debug.log")
        self._parser = FenrirLog()
        self._offset = 0

        options = {
            "screen#driver": "ptyDriver",
            "keyboard#driver": "ptyDriver",
            "keyboard#keyboardLayout": "pty",
            "speech#driver": "genericDriver",
            "speech#genericSpeechCommand": f"{shlex.quote(str(speak))} fenrirText",
            "sound#enabled": "False",
            "remote#enabled": "False",
            "general#debugLevel": "3",
            "general#debugMode": "File",
            "general#debugFile": log_path,
            "general#shell": shlex.quote(str(self.app_script())),
        }
        assert not any(";" in value for value in options.values())
        env = self.base_env()
        env["TERM"] = "xterm-256color"
        if install.python_path:
            env["PYTHONPATH"] = str(install.python_path)

        self.screen = pyte.Screen(self.columns, self.rows)
        stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        size = struct.pack("HHHH", self.rows, self.columns, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, size)
        self.fenrir = self.processes.start(
            [
                SYSTEM_PYTHON,
                str(install.script),
                "-s",
                str(install.settings),
                "-o",
                ";".join(f"{key}={value}" for key, value in options.items()),
            ],
            env,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=self.dir,
        )
        os.close(slave)
        self._master = master
        self.terminal = Drain(master, self.dir / "terminal.out", on_data=stream.feed)
        wait_for(
            lambda: b"Speak: Start Fenrir" in self.log.since(0) or self.fenrir.poll() is not None,
            20,
            "Fenrir to start",
        )
        if self.fenrir.poll() is not None:
            raise RuntimeError(f"Fenrir stopped at start. Its terminal:\n{self.screen_text()}")

    def _send(self, key: str) -> None:
        if "+" in key and key not in KEY_BYTES:
            raise ValueError(f"No bytes for the key {key!r}: add it to KEY_BYTES")
        os.write(self._master, KEY_BYTES.get(key, key).encode())

    def _new_events(self, final: bool) -> list[Event]:
        data = self.log.since(self._offset)
        if not final:
            data = data[: data.rfind(b"\n") + 1]
        self._offset += len(data)
        return self._parser.feed(data.decode("utf-8", "replace"), final=final)

    def _last_activity(self) -> float:
        # Not the debug log: Fenrir logs a heartbeat twice a second.
        return self.terminal.last_change()

    def exited(self, timeout: float = 5.0) -> bool:
        try:
            self.fenrir.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def screen_text(self) -> str:
        with self.terminal.lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def braille_line(self) -> str:
        """The cursor's line of the terminal Fenrir reads (what its braille shows)."""
        with self.terminal.lock:
            return self.screen.display[self.screen.cursor.y].rstrip()

    def silence(self) -> bool:
        """Fenrir's stop key (``shut_up`` in keyboard/pty.conf). The keymap gives it
        Escape and the context-menu key; this is the second, as Escape alone cannot
        be told from the start of the next key's sequence by its timing alone."""
        os.write(self._master, STOP_SPEECH)
        return True

    def _stop(self) -> None:
        for drain in (getattr(self, "terminal", None), getattr(self, "log", None)):
            if drain is not None:
                drain.close()
        if hasattr(self, "_log_slave"):
            os.close(self._log_slave)
