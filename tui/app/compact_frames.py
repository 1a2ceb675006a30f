"""The same screen in fewer bytes, so a whole screen reaches a screen reader in one read.

Linux hands a write to a terminal on in pieces of 2,048 bytes, and Fenrir reads each
piece that comes more than a millisecond after the last on its own: a screen cut in
two is heard in two (tui/app/textual_private.py, ``CursorRowLast``, says what that
costs). Textual draws an 80x24 screen in about 3,000 bytes with ``TERM=linux``: half
of them spaces padding each line to the edge, and a third the colour codes it
repeats around each piece of a line. Written this way the journey's screens take
900-1,800 bytes, one piece; only a topic full of text takes a little more.

Two changes, each leaving every cell's letter and colours as they were (checked in
tests/test_compact_frames.py by drawing both in a terminal emulator):

- a colour set again just after it was reset is kept instead;
- a run of spaces is erased in place and stepped over (ECMA-48 ECH and CUF, which
  every terminal the app supports knows): ``ESC [ n X ESC [ n C``. Erasing uses the
  colours in force, as the spaces did.
"""

from __future__ import annotations

import re

#: A colour set, text, a reset, and the same colour set again at once.
_SET_AGAIN = re.compile(r"\x1b\[([0-9;]+)m([^\x1b]*)\x1b\[0m\x1b\[\1m")

#: Spaces worth erasing and stepping over: the two sequences take 8-10 bytes.
_SPACES = re.compile(r" {10,}")


def _kept(again: re.Match[str]) -> str:
    return f"\x1b[{again.group(1)}m{again.group(2)}"


def _erase_and_step(spaces: re.Match[str]) -> str:
    count = len(spaces.group())
    return f"\x1b[{count}X\x1b[{count}C"


def compact(sequence: str) -> str:
    """``sequence`` (text and the colour codes Textual writes for one line) drawn
    the same, in fewer bytes."""
    while (shorter := _SET_AGAIN.sub(_kept, sequence)) != sequence:
        sequence = shorter
    return _SPACES.sub(_erase_and_step, sequence)
