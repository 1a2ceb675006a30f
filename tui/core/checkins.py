"""Check-ins: how much each part of life got in the way lately, on one scale said in words.

The source articles say change in SPMS is slow and easy to miss, and that the care
team relies on the person to say what has become hard. A check-in takes under two
minutes: fourteen areas (our own words, after the areas clinicians' questionnaires
cover), one scale, any question skipped, a sentence of the person's own for any
area, and what their days are like. One record a day; each answer is one write, so
nothing is lost if the person stops half way, and opening a day again edits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import msgspec

from tui.core import schema
from tui.core.days import WEEKDAYS as WEEKDAYS  # their home; check-ins and visits use them
from tui.core.days import day_words as day_words
from tui.core.days import parse_day as parse_day
from tui.core.models import long_date
from tui.core.schema import CHECKINS, now_stamp
from tui.core.text import InputError, storable

if TYPE_CHECKING:  # the store is handed in; the commands that never open it import none of it
    from tui.core.store import Store


@dataclass(frozen=True)
class Area:
    id: str  # stored, and typed on the command line: never change one once shipped
    label: str


AREAS = (
    Area("walking", "Walking and balance"),
    Area("hands", "Hands and arms"),
    Area("stiffness", "Stiffness or spasms"),
    Area("pain", "Pain"),
    Area("numbness", "Numbness or tingling"),
    Area("bladder", "Bladder and bowel"),
    Area("tiredness", "Tiredness"),
    Area("thinking", "Thinking and memory"),
    Area("eyesight", "Eyesight"),
    Area("mood", "Mood"),
    Area("worry", "Worry"),
    Area("sleep", "Sleep"),
    Area("tasks", "Everyday tasks (dressing, cooking, work)"),
    Area("outings", "Getting out and seeing people"),
)
AREA_BY_ID = {area.id: area for area in AREAS}


@dataclass(frozen=True)
class Level:
    id: str
    words: str
    rank: int  # 0 (no trouble) to 4 (cannot do it): how changes are compared

    @property
    def key(self) -> str:
        """The number that chooses it, in every front end: 1 to 5."""
        return str(self.rank + 1)


LEVELS = (
    Level("no-trouble", "no trouble", 0),
    Level("a-little", "a little", 1),
    Level("some", "some", 2),
    Level("a-lot", "a lot", 3),
    Level("cannot-do-it", "cannot do it", 4),
)
LEVEL_BY_ID = {level.id: level for level in LEVELS}
SKIP = "skip"

QUESTION = "Lately, how much has each of these gotten in the way of your daily life?"
DAYS_QUESTION = "What are your days like now?"
NOT_ANSWERED = "not answered"
#: A value a later version wrote (a new level, area or kind of date): kept and shown as is.
NOT_KNOWN = "an answer this version does not know"
#: How often the home screen suggests a check-in, unless the person chose otherwise.
DEFAULT_EVERY_DAYS = 28


class UnknownChoice(InputError):
    """An area or a level that does not exist: the command line calls it a usage mistake."""


def _name(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().casefold())


def find_area(name: str) -> Area:
    """An area by its id or its words ("walking", "Walking and balance")."""
    wanted = _name(name)
    for area in AREAS:
        if wanted in (area.id, _name(area.label)):
            return area
    raise UnknownChoice(
        f"'{name}' is not an area of the check-in. The areas are: {', '.join(a.id for a in AREAS)}."
    )


def find_level(name: str) -> Level | None:
    """A level by its id, its words or its number (1 to 5); None for "skip"."""
    wanted = _name(name)
    if wanted in (SKIP, "0"):
        return None
    for level in LEVELS:
        if wanted in (level.id, _name(level.words), level.key):
            return level
    raise UnknownChoice(
        f"'{name}' is not a level. The levels are: "
        f"{', '.join(level.id for level in LEVELS)}, or {SKIP} (1 to 5 also work)."
    )


@dataclass
class CheckIn:
    """One day's check-in, as the front ends see it."""

    id: int
    day: date
    levels: dict[str, Level] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    days: str = ""
    created: str = ""
    updated: str = ""
    #: Answers as stored that this version does not understand (area id: level id), from
    #: a later version: kept in the file and the export, and shown in words.
    unknown: dict[str, str] = field(default_factory=dict)

    def answer(self, area: Area) -> str:
        """'a little', 'not answered', or the stored answer this version does not know."""
        level = self.levels.get(area.id)
        if level is None and area.id in self.unknown:
            return f"{NOT_KNOWN}: {self.unknown[area.id]}"
        return level.words if level else NOT_ANSWERED

    def line(self, area: Area) -> str:
        """'Walking and balance: a little. My words: slower on the stairs.'"""
        text = f"{area.label}: {self.answer(area)}"
        own = " ".join(self.words.get(area.id, "").split())
        return f"{text}. My words: {own}" if own else text

    @property
    def answered(self) -> int:
        return len(self.levels)

    def other_lines(self) -> list[str]:
        """Each answer about an area this version does not know, in words:
        "An area this version does not know, 'swallowing': a lot. My words: …"."""
        lines = []
        for area_id in sorted({*self.unknown, *self.words} - AREA_BY_ID.keys()):
            text = f"An area this version does not know, '{area_id}'"
            if (level := self.unknown.get(area_id)) is not None:
                known = LEVEL_BY_ID.get(level)
                text += f": {known.words if known else f'{NOT_KNOWN}: {level}'}"
            own = " ".join(self.words.get(area_id, "").split())
            lines.append(f"{text}. My words: {own}" if own else text)
        return lines

    def sentence(self) -> str:
        """'1 September 2026: 12 of 14 areas answered.' (and how many it does not know)"""
        said = f"{long_date(self.day)}: {self.answered} of {len(AREAS)} areas answered"
        if not self.unknown:
            return f"{said}."
        answers = "1 answer" if len(self.unknown) == 1 else f"{len(self.unknown)} answers"
        return f"{said}, and {answers} this version does not know."


