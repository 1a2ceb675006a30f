"""What changed between check-ins: one line an area, the words first, then a quiet chart.

Each area's line says its answers in words ("Walking and balance: a little in June,
a lot now: harder.") and ends with bars of "!" for the eye, which screen readers
leave unspoken (see core/changes.py). Areas that changed come first.

The summary ("3 areas harder.") is the first line and has focus, then that this is the
person's own record, not a diagnosis, then the areas; which check-ins were compared, the
choice of what to compare with and the chart come after them. Seven rows are in sight
(the list scrolls): Fenrir reads every line a new screen draws, and the whole report was
some 1,000 characters (issue 19), with the summary after 213.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.widgets import option, option_rows
from tui.core.changes import NOT_A_DIAGNOSIS, Changes, Since, compare, parse_since
from tui.core.models import long_date

DEFAULT_WORDS = "about 3, 6 and 12 months before"


class ChangesScreen(ListScreen):
    TITLE_TEXT = "What changed"
    BINDINGS = bindings.CHANGES
    LIST_ID = "changes"
    LONG_LIST = True
    first_line = "summary"

    def __init__(self, since: Since | None = None) -> None:
        super().__init__()
        self.since = since
        #: The choice made on the "Compare with" screen (None: the default points).
        self.since_choice: object = since.day.isoformat() if since and since.day else None

    def heading_text(self) -> str:
        return "What changed in my check-ins"

    def options(self) -> list[Option]:
        found = compare(self.nav.checkins.all(), self.since)
        words = self.since.words if self.since else DEFAULT_WORDS
        return [
            # The point first: the summary has focus, said right after the heading.
            *option_rows(found.summary(), "summary"),
            *option_rows(NOT_A_DIAGNOSIS, "not-a-diagnosis"),
            *(self._areas(found) if found.points else []),
            *option_rows(f"Compare with: {words}. Enter or s changes it.", "since"),
            *(self._chart(found) if found.points else []),
            option(f"Check in now (key {self.key_of('app.checkin')}).", "checkin"),
        ]

    @staticmethod
    def _areas(found: Changes) -> list[Option]:
        """Each area in words, changed ones first, then which check-ins were compared."""
        options: list[Option] = []
        for title, group in (("Changed", found.changed), ("The same", found.unchanged)):
            if group:
                options.append(Option(Text(title, style="bold"), id=f"h-{title}", disabled=True))
                for area in group:
                    options += option_rows(area.words(), f"area:{area.area.id}")
        if found.not_compared:
            names = ", ".join(a.area.label for a in found.not_compared)
            options += option_rows(
                f"Not answered in both, so not compared: {names}.", "not-compared"
            )
        return options + option_rows(found.compared_with(), "compared")

    @staticmethod
    def _chart(found: Changes) -> list[Option]:
        chart = found.chart()
        if not chart:
            return []
        return [
            *option_rows(chart[0], "chart-key"),
            *[option(line, f"chart:{n}") for n, line in enumerate(chart[1:])],
        ]

    def opened(self, target: str) -> None:
        if target == "since":
            self.action_since()
        elif target == "checkin":
            self.nav_app.action_go("checkin")

    def action_since(self) -> None:
        choices: list[tuple[str, object]] = [
            (f"The check-ins nearest {DEFAULT_WORDS}", None),
            ("About 3 months before", "3m"),
            ("About 6 months before", "6m"),
            ("About a year before", "1y"),
        ]
        last = self.nav.visits.last()
        if last is not None:
            choices.append((f"My last visit, {long_date(last.day)}", last.day.isoformat()))

        def chosen(answer: tuple[bool, object] | None) -> None:
            if answer is None or not answer[0]:
                return
            value = self.since_choice = answer[1]
            if value is None:
                self.since = None
            elif last is not None and value == last.day.isoformat():
                self.since = Since(
                    day=last.day, words=f"around my last visit on {long_date(last.day)}"
                )
            else:
                self.since = parse_since(str(value))
            self.say(f"Comparing with {self.since.words if self.since else DEFAULT_WORDS}.")

        self.app.push_screen(
            ChooseScreen(
                "Compare your latest check-in with which check-ins?", choices, self.since_choice
            ),
            chosen,
        )
