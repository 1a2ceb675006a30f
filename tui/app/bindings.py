"""Every key binding of the app, declared as data with ids and descriptions.

Keeping them here means Help, the key line, the README and the tests all read one
list, and a person can remap a key by id in their settings file (Textual keymaps
use these ids). The same few keys mean the same thing on every screen.

Screen readers and terminals take some keys for themselves: Fenrir's terminal
keymap takes Escape and F1, and xfce4-terminal takes F1 for its own help (see the
README's table). So no action hangs on those keys alone: ctrl+g does what Escape
does everywhere, even in a text field (no reader, terminal or multiplexer takes
it, and Emacs and readline already use it to cancel); Back is also ``b``,
Backspace or the Left arrow outside text fields (as in Lynx and less); No is also
``n``; Help is also ``?``; and every editor and dialog has buttons that Tab reaches.
"""

from __future__ import annotations

from functools import cache

from textual.binding import Binding, BindingType

from tui.core import areas
from tui.core.checkins import LEVELS

#: Back. In a text field b, Backspace and Left type or move, so Escape and ctrl+g leave.
BACK_KEYS = "escape,ctrl+g,b,backspace,left"
#: What Escape does in an editor or a prompt, also on ctrl+g.
ESCAPE_KEYS = "escape,ctrl+g"
#: Back: also named on Help's first line and on the urgent-help screen.
BACK = Binding(BACK_KEYS, "go_back", "Back", id="app.back")

_HELP = areas.area("help")
_URGENT = areas.area("urgent")

# Everywhere, unless a text field is being typed in (then only Escape, ctrl+g, F1, ctrl+q).
# The key line shows a screen's own keys with Help, Back and Quit; the area keys (t, c,
# n, k, v, p, x, i: tui/core/areas.py) are listed on the home screen and in Help, so the
# line fits a narrow terminal.
GLOBAL: list[BindingType] = [
    Binding(_HELP.key or "", "help", _HELP.title, id=_HELP.key_id),
    BACK,
    *[
        Binding(area.key or "", f"go('{area.id}')", area.title, show=False, id=area.key_id)
        for area in areas.jumps()
    ],
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_anywhere"),
    Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit_interrupt"),
    # Urgent help, one key from every screen: u (no reader, terminal or multiplexer takes
    # a plain letter; one finger, no modifier), and ctrl+u even while typing in a field
    # (no reader or terminal takes it either; in a field it replaces Textual's "delete to
    # the start of the line", and Backspace still deletes).
    Binding(_URGENT.key or "", "urgent_help", _URGENT.title, id=_URGENT.key_id),
    Binding(
        "ctrl+u",
        "urgent_help",
        "Urgent help, even while typing",
        show=False,
        priority=True,
        id="app.urgent_anywhere",
    ),
]

# A dialog (a modal screen) hides the app's keys that have no priority: it takes u
# itself, under the same id, so a remapped key works there too.
URGENT_IN_DIALOGS: list[BindingType] = [
    Binding("u", "app.urgent_help", "Urgent help", show=False, id="app.urgent"),
]

TOPICS: list[BindingType] = [
    Binding("slash,f", "search", "Find a word", id="topics.search"),
]

TOPIC_READER: list[BindingType] = [
    Binding("a", "add_note", "Add a note", id="topic.add_note"),
]

CHECKLIST: list[BindingType] = [
    Binding("space", "toggle_done", "Done or not", id="checklist.toggle"),
    Binding("a", "add_item", "Add an item", id="checklist.add"),
    Binding("d", "delete_item", "Delete my item", id="checklist.delete"),
]

CHECKLIST_ITEM: list[BindingType] = [
    Binding("ctrl+t", "toggle_done", "Done or not", id="item.toggle"),
    Binding("ctrl+n", "add_note", "Add a note", id="item.add_note"),
    # Everything here saves as it is typed; ctrl+s, the key every editor teaches, says so.
    Binding("ctrl+s", "save", "Save", id="item.save"),
]

# A list of notes (LongList): the same keys as every other list in the app.
LONG_LIST: list[BindingType] = [
    Binding("down", "cursor_down", "Next", show=False, id="list.down"),
    Binding("up", "cursor_up", "Previous", show=False, id="list.up"),
    Binding("home", "first", "First", show=False, id="list.first"),
    Binding("end", "last", "Last", show=False, id="list.last"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
    Binding("enter", "select", "Open", show=False, id="list.select"),
]

NOTES: list[BindingType] = [
    Binding("a", "new_note", "New note", id="notes.new"),
    Binding("d,delete", "delete_note", "Delete", id="notes.delete"),
    Binding("slash", "filter", "Filter", id="notes.filter"),
]

# In an editor Escape saves and goes back; the "Save and go back" button does the
# same for anyone whose screen reader takes Escape.
NOTE_EDITOR: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="editor.save"),
    Binding(ESCAPE_KEYS, "save_and_back", "Save and go back", id="editor.back"),
]

# Up and Down move between a dialog's answers, like every list in the app (Tab does too).
DIALOG: list[BindingType] = [
    Binding("down", "app.focus_next", "Next answer", show=False, id="dialog.next"),
    Binding("up", "app.focus_previous", "Previous answer", show=False, id="dialog.previous"),
]

CONFIRM: list[BindingType] = [
    Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    Binding(f"n,{ESCAPE_KEYS},b,backspace,left", "answer(False)", "No", id="confirm.no"),
    *DIALOG,
]

# Choosing one answer from a list on its own screen: Enter chooses, these leave it as it was.
CHOOSE: list[BindingType] = [
    Binding(f"n,{ESCAPE_KEYS},b,backspace,left", "leave", "Leave it as it was", id="choose.leave"),
]

