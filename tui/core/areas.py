"""Every area of the app, declared once: its id, name, line on the home menus, key,
the words people call it by, the plain mode's handler and its command.

An area used to be declared in seven places (the app's screens, its global keys, the
home screen, the command palette, the plain mode's home menu and area keys, the
command index), and the app and the plain mode listed the areas in different orders.
Now each of those reads this list: a new area is one record here, and the home
menus of both modes list the areas in this order. No Textual here: the plain mode
and the command line read it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.service import Navigator


@dataclass(frozen=True)
class Area:
    #: The area's id: the app's screen (``tui.app.app.AREAS``), the home lines' ids.
    id: str
    #: Its name, as the command palette lists it.
    title: str
    #: One line on what it is for (the palette's help line).
    description: str
    #: Its line on both home menus (live words in place of it: how many notes, how much
    #: of the checklist is done); "" for an area reached from another (What changed from
    #: Check in, Search from Topics), which keeps the home menus short enough to be read
    #: in one screenful (24 rows) by a screen reader.
    home: str
    #: The keys that open it from anywhere, in the app and in the plain mode, or None.
    key: str | None = None
    #: The id of that key's binding (a person can remap it by this id), or None.
    key_id: str | None = None
    #: What else people call it, so the palette finds it by those words too.
    palette_words: tuple[str, ...] = ()
    #: The plain mode's method that opens it.
    plain: str = ""
    #: The command that does it from the command line (its first word is the command).
    command: str = ""
    #: Its key leaves the screen (or question) for the area. Help and Urgent help open
    #: above what is open instead, and have keys and handling of their own.
    jump: bool = True


#: Every area, in the order both home menus and the palette list them.
REGISTRY: tuple[Area, ...] = (
    Area(
        "topics",
        "Topics",
        "Read about living with SPMS",
        "Topics: read about living with SPMS.",
        key="t",
        key_id="app.topics",
        plain="topics",
        command="topics",
    ),
    Area(
        "checklist",
        "Checklist",
        "Build your support network",
        "Support-network checklist: how much of it is done.",
        key="c",
        key_id="app.checklist",
        plain="checklist",
        command="checklist",
    ),
    Area(
        "notes",
        "Notes",
        "Your private notes",
        "Notes: how many you have.",
        key="n",
        key_id="app.notes",
        plain="notes",
        command="note",
    ),
    Area(
        "checkin",
        "Check in",
        "How much each area got in the way lately, in under two minutes",
        "Check in: how things are going, in under two minutes.",
        key="k",
        key_id="app.checkin",
        palette_words=("check-in", "how am I", "symptoms", "how I feel", "track"),
        plain="checkin_menu",
        command="checkin",
    ),
    Area(
        "changes",
        "Changes",
        "What changed in my check-ins, over months",
        "",
        palette_words=("what changed", "progress", "trend", "chart", "compare", "over time"),
        plain="changes",
        command="changes",
    ),
    Area(
        "visit",
        "Prepare for a visit",
        "What to raise, and a summary",
        "Prepare for a visit: what to raise with your care team.",
        key="v",
        key_id="app.visit",
        plain="visit",
        command="export --format appointment-txt",
    ),
    Area(
        "visits",
        "Visits",
        "My visits, past and planned, and the notes raised at each",
        "My visits: past and planned, and the notes raised at each.",
        palette_words=("appointments", "history", "past visits", "answers"),
        plain="visits",
        command="visit",
    ),
    Area(
        "people",
        "My people",
        "Who helps with what",
        "My people: who helps with what.",
        key="p",
        key_id="app.people",
        plain="people",
        command="people",
    ),
    # x as in Rx, a prescription; m and e are taken on the visit screen (My visits,
    # Export), where a screen's own key would win over an area's.
    Area(
        "medicines",
        "My medicines",
        "Doses, and every change dated",
        "My medicines: doses and every change, dated.",
        key="x",
        key_id="app.medicines",
        palette_words=("medication", "pills", "drugs", "dose", "tablets"),
        plain="medicines",
        command="med",
    ),
    # i as in incident: no screen of the app or question of the plain mode takes it.
    Area(
        "events",
        "Events",
        "Log a fall, an infection, a relapse, a hospital stay or a hot day",
        "Events: log a fall, an infection or a hot day.",
        key="i",
        key_id="app.events",
        palette_words=("fall", "falls", "infection", "relapse", "hospital", "heat", "log"),
        plain="events",
        command="event",
    ),
    Area(
        "search",
        "Search",
        "Find a word in every topic and the checklist",
        "",
        plain="find",
        command="topics --search",
    ),
    Area(
        "data",
        "Your data",
        "Export, import a backup, or delete all",
        "Your data: export, import a backup, or delete it.",
        plain="data",
        command="export",
    ),
    Area(
        "help",
        "Help",
        "Keys, and where your data is kept",
        "Help: keys, and where your data is kept.",
        key="question_mark,f1",
        key_id="app.help",
        plain="help",
        command="help",
        jump=False,
    ),
    Area(
        "urgent",
        "Urgent help",
        "Where to get help now, day or night",
        "Urgent help: where to get help now, day or night.",
        key="u",
        key_id="app.urgent",
        plain="urgent_help",
        command="urgent",
        jump=False,
    ),
)


@cache
def by_id() -> dict[str, Area]:
    """Every area by its id."""
    return {area.id: area for area in REGISTRY}


def area(area_id: str) -> Area:
    """The area ``area_id`` ("notes"); a KeyError names an id that is not declared."""
    return by_id()[area_id]


def on_home() -> tuple[Area, ...]:
    """The areas both home menus list, in this order."""
    return tuple(a for a in REGISTRY if a.home)


def jumps() -> tuple[Area, ...]:
    """The areas a key opens from anywhere, leaving what is open (not Help, Urgent help)."""
    return tuple(a for a in REGISTRY if a.jump and a.key)


@cache
def by_key() -> dict[str, Area]:
    """The areas a letter opens from any question of the plain mode ("t": Topics): the
    same letters as the app's keys."""
    return {a.key: a for a in jumps() if a.key and len(a.key) == 1}


def home_line(area: Area, navigator: Navigator) -> str:
    """An area's line on a home menu, with what is there now: how many notes, how much
    of the checklist is done. Both modes' home menus say it."""
    if area.id == "checklist":
        return f"Support-network checklist: {navigator.checklist.progress().sentence()}."
    if area.id == "notes":
        count = navigator.notes.count()
        return f"Notes: {'1 note' if count == 1 else f'{count} notes'}."
    return area.home


def short_line(area: Area, navigator: Navigator) -> str:
    """An area's line on the app's home list: its name, with what is there now for the
    checklist and notes. The app shows the whole ``home_line`` of the focused area
    alone, below the list: a screen reader that reads every changed line (Fenrir) then
    hears a short list at each return home, not twelve sentences."""
    if area.id in ("checklist", "notes"):
        return home_line(area, navigator)
    return f"{area.home.split(':')[0]}."


def command_name(area_id: str) -> str:
    """The command-line command of an area ("note" for notes): its first word."""
    return area(area_id).command.split()[0]
