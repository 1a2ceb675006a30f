"""Speech events from the readers' own debug logs.

Orca 43 (``--debug-file``) writes every utterance as a timestamped entry,
``HH:MM:SS.ffffff - SPEECH OUTPUT: '<text>'<voice>``; a multi-line text goes on in
lines indented by 18 spaces. It writes "DEFAULT: Interrupting presentation" when it
stops speech (on each key press). Its speech-dispatcher client queues everything
else (priority "message"), so the entries in between are spoken one after another.

Fenrir 1.9 at debug level 3 writes ``INFO YYYY-MM-DD HH:MM:SS.ffffff: Speak: <text>``
(UTC) each time it queues an utterance for its speech driver, after
``... Interrupt speech`` when that utterance interrupts the one before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tests.readers.speech import Cancel, Event, Utterance

_ORCA_ENTRY = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{6}) - ")
_ORCA_CONTINUED = " " * 18
_ORCA_SPEECH = re.compile(
    r"^SPEECH OUTPUT: '(?P<text>.*)'(?: voice=\w+)? ?(?:\{.*\}|\[.*\])?\s*$", re.DOTALL
)
_FENRIR_LINE = re.compile(
    r"^(?:ANY )?\w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}): (?P<message>.*)$"
)


@dataclass
class OrcaLog:
    """Reads Orca's debug log as it grows; ``day`` dates its clock times (local)."""

    day: dt.date
    _pending: str = ""
    _entry: list[str] = field(default_factory=list)
    _entry_at: float = 0.0
    _last_at: float = 0.0

    def feed(self, text: str, *, final: bool = False) -> list[Event]:
        """The events in ``text`` (more of the log). An entry is complete when the
        next one starts; ``final`` says the log is quiet, so the last one is too."""
        events: list[Event] = []
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            if match := _ORCA_ENTRY.match(line):
                events += self._close()
                self._entry_at = self._moment(match)
                self._entry = [line[match.end() :]]
            elif self._entry and line.startswith(_ORCA_CONTINUED):
                self._entry.append(line[len(_ORCA_CONTINUED) :])
            else:
                events += self._close()
        if final:
            events += self._close()
        return events

    def _moment(self, match: re.Match[str]) -> float:
        hours, minutes, seconds, micro = (int(part) for part in match.groups())
        moment = dt.datetime.combine(self.day, dt.time(hours, minutes, seconds, micro))
        at = moment.timestamp()
        if at < self._last_at - 12 * 3600:  # the clock passed midnight
            self.day += dt.timedelta(days=1)
            at += 24 * 3600
        self._last_at = at
        return at

    def _close(self) -> list[Event]:
        body, self._entry = "\n".join(self._entry), []
        if body.startswith("DEFAULT: Interrupting presentation"):
            return [Cancel(self._entry_at)]
        if speech := _ORCA_SPEECH.match(body):
            return [Utterance(self._entry_at, speech["text"])]
        return []


@dataclass
class FenrirLog:
    """Reads Fenrir's debug log (level 3) as it grows."""

    _pending: str = ""

    def feed(self, text: str, *, final: bool = False) -> list[Event]:
        events: list[Event] = []
        lines = (self._pending + text).split("\n")
        self._pending = "" if final else lines.pop()
        for line in lines:
            match = _FENRIR_LINE.match(line)
            if not match:
                continue
            at = (
                dt.datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S.%f")
                .replace(tzinfo=dt.UTC)
                .timestamp()
            )
            message = match["message"]
            if message == "Interrupt speech":
                events.append(Cancel(at))
            elif message.startswith("Speak: "):
                events.append(Utterance(at, message.removeprefix("Speak: ")))
        return events
