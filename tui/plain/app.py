"""The plain line mode's menus. Every feature of the full-screen app, as numbered lines.

At any question: a number chooses, ``b`` goes back, an area's letter opens it (the app's
keys: ``t`` Topics, ``n`` Notes, …, tui/core/areas.py), ``h`` shows help, ``u`` says where
to get urgent help and ``q`` quits.
Every change is saved at once and said as a sentence.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Sequence
from functools import partial

from tui.core import areas, wording
from tui.core.models import ChecklistEntry, Note, NoteKind
from tui.core.search import HitKind
from tui.core.service import ITEM_LINK, OWN_GROUP, display_time
from tui.core.text import end_sentence, one_line
from tui.plain.base import AREA_KEYS, Back, GoTo, HangUp, LazyLines, Quit
from tui.plain.console import EndOfInput
from tui.plain.more import MoreMenus
from tui.plain.reading import ReadingMenus

#: Signals that end the plain mode from outside: the terminal closing, the system stopping.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


#: The home menu's line after the areas: the plain mode's own settings.
_SETTINGS = "My name, the check-in reminder, and the full-screen app."


def _hang_up(_signum: int, _frame: object) -> None:
    raise HangUp


class PlainApp(ReadingMenus, MoreMenus):
    def run(self, notices: Sequence[str] = ()) -> int:
        """Run until the person quits. ``notices``: sentences to say first (settings problems)."""
        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = (
            {sig: signal.signal(sig, _hang_up) for sig in _STOP_SIGNALS} if in_main_thread else {}
        )
        try:
            return self._run(notices)
        except HangUp:
            return 0  # what was typed is saved; the terminal is gone, so say nothing
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    _backup_said = False

    def _say_backup_problem(self, wait: bool = False) -> None:
        """Say, once, that the backup copy started on opening failed (a full disk)."""
        if not self._backup_said and (problem := self.nav.store.backup_problem(wait)):
            self._backup_said = True
            self.out.say(problem)

    def _run(self, notices: Sequence[str]) -> int:
        app = self.nav.library.app
        self.out.say(f"{app.name}. {app.tagline}")
        self.out.say(app.not_advice)
        for message in [*self.nav.store.report.messages, *notices]:
            self.out.say(message)
        self.offer_drafts()
        area = "home"
        try:
            while True:
                try:
                    self._say_backup_problem()
                    if area == "home":
                        self.home()
                    else:
                        self.open_area(area)
                    area = "home"
                except GoTo as jump:
                    area = jump.area
                except Back:
                    area = "home"
        except (Quit, EndOfInput, KeyboardInterrupt):
            self._say_backup_problem(wait=True)
            if self.unsaved:
                self.out.say(
                    "Goodbye. Some changes could not be saved: the messages above say why."
                )
            else:
                self.out.say("Goodbye. Everything you changed is saved.")
        return 0

    # ----------------------------------------------------------------- home
    def open_area(self, area_id: str) -> None:
        """Open an area of tui/core/areas.py by its id (its letter, or its home line)."""
        getattr(self, areas.area(area_id).plain)()

    def _home_line(self, area: areas.Area) -> str:
        """The area's line, as the app's home screen says it, with the letter that opens it."""
        letter = "h" if area.id == "help" else area.key
        key = f" Key {letter}." if letter and len(letter) == 1 else ""
        return f"{areas.home_line(area, self.nav)}{key}"

    def home(self) -> None:
        while True:
            reminder = self.nav.checkins.reminder()
            due = f" {reminder} Type {areas.area('checkin').key} to check in." if reminder else ""
            shown = areas.on_home()
            self.menu(
                f"Home.{due} Choose an area.",
                [*[self._home_line(area) for area in shown], _SETTINGS],
                "Type a number and press Enter, or q to quit.",
            )
            try:
                choice = self.pick(self.choose(), len(shown) + 1)
            except Back:
                self.out.say("You are at home. Type q to quit.")
                continue
            if choice == len(shown):
                self._guard(self.my_settings)
            elif choice is not None:
                self._guard(self.open_area, shown[choice].id)

    def help(self) -> None:
        self.out.say("")
        self.out.say("Help.")
        self.out.say("Urgent help, if you need help now: type u at any question.")
        self.out.say("At any question: type a number and press Enter to choose.")
        self.out.say("b goes back. These letters open an area:")
        self.out.say(", ".join(f"{key} for {area.title}" for key, area in AREA_KEYS.items()) + ".")
        self.out.say("h shows this help. q quits. Ctrl+D or Ctrl+C also quit.")
        self.out.say("In Topics, f finds a word in every topic and the checklist.")
        self.out.say("In Prepare for a visit, med lists your medicines, event logs a fall.")
        self.out.say("Everything you change is saved at once.")
        self.out.user_line("Your data file: ", str(self.nav.store.path))
        self.out.say("It stays on this computer, readable only by you.")
        self.out.say(self.nav.store.newest_copy_sentence())
        if self.nav.store.read_only:
            self.out.say(self.nav.store.read_only_why())
        self.out.say(wording.VERSION)
        self.out.say(self.nav.library.app.not_advice)
        self.out.say(wording.ARTICLES)
        for article in self.nav.library.articles:
            self.out.say(f"Article: {article.sentence()}")

    # --------------------------------------------------------------- topics
    def topics(self) -> None:
        topics = self.nav.topics
        while True:
            self.menu(
                "Topics.",
                [f"{t.title}. {t.summary}" for t in topics],
                "Type a number to open a topic, f to find a word in every topic and the "
                "checklist, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "f":
                self._guard(self.find)
            elif (choice := self.pick(answer, len(topics))) is not None:
                self._guard(self.topic, topics[choice].id)

    def find(self) -> None:
        """Find a word in every topic and checklist item; a number opens what was found."""
        words = self.out.ask("Find what? Type a word or two (Enter alone goes back):").strip()
        while words:
            hits = self.nav.library.search(words)
            if not hits:
                self.out.say(wording.nothing_found(one_line(words)))
                words = self.out.ask("Find what? (Enter alone goes back):").strip()
                continue
            self.menu(
                f"Found in {len(hits)} {'place' if len(hits) == 1 else 'places'}: "
                f"'{one_line(words)}'.",
                [hit.line() for hit in hits],
                "Type a number to open one, f to find another word, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "f":
                words = self.out.ask("Find what?").strip()
            elif (choice := self.pick(answer, len(hits))) is not None:
                hit = hits[choice]
                if hit.kind is HitKind.TOPIC:
                    self._guard(self.topic, hit.id, hit)
                else:
                    self._guard(self.item, hit.id)

    # ------------------------------------------------------------ checklist
    def checklist(self) -> None:
        while True:
            entries = self.nav.checklist.entries()
            lines = [self._entry_line(e) for e in entries]
            progress = self.nav.checklist.progress(entries).sentence()
            self.menu(
                f"Support-network checklist. Progress: {progress}.",
                lines,
                "Type a number to open an item, a to add your own item, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "a":
                text = self.out.ask("Type your new item, then press Enter:")
                entry = self.attempt(self.nav.checklist.add_own_item, text)
                if entry:
                    self.out.say(wording.item_added(entry.text))
                continue
            choice = self.pick(answer, len(entries))
            if choice is not None:
                self._guard(self.item, entries[choice].id)

    def _entry_line(self, entry: ChecklistEntry) -> str:
        group = self.nav.checklist.group_title(entry.group_id)
        line = f"{entry.mark}{entry.text}: {entry.status_words}. {group}."
        if entry.helper:
            line += f" Who helps: {end_sentence(one_line(entry.helper))}"
        return line

    def item(self, item_id: str) -> None:
        while True:
            entry = self.nav.checklist.entry(item_id)
            self.out.say("")
            self.out.user_line("Checklist item: ", entry.text)
            self.out.say(f"Status: {entry.status_words}.")
            if entry.why:
                self.out.say(f"Why it helps: {entry.why}")
            self.out.user_line("Who helps: ", entry.helper or "nobody yet")
            self.out.user_line("My note: ", entry.note or "none")
            notes = self.nav.notes.linked_to(ITEM_LINK + item_id)
            choices = [
                "Mark it not done yet." if entry.done else "Mark it done.",
                "Change who helps.",
                "Change my note.",
                f"{wording.ADD_ITEM_NOTE}.",
            ]
            choices += [f"Your note: {n.display_title}" for n in notes]
            if entry.topic_id:
                choices.append(f"Read the topic: {self.nav.topic(entry.topic_id).title}.")
            if entry.group_id == OWN_GROUP:
                choices.append("Delete this item.")
            self.menu("What next?", choices)
            choice = self.pick(self.choose(), len(choices))
            if choice is None:
                continue
            picked = choices[choice]
            if choice == 0:
                changed = self.attempt(self.nav.checklist.set_done, item_id, not entry.done)
                if changed:
                    progress = self.nav.checklist.progress().sentence()
                    self.out.say(wording.item_saved(changed.status_words, progress))
            elif choice == 1:
                helper = self.out.ask("Who helps with this? Type a name, then press Enter:")
                if self.attempt(self.nav.checklist.set_helper, item_id, helper):
                    self.out.say("Saved who helps.")
            elif choice == 2:
                text = self.out.ask("Type your note, then press Enter:")
                if self.attempt(self.nav.checklist.set_item_note, item_id, text):
                    self.out.say("Saved your note.")
            elif choice == 3:
                self.new_note(ITEM_LINK + item_id)
            elif picked.startswith("Your note: "):
                self._guard(self.note, notes[choice - 4].id)
            elif picked.startswith("Read the topic"):
                self._guard(self.topic, entry.topic_id)
            elif picked == "Delete this item.":
                if self.confirm(wording.delete_item(one_line(entry.text))):
                    if self.attempt(self.nav.checklist.delete_own_item, item_id):
                        self.out.say("Deleted your item.")
                        return
                else:
                    self.out.say(wording.KEPT)

    # ---------------------------------------------------------------- notes
    def notes(self) -> None:
        needle = ""
        while True:
            notes = self.nav.notes.all(needle)
            total = self.nav.notes.count()
            if needle:
                title = f"Notes matching '{one_line(needle)}': {len(notes)} of {total}."
            else:
                title = "Notes, newest first." if total else "You have no notes yet."
            labels = self.nav.link_labels()
            self.menu(
                title,
                LazyLines(notes, partial(self._note_line, labels=labels)),
                "Type a number to open a note, a to add one, f to filter, or b for back.",
            )
            answer = self.choose()
            if answer.lower() == "a":
                self.new_note("")
            elif answer.lower() == "f":
                needle = self.out.ask("Show notes holding what? (Enter alone shows all):").strip()
            else:
                choice = self.pick(answer, len(notes))
                if choice is not None:
                    self._guard(self.note, notes[choice].id)

    def _note_line(self, note: Note, labels: dict[str, str]) -> str:
        title = end_sentence(one_line(note.display_title))
        line = f"{title} Written {display_time(note.created)}."
        if note.kind is not NoteKind.PLAIN:
            line = f"{note.kind.label}: {line}"
        label = labels.get(note.link)
        return f"{line} About {label}." if label else line

    def new_note(self, link: str) -> None:
        title = self.out.ask("Title of the new note:")
        body = self.type_text(
            "Type the note. End with a line holding only a full stop.", title, link
        )
        note = self.attempt(self.nav.notes.create, title, body, link)
        if note:
            self.forget_draft()
            self.out.user_line("Saved the note: ", note.display_title)

    def note(self, note_id: int) -> None:
        while True:
            note = self.nav.notes.get(note_id)
            self.out.say("")
            self.out.user_line("Note: ", note.display_title)
            self.out.say(
                f"Written {display_time(note.created)}. Changed {display_time(note.updated)}."
            )
            label = self.nav.link_label(note.link) if note.link else None
            self.out.say(f"About {label}." if label else f"{wording.NOT_LINKED}.")
            self.out.say("Text of the note:")
            self.out.say(note.body or "(no text)")
            self.out.say("End of the note.")
            choices = ["Change the title.", "Replace the text.", "Delete this note."]
            choices.append(f"Change the kind of note: now {note.kind.label}.")
            self.menu("What next?", choices)
            choice = self.pick(self.choose(), len(choices))
            if choice == 0:
                title = self.out.ask("New title:")
                if self.attempt(self.nav.notes.update, note_id, title, note.body):
                    self.out.say("Saved the new title.")
            elif choice == 1:
                body = self.type_text(
                    "Type the new text. End with a line holding only a full stop.",
                    f"{note.title} (new text, not finished)",
                    note.link,
                    note.kind,
                )
                if self.attempt(self.nav.notes.update, note_id, note.title, body):
                    self.forget_draft()
                    self.out.say("Saved the new text.")
            elif choice == 2:
                if self.confirm(wording.delete_note(one_line(note.display_title))):
                    if self.attempt(self.nav.notes.delete, note_id):
                        self.out.say("Deleted the note.")
                        self.offer_to_remove_from_copies(note_id)
                        return
                else:
                    self.out.say(wording.KEPT)
            elif choice == 3:
                self._change_kind(note)
