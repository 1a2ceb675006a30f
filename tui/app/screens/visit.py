"""Prepare for a visit: what to raise, prompts that help notice slow change, a summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.exporting import ask_and_export
from tui.app.screens.base import BaseScreen
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.screens.visits import ask_for_a_new_visit, edit_answer
from tui.app.widgets import option, option_rows
from tui.core import appointment, paths, printing, summary_html, wording
from tui.core.changes import Since
from tui.core.models import NoteKind, display_day, long_date
from tui.core.text import end_sentence, one_line
from tui.core.visits import Visit


class VisitScreen(ListScreen):
    TITLE_TEXT = "Prepare for a visit"
    BINDINGS = bindings.VISIT
    LIST_ID = "visit"
    FOLLOWS_SAVED = True

    def heading_text(self) -> str:
        return "Prepare for a visit"

    def _top_lines(self) -> list[Option]:
        """The next visit, and what changed in the check-ins since the last one."""
        upcoming = self.nav.visits.next()
        if upcoming is not None:
            lines = [option(upcoming.sentence(self.nav.people), "next")]
        else:
            lines = [option("Next visit: not planned yet. Enter adds its day.", "next")]
        heading, items = appointment.last_time(self.nav)
        if heading:
            left_open = sum("Left open" in item for item in items)
            if items:
                said = f"{len(items)} raised, {left_open} left open."
            else:
                said = "nothing noted as raised."
            lines.append(option(f"{heading}: {said}", "last"))
        if self.nav.checkins.latest() is not None:
            heading, changes = appointment.changes_since_last_visit(self.nav)
            lines.append(option(f"{heading}: {changes.summary()}", "changes"))
        else:
            lines.append(
                option(
                    f"Check in to keep track of changes (key {self.key_of('app.checkin')}).",
                    "checkin",
                )
            )
        if records := appointment.records_in_brief(self.nav):
            lines += option_rows(records, "medicines")
        return lines

    def options(self) -> list[Option]:
        options = self._top_lines()
        options.append(Option(Text("To raise at my next visit", style="bold"), id="h1"))
        notes = appointment.to_raise(self.nav)
        for note in notes:
            said = f"{note.kind.label}: {end_sentence(note.display_title)} "
            options += option_rows(
                f"{said}{display_day(note.created)}. Not raised yet.", f"raise:{note.id}"
            )
        if not notes:
            options.append(
                option("Nothing yet. Write a note below, or give a note a kind.", "none")
            )
        options.append(Option(Text("Help noticing slow change", style="bold"), id="h2"))
        open_prompts = set(appointment.unanswered_prompts(self.nav))
        for n, prompt in enumerate(self.nav.library.app.prompts):
            said = (
                f"Write about: {prompt}" if prompt in open_prompts else f"Written about: {prompt}"
            )
            options += option_rows(said, f"prompt:{n}")
        options.append(option("Write a question for my care team", "question"))
        raised = self.nav.visits.raised_elsewhere()
        if raised:
            options.append(
                Option(Text("Already raised, at no visit on record", style="bold"), id="h3")
            )
            options += [
                option(
                    wording.raised_line(n.kind.label, n.display_title, n.answer),
                    f"done:{n.id}",
                )
                for n in raised
                if n.kind in appointment.APPOINTMENT_KINDS
            ]
        name = one_line(str(self.nav.setting("my_name") or "")) or "not given"
        options += [
            option(
                "My visits: past and planned, and what was raised at each "
                f"(key {self.key_of('visit.visits')}).",
                "visits",
            ),
            option(f"{end_sentence(f'My name on the summary: {name}')} Enter changes it.", "name"),
            option(
                f"Export a short summary to a file (key {self.key_of('visit.export')})",
                "export",
            ),
            option(f"Print the summary (key {self.key_of('visit.print')})", "print"),
        ]
        return options

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
        note = self.nav.notes.get(note_id)
        at = f" at your visit on {target.title(self.nav.people)}" if target else ""

        def answered(answer: str | None) -> None:
            if answer is None:
                self.say(wording.NOT_MARKED)
                return
            visit_id = target.id if target else None
            done = self.attempt(lambda: self.nav.visits.raise_note(note_id, answer, visit_id))
            if done is not None:
                self.refresh_data()
                self.say(end_sentence(f"Saved: '{done[0].display_title}' is marked as raised{at}"))

        mark = end_sentence(f"Mark '{note.display_title}' as raised{at}")
        self.app.push_screen(
            PromptScreen(
                f"{mark} What did the care team say? Type a word or two, or a dash if nothing",
                "Answer",
                note.answer,
            ),
            answered,
        )

    def action_unraise(self) -> None:
        target = self.highlighted_line()
        if not target.startswith("done:"):
            self.say("Move to a raised note to put it back on the list.")
            return
        note = self.attempt(lambda: self.nav.notes.unraise(int(target.removeprefix("done:"))))
        if note is not None:
            self.refresh_data()
            self.lines.highlight_id(f"raise:{note.id}")
            self.say(f"Saved: '{note.display_title}' is back on the list for your next visit.")

    def _ask_name(self, then: Callable[[], None] | None = None) -> None:
        """Ask for the name on the summary; an empty answer is kept as "no name" (asked)."""

        def typed(text: str | None) -> None:
            # Empty and Escape look the same here: both mean no name. Printing still
            # asks "Print it?" after, so Escape never prints by surprise.
            value = (text or "").strip()
            if self.attempt(lambda: self.nav.set_setting("my_name", value)) is not None:
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
        self.app.push_screen(PromptScreen(question, "Name", current), typed)

    def _ask_born(self, then: Callable[[], None]) -> None:
        def typed(text: str | None) -> None:
            if text:
                born = self.attempt(lambda: appointment.parse_birth_date(text))
                if born is None:
                    return  # the sentence says how to type it; print again to retry
                self.attempt(lambda: self.nav.set_setting("date_of_birth", born.isoformat()))
            then()

        current = str(self.nav.setting("date_of_birth") or "")
        self.app.push_screen(
            PromptScreen(
                "Your date of birth, if you want it on the summary, like 1961-03-14 "
                "(leave it empty for none)",
                "Born",
                current,
            ),
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
