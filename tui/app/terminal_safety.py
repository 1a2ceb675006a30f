"""Keep user text from ever reaching the terminal as control codes.

A note may contain escape sequences (pasted, imported or typed): an OSC 52
sequence writes the clipboard, others retitle the window or clear the screen.
Lists show such characters as visible symbols (``widgets.safe_for_terminal``),
but Textual's Input and TextArea draw their text raw. This filter runs on every
line the app draws, whatever the widget, and drops C0/C1 control characters from
text segments, and the bidirectional override and isolate marks that can make
text look like something else. They take no cells, so the layout is unchanged;
the stored text is untouched.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from tui.core.text import CONTROL_CHARACTERS

_CONTROL = re.compile(CONTROL_CHARACTERS)


class TerminalSafeFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(
            segment.control is None and _CONTROL.search(segment.text) for segment in segments
        ):
            return segments
        return [
            Segment(_CONTROL.sub("", text), style, None)
            if control is None
            else Segment(text, style, control)
            for text, style, control in segments
        ]
