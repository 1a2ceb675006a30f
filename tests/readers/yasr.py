"""The app under yasr 0.6.9 (Debian's package), the third reader: a small PTY reader.

yasr runs the app in a pseudo-terminal of its own inside one the harness holds, as
Fenrir does, and speaks through a synthesizer. Its "Emacspeak server" synthesizer can
be a command it starts and writes to (``synthesizer port=|COMMAND``); here that
command is a stub speech server (``speech_stub``, below) that appends each line yasr
sends, with its time, to ``speech.log``: ``q {text}`` queues text, ``d`` speaks what
is queued, ``s`` stops speech (yasr sends it at every key). No sound card is needed.

Settings: yasr's shipped ``/etc/yasr/yasr.conf`` (key echo off, cursor tracking on),
read first, then a ``~/.yasr.conf`` in the session's home folder with the synthesizer
and the shell (the app's gate script) only. yasr's own stop key is ctrl+x ("flush");
it also stops at every key, as Orca does, so the paced mode presses nothing more.
"""

from __future__ import annotations

import fcntl
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import termios

import pyte

from tests.readers.fenrir import KEY_BYTES
from tests.readers.processes import Drain
from tests.readers.session import ReaderSession, ReaderUnavailable, wait_for
from tests.readers.speech import Cancel, Event, Utterance

INSTALL_HINT = "run `sh tests/system-packages.sh` as root (it installs yasr)"
_LINE = re.compile(r"^(?P<at>\d+\.\d+) (?P<command>\S+)(?: \{(?P<text>.*)\})?$")

SPEECH_STUB = """\
import sys, time
with open(sys.argv[1], "a", buffering=1) as log:
    for line in sys.stdin:
        log.write(f"{time.time():.6f} {line.rstrip(chr(10))}\\n")
"""


def find_yasr() -> str:
    found = shutil.which("yasr")
    if found is None:
        raise ReaderUnavailable(f"yasr is not installed: {INSTALL_HINT}.")
    return found


def speech_events(text: str) -> list[Event]:
    """The speech events in the stub's log: ``q {text}`` is said, ``s`` stops."""
    events: list[Event] = []
    for line in text.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        at = float(match["at"])
        if match["command"] in ("q", "tts_say") and match["text"] is not None:
            events.append(Utterance(at, match["text"]))
        elif match["command"] in ("s", "tts_silence"):
            events.append(Cancel(at))
    return events


class YasrSession(ReaderSession):
    name = "yasr"

    def start(self) -> None:
        yasr = find_yasr()
        self.speech_log = self.dir / "speech.log"
        self.speech_log.touch()
        stub = self.dir / "speech_stub.py"
        stub.write_text(SPEECH_STUB)
        env = self.base_env()
        env["TERM"] = "xterm-256color"
        # yasr keeps the port in a small buffer (a long line overflows it): a short
        # script of the session's own starts the stub.
        speak = self.dir / "speak"
        command = shlex.join([sys.executable, str(stub), str(self.speech_log)])
        speak.write_text(f"#!/bin/sh\nexec {command}\n")
        speak.chmod(0o755)
        port = str(speak)
        (self.dir / "home" / ".yasr.conf").write_text(
            "[options]\n"
            "synthesizer=emacspeak server\n"
            f"synthesizer port=|{port}\n"
            f"shell={self.app_script()}\n"
        )
        self._offset = 0
        self.screen = pyte.Screen(self.columns, self.rows)
        stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        size = struct.pack("HHHH", self.rows, self.columns, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, size)
        self.yasr = self.processes.start(
            [yasr], env, stdin=slave, stdout=slave, stderr=slave, cwd=self.dir
        )
        os.close(slave)
        self._master = master
        self.terminal = Drain(master, self.dir / "terminal.out", on_data=stream.feed)
        # yasr stops speech (``s``) as it starts its synthesizer.
        wait_for(
            lambda: self.speech_log.stat().st_size > 0 or self.yasr.poll() is not None,
            20,
            "yasr to start its synthesizer",
        )
        if self.yasr.poll() is not None:
            raise RuntimeError(f"yasr stopped at start. Its terminal:\n{self.screen_text()}")

    def _send(self, key: str) -> None:
        if "+" in key and key not in KEY_BYTES:
            raise ValueError(f"No bytes for the key {key!r}: add it to KEY_BYTES")
        os.write(self._master, KEY_BYTES.get(key, key).encode())

    def _new_events(self, final: bool) -> list[Event]:
        data = self.speech_log.read_bytes()[self._offset :]
        data = data[: data.rfind(b"\n") + 1]
        self._offset += len(data)
        return speech_events(data.decode("utf-8", "replace"))

    def _last_activity(self) -> float:
        return self.terminal.last_change()

    def exited(self, timeout: float = 5.0) -> bool:
        try:
            self.yasr.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def screen_text(self) -> str:
        with self.terminal.lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def braille_line(self) -> str:
        with self.terminal.lock:
            return self.screen.display[self.screen.cursor.y].rstrip()

    def _stop(self) -> None:
        if hasattr(self, "terminal"):
            self.terminal.close()
