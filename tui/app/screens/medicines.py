"""My medicines: one a row with its dose; the focused one's latest change in a line
under the list; Enter records a change, a adds one.

Every change asks what changed, then the new words, then the day (today unless
typed), so the summary can say "Dose changed from 10 mg to 20 mg on 2 May 2026".
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import ask_one
from tui.app.widgets import TextLine, item_of, option, option_rows
from tui.core import wording
from tui.core.days import long_date
from tui.core.medicines import Medicine, medicine_day
from tui.core.text import one_line

CHANGES: list[tuple[str, Hashable | None]] = [
    ("A new dose", "dose"),
    ("A new time to take it", "when"),
    ("A new reason to take it", "why"),
    ("An effect I noticed", "effects"),
    ("I stopped it", "stop"),
]
QUESTIONS = {
    "dose": ("The new dose", "Dose"),
    "when": ("When you take it now", "When"),
    "why": ("What it is for now", "Why"),
    "effects": ("What did you notice", "Effects"),
}
DAY = "On which day? today, yesterday, a day's name or a date like 2026-05-01"


def latest_change(medicine: Medicine) -> str:
    """'baclofen: Dose changed from 10 mg to 20 mg on 2 May 2026.', the line under the
    list for the focused medicine; '' when its latest step is its start, which its row
    says already. Being added to the list says only the day: the row has the dose."""
    last = medicine.changes[-1] if medicine.changes else None
    if last is None or last.what == "started":
        return ""
    words = f"Added to my list on {long_date(last.day)}." if last.what == "added" else last.words()
    return f"{one_line(medicine.name)}: {words}"


def _number(target: str) -> int:
    """The medicine's number from its line's id, 'med:3'."""
    return int(target.removeprefix("med:"))


class MedicinesScreen(ListScreen):
    TITLE_TEXT = "My medicines"
    BINDINGS = bindings.MEDICINES
    LIST_ID = "medicines"
    FOLLOWS_SAVED = True

    #: The line under the list for each medicine's row id ('med:3'), made with the rows.
    _latest: dict[str, str]

    def heading_text(self) -> str:
        return "My medicines, current first"

    def compose_body(self) -> ComposeResult:
        yield from super().compose_body()
        # The focused medicine's latest change, one line that follows the highlight:
        # each row saying its own filled the screen, and a reader said it all.
        yield TextLine(id="latest", classes="intro")

    def options(self) -> list[Option]:
        found = self.nav.medicines.all()
        self._latest = {f"med:{m.id}": latest_change(m) for m in found}
        options = [row for m in found for row in option_rows(m.sentence(), f"med:{m.id}")]
        if not found:
            options.append(option("No medicines yet.", "none", disabled=True))
        add = self.key_of("medicines.add")
        options.append(option(f"Add a medicine (key {add}).", "add"))
        return options

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        latest = self._latest.get(item_of(event.option.id or ""), "")
        self.query_one("#latest", TextLine).show(latest)

    def opened(self, target: str) -> None:
        if target.startswith("med:"):
            self._change(self.nav.medicines.get(_number(target)))
        elif target == "add":
            self.action_add_medicine()

    def _ask(
        self,
        title: str,
        label: str,
        then: Callable[[str], None],
        value: str = "",
        optional: bool = False,
    ) -> None:
        ask_one(
            self, title, label, then, value=value, optional=optional, nothing="Nothing was changed."
        )

    def _saved(self, medicine: Medicine | None, said: str) -> None:
        if medicine is not None:
            self.nav_app.just_saved = f"med:{medicine.id}"
            self.refresh_data()
            self.say(said)

    def action_add_medicine(self) -> None:
        def named(name: str) -> None:
            dose = "The dose, such as 10 mg (empty to leave it out)"
            self._ask(dose, "Dose", dosed(name), optional=True)

        def dosed(name: str) -> Callable[[str], None]:
            def started(dose: str) -> None:
                self._ask(
                    "The day you started (empty if you do not know)",
                    "Started",
                    lambda day: self._add(name, dose, day),
                    optional=True,
                )

            return started

        self._ask("The medicine's name", "Name", named)

    def _add(self, name: str, dose: str, day: str) -> None:
        added = self.attempt(lambda: self.nav.medicines.add(name, dose, started=day or None))
        if added is not None:
            self._saved(added, f"Saved: {added.sentence()}")

    def _change(self, medicine: Medicine) -> None:
        def chosen(answer: tuple[bool, Hashable | None] | None) -> None:
            made, what = answer or (False, None)
            if not made:
                self.say("Nothing was changed.")
            elif what == "stop":
                self._ask(DAY, "Day", lambda day: self._stop(medicine, day), "today", True)
            elif isinstance(what, str):
                title, label = QUESTIONS[what]
                self._ask(title, label, lambda words: self._ask_day(medicine, what, words))

        self.app.push_screen(
            ChooseScreen(f"What changed for {medicine.name}?", CHANGES, None), chosen
        )

    def _ask_day(self, medicine: Medicine, what: str, words: str) -> None:
        def dated(day: str) -> None:
            given = {key: words if key == what else None for key in QUESTIONS}
            changed = self.attempt(
                lambda: self.nav.medicines.change(
                    medicine.id, given["dose"], given["when"], given["why"], given["effects"],
                    medicine_day(day or "today"),
                )
            )  # fmt: skip
            if changed is not None:
                self._saved(changed, f"Saved: {changed.changes[-1].words()}")

        self._ask(DAY, "Day", dated, "today", optional=True)

    def _stop(self, medicine: Medicine, day: str) -> None:
        stopped = self.attempt(lambda: self.nav.medicines.stop(medicine.id, day or "today"))
        if stopped is not None:
            self._saved(stopped, f"Saved: {stopped.name}. {stopped.changes[-1].words()}")

    def action_delete_medicine(self) -> None:
        target = self.highlighted_line()
        if not target.startswith("med:"):
            self.say("Move to a medicine to delete it.")
            return
        found = self.nav.medicines.get(_number(target))

        self.delete_if_confirmed(
            f"{wording.delete_medicine(found.name)} This is for one added by mistake. "
            "To record that you stopped it, choose No, then press Enter on it.",
            lambda: self.nav.medicines.delete(found.id),
            f"Deleted {found.name} and its changes.",
        )
