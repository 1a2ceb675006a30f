"""My visits: every visit, planned ones first, each with how many notes were raised at it."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.base import BaseScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import option
from tui.core import wording
from tui.core.checkins import parse_day
from tui.core.visits import Visit


def visit_line(screen: BaseScreen, visit: Visit) -> str:
    """'Visit on 2 May 2026 with Dr Lee. Why: check-up. 2 notes raised.'"""
    raised = len(screen.nav.visits.raised_at(visit.id))
    notes = f" {raised} {'note' if raised == 1 else 'notes'} raised." if raised else ""
    return visit.sentence(screen.nav.people) + notes


def ask_for_a_new_visit(screen: BaseScreen, then: Callable[[Visit], None]) -> None:
    """Ask the day, add the visit (one write), then hand it on (to open it, say)."""

    def typed(text: str | None) -> None:
        if text is None:
            screen.say("No visit was added.")
            return
        day = screen.attempt(lambda: parse_day(text, future=True))
        if day is None:
            return
        visit = screen.attempt(lambda: screen.nav.visits.add(day))
        if visit is not None:
            then(visit)

    screen.app.push_screen(
        PromptScreen("When is or was the visit? Type a date like 2026-06-12, or today", "Day"),
        typed,
    )


def edit_answer(screen: BaseScreen, note_id: int) -> None:
    """Ask what the care team said about a raised note, and save it (one write)."""
    note = screen.nav.notes.get(note_id)

    def typed(text: str | None) -> None:
        if text is None:
            screen.say("The answer stays as it was.")
        elif screen.attempt(lambda: screen.nav.notes.set_answer(note_id, text)) is not None:
            screen.say(f"Saved the answer to '{note.display_title}'.")

    screen.app.push_screen(
        PromptScreen(
            f"What did the care team say about '{note.display_title}'", "Answer", note.answer
        ),
        typed,
    )


class VisitsScreen(ListScreen):
    TITLE_TEXT = "My visits"
    BINDINGS = bindings.VISITS
    LIST_ID = "visits"
    FOLLOWS_SAVED = True

    def heading_text(self) -> str:
        return "My visits, newest first"

    def options(self) -> list[Option]:
        found = self.nav.visits.all()
        options: list[Option] = [option(visit_line(self, v), f"visit:{v.id}") for v in found]
        undated = self.nav.visits.undated_sentences()  # a later version's kind of date
        options += [option(s, f"undated:{n}") for n, s in enumerate(undated)]  # reachable
        if not found:
            options.append(option("No visits yet.", "none", disabled=True))
        options.append(
            option(f"Add a visit, past or planned (key {self.key_of('visits.add')}).", "add")
        )
        return options

    def opened(self, target: str) -> None:
        if target.startswith("visit:"):
            self.nav_app.open_visit(int(target.removeprefix("visit:")))
        elif target == "add":
            self.action_add_visit()

    def action_add_visit(self) -> None:
        def added(visit: Visit) -> None:
            self.nav_app.just_saved = f"visit:{visit.id}"
            self.nav_app.open_visit(visit.id, added=True)

        ask_for_a_new_visit(self, added)

    def action_delete_visit(self) -> None:
        target = self.highlighted_line()
        if not target.startswith("visit:"):
            self.say("Move to a visit to delete it.")
            return
        visit = self.nav.visits.get(int(target.removeprefix("visit:")))

        self.delete_if_confirmed(
            wording.delete_visit(visit.title(self.nav.people)),
            lambda: self.nav.visits.delete(visit.id),
            wording.VISIT_DELETED,
        )
