"""Days as a person types and hears them: one parser and one way of saying them, for
every front end."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tui.core.text import InputError

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_time(stamp: str) -> str:
    """'21 Nov 2026, 10:02' from a stored ISO time, or the raw text if it cannot be read.

    Formatted by hand: strftime's "%-d" does not exist on Windows, "%b" follows the
    locale, and this runs twice per line of a notes list.
    """
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone()  # stored in UTC (older versions: with their offset)
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}, {when.hour:02d}:{when.minute:02d}"


def display_day(stamp: str) -> str:
    """'21 Nov 2026' from a stored ISO time: the day alone, for a list line that must fit
    one row (display_time without the clock)."""
    return display_time(stamp).partition(", ")[0]


def short_day(stamp: str, today: date | None = None) -> str:
    """'21 Nov' from a stored ISO time written this year, '21 Nov 2025' from an older one:
    the shortest day a list row can say (display_day when the year is not this one)."""
    day = display_day(stamp)
    this_year = f" {(today or date.today()).year}"
    return day.removesuffix(this_year) if day.endswith(this_year) else day


def long_date(day: date) -> str:
    """'30 November 2026': the same in every locale, for every front end."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_day(
    text: str,
    today: date | None = None,
    future: bool = False,
    been: str = "A check-in is about days that have been",
) -> date:
    """A day typed by a person, the one parser for every front end: YYYY-MM-DD, "today",
    "yesterday", "tomorrow", or a weekday's name ("friday", "last friday", "next
    friday"). A weekday alone is the nearest one that can be meant: the coming one for
    a visit (``future``), the last one for a check-in; today counts for both. ``been``
    says why a day to come is refused (a check-in, a fall and a dose change have been)."""
    today = today or date.today()
    word = " ".join(text.strip().casefold().split())
    relative = {"": 0, "today": 0, "yesterday": -1, "tomorrow": 1}
    if word in relative:
        day = today + timedelta(days=relative[word])
    elif (weekday := _weekday(word, today, future)) is not None:
        day = weekday
    else:
        try:
            day = date.fromisoformat(word)
        except ValueError:
            raise InputError(
                f"'{text.strip()}' is not a date. Type it like {today.isoformat()} "
                "(year, month, day), or a word: today, yesterday, tomorrow or a day's "
                "name, such as friday."
            ) from None
    if day > today and not future:
        raise InputError(
            f"{long_date(day)} has not come yet. {been}: choose today or an earlier day."
        )
    return day


def _weekday(word: str, today: date, future: bool) -> date | None:
    """'friday', 'last friday' or 'next friday' (also 'fri') as a day, else None."""
    when, _, name = word.rpartition(" ")
    if when not in ("", "last", "next", "this"):
        return None
    found = [n for n, day in enumerate(WEEKDAYS) if len(name) >= 3 and day.startswith(name)]
    if len(found) != 1:
        return None
    ahead = (found[0] - today.weekday()) % 7  # 0 to 6 days on
    if when == "next" or (when in ("", "this") and future):
        return today + timedelta(days=ahead or (7 if when == "next" else 0))
    return today - timedelta(days=(7 - ahead) % 7 or (7 if when == "last" else 0))


def day_words(day: date, today: date | None = None) -> str:
    """'today, 1 September 2026', 'yesterday, ...' or '1 September 2026'."""
    today = today or date.today()
    if day == today:
        return f"today, {long_date(day)}"
    if day == today - timedelta(days=1):
        return f"yesterday, {long_date(day)}"
    return long_date(day)
