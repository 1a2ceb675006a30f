"""The check-in asked as plain questions, one line each: for the plain mode and the CLI.

Each answer is saved as it is given (one write each), so stopping half way, with
q, Ctrl+D or Ctrl+C, keeps everything answered before. A number answers; words
typed after it are kept as the person's own sentence about that area.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import partial

from tui.core import checkins
from tui.core.checkins import AREAS, LEVELS, SKIP, CheckIn, Level
from tui.core.service import Navigator
from tui.core.store import SaveError
from tui.core.text import InputError
from tui.plain.console import Console, EndOfInput

SCALE = ", ".join(f"{level.key} {level.words}" for level in LEVELS)
HOW = (
    f"Type a number: {SCALE}. Words after the number are kept with the answer. "
    "Enter alone keeps what is there; s skips (takes an answer away); q stops. "
    "Each answer is saved at once."
)
_ANSWER = re.compile(r"^\s*([0-5])(?:\s*[.,:;-]?\s+(.*))?\s*$")


class Stop(Exception):
    """The person typed q: stop asking (what was answered is saved)."""


def parse_answer(text: str) -> tuple[bool, Level | None, str]:
    """(changed, level, words) from a typed answer: "4", "4 stairs are hard", "a lot", "s".

    Raises InputError (with the numbers in it) for anything else, Stop for q.
    """
    word = text.strip()
    if not word:
        return False, None, ""
    if word.casefold() in ("q", "quit", "stop"):
        raise Stop
    if word.casefold() in ("s", SKIP):
        return True, None, ""
    if match := _ANSWER.match(word):
        level = checkins.find_level(match.group(1))
        return True, level, (match.group(2) or "").strip()
    try:
        return True, checkins.find_level(word), ""
    except InputError:
        raise InputError(f"'{word}' is not an answer. {HOW}") from None


def ask_checkin(nav: Navigator, console: Console, day: date) -> CheckIn | None:
    """Ask every question for ``day``, saving each answer; return the check-in (or None
    when nothing was ever saved for that day)."""
    current = nav.checkins.on(day)
    console.say(f"Check-in for {checkins.day_words(day)}. {checkins.QUESTION}")
    console.say(HOW)
    for line in current.other_lines() if current else []:  # a later version's areas, kept
        console.say(line)
    try:
        for area in AREAS:
            current = _ask_area(nav, console, day, area, current) or current
        days = current.days if current else ""
        keep = f" (now: {days})" if days else ""
        typed = console.ask(f"{checkins.DAYS_QUESTION}{keep} Enter alone keeps it:").strip()
        if typed:
            current = _saved(console, lambda: nav.checkins.set_days(day, typed)) or current
    except Stop:
        console.say("Stopped. What you answered is saved.")
    except EndOfInput:  # Ctrl+D, or a script's input ran out: the same as q
        console.say("The input ended, so the questions stopped. What you answered is saved.")
    return nav.checkins.on(day)


def _ask_area(
    nav: Navigator, console: Console, day: date, area: checkins.Area, current: CheckIn | None
) -> CheckIn | None:
    now = current.answer(area) if current else checkins.NOT_ANSWERED
    while True:
        typed = console.ask(f"{area.label} (now: {now}):")
        try:
            changed, level, words = parse_answer(typed)
        except InputError as error:
            console.say(str(error))
            continue
        if not changed:
            return None

        # Skipping takes the area's words away too; words typed with a number are kept.
        own = {area.id: words} if words or level is None else None
        return _saved(console, partial(nav.checkins.record, day, {area.id: level}, own))


def _saved(console: Console, save: Callable[[], CheckIn]) -> CheckIn | None:
    try:
        return save()
    except (SaveError, InputError) as error:
        console.say(str(error))
        return None
