"""Sentences, questions and list lines that more than one front end says.

The full-screen app, the plain mode and the commands say the same thing the same way:
each sentence here is written once, so a change of words is one change, and a test
(tests/test_wording.py) fails when a sentence of 25 characters or more is written out in
two front ends again. Sentences only one front end says stay with it. Plain words,
short sentences (docs/content.md). Callers make a person's words safe to show
(``text.one_line``) before passing them in.
"""

from __future__ import annotations

from tui import __version__
from tui.core.text import end_sentence

# ------------------------------------------------------------- answered No
#: A delete question answered No (or left).
KEPT = "Kept. Nothing was deleted."
#: "Raised at which visit?" or "What did they say?" left unanswered.
NOT_MARKED = "Not marked. It stays on the list to raise."

# ------------------------------------------------------------ delete questions
# A front end adds what it says of every delete ("This cannot be undone.").
DELETE_UNWANTED = "Delete this line of help you do not want?"


def delete_note(title: str) -> str:
    return f"Delete the note '{title}'?"


def delete_item(text: str) -> str:
    return f"Delete your item '{text}'?"


def delete_person(name: str) -> str:
    return f"Delete {name} from My people?"


def delete_event(event: str) -> str:
    return f"Delete this event ({event})?"


def delete_medicine(name: str) -> str:
    return f"Delete {name} and its changes?"


def delete_visit(visit: str) -> str:
    """The visit by its date and who it was with: the app named it, the plain mode did
    not ("Delete this visit? Its notes stay raised.")."""
    return f"Delete this visit ({visit})? Its notes stay raised."


def already_exists(path: object) -> str:
    return f"{path} already exists. Replace it?"


# -------------------------------------------------------------------- done
VISIT_DELETED = "Deleted the visit. Its notes stay raised, with their answers."
IMPORTED = "Imported. Nothing was duplicated."
NOTHING_RAISED_AT_VISIT = "No notes were marked as raised at this visit."
#: After a summary that could not be printed was saved to a file instead.
SAVED_INSTEAD = "Saved it instead, readable by you only, to: "
PRINT_ANOTHER_WAY = "Open that file to print it another way."


#: A draft offered back at start, neither saved nor thrown away. (The plain mode said
#: "next time." only; "the app starts" says when.)
DRAFT_KEPT = "Kept for later: it will be offered again next time the app starts."
#: Asked once, before the first summary is printed. (The plain mode said "whose it is";
#: "whose summary it is" says what "it" is.)
WHOSE_SUMMARY = "Before the first print: the care team needs to know whose summary it is."


def item_added(text: str) -> str:
    return f"Added your item: {end_sentence(text)} It is not done yet."


def item_saved(status: str, progress: str) -> str:
    """A ticked or un-ticked checklist item: its state first, then the whole list's."""
    return f"Saved: this item is {status}. {progress}."


def nothing_found(words: str) -> str:
    return f"Nothing found for '{words}'. Try another word."


# ---------------------------------------------------------- questions, lines
def which_visit(title: str, count: int) -> str:
    return f"Which visit was '{title}' raised for? It could be one of {count}."


def raised_line(kind: str, title: str, answer: str) -> str:
    """A note raised at a visit, on the list for the visit: its kind, title and answer."""
    return f"{kind}: {end_sentence(title)} Raised. Answer: {end_sentence(answer or 'none noted')}"


def checkin_saved(day: str) -> str:
    """'Saved your check-in for 3 December 2026' (the caller ends it: its levels follow)."""
    return f"Saved your check-in for {day}"


# ---------------------------------------------------------- choices and labels
# Without a full stop: the app's lines have none, the plain mode's menus end each with one.
EXPORT_MARKDOWN = "Export everything as Markdown, to read or print"
IMPORT_BACKUP = "Import a JSON backup (shows what will change first)"
NOT_LINKED = "Not linked to a topic or item"
#: A checklist item's choice, in the app and the plain mode (its key is on the keys line).
ADD_ITEM_NOTE = "Add a note about this item"

# --------------------------------------------------------------------- Help
VERSION = f"SPMS Navigator version {__version__}."
ARTICLES = "The topics rest on these articles. Each topic lists all its sources."
