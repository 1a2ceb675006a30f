"""No sentence the app says has doubled punctuation ("…progressive?.", "Export to which file?.").

Two ways in, because most sentences are put together at run time from a person's
words or the content (a title ending in "?" followed by the app's own "."):
every string literal in the sources (tui/), read with ``ast``, and everything the
three front ends actually say while they are driven through every area, with
notes, people and checklist text that end in "?" and "." themselves.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from textual.widgets import Static

from tests.cli_runner import cli
from tests.pilot_helpers import running_app
from tests.test_plain_mode import run_plain
from tui.app.app import NavigatorApp
from tui.app.long_list import LongList
from tui.app.widgets import ReaderList
from tui.core.content import default_library
from tui.core.models import NoteKind, Role
from tui.core.service import ITEM_LINK, TOPIC_LINK, open_navigator

ROOT = Path(__file__).resolve().parent.parent

#: "?." ".?" "!." "?!" "..": a mark followed by another (an ellipsis "..." is allowed).
DOUBLED = re.compile(r"[?!][.?!]|\.[?!]|(?<!\.)\.\.(?!\.)")


def doubled_in(texts: list[str]) -> list[str]:
    return sorted({text for text in texts if DOUBLED.search(text)})


def _literals(tree: ast.AST) -> list[str]:
    """Every string constant and f-string piece that is not a docstring."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and " " in node.value  # words, not a regular expression or a key name
    ]


def test_no_string_in_the_sources_has_doubled_punctuation() -> None:
    found = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        found += [f"{path.relative_to(ROOT)}: {text!r}" for text in doubled_in(_literals(tree))]
    assert found == []


def _fill(data_file: Path) -> None:
    """Words ending in "?" and "." wherever a person can type, so sentences built on
    them show any doubled mark."""
    nav = open_navigator(data_file)
    try:
        nav.notes.create("Is heat making it worse?", "Since June.", TOPIC_LINK + "care-team")
        nav.notes.create("Stairs are slower.", "Since May?", "", NoteKind.CHANGE)
        question = nav.notes.create(
            "Who leads my care?", "", ITEM_LINK + "ct-team-list", NoteKind.QUESTION
        )
        nav.notes.mark_raised(question.id, True, "Dr Lee.")
        nav.checklist.set_helper("peer-helpline", "Ana?")
        nav.checklist.set_item_note("peer-helpline", "Call on Tuesday.")
        nav.checklist.add_own_item("Ask about a walking aid?")
        nav.people.add("Dr Lee.", Role.CARE_TEAM, "neurologist.", "555 0100.", "check-ups?")
        nav.people.add_unwanted("Advice about diets.")
    finally:
        nav.store.close()


def test_the_plain_mode_says_no_doubled_punctuation(data_file: Path) -> None:
    _fill(data_file)
    topics = [str(n) for n in range(1, len(default_library().topics) + 1)]
    script = ["h", "u", "t"]
    for number in topics:
        script += [number, "b"]
    script += ["f", "care team", "b", "b"]
    script += ["c", "15", "b", "22", "b", "b"]
    script += ["n", "1", "b", "f", "heat", "b", "b"]
    script += ["v", "1", "b", "b", "p", "1", "b", "b", "6", "1", "", "no", "b", "q"]
    text = run_plain(data_file, *script)
    assert "Urgent help." in text and "Found in" in text and "Dr Lee." in text
    assert doubled_in(text.splitlines()) == [], "\n".join(doubled_in(text.splitlines()))


def test_the_command_line_says_no_doubled_punctuation(data_file: Path) -> None:
    _fill(data_file)
    d = ["--data-file", str(data_file)]
    said: list[str] = []
    for command in (
        ["topics"],
        ["topics", "--search", "care", "team"],
        ["topics", "--search", "zebra"],
        ["urgent"],
        ["checklist"],
        ["checklist", "show", "peer-helpline"],
        ["note", "list"],
        ["note", "show", "1"],
        ["people"],
        ["people", "unwanted"],
        ["note", "delete", "1"],  # refused without a terminal: a sentence on stderr
        *(["topic", topic.id] for topic in default_library().topics),
    ):
        result = cli(*command, *d)
        said += result.stdout.splitlines() + result.stderr.splitlines()
    assert any(line.startswith("Source: ") for line in said)
    assert doubled_in(said) == [], "\n".join(doubled_in(said))


def _shown(app: NavigatorApp) -> list[str]:
    """Every line the screen shows: its static lines, list lines and the status line."""
    screen = app.screen
    texts = [str(widget.render()) for widget in screen.query(Static)]
    for options in screen.query(ReaderList):
        texts += [str(o.prompt) for o in options.options]
    for long_list in screen.query(LongList):
        texts += long_list.texts()
    return texts


async def test_the_full_screen_app_says_no_doubled_punctuation(data_file: Path) -> None:
    _fill(data_file)
    said: list[str] = []
    async with running_app(data_file) as (app, pilot):

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()
            said.extend(_shown(app))

        await press()
        await press("u")
        await press("escape", "t")
        for _topic in default_library().topics:
            await press("enter")
            await press("escape", "down")
        await press("slash", *"care team", "enter")
        await press("n", "enter")
        await press("escape", "v")
        await press("e")  # the export question
        await press("escape", "p")
        await press("w", *"Advice about diets?", "enter")
        await press("c", "a", *"Ask about a ramp?", "enter")
        await press("end", "enter")
        await press("escape", "question_mark")
        await press("escape", "escape", "end", "up", "up", "enter")  # Your data
        await press("enter")  # Export to which file?
        await press("escape")
        assert any("Export to which file" in text for text in said)
        assert any(text.startswith("Added your item: Ask about a ramp?") for text in said)
    assert doubled_in(said) == [], "\n".join(doubled_in(said))
