"""The same screen in fewer bytes, so a whole screen reaches a screen reader in one read.

Linux hands a write to a terminal on in pieces of 2,048 bytes, and Fenrir reads each
piece that comes more than a millisecond after the last on its own: a screen cut in
two is heard in two (tui/app/textual_private.py, ``LastLetterLast``, says what that
costs). Textual writes an 80x24 screen in 2,500-3,500 bytes: half of them spaces
padding each line to the edge, and most of the rest colour codes, each piece of a line
in its whole style and reset after it. Written as below, the screens of a walk take
900-1,800 bytes, one piece; only a topic full of text takes a little more.

Two changes, each leaving every cell's letter and colours as they were (checked in
tests/test_compact_frames.py by drawing both in a terminal emulator):

- a piece of a line says only what its style changes from the last piece (ECMA-48
  SGR), and one reset ends the line;
- a run of spaces is erased in place and stepped over (ECH and CUF, which every
  terminal the app supports knows), ``ESC [ n X ESC [ n C`` (not where the spaces are
  reversed or underlined: erased cells take only the colours), and its last space is
  written: VTE (the terminal Orca reads) does not count erased cells at the end of
  a line as text, so a line ending in them, the status line above all, made the
  next write look longer than it was, and Orca stopped speaking the result after
  Escape (it speaks only a change that ends at the cursor).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rich.color import Color, ColorSystem
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style
from textual.strip import Strip

#: Spaces worth erasing and stepping over: the two sequences and a space take 9-11 bytes.
_SPACES = re.compile(r" {12,}")

#: Attributes an erased cell shows as a written space does (terminals erase with the
#: colours in force, but not reversed or underlined).
_ERASED_ALIKE = frozenset({"1"})

#: The Select Graphic Rendition sequence that puts every attribute back.
RESET = "\x1b[0m"


class _Look(NamedTuple):
    """A style as SGR parameters: attributes (bold, reverse, …), foreground, background."""

    attributes: frozenset[str]
    foreground: tuple[str, ...]
    background: tuple[str, ...]

    def codes(self) -> list[str]:
        return [*sorted(self.attributes), *self.foreground, *self.background]


_PLAIN = _Look(frozenset(), (), ())


@lru_cache(maxsize=1024)
def _look(style: Style | None, system: ColorSystem) -> _Look:
    if style is None:
        return _PLAIN
    attributes = Strip.render_ansi(style.without_color, system)
    return _Look(
        frozenset(attributes.split(";")) if attributes else frozenset(),
        _colour(style.color, system, foreground=True),
        _colour(style.bgcolor, system, foreground=False),
    )


def _colour(colour: Color | None, system: ColorSystem, foreground: bool) -> tuple[str, ...]:
    if colour is None:
        return ()
    return tuple(colour.downgrade(system).get_ansi_codes(foreground))


def _change(now: _Look, then: _Look) -> str:
    """The SGR sequence that turns ``now`` into ``then``: only what differs, or a reset
    and all of ``then`` when something must be taken away."""
    taken_away = (
        now.attributes - then.attributes
        or (now.foreground and not then.foreground)
        or (now.background and not then.background)
    )
    if taken_away:
        return f"\x1b[{';'.join(['0', *then.codes()])}m"
    codes = sorted(then.attributes - now.attributes)
    if then.foreground != now.foreground:
        codes += then.foreground
    if then.background != now.background:
        codes += then.background
    return f"\x1b[{';'.join(codes)}m"


def _erase_and_step(spaces: re.Match[str]) -> str:
    count = len(spaces.group()) - 1  # the last space is written (see the module's note)
    return f"\x1b[{count}X\x1b[{count}C "


def compact(row: Strip, console: Console) -> str:
    """``row`` as the terminal sequence that draws it, in few bytes."""
    if any(style is not None and style.link for _, style, _ in row):
        return row.render(console)  # a link's own sequences: as Textual writes them
    system = COLOR_SYSTEMS.get(console.color_system or "truecolor", ColorSystem.TRUECOLOR)
    written, now = [], _PLAIN
    for text, style, control in row:
        if control or not text:
            continue
        then = _look(style, system)
        if then != now:
            written.append(_change(now, then))
            now = then
        erasable = now.attributes <= _ERASED_ALIKE
        written.append(_SPACES.sub(_erase_and_step, text) if erasable else text)
    if now != _PLAIN:
        written.append(RESET)
    return "".join(written)
