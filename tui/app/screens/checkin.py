"""The check-in: one line a question ("Walking and balance: a little"), saved as you go.

Enter or Space on a question opens the scale on a screen of its own; a number (1 to
5, 0 to skip) answers at once, changing only that line, so the whole check-in takes
two keys a question (a number, then Down). Each answer is one write.

The highlight stays on the question answered. Measured with the reader harness:
after a number key Orca speaks only the text that changed ("some"), and Fenrir the
changed line; neither says a new cursor line after a printable key. Moving on by
itself left Orca users on the next question without hearing it, where a 3 meant
for the last question would answer this one. Down then reads the next question in
both. The status line is not changed by an answer: Orca reads everything from the
first changed line down to the cursor, and the status line is at the top.

What a screen change costs (issue 19; tests/test_speech_budget.py): Fenrir speaks
every line a new screen draws, so the screen is the heading, six questions in sight
(the list scrolls; fourteen lines of "not answered" alone were some 420 characters),
the question they answer, and the scale as the keys line. The questions come first,
the one in focus at the top of the list on arrival, so it is said right after the
heading; the days, what changed, the day and the reminder are lines after the
questions. "Each answer is saved as you go" is said by Help, with each number's
meaning.

The day is today unless the person chooses another; a day already checked in
opens again to be changed.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.long_list import LongList
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import option, plain
from tui.core import checkins
from tui.core.checkins import AREA_BY_ID, AREAS, LEVELS, NOT_ANSWERED, SKIP, Area, CheckIn
from tui.core.text import end_sentence, one_line, safe_for_terminal

REMIND_DAYS = (7, 14, 21, 28, 42, 56, 84)


class CheckInScreen(ListScreen):
    TITLE_TEXT = "Check-in"
    BINDINGS = bindings.CHECKIN
    LIST_ID = "checkin"
    LONG_LIST = True

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day or date.today()

    def heading_text(self) -> str:
        return f"Check-in for {checkins.day_words(self.day)}"

    def key_line(self) -> str:
        """The scale is the keys: "1 no trouble, 2 a little, …, 0 skip", then on a row
        of its own w and g (one row of both broke "My own words" at 80 columns)."""
        scale = ", ".join(f"{level.key} {level.words}" for level in LEVELS)
        return f"{scale}, 0 skip\n{super().key_line()}"

    def compose_body(self) -> ComposeResult:
        # The questions first, then what they answer: a reader hears the question in
        # focus right after the heading (it came after 306 characters under the intro).
        yield from super().compose_body()
        yield Static(plain(checkins.QUESTION), classes="intro hint")

    def _first_unanswered(self) -> str:
        """The line of the first question not answered on this day (or the first)."""
        current = self.nav.checkins.on(self.day)
        unanswered = [a for a in AREAS if current is None or a.id not in current.levels]
        return f"area:{(unanswered or AREAS)[0].id}"

    def on_mount(self) -> None:
        self.first_line = self._first_unanswered()
        super().on_mount()

    def _current(self) -> CheckIn | None:
        return self.nav.checkins.on(self.day)

    @staticmethod
    def _area_line(area: Area, current: CheckIn | None) -> str:
        return one_line(current.line(area)) if current else f"{area.label}: {NOT_ANSWERED}"

    def refresh_data(self) -> None:
        super().refresh_data()
        self.set_heading(self.heading_text())
        # The screen is drawn whole (arriving, or back from a question's scale): the
        # question in focus goes to the top of the list, said right after the heading.
        self.query_one(f"#{self.LIST_ID}", LongList).highlight_to_top()

    def options(self) -> list[Option]:
        current = self._current()
        days = end_sentence(
            one_line(current.days) if current and current.days else "not written yet"
        )
        every = checkins.every_words(self.nav.checkins.every_days())
        options = [option(self._area_line(a, current), f"area:{a.id}") for a in AREAS]
        others = current.other_lines() if current else []  # a later version's areas
        options += [option(one_line(line), f"other:{n}") for n, line in enumerate(others)]
        options += [
            option(f"What my days are like: {days} Enter to write.", "days"),
            option(
                f"See what changed over the months (key {self.key_of('checkin.changes')}).",
                "changes",
            ),
            option(f"Day: {checkins.day_words(self.day)}. Enter changes it.", "day"),
            option(f"Remind me to check in: {every}. Enter changes it.", "remind"),
        ]
        return options

    def _highlighted_area(self) -> Area | None:
        target = self.highlighted_line()
        return AREA_BY_ID.get(target.removeprefix("area:")) if target.startswith("area:") else None

    # -------------------------------------------------------------- answering
    def _save_level(self, area: Area, level_id: str | None, in_place: bool) -> None:
        """One answer, one write. ``in_place``: change the line alone (a number key);
        else the list is rebuilt on return from the scale."""
        level = None if level_id in (None, SKIP) else checkins.LEVEL_BY_ID[level_id or ""]
        words = {area.id: ""} if level is None else None  # skipping takes the words too
        saved = self.attempt(lambda: self.nav.checkins.record(self.day, {area.id: level}, words))
        if saved is None:
            return
        if in_place:  # the changed line says the answer: the status line stays as it is
            line = safe_for_terminal(self._area_line(area, saved))
            self.query_one(f"#{self.LIST_ID}", LongList).replace_text(f"area:{area.id}", line)
        else:
            self.land_on = f"area:{area.id}"
            self.say(f"Saved: {area.label}, {saved.answer(area)}.")

    def action_answer(self, number: int) -> None:
        area = self._highlighted_area()
        if area is None:
            self.say("Move to a question first: the numbers answer the highlighted one.")
            return
        level_id = SKIP if number == 0 else LEVELS[number - 1].id
        self._save_level(area, level_id, in_place=True)

    def action_choose(self) -> None:
        self.opened(self.highlighted_line())

    def opened(self, target: str) -> None:
        if target.startswith("area:"):
            self._ask_level(AREA_BY_ID[target.removeprefix("area:")])
        elif target == "day":
            self._ask_day()
        elif target == "days":
            self._ask_days()
        elif target == "changes":
            self.action_changes()
        elif target == "remind":
            self._ask_every()

    def _ask_level(self, area: Area) -> None:
        current = self._current()
        level = current.levels.get(area.id) if current else None
        choices = [(f"{lv.key}: {lv.words}", lv.id) for lv in LEVELS]
        choices.append(("0: skip it (no answer)", SKIP))

        def chosen(answer: tuple[bool, object] | None) -> None:
            if answer is None or not answer[0]:
                self.say(
                    f"Kept: {area.label}, {current.answer(area) if current else NOT_ANSWERED}."
                )
                return
            self._save_level(area, str(answer[1]), in_place=False)

        question = f"{area.label}: lately, how much has it gotten in the way of daily life?"
        self.app.push_screen(ChooseScreen(question, choices, level.id if level else None), chosen)

    def action_words(self) -> None:
        area = self._highlighted_area()
        if area is None:
            self.say(
                f"Move to a question first, then press {self.key_of('checkin.words')} "
                "to add your own words about it."
            )
            return
        current = self._current()

        def typed(text: str | None) -> None:
            if text is None:
                self.say("Nothing was changed.")
                return
            if self.attempt(lambda: self.nav.checkins.set_words(self.day, area, text)):
                self.land_on = f"area:{area.id}"
                self.refresh_data()
                self.say(f"Saved your words about {area.label}.")

        self.app.push_screen(
            PromptScreen(
                f"Your own words about {area.label}, if you like",
                "My words",
                current.words.get(area.id, "") if current else "",
            ),
            typed,
        )

    def _ask_days(self) -> None:
        current = self._current()

        def typed(text: str | None) -> None:
            if text is None:
                self.say("Nothing was changed.")
            elif self.attempt(lambda: self.nav.checkins.set_days(self.day, text)):
                self.land_on = "days"
                self.say("Saved what your days are like.")

        self.app.push_screen(
            PromptScreen(
                f"{checkins.DAYS_QUESTION} A sentence or two",
                "My days",
                current.days if current else "",
            ),
            typed,
        )

    def _ask_day(self) -> None:
        def typed(text: str | None) -> None:
            if text is None:
                self.say("The day stays the same.")
                return
            day = self.attempt(lambda: checkins.parse_day(text))
            if day is not None:
                self.day = day
                self.land_on = self._first_unanswered()  # ready to answer for that day
                known = self.nav.checkins.on(day)
                self.say(
                    f"This check-in is for {checkins.day_words(day)}"
                    + (": it was checked in before, so you can change it." if known else ".")
                )

        self.app.push_screen(
            PromptScreen(
                "Which day is this check-in for? Type a date like 2026-05-01, or today",
                "Day",
                self.day.isoformat(),
            ),
            typed,
        )

    def _ask_every(self) -> None:
        every = self.nav.checkins.every_days()
        choices = [(checkins.every_words(d), d) for d in REMIND_DAYS]

        def chosen(answer: tuple[bool, object] | None) -> None:
            if answer is None or not answer[0] or not isinstance(answer[1], int):
                return
            days = answer[1]
            if self.attempt(lambda: self.nav.checkins.set_every_days(days)) is not None:
                self.land_on = "remind"
                self.say(
                    f"Saved: the home screen will suggest a check-in {checkins.every_words(days)}."
                )

        self.app.push_screen(
            ChooseScreen("How often should the home screen suggest a check-in?", choices, every),
            chosen,
        )

    def action_changes(self) -> None:
        from tui.app.screens.changes import ChangesScreen

        self.app.push_screen(ChangesScreen())
