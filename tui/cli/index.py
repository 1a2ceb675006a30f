"""Every command's name and one-line summary, by the module that runs it.

Kept apart from those modules so that starting the app (or the plain mode) builds the
command line without importing them: they bring in the export, import and summary code,
which a start does not need (see bench/: "heavy modules imported before the first screen").
"""

from __future__ import annotations

COMMANDS_OF: dict[str, dict[str, str]] = {
    "notes": {
        "note": "Add, list, show, edit, delete or raise notes.",
    },
    "checklist": {
        "checklist": (
            "The support-network checklist: list it, tick items, add your own, say who helps."
        ),
    },
    "people": {
        "people": "The people in your support network, and the help you do not want.",
    },
    "checkins": {
        "checkin": "Check in: how much each area got in the way lately. Asks, or records answers.",
        "changes": "What changed between your check-ins, in words: now against months before.",
    },
    "visits": {
        "visit": "Visits to your care team: add, list, show, change, delete, print, export, "
        "put in a calendar."
    },
    "records": {
        "med": "Your medicines: add, change a dose, stop, list. Every change is dated.",
        "event": "Log a fall, an infection, a relapse, a hospital stay or a hot day; list them.",
    },
    "reminders": {
        "due": "Say in one sentence what is due (a visit tomorrow, a check-in); exit as grep.",
    },
    "topics": {
        "topics": "List the topics: id, title and what each is about; or find a word in them all.",
        "topic": "Print one topic, with its contacts and sources.",
        "urgent": "Print where to get help now, if you think about hurting yourself.",
    },
    "data": {
        "export": "Export everything, or the summary for your next appointment, to a file.",
        "import": "Merge a JSON backup in, after showing what will change. Nothing is duplicated.",
        "delete-all": "Delete all your data from this app: notes, ticks, people, check-ins, "
        "visits, medicines, events and settings.",
    },
    "config": {"config": "Where the settings file is, and the settings in force."},
    "meta": {
        "help": "Print the help of a command: the same text as COMMAND --help.",
        "completion": (
            "Print the shell code that completes commands and options when you press Tab."
        ),
    },
}
