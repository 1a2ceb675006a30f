"""What changed between check-ins, in words first: the latest against months before.

By default the latest check-in is compared with the ones nearest to about 3, 6 and
12 months before it (each point says its real date), the way clinicians ask about
the last months. Areas that changed come first, then the ones that did not, then a
small chart for the eye: a line per area that says the area and the change in words,
then a bar of ``BAR`` characters per check-in, oldest first. The bar's character was
chosen by listening: Orca (through Speech Dispatcher) and Fenrir both leave "!"
unspoken at their default punctuation levels, where "#", "=", "|", "*" and "-" are
read out ("4 number characters", "dash dash"). See docs/checkins.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from tui.core.checkins import AREAS, Area, CheckIn, Level
from tui.core.models import long_date
from tui.core.text import InputError

NOT_A_DIAGNOSIS = (
    "This is your own record, not a diagnosis. Only your care team can say what a change means."
)
#: The points compared by default, in months before the latest check-in.
DEFAULT_MONTHS = (3, 6, 12)
BAR = "!"
BAR_WIDTH = 6  # the longest bar (5) and a space

HARDER, EASIER, SAME, UP_AND_DOWN = "harder", "easier", "the same", "up and down"
ORDER = {HARDER: 0, EASIER: 1, UP_AND_DOWN: 2, SAME: 3}


@dataclass(frozen=True)
class Since:
    """What to compare with: a span before the latest check-in, or a day."""

    days: int | None = None
    day: date | None = None
    words: str = ""


def parse_since(text: str) -> Since:
    """'3m', '6m', '1y', '2w', '10d', or a date like 2026-05-01."""
    word = text.strip().casefold().replace(" ", "")
    match = re.fullmatch(r"(\d{1,3})(d|w|m|y)", word)
    if match:
        number, unit = int(match.group(1)), match.group(2)
        if number > 0:
            days = number * {"d": 1, "w": 7, "m": 365 / 12, "y": 365}[unit]
            names = {"d": "day", "w": "week", "m": "month", "y": "year"}
            name = names[unit] + ("" if number == 1 else "s")
            return Since(days=round(days), words=f"about {number} {name} before")
    try:
        day = date.fromisoformat(word)
    except ValueError:
        raise InputError(
            f"'{text}' is not a time to compare with. Give months like 6m, weeks like 8w, "
            "a year as 1y, or a date like 2026-05-01."
        ) from None
    return Since(day=day, words=f"around {long_date(day)}")


@dataclass(frozen=True)
class Point:
    """A check-in the latest one is compared with, and why it was chosen."""

    checkin: CheckIn
    about: str  # "about 3 months before"


@dataclass
class AreaChange:
    area: Area
    now: Level | None
    #: The compared check-ins' answers, oldest first.
    then: list[tuple[CheckIn, Level | None]]
    when: dict[int, str] = field(default_factory=dict)  # check-in id -> "in June"

    @property
    def verdict(self) -> str | None:
        """harder, easier, the same, up and down; None when there is nothing to compare."""
        earlier = [level for _, level in self.then if level is not None]
        if self.now is None or not earlier:
            return None
        first = earlier[0]
        if self.now.rank > first.rank:
            return HARDER
        if self.now.rank < first.rank:
            return EASIER
        return SAME if all(level.rank == first.rank for level in earlier) else UP_AND_DOWN

    def words(self) -> str:
        """'Walking and balance: a little in June, a lot now: harder.'"""
        parts = [
            f"{level.words if level else 'not answered'} {self.when[checkin.id]}"
            for checkin, level in self.then
        ]
        parts.append(f"{self.now.words if self.now else 'not answered'} now")
        verdict = self.verdict
        ending = f": {verdict}." if verdict else ": nothing to compare yet."
        return f"{self.area.label}: {', '.join(parts)}{ending}"

    def bars(self) -> str:
        """One bar per check-in, oldest first, each padded to the same width."""
        levels = [level for _, level in self.then] + [self.now]
        cells = [(BAR * (level.rank + 1) if level else "").ljust(BAR_WIDTH) for level in levels]
        return "".join(cells).rstrip()

    @property
    def chart_label(self) -> str:
        return f"{self.area.label}: {self.verdict or 'nothing to compare'}"

    def chart_line(self, width: int) -> str:
        """'Walking and balance: harder', then the bars from column ``width``: the words
        are heard, the bars are quiet."""
        return f"{self.chart_label.ljust(width)}{self.bars()}"


@dataclass
class Changes:
    latest: CheckIn | None
    points: list[Point]
    areas: list[AreaChange]
    count: int  # check-ins in all
    since: Since | None = None

    @property
    def changed(self) -> list[AreaChange]:
        return [a for a in self.areas if a.verdict in (HARDER, EASIER, UP_AND_DOWN)]

    @property
    def unchanged(self) -> list[AreaChange]:
        return [a for a in self.areas if a.verdict == SAME]

    @property
    def not_compared(self) -> list[AreaChange]:
        return [a for a in self.areas if a.verdict is None]

    def summary(self) -> str:
        """The first sentence: how many areas changed, and which way."""
        if self.latest is None:
            return "No check-ins yet. A check-in takes under two minutes."
        if not self.points:
            return self.no_comparison()
        counts = {v: sum(1 for a in self.areas if a.verdict == v) for v in ORDER}
        said = _join(
            [
                f"{counts[v]} {'area' if counts[v] == 1 else 'areas'} {v}"
                for v in (HARDER, EASIER, UP_AND_DOWN, SAME)
                if counts[v]
            ]
        )
        return f"{said}." if said else "No area was answered in both check-ins."

    def no_comparison(self) -> str:
        assert self.latest is not None
        latest = long_date(self.latest.day)
        if self.count == 1:
            return (
                f"You have one check-in, on {latest}. Check in again in a few weeks, "
                "and this will show what changed."
            )
        if self.since is None:
            what = "about 3, 6 or 12 months before your latest one"
        elif self.since.day is None:
            what = f"{self.since.words} your latest one"
        else:
            what = self.since.words
        return (
            f"None of your other check-ins is from {what}, so there is nothing to compare "
            f"yet. Your latest check-in is from {latest}."
        )

    def compared_with(self, mine: bool = False) -> str:
        """'Your latest check-in, 1 September 2026, compared with 3 June 2026 (about 3
        months before) and 2 March 2026 (about 6 months before).' ``mine``: 'My ...'."""
        assert self.latest is not None
        points = [f"{long_date(p.checkin.day)} ({p.about})" for p in self.points]
        whose = "My" if mine else "Your"
        return (
            f"{whose} latest check-in, {long_date(self.latest.day)}, compared with {_join(points)}."
        )

    def chart_key(self) -> str:
        """'Chart, one bar for each check-in: September 2025, March, June, then now...'"""
        assert self.latest is not None
        when = [self.areas[0].when[p.checkin.id].removeprefix("in ") for p in self.points]
        return (
            f"Chart, a bar for each check-in: {', '.join(when)}, then now. One {BAR} for no "
            f"trouble, up to five for cannot do it."
        )

    def chart(self) -> list[str]:
        """The chart's key, then a line per area compared (changed ones first)."""
        compared = [a for a in self.areas if a.verdict is not None]
        if not compared:
            return []
        width = max(len(a.chart_label) for a in compared) + 3
        return [self.chart_key(), *[a.chart_line(width) for a in compared]]

    def sentences(self) -> list[str]:
        """Everything in words, in order: for the plain mode and the command line."""
        lines = [NOT_A_DIAGNOSIS, self.summary()]
        if not self.points or self.latest is None:
            return lines
        lines.append(self.compared_with())
        if self.changed:
            lines += ["Changed:", *[a.words() for a in self.changed]]
        if self.unchanged:
            lines += ["The same:", *[a.words() for a in self.unchanged]]
        if self.not_compared:
            names = ", ".join(a.area.label for a in self.not_compared)
            lines.append(f"Not answered in both, so not compared: {names}.")
        return lines