def _from_row(row_id: int, row: schema.CheckIn) -> CheckIn | None:
    try:
        day = date.fromisoformat(row.day)
    except ValueError:
        return None  # kept in the file, but it cannot be placed in time
    levels = {
        a: LEVEL_BY_ID[lv] for a, lv in row.levels.items() if a in AREA_BY_ID and lv in LEVEL_BY_ID
    }
    unknown = {a: lv for a, lv in row.levels.items() if a not in levels}
    return CheckIn(
        row_id, day, levels, dict(row.words), row.days, row.created, row.updated, unknown
    )


def undated_sentence(row: schema.CheckIn) -> str:
    """A check-in whose date this version cannot read (a later version's), in words."""
    count = len(row.levels)
    answers = "1 answer" if count == 1 else f"{count} answers"
    return f"A check-in with a date this version does not know, '{row.day}': {answers}."


class CheckIns:
    """The check-ins of one data file, and the reminder to do the next one."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self) -> dict[int, schema.CheckIn]:
        rows: dict[int, schema.CheckIn] = self.store.records(CHECKINS)
        return rows

    def all(self) -> list[CheckIn]:
        """Every check-in, oldest first."""
        found = [c for row_id, row in self._rows().items() if (c := _from_row(row_id, row))]
        return sorted(found, key=lambda c: (c.day, c.id))

    def undated(self) -> list[str]:
        """A sentence for each check-in whose date this version cannot read: kept in the
        file and the export, and said in the lists."""
        rows = [row for row in self._rows().values() if _from_row(0, row) is None]
        return [undated_sentence(row) for row in rows]

    def on(self, day: date) -> CheckIn | None:
        for checkin in self.all():
            if checkin.day == day:
                return checkin
        return None

    def latest(self) -> CheckIn | None:
        found = self.all()
        return found[-1] if found else None

    # -------------------------------------------------------------- writing
    def _save(self, day: date, **changes: Any) -> CheckIn:
        """Change the day's record (made if there is none) in one write."""
        stamp = now_stamp()
        for row_id, row in self._rows().items():
            if row.day == day.isoformat():
                updated = msgspec.structs.replace(row, **changes, updated=stamp)
                if updated != msgspec.structs.replace(row, updated=stamp):
                    self.store.put(CHECKINS, row_id, updated)
                checkin = _from_row(row_id, updated)
                assert checkin is not None
                return checkin
        record = schema.CheckIn(day=day.isoformat(), created=stamp, updated=stamp, **changes)
        row_id = self.store.insert(CHECKINS, record)
        checkin = _from_row(row_id, record)
        assert checkin is not None
        return checkin

    def _current(self, day: date) -> schema.CheckIn:
        for row in self._rows().values():
            if row.day == day.isoformat():
                return row
        return schema.CheckIn(day=day.isoformat())

    def set_level(self, day: date | str, area: Area | str, level: Level | str | None) -> CheckIn:
        """Answer one area (``None`` or "skip" takes the answer away)."""
        day, area = _day(day), _area(area)
        chosen = find_level(level) if isinstance(level, str) else level
        levels = dict(self._current(day).levels)
        if chosen is None:
            levels.pop(area.id, None)
        else:
            levels[area.id] = chosen.id
        return self._save(day, levels=levels)

    def set_words(self, day: date | str, area: Area | str, text: str) -> CheckIn:
        """The person's own sentence about one area ("" takes it away)."""
        day, area = _day(day), _area(area)
        words = dict(self._current(day).words)
        text = storable(text).strip()
        if text:
            words[area.id] = text
        else:
            words.pop(area.id, None)
        return self._save(day, words=words)

    def set_days(self, day: date | str, text: str) -> CheckIn:
        return self._save(_day(day), days=storable(text).strip())

    def record(
        self,
        day: date | str,
        levels: dict[str, Level | None],
        words: dict[str, str] | None = None,
        days: str | None = None,
    ) -> CheckIn:
        """Several answers at once (the command line), as one write. Areas not named stay."""
        day = _day(day)
        current = self._current(day)
        new_levels = dict(current.levels)
        for area_id, level in levels.items():
            if level is None:
                new_levels.pop(_area(area_id).id, None)
            else:
                new_levels[_area(area_id).id] = level.id
        new_words = dict(current.words)
        for area_id, text in (words or {}).items():
            text = storable(text).strip()
            if text:
                new_words[_area(area_id).id] = text
            else:
                new_words.pop(_area(area_id).id, None)
        changes: dict[str, Any] = {"levels": new_levels, "words": new_words}
        if days is not None:
            changes["days"] = storable(days).strip()
        return self._save(day, **changes)

    def delete(self, day: date | str) -> CheckIn:
        day = _day(day)
        for row_id, row in self._rows().items():
            if row.day == day.isoformat():
                checkin = _from_row(row_id, row)
                self.store.delete(CHECKINS, row_id)
                assert checkin is not None
                return checkin
        raise InputError(f"There is no check-in for {long_date(day)}.")

    # ------------------------------------------------------------- reminder
    def every_days(self) -> int:
        chosen = self.store.setting("checkin_every_days")
        return chosen if isinstance(chosen, int) and chosen > 0 else DEFAULT_EVERY_DAYS

    def set_every_days(self, days: int) -> int:
        if not 1 <= days <= 366:
            raise InputError("Choose a number of days from 1 to 366.")
        self.store.set_setting("checkin_every_days", days)
        return days

    def reminder(self, today: date | None = None) -> str | None:
        """One gentle sentence when the last check-in is older than the chosen interval,
        else None (also before the first check-in: the home screen lists it anyway)."""
        today = today or date.today()
        latest = self.latest()
        if latest is None:
            return None
        gap = (today - latest.day).days
        if gap < self.every_days():
            return None
        return f"Your last check-in was {_ago(gap)}, on {long_date(latest.day)}. Time for another?"


def parse_every(text: str) -> int:
    """How often to suggest a check-in, typed: '28', '28d' or '4w' (weeks), in days."""
    found = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", text.lower())
    if not found:
        raise InputError(
            f"{text!r} is not a number of days. Give a whole number from 1 to 366, "
            "for example 28, or weeks with w, for example 4w."
        )
    number, unit = int(found[1]), found[2]
    return number * 7 if unit == "w" else number


def every_words(days: int) -> str:
    """'every 4 weeks', 'every 10 days'."""
    if days % 7 == 0:
        weeks = days // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return "every day" if days == 1 else f"every {days} days"


def _ago(days: int) -> str:
    if days >= 14:
        return f"{days // 7} weeks ago"
    return "1 day ago" if days == 1 else f"{days} days ago"


def _day(day: date | str) -> date:
    return day if isinstance(day, date) else parse_day(day)


def _area(area: Area | str) -> Area:
    return area if isinstance(area, Area) else find_area(area)
