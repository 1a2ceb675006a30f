"""The plain mode's framework: numbered menus, answers, and the words that move around."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar, overload

from tui.core import areas, wording
from tui.core.drafts import Drafts
from tui.core.models import Note, NoteKind
from tui.core.service import Navigator
from tui.core.store import SaveError
from tui.core.text import InputError
from tui.plain.console import Console

T = TypeVar("T")
HINT = "Type a number and press Enter, or b for back, h for help, q to quit."


class Quit(Exception):
    """Leave the plain mode."""


class GoTo(Exception):
    """Jump to an area (its id in tui/core/areas.py) from any menu, by its letter."""

    def __init__(self, area: str) -> None:
        super().__init__(area)
        self.area = area


class HangUp(Exception):
    """The terminal closed (SIGHUP) or the system asked the app to stop (SIGTERM)."""


class Back(Exception):
    """Leave the current menu."""


#: The draft of the note being typed (the plain mode types one thing at a time).
DRAFT_KEY = "note:new"

#: Letters that jump to an area from any question: the app's keys (tui/core/areas.py).
AREA_KEYS = areas.by_key()
#: Urgent help, at any question.
URGENT_KEYS = ("u", "urgent")


class LazyLines(Sequence[str], Generic[T]):
    """The lines of a long menu, each made from its item as it is printed: at 50,000
    notes the first page of the notes menu formats the notes on it, not 50,000 dates."""

    def __init__(self, items: Sequence[T], line_of: Callable[[T], str]) -> None:
        self._items = items
        self._line_of = line_of

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self._line_of(item) for item in self._items[index]]
        return self._line_of(self._items[index])


class PlainBase:
    def __init__(self, navigator: Navigator, console: Console) -> None:
        self.nav = navigator
        self.out = console
        #: A save failed and was not made good: the goodbye must not claim otherwise.
        self.unsaved = False
        #: Lines of a note being typed, kept on disk in case of a kill or a power cut.
        self.drafts = Drafts(navigator.store.path)

    def choose(self, prompt: str = "Your choice:") -> str:
        answer = self.out.ask(prompt).strip()
        word = answer.lower()
        if word in ("q", "quit"):
            raise Quit
        if word in ("b", "back"):
            raise Back
        if word in AREA_KEYS:
            raise GoTo(AREA_KEYS[word].id)
        if word in ("h", "?", "help"):
            self.help()
            return ""
        if word in URGENT_KEYS:
            self.urgent_help()
            return ""
        return answer

    def help(self) -> None:
        raise NotImplementedError

    def urgent_help(self) -> None:
        """Where to get help now, line by line, first line first (data/app.toml)."""
        self.out.say("")
        self.out.say("Urgent help.")
        for line in self.nav.library.app.urgent_help:
            self.out.say(line)

    def confirm(self, question: str) -> bool:
        answer = self.out.ask(f"{question} This cannot be undone. Type yes to go ahead:")
        return answer.strip().lower() == "yes"

    def offer_to_remove_from_copies(self, note_id: int) -> None:
        """After a note is deleted: ask whether to remove it from the dated backup copies
        that still hold it (no is the default), or say where it remains."""
        from tui.core import copies

        if aside := self.nav.notes.kept_aside_sentence(note_id):
            self.out.say(aside)
        held = self.nav.notes.copies_holding(note_id)
        if not held:
            return
        answer = self.out.ask(f"{copies.remove_question(held)} Type yes to remove it:")
        if answer.strip().lower() != "yes":
            self.out.say(copies.kept_the_copies(held))
            return
        removed = self.attempt(self.nav.notes.remove_from_copies, note_id)
        if removed is not None:
            self.out.say(removed.sentence())

    def _guard(self, menu: Callable[..., None], *args: object) -> None:
        """Run a sub-menu; its 'back' returns here."""
        with contextlib.suppress(Back):
            menu(*args)

    def menu(self, title: str, lines: Sequence[str], extra: str = "") -> None:
        """A title, numbered choices and a hint. "q" at a More prompt skips to the hint,
        and the lines after it are never made (``LazyLines``)."""
        self.out.hint("")
        self.out.say(title)
        for number, line in enumerate(lines, 1):
            if self.out.skipping:
                break
            self.out.say(f"{number}. {line}")
        self.out.hint(extra or HINT)

    def pick(self, answer: str, count: int) -> int | None:
        """The 0-based index a typed number means, or None (after saying why)."""
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= count:
            return int(answer) - 1
        self.out.say(f"'{answer}' is not one of the choices. Type a number from 1 to {count}.")
        return None

    def attempt(self, operation: Callable[..., T], *args: object) -> T | None:
        """Run a core operation; print its error as a sentence instead of failing."""
        try:
            return operation(*args)
        except (SaveError, InputError) as error:
            self.out.say(str(error))
            self.unsaved = self.unsaved or isinstance(error, SaveError)
            return None

    def type_text(
        self, prompt: str, title: str, link: str = "", kind: NoteKind = NoteKind.PLAIN
    ) -> str:
        """Read a note's text, line by line. Returns the text once a full stop ends it.

        If the person is stopped half way (Ctrl+C, the terminal closing, the system
        shutting down), what they had typed is saved as a note titled ``title``
        before the app leaves: the lines they finished, and the title. (The line
        being typed at Ctrl+C is thrown away by the terminal itself; Ctrl+D keeps it.)
        """
        lines: list[str] = []

        def keep_draft(so_far: list[str]) -> None:  # each finished line, in case of a kill
            fields = {"title": title, "body": "\n".join(so_far)}
            with contextlib.suppress(OSError):
                self.drafts.save(DRAFT_KEY, fields, f"a new note, {title.strip() or 'untitled'}")

        try:
            self.out.ask_lines(prompt, lines, keep_draft)
        except (KeyboardInterrupt, HangUp):
            if title.strip() or any(line.strip() for line in lines):
                self.keep_unfinished(title, "\n".join(lines), link, kind)
            raise
        return "\n".join(lines)  # the caller forgets the draft once the note is saved

    def forget_draft(self) -> None:
        with contextlib.suppress(OSError):
            self.drafts.clear(DRAFT_KEY)

    def offer_drafts(self) -> None:
        """At start: what a previous run left unsaved (a kill, a power cut) is offered back
        (by the copy holding the lock only: the other may be typing them now)."""
        if self.nav.store.read_only:
            return
        for draft in self.drafts.left_over():
            self.out.say("")
            self.out.user_line("When the app last closed, this was not saved yet: ", draft.label)
            choices = ["Save the words as a note now.", "Show the words.", "Throw it away."]
            while True:
                self.menu(
                    "What would you like to do with it?",
                    choices,
                    "Type a number, or press Enter to keep it for next time.",
                )
                answer = self.out.ask("Your choice:").strip()
                if answer == "2":
                    title, body = draft.as_note()
                    self.out.user_line("Title: ", title)
                    self.out.say(body)
                    continue
                break
            if answer == "1":
                title, body = draft.as_note()
                if self.attempt(self.nav.notes.create, title, body) is not None:
                    self.out.user_line("Saved the words as a note: ", title)
                    with contextlib.suppress(OSError):
                        self.drafts.clear(draft.key)
            elif answer == "3":
                with contextlib.suppress(OSError):
                    self.drafts.clear(draft.key)
                self.out.say("Thrown away.")
            else:
                self.out.say(wording.DRAFT_KEPT)

    def keep_unfinished(self, title: str, body: str, link: str, kind: NoteKind) -> Note | None:
        note = self.attempt(self.nav.notes.create, title, body, link, kind)
        if note is not None:
            self.forget_draft()
            with contextlib.suppress(OSError):  # the terminal may be gone
                self.out.user_line("Saved what you had typed as a note: ", note.display_title)
        return note
