"""Every command's name and one-line summary, by the module that runs it.

Kept apart from those modules so that starting the app (or the plain mode) builds the
command line without importing them: they bring in the export, import and summary code,
which a start does not need (see bench/: "heavy modules imported before the first screen").
An area's command is named by the area registry (tui/core/areas.py), which the app and the
plain mode read too.
"""

from __future__ import annotations

from tui.core.areas import command_name


def _area(area_id: str, summary: str) -> dict[str, str]:
    """The command of an area (``note`` for notes) and its summary."""
    return {command_name(area_id): summary}


COMMANDS_OF: dict[str, dict[str, str]] = {
    "notes": _area("notes", "Add, list, show, edit, delete or raise notes."),
    "checklist": _area(
        "checklist",
        "The support-network checklist: list it, tick items, add your own, say who helps.",
    ),
    "people": _area("people", "The people in your support network, and the help you do not want."),
    "checkins": {
        **_area(
            "checkin",
            "Check in: how much each area got in the way lately. Asks, or records answers.",
        ),
        **_area(
            "changes",
            "What changed between your check-ins, in words: now against months before.",
        ),
    },
    "visits": _area(
        "visits",
        "Visits to your care team: add, list, show, change, delete, print, export, "
        "put in a calendar.",
    ),
    "records": {
        **_area(
            "medicines", "Your medicines: add, change a dose, stop, list. Every change is dated."
        ),
        **_area(
            "events",
            "Log a fall, an infection, a relapse, a hospital stay or a hot day; list them.",
        ),
    },
    "reminders": {
        "due": "Say in one sentence what is due (a visit tomorrow, a check-in); exit as grep.",
    },
    "topics": {
        **_area(
            "topics",
            "List the topics: id, title and what each is about; or find a word in them all.",
        ),
        "topic": "Print one topic, with its contacts and sources.",
        **_area("urgent", "Print where to get help now, if you think about hurting yourself."),
    },
    "data": {
        **_area("data", "Export everything, or the summary for your next appointment, to a file."),
        "import": "Merge a JSON backup in, after showing what will change. Nothing is duplicated.",
        "delete-all": "Delete all your data from this app: notes, ticks, people, check-ins, "
        "visits, medicines, events and settings.",
    },
    "config": {"config": "Where the settings file is, and the settings in force."},
    "meta": {
        **_area("help", "Print the help of a command: the same text as COMMAND --help."),
        "completion": (
            "Print the shell code that completes commands and options when you press Tab."
        ),
    },
}
