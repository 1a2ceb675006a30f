"""The plain line mode's menus. Every feature of the full-screen app, as numbered lines.

At any question: a number chooses, ``b`` goes back, ``t``/``c``/``n``/``v``/``p`` open
Topics, Checklist, Notes, the visit list or My people, ``h`` shows help, ``u`` says where
to get urgent help and ``q`` quits.
Every change is saved at once and said as a sentence.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Sequence
from functools import partial

from tui import __version__
from tui.core.models import BlockKind, ChecklistEntry, Note, NoteKind
from tui.core.search import HitKind
from tui.core.service import ITEM_LINK, OWN_GROUP, TOPIC_LINK, display_time
from tui.core.text import end_sentence, one_line
from tui.plain.base import Back, GoTo, HangUp, LazyLines, Quit
from tui.plain.console import EndOfInput
from tui.plain.more import MoreMenus

#: Signals that end the plain mode from outside: the terminal closing, the system stopping.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def _hang_up(_signum: int, _frame: object) -> None:
    raise HangUp


class PlainApp(MoreMenus):
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
                    menus = {
                        "home": self.home,
                        "t": self.topics,
                        "c": self.checklist,
                        "n": self.notes,
                        "v": self.visit,
                        "p": self.people,
                        "k": self.checkin_menu,
                    }
                    menus[area]()
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
    def home(self) -> None:
        while True:
            count = self.nav.notes.count()
            reminder = self.nav.checkins.reminder()
            due = f" {reminder} Type k to check in." if reminder else ""
            self.menu(
                f"Home.{due} Choose an area.",
                [
                    "Topics: read about living with SPMS.",
                    f"Support-network checklist: {self.nav.checklist.progress().sentence()}.",
                    f"Notes: {'1 note' if count == 1 else f'{count} notes'}.",
                    "Prepare for a visit: what to raise with your care team.",
                    "My people: who helps with what.",
                    "Your data: export, import a backup, or delete it.",
                    "Help: commands, and where your data is kept.",
                    "Start in the full-screen app next time.",
                    "Urgent help: where to get help now, day or night. Or type u at any question.",
                    "Check in: how things are going, in under two minutes. Key k.",
                    "What changed in my check-ins.",
                    "My visits: past and planned, and the notes raised at each.",
                    "My name and the check-in reminder.",
                ],
                "Type a number and press Enter, or q to quit.",
            )
            try:
                choice = self.pick(self.choose(), 13)
            except Back:
                self.out.say("You are at home. Type q to quit.")
                continue
            if choice in (3, 4):
                raise GoTo("vp"[choice - 3])
            if choice == 5:
                self._guard(self.data)
            elif choice == 6:
                self.help()
            elif choice == 7:
                if self.attempt(self.nav.set_setting, "plain", False) is not None:
                    self.out.say("Saved: the full-screen app will open next time.")
            elif choice == 8:
                self.urgent_help()
            elif choice in (9, 10, 11, 12):
                menu = (self.checkin_menu, self.changes, self.visits, self.my_settings)[choice - 9]
                self._guard(menu)
            elif choice is not None:
                raise GoTo("tcn"[choice])

    def help(self) -> None:
        self.out.say("")
        self.out.say("Help.")
        self.out.say("Urgent help, if you need help now: type u at any question.")
        self.out.say("At any question: type a number and press Enter to choose.")
        self.out.say("b goes back. t opens Topics, c the Checklist, n your Notes,")
        self.out.say("v the list for your next visit, p My people, k a check-in.")
        self.out.say("h shows this help. q quits. Ctrl+D or Ctrl+C also quit.")
        self.out.say("In Topics, f finds a word in every topic and the checklist.")
        self.out.say("In Prepare for a visit, med lists your medicines, event logs a fall.")
        self.out.say("Everything you change is saved at once.")
        self.out.user_line("Your data file: ", str(self.nav.store.path))
        self.out.say("It stays on this computer, readable only by you.")
        self.out.say(self.nav.store.newest_copy_sentence())
        if self.nav.store.read_only:
            self.out.say(self.nav.store.read_only_why())
        self.out.say(f"SPMS Navigator version {__version__}.")
        self.out.say(self.nav.library.app.not_advice)
        self.out.say("The topics rest on these articles. Each topic lists all its sources.")
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
                self.out.say(f"Nothing found for '{one_line(words)}'. Try another word.")
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
                self._guard(self.topic if hit.kind is HitKind.TOPIC else self.item, hit.id)

    def topic(self, topic_id: str) -> None:
        while True:
            topic = self.nav.topic(topic_id)
            self.out.say("")
            self.out.say(f"Topic: {topic.title}.")
            own_label = self.nav.library.app.own_explanation
            for block in topic.blocks:
                if block.kind is BlockKind.HEADING:
                    self.out.say("")
                    self.out.say(end_sentence(block.text))
                elif block.kind is BlockKind.BULLET:
                    self.out.say(f"  {block.marked_text(own_label)}")
                else:
                    self.out.say(block.marked_text(own_label))
            if topic.contacts:
                self.out.say("")
                self.out.say("Contacts named in this topic.")
                for contact in topic.contacts:
                    self.out.say(contact.sentence())
            entries = {e.id: e for e in self.nav.checklist.entries()}
            items = [entries[i] for i in topic.checklist_ids]
            notes = self.nav.notes.linked_to(TOPIC_LINK + topic_id)
            self.out.say("")
            for source in self.nav.library.topic_sources(topic):
                self.out.say(f"Source: {source.sentence()}")
            self.out.say(topic.review_sentence())
            self.out.say(self.nav.library.app.not_advice)
            choices = [f"Checklist: {e.text}: {e.status_words}." for e in items]
            choices += [f"Your note: {n.display_title}" for n in notes]
            choices.append("Add a note about this topic.")
            self.menu("What next?", choices)
            choice = self.pick(self.choose(), len(choices))
            if choice is None:
                continue
            if choice < len(items):
                self._guard(self.item, items[choice].id)
            elif choice < len(items) + len(notes):
                self._guard(self.note, notes[choice - len(items)].id)
            else:
                self.new_note(TOPIC_LINK + topic_id)

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
                    self.out.say(f"Added your item: {end_sentence(entry.text)} It is not done yet.")
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
                "Add a note about this item.",
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
                    self.out.say(f"Saved: this item is {changed.status_words}. {progress}.")
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
                if self.confirm(f"Delete your item '{one_line(entry.text)}'?"):
                    if self.attempt(self.nav.checklist.delete_own_item, item_id):
                        self.out.say("Deleted your item.")
                        return
                else:
                    self.out.say("Kept. Nothing was deleted.")

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
            self.out.say(f"About {label}." if label else "Not linked to a topic or item.")
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
                if self.confirm(f"Delete the note '{one_line(note.display_title)}'?"):
                    if self.attempt(self.nav.notes.delete, note_id):
                        self.out.say("Deleted the note.")
                        return
                else:
                    self.out.say("Kept. Nothing was deleted.")
            elif choice == 3:
                self._change_kind(note)
