"""Prepare for a visit: the summary for the care team, exported or printed, with the
name it carries (asked before the first print)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.app.exporting import ask_and_export
from tui.app.screens.ask_here import AskHere
from tui.app.screens.base import BaseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.core import appointment, paths, printing, summary_html
from tui.core.text import end_sentence


class SummaryActions(AskHere):
    """The keys of Prepare for a visit that make the summary: e exports, r prints."""

    def _ask_name(self, then: Callable[[], None] | None = None) -> None:
        """Ask for the name on the summary; an empty answer is kept as "no name" (asked)."""

        def typed(text: str | None) -> None:
            # Empty and Escape look the same here: both mean no name. Printing still
            # asks "Print it?" after, so Escape never prints by surprise.
            value = (text or "").strip()
            if self.attempt(lambda: self.nav.set_setting("my_name", value)) is not None:
                self.refresh_data()  # the name's line says it
                self.say(
                    end_sentence(f"Saved: the summary says {value}") if value else "Saved: no name."
                )
                if then is not None:
                    self._ask_born(then)

        current = str(self.nav.setting("my_name") or "")
        question = "Your name, for the summary (leave it empty for none)"
        if then is not None:
            question = (
                "Before the first print: your name, so the care team knows whose summary "
                "it is (leave it empty for none)"
            )
        self.ask_here(question, "Name", current, typed)

    def _ask_born(self, then: Callable[[], None]) -> None:
        def typed(text: str | None) -> None:
            if text:
                born = self.attempt(lambda: appointment.parse_birth_date(text))
                if born is None:
                    return  # the sentence says how to type it; print again to retry
                self.attempt(lambda: self.nav.set_setting("date_of_birth", born.isoformat()))
            then()

        current = str(self.nav.setting("date_of_birth") or "")
        self.ask_here(
            "Your date of birth, if you want it on the summary, like 1961-03-14 "
            "(leave it empty for none)",
            "Born",
            current,
            typed,
        )

    def action_export(self) -> None:
        def payload(path: Path) -> bytes:
            if path.suffix.lower() in (".html", ".htm"):
                return summary_html.summary(self.nav).encode()
            markdown = path.suffix.lower() != ".txt"
            return appointment.summary(self.nav, markdown=markdown).encode()

        ask_and_export(
            self,
            "Export the summary. Name the file: .md for Markdown, .txt for plain text, "
            ".html for a page to email",
            str(paths.summary_file("md")),
            payload,
            "the summary",
            ask=self.ask_here,  # above the list: the result is then one line
        )

    def action_print_summary(self) -> None:
        """Print; before the first print, ask the name (and date of birth) to put on it."""
        if appointment.name_asked(self.nav):
            print_job(self, printing.plan(self.nav))
        else:
            self._ask_name(then=lambda: print_job(self, printing.plan(self.nav)))


def print_job(screen: BaseScreen, job: printing.PrintJob) -> None:
    """Say what will be printed and ask; where there is no printer, save it instead."""
    if job.command is None:
        path = screen.attempt(lambda: printing.save_instead(job))
        if path is not None:
            screen.say(f"{job.description()} Saved it instead, readable by you only, to {path}.")
        return

    def answered(yes: bool | None) -> None:
        if not yes:
            screen.say("Nothing was printed.")
        elif (sent := screen.attempt(lambda: printing.send(job))) is not None:
            screen.say(sent)

    screen.app.push_screen(
        ConfirmScreen(f"{job.description()} Print it?", "Print it", "No, do not print"),
        answered,
    )
