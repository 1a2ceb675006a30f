"""Prepare for a visit: what to raise, prompts that help notice slow change, a summary."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.base import BaseScreen
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.visit_summary import SummaryActions
from tui.app.screens.visits import ask_for_a_new_visit, edit_answer
from tui.app.widgets import option, option_rows, plain
from tui.core import appointment, wording
from tui.core.changes import Since
from tui.core.models import Note, NoteKind, display_day, long_date
from tui.core.text import end_sentence, one_line
from tui.core.visits import Visit


class VisitScreen(SummaryActions, ListScreen):
    TITLE_TEXT = "Prepare for a visit"
    BINDINGS = bindings.VISIT
    LIST_ID = "visit"
    FOLLOWS_SAVED = True

    def __init__(self) -> None:
        super().__init__()
        #: Notes raised on this screen since it was last built anew (see _notes_to_show).
        self._raised_here: set[int] = set()
        #: The prompts that help notice slow change are shown, one line each.
        self._prompts_shown = False

    def heading_text(self) -> str:
        return "Prepare for a visit"

    def compose_body(self) -> ComposeResult:
        # What the care team said about a note, asked on this screen rather than on a
        # screen of its own: coming back from a whole screen, every line was read again
        # (1,381 characters) for a result of one line.
        yield from self.compose_ask()
        yield from super().compose_body()

    def _top_lines(self) -> list[Option]:
        """The next visit, and what changed in the check-ins since the last one."""
        upcoming = self.nav.visits.next()
        if upcoming is not None:
            lines = [option(upcoming.sentence(self.nav.people), "next")]
        else:
            lines = [option("Next visit: not planned yet. Enter adds its day.", "next")]
        heading, items = appointment.last_time(self.nav)
        last = self.nav.visits.last()
        if heading and last is not None:
            left_open = sum("Left open" in item for item in items)
            if items:
                said = f"{len(items)} raised, {left_open} left open."
            else:
                said = "nothing noted as raised."
            # The day alone: who it was with is on the visit itself (Enter), and a line
            # that wraps costs a reader its end (issue 19).
            lines.append(option(f"Last visit, {long_date(last.day)}: {said}", "last"))
        if self.nav.checkins.latest() is not None:
            heading, changes = appointment.changes_since_last_visit(self.nav)
            lines.append(option(f"{heading}: {changes.summary()}", "changes"))
        else:
            lines.append(
                option(
                    f"Check in to keep track of changes. Key {self.key_of('app.checkin')}.",
                    "checkin",
                )
            )
        if records := appointment.records_in_brief(self.nav):
            lines += option_rows(records, "medicines")
        return lines

    def options(self) -> list[Option]:
        """One short line an item, so arriving costs a reader little (issue 19): the
        prompts are one line until Enter shows them, the keys are named in the lines."""
        options = self._top_lines()
        notes = self._notes_to_show()
        if notes:
            options.append(option("To raise at my next visit", "h1", disabled=True))
        else:
            options.append(option("To raise at my next visit: nothing yet.", "h1", disabled=True))
        for note in notes:
            if note.raised:  # raised here a moment ago: its line says so, in its place
                said = wording.raised_line(note.kind.label, note.display_title, note.answer)
                options += option_rows(said, f"done:{note.id}")
                continue
            said = f"{note.kind.label}: {end_sentence(note.display_title)} "
            options += option_rows(
                f"{said}{display_day(note.created)}. Not raised yet.", f"raise:{note.id}"
            )
        options.append(option("Write a question for my care team", "question"))
        # What a visit needs most comes first: the list shows eight rows at a time
        # (app.tcss), so that arriving here costs a reader about 400 characters.
        options += [
            option(f"Export the summary. Key {self.key_of('visit.export')}.", "export"),
            option(f"Print the summary. Key {self.key_of('visit.print')}.", "print"),
        ]
        options += self._prompt_lines()
        raised = [
            n
            for n in self.nav.visits.raised_elsewhere()
            if n.kind in appointment.APPOINTMENT_KINDS and n.id not in self._raised_here
        ]
        if raised:
            options.append(option("Already raised, at no visit on record", "h3", disabled=True))
            options += [
                option(wording.raised_line(n.kind.label, n.display_title, n.answer), f"done:{n.id}")
                for n in raised
            ]
        name = one_line(str(self.nav.setting("my_name") or "")) or "not given"
        options += [
            option(f"My visits, past and planned. Key {self.key_of('visit.visits')}.", "visits"),
            option(end_sentence(f"My name on the summary: {name}"), "name"),
        ]
        return options

    def _notes_to_show(self) -> list[Note]:
        """The notes still to raise, and those raised on this screen a moment ago (kept
        in their place until the list is built anew, so a reader hears one line change)."""
        return [
            n
            for n in self.nav.notes.all()
            if n.kind in appointment.APPOINTMENT_KINDS
            and (not n.raised or n.id in self._raised_here)
        ]

    def _prompt_lines(self) -> list[Option]:
        """The prompts that help notice slow change: one line that says how many, and
        the prompts themselves below it once Enter shows them (seven lines would be read
        out on every arrival)."""
        prompts = self.nav.library.app.prompts
        open_prompts = set(appointment.unanswered_prompts(self.nav))
        if not self._prompts_shown:
            written = sum(prompt not in open_prompts for prompt in prompts)
            done = f", {written} written about" if written else ""
            return [
                option(
                    f"Help noticing slow change: {len(prompts)} questions{done}. Enter shows them.",
                    "prompts",
                )
            ]
        lines = [
            option(
                f"Help noticing slow change: Enter hides the {len(prompts)} questions.", "prompts"
            )
        ]
        for n, prompt in enumerate(prompts):
            said = (
                f"Write about: {prompt}" if prompt in open_prompts else f"Written about: {prompt}"
            )
            lines += option_rows(said, f"prompt:{n}")
        return lines

    def _toggle_prompts(self) -> None:
        self._prompts_shown = not self._prompts_shown
        self.refresh_data()

    def key_line(self) -> str:
        """Open note and Back on the list, when a note is listed (the other keys are
        named in the list's lines): keys that would do nothing cost a reader time on
        every arrival. Both, so raising a note does not change this line as well."""
        listed = self._notes_to_show() or [
            n for n in self.nav.visits.raised_elsewhere() if n.kind in appointment.APPOINTMENT_KINDS
        ]
        return super().key_line() if listed else ""

    def refresh_data(self) -> None:
        super().refresh_data()
        own = self.key_line()
        keys = self.query_one("#own-keys", Static)
        if str(keys.render()) != own:
            keys.update(plain(own))
            keys.set_class(not own, "-none")

    def on_screen_suspend(self) -> None:
        """Leaving: next time, the list is built anew (raised notes in their places,
        the prompts one line again)."""
        super().on_screen_suspend()
        self._raised_here.clear()
        self._prompts_shown = False

    def saved_line(self, saved_id: str) -> str:
        """A note just written here is on the list to raise."""
        return saved_id.replace("note:", "raise:")

    def opened(self, target: str) -> None:
        if target.startswith("raise:"):
            self._mark_raised(int(target.removeprefix("raise:")))
        elif target.startswith("done:"):
            edit_answer(self, int(target.removeprefix("done:")))
        elif target.startswith("prompt:"):
            prompt = self.nav.library.app.prompts[int(target.removeprefix("prompt:"))]
            kind = appointment.prompt_kind(self.nav, prompt)
            self.nav_app.open_note(None, kind=kind, title=prompt)
        elif target == "prompts":
            self._toggle_prompts()
        elif target == "question":
            self.nav_app.open_note(None, kind=NoteKind.QUESTION)
        else:
            actions: dict[str, Callable[[], None]] = {
                "export": self.action_export,
                "print": self.action_print_summary,
                "visits": self.action_visits,
                "name": self._ask_name,
                "next": self._next_visit,
                "changes": self._show_changes,
                "last": self._last_visit,
                "checkin": lambda: self.nav_app.action_go("checkin"),
                "medicines": lambda: self.nav_app.action_go("medicines"),
            }
            if target in actions:
                actions[target]()

    def action_open_note(self) -> None:
        target = self.highlighted_line()
        if target.startswith(("raise:", "done:")):
            self.nav_app.open_note(int(target.split(":")[1]))

    def action_visits(self) -> None:
        self.nav_app.action_go("visits")

    def _next_visit(self) -> None:
        upcoming = self.nav.visits.next()
        if upcoming is not None:
            self.nav_app.open_visit(upcoming.id)
        else:
            ask_for_a_new_visit(self, lambda v: self.nav_app.open_visit(v.id, added=True))

    def _last_visit(self) -> None:
        last = self.nav.visits.last()
        if last is not None:
            self.nav_app.open_visit(last.id)

    def _show_changes(self) -> None:
        from tui.app.screens.changes import ChangesScreen

        last = self.nav.visits.last()
        words = f"around my last visit on {long_date(last.day)}" if last else ""
        self.app.push_screen(ChangesScreen(Since(day=last.day, words=words) if last else None))

    def _mark_raised(self, note_id: int) -> None:
        """Ask which visit when more than one is planned, then what the care team said."""
        note = self.nav.notes.get(note_id)
        choices = self.nav.visits.raise_choices(note)
        if len(choices) <= 1:
            self._ask_answer(note_id, choices[0] if choices else None)
            return

        def chosen(answer: tuple[bool, object] | None) -> None:
            if answer is None or not answer[0] or not isinstance(answer[1], int):
                self.say(wording.NOT_MARKED)
                return
            self._ask_answer(note_id, self.nav.visits.get(answer[1]))

        self.app.push_screen(
            ChooseScreen(
                wording.which_visit(one_line(note.display_title), len(choices)),
                [(v.title(self.nav.people), v.id) for v in choices],
                choices[0].id,
            ),
            chosen,
        )

    def _ask_answer(self, note_id: int, target: Visit | None) -> None:
        """Ask what the care team said, above the list; then the note's line says it."""
        note = self.nav.notes.get(note_id)
        mark = end_sentence(f"Mark '{note.display_title}' as raised{_at(self, target)}")

        def answered(answer: str | None) -> None:
            if answer is None:
                self.say(wording.NOT_MARKED)
                return
            visit_id = target.id if target else None
            done = self.attempt(lambda: self.nav.visits.raise_note(note_id, answer, visit_id))
            if done is not None:
                # The note's line says "Raised" in its place: the one line that changed.
                self._raised_here.add(note_id)
                self.land_on = f"done:{note_id}"
                self.refresh_data()
                title = done[0].display_title
                self.say(end_sentence(f"Saved: '{title}' is marked as raised{_at(self, target)}"))

        self.ask_here(
            f"{mark} What did the care team say? A word or two, or a dash if nothing",
            "The care team said",
            note.answer,
            answered,
            draft=f"an answer to: {mark}",
        )

    def action_unraise(self) -> None:
        target = self.highlighted_line()
        if not target.startswith("done:"):
            self.say("Move to a raised note to put it back on the list.")
            return
        note = self.attempt(lambda: self.nav.notes.unraise(int(target.removeprefix("done:"))))
        if note is not None:
            self._raised_here.discard(note.id)
            self.refresh_data()
            self.lines.highlight_id(f"raise:{note.id}")
            self.say(f"Saved: '{note.display_title}' is back on the list for your next visit.")


def _at(screen: BaseScreen, target: Visit | None) -> str:
    return f" at your visit on {target.title(screen.nav.people)}" if target else ""
