"""Drafts in the full-screen app: what is being typed reaches the disk within about a second.

Editors and prompts tell the ``DraftKeeper`` when their words change and when they
are saved or thrown away. A second after typing stops, the words are written to
the drafts file (tui/core/drafts.py) on a thread of its own, so a slow disk never
holds up a key. If the app is killed, the terminal closes or the power goes, the
next start offers them back (``offer_left_over``).
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from textual.timer import Timer

from tui.core.drafts import Draft, Drafts
from tui.core.store import SaveError
from tui.core.text import InputError

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp

#: Seconds after the last change before the words are written.
DRAFT_DELAY = 1.0


class DraftKeeper:
    def __init__(self, app: NavigatorApp) -> None:
        self._app = app
        self.drafts = Drafts(app.navigator.store.path)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spms-drafts")
        self._waiting: dict[str, tuple[Timer, dict[str, str], str]] = {}

    def typed(self, key: str, fields: dict[str, str], label: str) -> None:
        """The words under ``key`` changed: write them a moment after typing stops."""
        self._cancel(key)  # a read-only window keeps its drafts too, in a file of its own
        timer = self._app.set_timer(DRAFT_DELAY, lambda: self._write(key))
        self._waiting[key] = (timer, dict(fields), label)

    def done(self, key: str) -> None:
        """The words were saved, or thrown away on purpose: no draft is needed."""
        self._cancel(key)
        self._writer.submit(self._quietly, self.drafts.clear, key)

    def _cancel(self, key: str) -> None:
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            waiting[0].stop()

    def _write(self, key: str) -> None:
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            _timer, fields, label = waiting
            self._writer.submit(self._quietly, self.drafts.save, key, fields, label)

    @staticmethod
    def _quietly(write: object, *args: object) -> None:
        # A draft that cannot be written is not worth an error over what the person is
        # doing: the words are still on the screen, and saving them says if disk is full.
        with contextlib.suppress(OSError):
            write(*args)  # type: ignore[operator]

    def write_now(self) -> None:
        """Write every waiting draft at once and wait (the app is being stopped)."""
        for key in list(self._waiting):
            self._write(key)
        self.close()

    def close(self) -> None:
        self._writer.shutdown(wait=True)

    def left_over(self) -> list[Draft]:
        return self.drafts.left_over()

    def forget(self, key: str) -> None:
        """Throw away a left-over draft (the person said so)."""
        self._writer.submit(self._quietly, self.drafts.clear, key)


def offer_left_over(app: NavigatorApp) -> None:
    """At start: each draft a previous run left is offered back, one at a time."""
    from tui.app.screens.choose import ChooseScreen
    from tui.core.service import display_time

    if app.navigator.store.read_only:
        return  # the copy holding the lock offers them: it may be typing them now
    left = app.drafts.left_over()
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
        if answer is None or not answer[0]:
            app.say("Kept for later: it will be offered again next time the app starts.")
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

    app.push_screen(ChooseScreen(question, choices, None), chosen)
