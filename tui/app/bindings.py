"""Every key binding of the app, declared as data with ids and descriptions.

Keeping them here means Help, the footer, the README and the tests all read one
list, and a user could remap a key by id (Textual keymaps use these ids).
The same few keys mean the same thing on every screen.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Everywhere, unless a text field is being typed in (then only F1, Escape and ctrl+q).
# The footer shows a screen's own keys with F1, Escape and q; the area keys (t, c, n,
# v, p) are listed on the home screen and in Help, so the footer fits a narrow terminal.
GLOBAL: list[BindingType] = [
    Binding("f1,question_mark", "help", "Help", key_display="F1", id="app.help"),
    Binding("escape", "go_back", "Back", id="app.back"),
    Binding("t", "go('topics')", "Topics", show=False, id="app.topics"),
    Binding("c", "go('checklist')", "Checklist", show=False, id="app.checklist"),
    Binding("n", "go('notes')", "Notes", show=False, id="app.notes"),
    Binding("v", "go('visit')", "Visit", show=False, id="app.visit"),
    Binding("p", "go('people')", "People", show=False, id="app.people"),
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_anywhere"),
    Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit_interrupt"),
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
    Binding("ctrl+d", "toggle_done", "Done or not", id="item.toggle"),
    Binding("ctrl+n", "add_note", "Add a note", id="item.add_note"),
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
    Binding("slash", "filter", "Filter", key_display="/", id="notes.filter"),
]

NOTE_EDITOR: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="editor.save"),
    Binding("escape", "save_and_back", "Save and go back", id="editor.back"),
]

CONFIRM: list[BindingType] = [
    Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    Binding("escape", "answer(False)", "No", id="confirm.no"),
]

PROMPT: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
]

VISIT: list[BindingType] = [
    Binding("e", "export", "Export summary", id="visit.export"),
    Binding("o", "open_note", "Open note", id="visit.open"),
]

PEOPLE: list[BindingType] = [
    Binding("a", "add_person", "Add a person", id="people.add"),
    Binding("u", "add_unwanted", "Add help I do not want", id="people.unwanted"),
    Binding("d,delete", "delete", "Delete", id="people.delete"),
]

PERSON_EDITOR: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="person.save"),
    Binding("escape", "save_and_back", "Save and go back", id="person.back"),
]
