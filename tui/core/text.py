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


class SaveError(Exception):
    """A change could not be written. The message is a sentence for the user.

    Kept here with InputError rather than in the store, so the commands that never
    open the data file can name it without importing the storage code.
    """


#: A space between two digits, as in "9 8 8", "1 1 6 1 2 3" or "0808 800 8000".
_SPACE_IN_A_NUMBER = re.compile(r"(?<=\d) (?=\d)")
NO_BREAK_SPACE = "\u00a0"


def keep_numbers_whole(text: str) -> str:
    """Join the groups of a phone number with no-break spaces, so that no screen width
    wraps it in the middle: a reader who reads a row at a time would say half a number,
    and a braille display would show half. Speech is unchanged: espeak-ng says
    "9\u00a08\u00a08" as "nine eight eight", as it says "9 8 8"."""
    return _SPACE_IN_A_NUMBER.sub(NO_BREAK_SPACE, text)


#: A group of digits in a phone number as written on the page ("800" of "1-800-344-4867").
_DIGITS = re.compile(r"\d+")
#: A group separator as a phone number is written: a hyphen or a space.
_GROUP_SEPARATOR = re.compile(r"(?<=\d)\s*-\s*(?=\d)|(?<=\d) (?=\d)")


def said_digit_by_digit(number: str) -> str:
    """A phone number as people dial it and a synthesizer should say it, digit by digit.

    espeak-ng says "1-800-344-4867" as "one dash eight hundred dash three hundred and
    forty-four...", and "0808 800 8000" with "eight hundred" and "eight thousand". With
    a no-break space between the digits it says each one ("one eight zero zero"); the
    groups stay apart for the eye, with a spaced hyphen where the page has a hyphen and
    two spaces where it has a space (espeak-ng says neither). No-break spaces only, so
    no screen wraps the number in two. A number whose groups are one or two digits is
    kept as written: "9 8 8" already is, and Lifeline's "13 11 14" is said in pairs.
    """
    if all(len(group) <= 2 for group in _DIGITS.findall(number)):
        return keep_numbers_whole(number)

    def separator(found: re.Match[str]) -> str:
        return " - " if "-" in found.group() else "  "

    spaced = _GROUP_SEPARATOR.sub(separator, number)
    spaced = _DIGITS.sub(lambda group: " ".join(group.group()), spaced)
    return spaced.replace(" ", NO_BREAK_SPACE)


#: A phone number said digit by digit: single digits joined by no-break spaces.
_SAID_NUMBER = re.compile(r"(?<!\d)\d(?:\u00a0\d)+(?!\d)")
_SAID_GROUPS = re.compile(r"\u00a0(?:-\u00a0|\u00a0)")


def as_written(text: str) -> str:
    """Text with each number said digit by digit joined back as it is written and
    typed ("1 8 0 0 - 3 4 4" becomes "1800-344"), so that a search for "988" or
    "116 123" finds it."""
    if NO_BREAK_SPACE not in text:
        return text
    text = _SAID_NUMBER.sub(lambda said: said.group().replace(NO_BREAK_SPACE, ""), text)
    return _SAID_GROUPS.sub(" ", text)