PROMPT: list[BindingType] = [
    Binding(ESCAPE_KEYS, "cancel", "Cancel", id="prompt.cancel"),
]

# Export, print and My visits are named in the list's own lines ("Key e."), so the
# keys line (drawn only when a note is listed) says just the keys for a note.
VISIT: list[BindingType] = [
    Binding("e", "export", "Export summary", show=False, id="visit.export"),
    Binding("r", "print_summary", "Print summary", show=False, id="visit.print"),
    Binding("o", "open_note", "Open note", id="visit.open"),
    Binding("l", "unraise", "Back on the list", id="visit.unraise"),
    Binding("m", "visits", "My visits", show=False, id="visit.visits"),
]

# A check-in: one line a question. Enter or Space opens the scale; a number answers
# at once (the line changes in place; the highlight stays on it).
CHECKIN: list[BindingType] = [
    # Help says that each answer is saved at once, and what each number means (the
    # check-in screen shows the scale as its keys line and leaves the rest to Help).
    Binding(
        "space",
        "choose",
        "Choose an answer (each answer is saved as you go)",
        show=False,
        id="checkin.choose",
    ),
    *[
        Binding(
            level.key,
            f"answer({level.key})",
            f"Answer: {level.words}",
            show=False,
            id=f"checkin.answer_{level.key}",
        )
        for level in LEVELS
    ],
    Binding(
        "0",
        "answer(0)",
        "Skip: no answer (your words about it go too)",
        show=False,
        id="checkin.skip",
    ),
    Binding("w", "words", "My own words", id="checkin.words"),
    Binding("g", "changes", "What changed", id="checkin.changes"),
]

CHANGES: list[BindingType] = [
    Binding("s", "since", "Compare with", id="changes.since"),
]

VISITS: list[BindingType] = [
    Binding("a", "add_visit", "Add a visit", id="visits.add"),
    Binding("d,delete", "delete_visit", "Delete", id="visits.delete"),
]

VISIT_RECORD: list[BindingType] = [
    Binding("a", "raise_note", "Add a note raised here", id="visit_record.raise"),
    Binding("l", "unraise", "Back on the list", id="visit_record.unraise"),
    Binding("o", "open_note", "Open note", id="visit_record.open"),
    Binding("d,delete", "delete_visit", "Delete visit", id="visit_record.delete"),
]

PEOPLE: list[BindingType] = [
    Binding("a", "add_person", "Add a person", id="people.add"),
    Binding("w", "add_unwanted", "Add help I do not want", id="people.unwanted"),
    Binding("d,delete", "delete", "Delete", id="people.delete"),
]

MEDICINES: list[BindingType] = [
    Binding("a", "add_medicine", "Add a medicine", id="medicines.add"),
    Binding("d,delete", "delete_medicine", "Delete", id="medicines.delete"),
]

EVENTS: list[BindingType] = [
    Binding("a", "add_event", "Log an event", id="events.add"),
    Binding("d,delete", "delete_event", "Delete", id="events.delete"),
]

PERSON_EDITOR: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="person.save"),
    Binding(ESCAPE_KEYS, "save_and_back", "Save and go back", id="person.back"),
]


def every_binding() -> list[Binding]:
    """Each binding the app declares, once (for Help, settings checks and tests)."""
    groups = (
        GLOBAL,
        TOPICS,
        TOPIC_READER,
        CHECKLIST,
        CHECKLIST_ITEM,
        LONG_LIST,
        NOTES,
        NOTE_EDITOR,
        CONFIRM,
        DIALOG,
        CHOOSE,
        PROMPT,
        VISIT,
        CHECKIN,
        CHANGES,
        VISITS,
        VISIT_RECORD,
        PEOPLE,
        MEDICINES,
        EVENTS,
        PERSON_EDITOR,
    )
    unique = {b.id or b.key: b for group in groups for b in group if isinstance(b, Binding)}
    return list(unique.values())


@cache
def by_id() -> dict[str, Binding]:
    """Every binding by its id, for the lines that name a key ("Key t.", "(key a)")."""
    return {b.id: b for b in every_binding() if b.id}


def area_key_id(area: str) -> str | None:
    """The id of the key that opens ``area`` from anywhere ("app.topics" for "topics"),
    or None for an area without one (Your data, Changes, Visits). The home screen and
    the command palette both name that key."""
    return areas.area(area).key_id


#: Key names in words, as the key line and Help say them.
_KEY_WORDS = {
    "question_mark": "?",
    "slash": "/",
    "space": "Space",
    "escape": "Escape",
    "delete": "Delete",
    "backspace": "Backspace",
    "enter": "Enter",
    "tab": "Tab",
    "left": "Left arrow",
    "right": "Right arrow",
    "up": "Up arrow",
    "down": "Down arrow",
    "home": "Home",
    "end": "End",
    "pageup": "Page Up",
    "pagedown": "Page Down",
}


def key_word(key: str) -> str:
    """'ctrl+s' stays 'ctrl+s' (never '^s'); 'question_mark' is '?'; 'f1' is 'F1'."""
    *modifiers, name = key.split("+")
    function_key = name[:1] == "f" and name[1:].isdigit()
    word = _KEY_WORDS.get(name) or (name.upper() if function_key else name)
    return "+".join([*modifiers, word])


def keys_in_words(keys: str, most: int | None = None) -> str:
    """'Escape, b, Backspace or Left arrow' for 'escape,b,backspace,left'."""
    words = [key_word(k.strip()) for k in keys.split(",") if k.strip()]
    if most is not None:
        words = words[:most]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
