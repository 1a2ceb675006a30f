"""Drafts in the full-screen app: what is being typed reaches the disk within a moment.

Editors and prompts tell the ``DraftKeeper`` when their words change and when they
are saved or thrown away. At most ``DRAFT_DELAY`` after a change (not after typing
stops: a person who types on until a crash would lose everything), the newest words
are handed to a writer thread of its own, so a slow disk never holds up a key; the
writer writes only the newest words it has, so a slow disk means fewer writes, never
a queue of old ones. If the app is killed, the terminal closes or the power goes,
the next start offers them back (``offer_left_over``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from textual.timer import Timer

from tui.app.window_title import WindowTitle
from tui.core import wording
from tui.core.drafts import Draft, Drafts
from tui.core.store import SaveError
from tui.core.text import InputError

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp

#: Seconds from a change until its words go to the writer. The keys typed within it
#: share one write (at ten keys a second, one write for every key or two), and a kill
#: loses at most this and one write's time: the last ~0.3 s of typing is kept.
DRAFT_DELAY = 0.12

Words = tuple[dict[str, str], str]  # the fields and the sentence naming the draft


class DraftKeeper:
    def __init__(self, app: NavigatorApp) -> None:
        self._app = app
        self.drafts = Drafts(app.navigator.store.path)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spms-drafts")
        # Words typed since the last hand-over, and the timer that hands them over.
        self._typed: dict[str, Words] = {}
        self._timers: dict[str, Timer] = {}
        # Words handed over and not written yet; shared with the writer thread.
        self._handed: dict[str, Words] = {}
        self._handed_lock = threading.Lock()
        self.title = WindowTitle(app)  # says the offer at start, for Orca

    def typed(self, key: str, fields: dict[str, str], label: str) -> None:
        """The words under ``key`` changed: write them within ``DRAFT_DELAY``.

        The timer is not restarted by each key (that would wait for typing to stop):
        it starts at the first change not yet handed over. A read-only window keeps its
        drafts too, in a file of its own (core/drafts.py)."""
        self._typed[key] = (dict(fields), label)
        if key not in self._timers:
            self._timers[key] = self._app.set_timer(DRAFT_DELAY, lambda: self._hand_over(key))

    def done(self, key: str) -> None:
        """The words were saved, or thrown away on purpose: no draft is needed."""
        self._cancel(key)
        with self._handed_lock:
            self._handed.pop(key, None)
        self._submit(self._quietly, self.drafts.clear, key)

    _closed = False

    def _submit(self, job: Callable[..., None], *args: object) -> None:
        """Give ``job`` to the writer thread; once the keeper is closed (the app is
        ending), do it here and now: a timer or a last key can still come then, and its
        words must not be lost (nor crash the app's ending)."""
        if self._closed:
            job(*args)
        else:
            self._writer.submit(job, *args)

    def _cancel(self, key: str) -> None:
        self._typed.pop(key, None)
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.stop()

    def _hand_over(self, key: str) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.stop()
        words = self._typed.pop(key, None)
        if words is None:
            return
        with self._handed_lock:
            self._handed[key] = words
        self._submit(self._write_newest, key)

    def _write_newest(self, key: str) -> None:
        """On the writer thread: write the newest words handed over for ``key``, if a
        job before this one has not written them already."""
        with self._handed_lock:
            words = self._handed.pop(key, None)
        if words is not None:
            self._quietly(self.drafts.save, key, *words)

    @staticmethod
    def _quietly(write: object, *args: object) -> None:
        # A draft that cannot be written is not worth an error over what the person is
        # doing: the words are still on the screen, and saving them says if disk is full.
        with contextlib.suppress(OSError):
            write(*args)  # type: ignore[operator]

    def write_now(self) -> None:
        """Write every waiting draft at once and wait (the app is being stopped)."""
        self.close()

    def close(self) -> None:
        """Hand over every word still waiting for its timer, and wait until all are
        written; later words are written at once (``_submit``)."""
        for key in list(self._typed):
            self._hand_over(key)
        for timer in self._timers.values():
            timer.stop()
        self._timers.clear()
        self._closed = True
        self.title.restore()
        self._writer.shutdown(wait=True)

    def left_over(self) -> list[Draft]:
        return self.drafts.left_over()

    def forget(self, key: str) -> None:
        """Throw away a left-over draft (the person said so)."""
        self._submit(self._quietly, self.drafts.clear, key)


def _saved_already(app: NavigatorApp, draft: Draft) -> bool:
    """A note's draft whose title and words a saved note already has (new or edited)."""
    kind, _, ident = draft.key.partition(":")
    if kind != "note":
        return False
    title, body = draft.fields.get("title", ""), draft.fields.get("body", "")
    ident = ident.partition("#")[0]
    notes = app.navigator.notes
    if ident == "new":
        return any(n.title == title and n.body == body for n in notes.all())
    try:
        note = notes.get(int(ident))
    except (ValueError, InputError):
        return False
    return note.title == title and note.body == body


def offer_left_over(app: NavigatorApp) -> None:
    """At start: each draft a previous run left is offered back, one at a time."""
    from tui.app.screens.choose import ChooseScreen
    from tui.core.service import display_time

    if app.navigator.store.read_only:
        return  # the copy holding the lock offers them: it may be typing them now
    left = app.drafts.left_over()
    while left and _saved_already(app, left[0]):
        # Killed between saving and clearing the draft: the words are in a note.
        app.drafts.forget(left[0].key)
        left = left[1:]
    if not left:
        return
    draft = left[0]
    kind, _, ident = draft.key.partition(":")
    ident = ident.partition("#")[0]  # "note:new#2": a second window's draft of the same
    choices: list[tuple[str, str]] = []
    # Each choice names what it acts on: the chosen line is what a braille display
    # shows, and "Open it" alone does not say what "it" is.
    if kind in ("note", "person"):
        choices.append((f"Open {draft.label}, to finish it", "open"))
    choices += [
        (f"Save the words of {draft.label} as a note now", "note"),
        (f"Throw away {draft.label}", "drop"),
    ]
    question = (
        f"When the app last closed, {draft.label} was not saved yet (typed "
        f"{display_time(draft.saved)}). What would you like to do with it?"
    )

    def chosen(answer: tuple[bool, object] | None) -> None:
        app.drafts.title.restore()
        if answer is None or not answer[0]:
            app.say(wording.DRAFT_KEPT)
            return
        if answer[1] == "open":
            item = None if ident == "new" else int(ident)
            if kind == "note":
                from tui.app.screens.note_editor import NoteEditorScreen

                app.push_screen(NoteEditorScreen(item, draft=draft.fields))
            else:
                from tui.app.screens.person_editor import PersonEditorScreen

                app.push_screen(PersonEditorScreen(item, draft=draft.fields))
            return
        if answer[1] == "note":
            title, body = draft.as_note()
            try:
                note = app.navigator.notes.create(title, body)
            except (SaveError, InputError) as error:
                app.say(str(error), error=True)
                return
            app.say(f"Saved the words as a note: {note.display_title}.")
        else:
            app.say("Thrown away.")
        app.drafts.forget(draft.key)
        app.call_after_refresh(offer_left_over, app)  # the next one, if any

    app.drafts.title.say(question)
    app.push_screen(ChooseScreen(question, choices, None), chosen)
