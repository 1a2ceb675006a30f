"""Issue 20, the care-team loop: what the person writes reaches the doctor under the
right heading, and what the doctor said comes back. Driven as a person would: the
full-screen app through Pilot, the plain mode from typed lines, the real command."""

from __future__ import annotations

from pathlib import Path

from tests.pilot_helpers import option_texts, running_app
from tests.process import cli, saved
from tests.test_plain_mode import run_plain
from tui.app.fields import ChoiceField
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.widgets import ReaderList
from tui.core import appointment
from tui.core.models import NoteKind

WORRY = "What worries you about your treatment?"
QUESTIONS = "What questions do you have about your illness or your treatment?"
HARDER = "Compared with a few months ago, what is harder now?"


# ------------------------------------------------------------ 1. kinds everywhere
def test_plain_mode_files_each_prompt_under_the_kind_it_asks_for(data_file: Path) -> None:
    worry, question = str(_prompts().index(WORRY) + 1), str(_prompts().index(QUESTIONS) + 1)
    text = run_plain(
        data_file,
        "v",
        "w", worry, "I worry she will fall.", ".",
        "w", question, "Is a cooling vest worth it?", ".",
        "w", "1", "Stairs are slower.", ".",
        "q",
    )  # fmt: skip
    assert f"Saved the note (Concern): {WORRY}" in text
    assert f"Saved the note (Question): {QUESTIONS}" in text
    assert f"Saved the note (Change I noticed): {HARDER}" in text
    with saved(data_file) as nav:
        kinds = {n.title: n.kind for n in nav.notes.all()}
        summary = " ".join(appointment.summary(nav, markdown=False).split())
    assert kinds == {
        WORRY: NoteKind.CONCERN,
        QUESTIONS: NoteKind.QUESTION,
        HARDER: NoteKind.CHANGE,
    }
    worries = summary.index("What worries me:")
    questions = summary.index("My questions:")
    changes = summary.index("Changes I have noticed:")
    assert summary.index("I worry she will fall.") > worries
    assert questions < summary.index("Is a cooling vest worth it?") < worries
    assert summary.index("Stairs are slower.") > changes > worries


def _prompts() -> list[str]:
    from tui.core.content import default_library

    return list(default_library().app.prompts)


def test_plain_mode_adds_a_worry_and_changes_a_note_s_kind(data_file: Path) -> None:
    text = run_plain(
        data_file,
        "v", "o", "3", "She might fall at night", ".", "b",
        "n", "a", "Heat", "Hot days tire her.", ".",
        "1", "4", "2", "b",
        "q",
    )  # fmt: skip
    assert "Saved the note (Concern): She might fall at night" in text
    assert "4. Change the kind of note: now Plain note." in text
    assert "Saved. Its kind is now: Question. It is on the list to raise at your visit." in text
    with saved(data_file) as nav:
        kinds = {n.title: n.kind for n in nav.notes.all()}
    assert kinds == {"She might fall at night": NoteKind.CONCERN, "Heat": NoteKind.QUESTION}


async def test_the_app_files_a_worry_prompt_as_a_concern(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        texts = option_texts(app, "visit")
        app.screen.query_one("#visit", ReaderList).highlighted = texts.index(
            f"Write about: {WORRY}"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#kind", ChoiceField).value == "concern"
        await pilot.press("tab", *"She might fall.", "escape")
        texts = option_texts(app, "visit")
        assert any(t.startswith(f"Concern: {WORRY}") for t in texts)


def test_the_command_takes_worry_for_concern(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    added = cli("note", "add", "--title", "Falls", "--kind", "worry", "--body", "At night.", *d)
    assert added.returncode == 0, added.stderr
    cli("note", "add", "--title", "Heat", "--body", "Hot.", *d)
    listed = cli("note", "list", "--kind", "worry", *d)
    assert listed.stdout.count("\n") == 1 and "Falls [Concern]" in listed.stdout
    changed = cli("note", "edit", "2", "--kind", "worry", *d)
    assert changed.returncode == 0, changed.stderr
    with saved(data_file) as nav:
        assert {n.kind for n in nav.notes.all()} == {NoteKind.CONCERN}
