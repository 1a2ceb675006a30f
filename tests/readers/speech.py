"""What a screen reader said, and what a person hears of it.

A reader's log tells what it sent to speech, and when. It does not tell what a
person hears: speech takes time, and the readers throw away what is still being
said when something interrupts it. The model here, used for both readers:

- speech runs at ``CHARACTERS_PER_SECOND`` (30: a fast but common rate for people
  who use a screen reader every day; Orca's and Fenrir's defaults are slower);
- an utterance starts when it is sent, or when the one before it ends;
- a cancel (Fenrir: "Interrupt speech" before an interrupting utterance; Orca:
  "Interrupting presentation", which it does on every key press) cuts the
  utterance being said at the character reached, and drops the ones waiting;
- each step starts in silence: the person waited for the step before to end.

Text is counted after runs of white space are made one space (readers do not
speak blanks); an utterance that is only white space takes no time.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CHARACTERS_PER_SECOND = 30.0

# Scrollbars and block graphics (U+2581-U+2593 without the ones a font never needs)
# and every box-drawing character: a reader spells them out or reads them as noise.
BLOCK_GLYPHS = frozenset("▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐░▒▓")
BOX_DRAWING = frozenset(chr(code) for code in range(0x2500, 0x2580))
GLYPHS = BLOCK_GLYPHS | BOX_DRAWING

# Words a reader adds that tell the listener nothing about the app.
NOISE_PHRASES = ("has attribute",)


@dataclass(frozen=True)
class Utterance:
    """Text sent to speech at ``at`` (seconds since the epoch)."""

    at: float
    text: str


@dataclass(frozen=True)
class Cancel:
    """The reader stopped speech at ``at``: what was being said is cut there."""

    at: float


Event = Utterance | Cancel


@dataclass(frozen=True)
class Part:
    """One utterance as heard: all of it, or its start when it was cut."""

    text: str
    cut: bool


def plain(text: str) -> str:
    """The text as a reader speaks it: runs of white space are one pause."""
    return re.sub(r"\s+", " ", text).strip()


def listen(events: Iterable[Event], rate: float = CHARACTERS_PER_SECOND) -> list[Part]:
    """What a person hears of ``events``, in order (see the module's model)."""
    parts: list[Part] = []
    waiting: deque[str] = deque()
    playing: str | None = None
    began = 0.0

    def play_until(moment: float) -> None:
        """Finish every utterance that ends before ``moment``, starting the next."""
        nonlocal playing, began
        while playing is not None and began + len(playing) / rate <= moment:
            parts.append(Part(playing, cut=False))
            began += len(playing) / rate
            playing = waiting.popleft() if waiting else None

    for event in sorted(events, key=lambda event: event.at):
        play_until(event.at)
        if isinstance(event, Cancel):
            if playing is not None:
                said = int((event.at - began) * rate)
                if said > 0:
                    parts.append(Part(playing[:said], cut=True))
            playing = None
            waiting.clear()
            continue
        text = plain(event.text)
        if not text:
            continue
        if playing is None:
            playing, began = text, event.at
        else:
            waiting.append(text)
    play_until(float("inf"))
    return parts


def speaking_until(events: Iterable[Event], rate: float = CHARACTERS_PER_SECOND) -> float:
    """When (seconds since the epoch) the speech of ``events`` ends, in the model
    above; 0 when nothing is said."""
    end = 0.0
    for event in sorted(events, key=lambda event: event.at):
        if isinstance(event, Cancel):
            end = min(end, event.at)
            continue
        text = plain(event.text)
        if text:
            end = max(end, event.at) + len(text) / rate
    return end


@dataclass(frozen=True)
class Heard:
    """Everything a reader said after one step (a key, some typing, or the start).

    In the paced mode (session.py) ``window`` is the seconds until the next key: what
    is said later is cut there, as the next key cuts it; ``braille`` is the cursor's
    line as the step ended (what a braille display shows)."""

    step: str
    started: float
    events: tuple[Event, ...]
    window: float | None = None
    braille: str = ""

    @property
    def utterances(self) -> list[str]:
        """Every utterance after the step, in order, as spoken (white space folded)."""
        texts = (plain(event.text) for event in self.events if isinstance(event, Utterance))
        return [text for text in texts if text]

    @property
    def parts(self) -> list[Part]:
        if self.window is None:
            return listen(self.events)
        end = self.started + self.window
        kept = [event for event in self.events if event.at < end]
        return listen([*kept, Cancel(end)])

    @property
    def sent(self) -> str:
        """Everything the reader sent to speech, heard or not, as one text."""
        return " ".join(self.utterances)

    def chars_before(self, text: str) -> int | None:
        """How many characters the reader sent before ``text`` (None if never sent):
        at 30 a second, how long a person waits for it when nothing cuts it short."""
        where = self.sent.casefold().find(plain(text).casefold())
        return None if where < 0 else where

    def braille_shows(self, text: str, cells: int = 40) -> bool:
        """Whether the first ``cells`` characters of the cursor's line hold ``text``."""
        return plain(text).casefold() in self.braille[:cells].casefold()

    @property
    def spoken(self) -> str:
        """What a person hears, in order; a cut utterance ends with "…"."""
        return " ".join(part.text + ("…" if part.cut else "") for part in self.parts)

    @property
    def chars(self) -> int:
        """How many characters a person hears for this step (the length of speech)."""
        return sum(len(part.text) for part in self.parts)

    @property
    def seconds(self) -> float:
        return self.chars / CHARACTERS_PER_SECOND

    @property
    def sent_chars(self) -> int:
        """How many characters the reader sent to speech, heard or not."""
        return sum(len(text) for text in self.utterances)

    def heard(self, text: str) -> bool:
        """Whether a person hears ``text`` (case and spacing ignored)."""
        return plain(text).casefold() in self.spoken.casefold()

    def heard_in_order(self, texts: Sequence[str]) -> bool:
        """Whether a person hears each of ``texts``, one after another (case ignored)."""
        spoken, at = self.spoken.casefold(), 0
        for text in texts:
            found = spoken.find(plain(text).casefold(), at)
            if found < 0:
                return False
            at = found + len(plain(text))
        return True

    def said(self, text: str) -> bool:
        """Whether the reader sent ``text`` to speech at all, heard or cut."""
        return any(plain(text).casefold() in said.casefold() for said in self.utterances)

    def describe(self) -> str:
        paced = f" in {self.window:.1f} s" if self.window is not None else ""
        lines = [f"> {self.step}: heard {self.chars} characters{paced}: {self.spoken!r}"]
        if self.braille:
            lines.append(f"    braille: {self.braille[:40]!r}")
        lines += [f"    said: {text!r}" for text in self.utterances]
        return "\n".join(lines)


def glyphs_in(texts: str | Sequence[str]) -> list[str]:
    """The scrollbar, block and box-drawing characters in ``texts``, in order of first
    appearance (empty when there are none)."""
    found: dict[str, None] = {}
    for text in [texts] if isinstance(texts, str) else texts:
        found.update(dict.fromkeys(char for char in text if char in GLYPHS))
    return list(found)


def noise_in(texts: str | Sequence[str]) -> list[str]:
    """The reader's own noise phrases ("has attribute") found in ``texts``."""
    joined = " ".join([texts] if isinstance(texts, str) else texts).casefold()
    return [phrase for phrase in NOISE_PHRASES if phrase in joined]
