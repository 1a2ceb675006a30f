"""Importing check-ins, visits and the settings a backup carries (see importing.py).

The same rules as for notes and the checklist: what is new is added, nothing is
duplicated, an answer already here is never replaced, words are never replaced
by empty ones and different words are both kept. A check-in is the same check-in
when its day is; a visit is the same visit when its day and who it is with are.
Notes raised at a visit in the backup are raised at that visit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui.core import import_records, schema
from tui.core.checkins import AREA_BY_ID, LEVEL_BY_ID
from tui.core.merging import FieldChange, merged_text, text_of
from tui.core.models import long_date
from tui.core.schema import CHECKINS, VISITS, now_stamp
from tui.core.service import Navigator

#: Every setting kept in the data file: a person moving to a new computer keeps high
#: contrast and the plain mode too.
SETTINGS_FIELDS = ("theme", "plain", "my_name", "checkin_every_days", "date_of_birth")


@dataclass
class CheckInMerge:
    day: date | str  # a date this version cannot read is kept as it was written
    levels: dict[str, str]
    words: dict[str, str]
    days: str
    created: str = ""
    updated: str = ""
    row_id: int | None = None  # the check-in here it changes; None: a new one


@dataclass
class VisitMerge:
    day: date | str  # a date this version cannot read is kept as it was written
    with_whom: str
    person: dict[str, Any] | None
    why: str
    created: str = ""
    updated: str = ""
    row_id: int | None = None  # the visit here it is (or changes); None: a new one
    changed: bool = False


@dataclass
class FollowUpPlan:
    checkins: list[CheckInMerge] = field(default_factory=list)
    #: Each of the backup's visits by the backup's own id, new or already here.
    visits: dict[str, VisitMerge] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    field_changes: list[FieldChange] = field(default_factory=list)
    skipped: int = 0
    #: Medicines and events (import_records.py).
    records: import_records.RecordsPlan = field(default_factory=import_records.RecordsPlan)

    @property
    def new_checkins(self) -> int:
        return sum(1 for c in self.checkins if c.row_id is None)

    @property
    def new_visits(self) -> int:
        return sum(1 for v in self.visits.values() if v.row_id is None)

    @property
    def work(self) -> bool:
        """Anything at all to write."""
        return bool(
            self.checkins
            or self.settings
            or self.records.medicines
            or self.records.events
            or any(v.row_id is None or v.changed for v in self.visits.values())
        )


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(text_of(value))
    except ValueError:
        return None


def plan(nav: Navigator, data: dict[str, Any]) -> FollowUpPlan:
    found = FollowUpPlan()
    _plan_checkins(nav, data, found)
    _plan_visits(nav, data, found)
    found.records = import_records.plan(nav, data)
    found.skipped += found.records.skipped
    raw_settings = data.get("settings")
    settings: dict[str, Any] = raw_settings if isinstance(raw_settings, dict) else {}
    name = text_of(settings.get("my_name")).strip()
    if name and not nav.setting("my_name"):
        found.settings["my_name"] = name
        found.field_changes.append(FieldChange("My name", "", name))
    born = text_of(settings.get("date_of_birth")).strip()
    if born and not nav.setting("date_of_birth") and _is_a_day(born):
        found.settings["date_of_birth"] = born
        found.field_changes.append(
            FieldChange("My date of birth", "", long_date(date.fromisoformat(born)))
        )
    every = settings.get("checkin_every_days")
    if isinstance(every, int) and 1 <= every <= 366 and nav.setting("checkin_every_days") is None:
        found.settings["checkin_every_days"] = every
    # A choice made here stays; one not made here comes with the backup. (An unknown
    # theme name is kept, and the app shows its default theme for it.)
    theme = settings.get("theme")
    if isinstance(theme, str) and 0 < len(theme) <= 100 and nav.setting("theme") is None:
        found.settings["theme"] = theme
        found.field_changes.append(FieldChange("Theme", "", theme))
    plain = settings.get("plain")
    if isinstance(plain, bool) and nav.setting("plain") is None:
        found.settings["plain"] = plain
        found.field_changes.append(FieldChange("Plain mode", "", "on" if plain else "off"))
    return found


def _is_a_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _unknown_day(raw: dict[str, Any]) -> str | None:
    """A date this version cannot read (a later version's, say), kept as text."""
    text = raw.get("date")
    return text.strip() if isinstance(text, str) and 0 < len(text.strip()) <= 40 else None


def _short(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 50


def _plan_checkins(nav: Navigator, data: dict[str, Any], found: FollowUpPlan) -> None:
    """Answers, areas, levels and dates this version does not know are kept as they are
    (a later version wrote them): export and import must not lose them."""
    rows = nav.store.records(CHECKINS)
    here = {row.day: (row_id, row) for row_id, row in rows.items()}
    for raw in data.get("checkins", []):
        day: date | str | None = _day(raw.get("date")) if isinstance(raw, dict) else None
        if day is None and isinstance(raw, dict):
            day = _unknown_day(raw)
        if day is None:
            found.skipped += 1
            continue
        raw_levels = raw.get("levels") if isinstance(raw.get("levels"), dict) else {}
        raw_words = raw.get("words") if isinstance(raw.get("words"), dict) else {}
        levels = {area: lv for area, lv in raw_levels.items() if _short(area) and _short(lv)}
        words = {a: text_of(w).strip() for a, w in raw_words.items() if _short(a)}
        words = {a: w for a, w in words.items() if w}
        days = text_of(raw.get("days")).strip()
        existing = here.get(day if isinstance(day, str) else day.isoformat())
        if existing is None:
            if levels or words or days:
                stamps = text_of(raw.get("created")), text_of(raw.get("updated"))
                found.checkins.append(CheckInMerge(day, levels, words, days, *stamps))
                key = day if isinstance(day, str) else day.isoformat()
                here[key] = (-1, None)  # a backup with the day twice adds it once
            continue
        row_id, row = existing
        if row is None:
            continue
        label = f"Check-in of {long_date(day) if isinstance(day, date) else day}"
        new_levels = {**levels, **row.levels}  # an answer already here stays
        for area in sorted(set(new_levels) - set(row.levels)):
            level = LEVEL_BY_ID.get(new_levels[area])
            words_of = level.words if level else new_levels[area]
            found.field_changes.append(FieldChange(f"{label}, {_area_label(area)}", "", words_of))
        new_words = dict(row.words)
        for area, text in words.items():
            new_words[area] = merged_text(row.words.get(area, ""), text)
            if new_words[area] != row.words.get(area, ""):
                what = f"{label}, my words on {_area_label(area).lower()}"
                found.field_changes.append(
                    FieldChange(what, row.words.get(area, ""), new_words[area])
                )
        new_days = merged_text(row.days, days)
        if new_days != row.days:
            found.field_changes.append(FieldChange(f"{label}, my days", row.days, new_days))
        if (new_levels, new_words, new_days) != (row.levels, row.words, row.days):
            found.checkins.append(CheckInMerge(day, new_levels, new_words, new_days, row_id=row_id))


def _area_label(area_id: str) -> str:
    area = AREA_BY_ID.get(area_id)
    return area.label if area else f"{area_id} (from another version)"


def _plan_visits(nav: Navigator, data: dict[str, Any], found: FollowUpPlan) -> None:
    here: dict[tuple[date | str, str], tuple[int, str]] = {
        (v.day, v.who(nav.people).casefold()): (v.id, v.why) for v in nav.visits.all()
    }
    for row_id, row in nav.visits.undated().items():
        person = nav.people.get(row.person_id) if row.person_id is not None else None
        here[(row.day, (person.name if person else row.with_whom).casefold())] = (row_id, row.why)
    new: dict[tuple[date | str, str], VisitMerge] = {}  # a visit twice in a backup: added once
    for raw in data.get("visits", []):
        day: date | str | None = _day(raw.get("date")) if isinstance(raw, dict) else None
        if day is None and isinstance(raw, dict):
            day = _unknown_day(raw)
        if day is None:
            found.skipped += 1
            continue
        person = raw.get("person") if isinstance(raw.get("person"), dict) else None
        who, why = text_of(raw.get("with")).strip(), text_of(raw.get("why")).strip()
        key = (day, who.casefold())
        existing = here.get(key)
        if key in new:
            merge = new[key]
        elif existing is None:
            merge = new[key] = VisitMerge(
                day, who, person, why, text_of(raw.get("created")), text_of(raw.get("updated"))
            )
        else:
            existing_id, existing_why = existing
            merge = VisitMerge(day, who, person, merged_text(existing_why, why), row_id=existing_id)
            merge.changed = merge.why != existing_why
            if merge.changed:
                label = f"Visit of {long_date(day) if isinstance(day, date) else day}, why"
                found.field_changes.append(FieldChange(label, existing_why, merge.why))
        found.visits[str(raw.get("id"))] = merge


def apply(
    nav: Navigator, found: FollowUpPlan, people: dict[tuple[str, str], int]
) -> dict[str, int]:
    """Write the plan (inside the import's one transaction). Returns each backup visit
    id's visit here, so the backup's notes can be raised at them."""
    for checkin in found.checkins:
        if checkin.row_id is None:
            day = checkin.day
            record = schema.CheckIn(
                day=day if isinstance(day, str) else day.isoformat(),
                levels=checkin.levels,
                words=checkin.words,
                days=checkin.days,
                created=checkin.created,
                updated=checkin.updated,
            )
            nav.store.insert(CHECKINS, record)
        else:
            nav.store.update(  # raw, so values this version does not know stay
                CHECKINS,
                checkin.row_id,
                levels=checkin.levels,
                words=checkin.words,
                days=checkin.days,
                updated=now_stamp(),
            )
    visit_ids: dict[str, int] = {}
    added: dict[int, int] = {}  # id(merge) -> the visit made for it
    for backup_id, merge in found.visits.items():
        if merge.row_id is not None:
            if merge.changed and isinstance(merge.day, str):  # not a date this version reads
                nav.store.update(VISITS, merge.row_id, why=merge.why, updated=now_stamp())
            elif merge.changed:
                nav.visits.update(merge.row_id, why=merge.why)
            visit_ids[backup_id] = merge.row_id
        elif id(merge) in added:
            visit_ids[backup_id] = added[id(merge)]
        else:
            visit_ids[backup_id] = added[id(merge)] = _add_visit(nav, merge, people)
    for key, value in found.settings.items():
        nav.set_setting(key, value)
    import_records.apply(nav, found.records)
    return visit_ids


def _add_visit(nav: Navigator, merge: VisitMerge, people: dict[tuple[str, str], int]) -> int:
    person = merge.person or {}
    person_id = people.get((text_of(person.get("name")), text_of(person.get("role"))))
    record = schema.Visit(
        day=merge.day if isinstance(merge.day, str) else merge.day.isoformat(),
        with_whom="" if person_id is not None else merge.with_whom,
        person_id=person_id,
        why=merge.why,
        created=merge.created,
        updated=merge.updated,
    )
    return nav.store.insert(VISITS, record)
