"""Reminders that work when the app is closed: a visit in the person's own calendar,
and one sentence saying what is due, for a login script or cron.

Cognitive fatigue makes "open the app to see the reminder" weak. A calendar the
person already uses rings by itself, and ``spms-navigator due`` can be run at login.
The calendar file is written with ``icalendar`` (a well-kept library that also reads
it back, so the tests check what a calendar program will read). It holds the day,
who with and why, and no notes: calendars are often shared or kept online.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tui.core.checkins import CheckIns
from tui.core.models import long_date
from tui.core.people import People
from tui.core.text import end_sentence, one_line
from tui.core.visits import Visit, Visits

PRODUCT = "-//SPMS Navigator//Visits//EN"
#: The alarm rings at 9 in the morning of the day before (the visit is a whole day,
#: which starts at midnight; no time of day is kept for a visit).
ALARM_BEFORE = timedelta(hours=15)


def visit_summary(visit: Visit, people: People) -> str:
    """'Visit with Dr Lee' (or 'Visit to my care team')."""
    who = one_line(visit.who(people)).strip()
    return f"Visit with {who}" if who else "Visit to my care team"


def visit_ics(visit: Visit, people: People, now: datetime | None = None) -> bytes:
    """One visit as an iCalendar file: an all-day event with an alarm the day before."""
    import icalendar  # here, not at the top: starting the app does not need it

    now = now or datetime.now(UTC)
    summary = visit_summary(visit, people)
    why = " ".join(one_line(visit.why).split())
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    event = icalendar.Event()
    # The same visit keeps the same UID, so importing it again updates it, not doubles it.
    event.add("uid", f"visit-{visit.id}-{visit.created or visit.day.isoformat()}@spms-navigator")
    event.add("dtstamp", now)
    event.add("dtstart", visit.day)
    event.add("dtend", visit.day + timedelta(days=1))
    event.add("summary", summary)
    if why:
        event.add("description", end_sentence(f"Why: {why}"))
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Tomorrow: {summary}")
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def due(checkins: CheckIns, visits: Visits, people: People, today: date | None = None) -> str:
    """What is due, in one sentence ('' when nothing is): a visit today or tomorrow, and
    a check-in when the last one is older than the person chose."""
    today = today or date.today()
    parts: list[str] = []
    for visit in sorted(visits.all(), key=lambda v: (v.day, v.id)):
        what = visit_summary(visit, people)
        what = f"your {what[0].lower()}{what[1:]}"  # 'your visit with Dr Lee'
        if visit.day == today:
            parts.append(f"{what} is today")
        elif visit.day == today + timedelta(days=1):
            parts.append(f"{what} is tomorrow, {long_date(visit.day)}")
    reminder = checkins.reminder(today)
    if reminder is not None:
        latest = checkins.latest()
        assert latest is not None
        parts.append(f"a check-in (your last was on {long_date(latest.day)})")
    if not parts:
        return ""
    said = "; ".join(parts)
    return f"Due: {said}."
