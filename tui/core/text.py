"""Showing user text safely in a terminal, for every front end."""

from __future__ import annotations

import re

#: Characters that must never reach a terminal from user text: C0 and C1 controls
#: (but tab and newline) and the bidirectional override and isolate marks.
CONTROL_CHARACTERS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}  # Unicode 'control pictures'
_PICTURES[0x7F] = "\u2421"
_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), "\ufffd"))  # C1 controls
_PICTURES.update(dict.fromkeys((*range(0x202A, 0x202F), *range(0x2066, 0x206A)), ""))
_KEEP_NEWLINES = dict(_PICTURES)
del _KEEP_NEWLINES[ord("\n")], _KEEP_NEWLINES[ord("\t")]


def safe_for_terminal(text: str, keep_newlines: bool = True) -> str:
    """Replace control characters (ESC, NUL, BEL...) with visible symbols.

    An escape sequence in a note then shows as ``␛[31m`` instead of changing the
    terminal. Bidirectional override marks are dropped. Newlines and tabs are kept
    unless ``keep_newlines`` is False (for one-line display).
    """
    if text.isprintable():  # the usual case, and ten times faster than translate()
        return text
    return text.translate(_KEEP_NEWLINES if keep_newlines else _PICTURES)


def one_line(text: str) -> str:
    """A person's words on a single line, control characters (newlines too) made visible."""
    return safe_for_terminal(text, keep_newlines=False)


def flat_line(text: str) -> str:
    """A person's words as one line of a list: line breaks and tabs read as spaces.

    Other control characters are made visible, as everywhere.
    """
    shown = safe_for_terminal(text)
    return shown.translate(_BREAKS_TO_SPACES) if "\n" in shown or "\t" in shown else shown


_BREAKS_TO_SPACES = str.maketrans({"\n": " ", "\t": " "})


def storable(text: str) -> str:
    """Make user text storable as UTF-8 JSON without changing anything storable.

    Only lone surrogates (which cannot be written as UTF-8) are replaced; every
    other character, control characters and markup included, is kept exactly.
    """
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def end_sentence(text: str) -> str:
    """'Heat?' stays 'Heat?', 'Heat' becomes 'Heat.': for lines built from a person's words."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


class InputError(ValueError):
    """The user's input cannot be used as it is. The message is a sentence for them."""


#: A space between two digits, as in "9 8 8", "1 1 6 1 2 3" or "0808 800 8000".
_SPACE_IN_A_NUMBER = re.compile(r"(?<=\d) (?=\d)")
NO_BREAK_SPACE = "\u00a0"


def keep_numbers_whole(text: str) -> str:
    """Join the groups of a phone number with no-break spaces, so that no screen width
    wraps it in the middle: a reader who reads a row at a time would say half a number,
    and a braille display would show half. Speech is unchanged: espeak-ng says
    "9\u00a08\u00a08" as "nine eight eight", as it says "9 8 8"."""
    return _SPACE_IN_A_NUMBER.sub(NO_BREAK_SPACE, text)
