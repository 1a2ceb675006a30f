"""Events: a fall, an infection, a relapse, a hospital stay, a hot day, newest first,
with how many of each since the last visit; a logs one in three short steps."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import ask_one
from tui.app.widgets import option, option_rows
from tui.core import wording
from tui.core.checkins import parse_day
from tui.core.events import BEEN, KINDS, kind_words
from tui.core.models import long_date

KIND_CHOICES: list[tuple[str, Hashable | None]] = [
    *((f"{'An' if kind.one[0] in 'aeiou' else 'A'} {kind.one}", kind.id) for kind in KINDS),
    ("Something else: I will name it", "other"),
]
DAY = "On which day? today, yesterday, a day's name or a date like 2026-05-01"


class EventsScreen(ListScreen):
    TITLE_TEXT = "Events"
    BINDINGS = bindings.EVENTS
    LIST_ID = "events"
    FOLLOWS_SAVED = True

    def heading_text(self) -> str:
        return "Events: falls, infections and the like, newest first"

    def options(self) -> list[Option]:
        add = self.key_of("events.add")
        options = [option(f"Log an event (key {add}).", "add")]
        last = self.nav.visits.last()
        since = last.day if last else None
        counts = self.nav.events.counts(since)
        if counts:
            after = f"Since my last visit on {long_date(since)}" if since else "In all"
            said = ", ".join(kind_words(kind, count) for kind, count in counts)
            options.append(option(f"{after}: {said}.", "counts", disabled=True))
        found = self.nav.events.all()
        options += [row for e in found for row in option_rows(e.sentence(), f"event:{e.id}")]
        undated = self.nav.events.undated_sentences()  # a later version's kind of date
        options += [option(s, f"undated:{n}") for n, s in enumerate(undated)]  # reachable
        if not found:
            options.append(option("No events yet.", "none", disabled=True))
        return options

    def opened(self, target: str) -> None:
        if target == "add":
            self.action_add_event()

    def action_add_event(self) -> None:
        def chosen(answer: tuple[bool, Hashable | None] | None) -> None:
            made, kind = answer or (False, None)
            if not made or not isinstance(kind, str):
                self.say("Nothing was logged.")
            elif kind == "other":
                self._ask("What happened? A word or two", "Kind", self._ask_day)
            else:
                self._ask_day(kind)

        self.app.push_screen(ChooseScreen("What happened?", KIND_CHOICES, None), chosen)

    def _ask(
        self,
        title: str,
        label: str,
        then: Callable[[str], None],
        value: str = "",
        optional: bool = False,
    ) -> None:
        ask_one(
            self, title, label, then, value=value, optional=optional, nothing="Nothing was logged."
        )

    def _ask_day(self, kind: str) -> None:
        def dated(day: str) -> None:
            if self.attempt(lambda: parse_day(day or "today", been=BEEN)) is None:
                return  # the status line says why, before the words are asked
            self._ask(
                "A word or two about it (empty to leave it out)",
                "Words",
                lambda words: self._log(kind, day, words),
                optional=True,
            )

        self._ask(DAY, "Day", dated, "today", optional=True)

    def _log(self, kind: str, day: str, words: str) -> None:
        event = self.attempt(lambda: self.nav.events.add(kind, day or "today", words))
        if event is not None:
            self.nav_app.just_saved = f"event:{event.id}"
            self.refresh_data()
            self.say(f"Logged: {event.sentence()}")

    def action_delete_event(self) -> None:
        target = self.highlighted_line()
        if not target.startswith("event:"):
            self.say("Move to an event to delete it.")
            return
        found = self.nav.events.get(int(target.removeprefix("event:")))

        self.delete_if_confirmed(
            wording.delete_event(found.sentence()),
            lambda: self.nav.events.delete(found.id),
            f"Deleted: {found.sentence()}",
        )
