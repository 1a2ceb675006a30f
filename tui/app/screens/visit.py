"""Prepare for a visit: what to raise, prompts that help notice slow change, a summary."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.exporting import ask_and_export
from tui.app.screens.base import BaseScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import ReaderList, option
from tui.core import appointment, paths
from tui.core.models import NoteKind
from tui.core.service import display_time
from tui.core.text import end_sentence


class VisitScreen(BaseScreen):
    TITLE_TEXT = "Prepare for a visit"
    BINDINGS = bindings.VISIT

    def heading_text(self) -> str:
        return "Prepare for a visit. Enter on a note marks it raised; e exports a summary."

    def compose_body(self) -> ComposeResult:
        yield ReaderList(id="visit")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()
        visit = self.query_one(ReaderList)
        visit.highlight_id(None)
        visit.focus()

    def refresh_data(self) -> None:
        visit = self.query_one(ReaderList)
        keep = visit.highlighted_id()
        options: list[Option] = [Option(Text("To raise at my next visit", style="bold"), id="h1")]
        notes = appointment.to_raise(self.nav)
        options += [
            option(
                f"{n.kind.label}: {end_sentence(n.display_title)} "
                f"Written {display_time(n.created)}. Not raised yet.",
                f"raise:{n.id}",
            )
            for n in notes
        ]
        if not notes:
            options.append(
                option("Nothing yet. Write a note below, or give a note a kind.", "none")
            )
        options.append(Option(Text("Help noticing slow change", style="bold"), id="h2"))
        options += [
            option(f"Write about: {prompt}", f"prompt:{n}")
            for n, prompt in enumerate(self.nav.library.app.prompts)
        ]
        options.append(option("Write a question for my care team", "question"))
        raised = appointment.already_raised(self.nav)
        if raised:
            options.append(Option(Text("Already raised", style="bold"), id="h3"))
            options += [
                option(
                    f"{n.kind.label}: {end_sentence(n.display_title)} Raised. "
                    f"Answer: {n.answer or 'none noted'}.",
                    f"done:{n.id}",
                )
                for n in raised
            ]
        options.append(option("Export a short summary to a file (key e)", "export"))
        visit.set_options(options)
        saved = self.nav_app.take_just_saved() or ""
        visit.highlight_id(saved.replace("note:", "raise:") if saved else keep)

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        target = event.option.id or ""
        if target.startswith("raise:"):
            self._mark_raised(int(target.removeprefix("raise:")))
        elif target.startswith("done:"):
            self.nav_app.open_note(int(target.removeprefix("done:")))
        elif target.startswith("prompt:"):
            prompt = self.nav.library.app.prompts[int(target.removeprefix("prompt:"))]
            self.nav_app.open_note(None, kind=NoteKind.CHANGE, title=prompt)
        elif target == "question":
            self.nav_app.open_note(None, kind=NoteKind.QUESTION)
        elif target == "export":
            self.action_export()

    def action_open_note(self) -> None:
        target = self.query_one(ReaderList).highlighted_id() or ""
        if target.startswith(("raise:", "done:")):
            self.nav_app.open_note(int(target.split(":")[1]))

    def _mark_raised(self, note_id: int) -> None:
        note = self.nav.notes.get(note_id)

        def answered(answer: str | None) -> None:
            if answer is None:
                self.say("Not marked. It stays on the list to raise.")
                return
            done = self.attempt(lambda: self.nav.notes.mark_raised(note_id, True, answer))
            if done is not None:
                self.refresh_data()
                self.say(f"Saved: '{done.display_title}' is marked as raised.")

        self.app.push_screen(
            PromptScreen(
                f"Mark '{note.display_title}' as raised. What did the care team say? "
                "Type a word or two, or a dash if nothing",
                "Answer",
            ),
            answered,
        )

    def action_export(self) -> None:
        def payload(path: Path) -> bytes:
            markdown = path.suffix.lower() != ".txt"
            return appointment.summary(self.nav, markdown=markdown).encode()

        ask_and_export(
            self,
            "Export the summary. Name the file: .md for Markdown, .txt for plain text",
            str(paths.summary_file("md")),
            payload,
            "the summary",
        )