def compare(checkins: list[CheckIn], since: Since | None = None) -> Changes:
    """The latest check-in against the ones nearest to each point before it."""
    ordered = sorted(checkins, key=lambda c: (c.day, c.id))
    if not ordered:
        return Changes(None, [], [], 0, since)
    latest, earlier = ordered[-1], ordered[:-1]
    points: list[Point] = []
    used: set[int] = set()
    for target, (lowest, highest), about in _targets(latest.day, since):
        near = [c for c in earlier if c.id not in used and lowest <= c.day <= highest]
        if near:
            best = min(near, key=lambda c: (abs((c.day - target).days), c.day))
            used.add(best.id)
            real = about if since and since.day else _gap_words((latest.day - best.day).days)
            points.append(Point(best, real))
    points.sort(key=lambda p: p.checkin.day)
    when = _when_words([p.checkin for p in points], latest.day)
    areas = [
        AreaChange(
            area,
            latest.levels.get(area.id),
            [(p.checkin, p.checkin.levels.get(area.id)) for p in points],
            when,
        )
        for area in AREAS
    ]
    if points:
        areas.sort(key=lambda a: (ORDER.get(a.verdict or "", 9), AREAS.index(a.area)))
    return Changes(latest, points, areas, len(ordered), since)


def _targets(latest: date, since: Since | None) -> list[tuple[date, tuple[date, date], str]]:
    """Per point: the day to be nearest to, the days a check-in may be from, the words.

    A point some months back takes check-ins up to half that span either side. A
    day (a visit's, say) takes any check-in from 45 days before it up to the latest:
    what changed since then, even if the check-ins began a little after it.
    """
    if since is not None and since.day is not None:
        return [(since.day, (since.day - timedelta(days=45), latest), since.words)]
    if since is not None and since.days is not None:
        spans = [(since.days, since.words)]
    else:
        spans = [(round(m * 365 / 12), f"about {m} months before") for m in DEFAULT_MONTHS]
    points = []
    for days, words in spans:
        target, reach = latest - timedelta(days=days), timedelta(days=max(7, days // 2))
        points.append((target, (target - reach, target + reach), words))
    return points


def _gap_words(days: int) -> str:
    """How long before the latest check-in, as a person would say it."""
    if days < 14:
        return "1 day before" if days == 1 else f"{days} days before"
    if days < 60:
        return f"{round(days / 7)} weeks before"
    months = round(days / (365 / 12))
    if months < 12 or months % 12:
        return f"about {months} months before"
    years = months // 12
    return "about a year before" if years == 1 else f"about {years} years before"


def _when_words(compared: list[CheckIn], latest: date) -> dict[int, str]:
    """'in June', 'in June 2025' (another year), 'on 3 June' (two in one month)."""
    months = [(c.day.year, c.day.month) for c in compared] + [(latest.year, latest.month)]
    words = {}
    for checkin in compared:
        day = checkin.day
        year = "" if day.year == latest.year else f" {day.year}"
        month = long_date(day).split(" ", 1)[1].rsplit(" ", 1)[0]
        if months.count((day.year, day.month)) > 1:
            words[checkin.id] = f"on {day.day} {month}{year}"
        else:
            words[checkin.id] = f"in {month}{year}"
    return words


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
