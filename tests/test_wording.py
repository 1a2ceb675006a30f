"""One wording place (issue 23, item 5): a sentence, question or list line that more than
one front end says is written once, in tui/core/wording.py. "Kept. Nothing was deleted."
was written out in nine places; a change of words reached some of them."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from tests.test_plain_mode import run_plain
from tui.core import wording

ROOT = Path(__file__).resolve().parent.parent
FRONT_ENDS = ("app", "plain", "cli")
#: Shorter strings are words and phrases ("Nothing was added."), not sentences to share.
SHORTEST = 25


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _template(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with "{}" for each value put in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = node.values
        return "".join(
            p.value if isinstance(p, ast.Constant) and isinstance(p.value, str) else "{}"
            for p in parts
        )
    return None


def literals(source: str) -> list[tuple[str, int]]:
    """Every string literal of ``source`` (f-strings whole, docstrings left out), with
    its line."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip |= {id(part) for part in node.values}
    found = []
    for node in ast.walk(tree):
        text = None if id(node) in skip else _template(node)
        if text is not None:
            found.append((text, getattr(node, "lineno", 0)))
    return found


def said_in_two_front_ends(root: Path) -> dict[str, list[str]]:
    """Literals of SHORTEST characters or more written in more than one front end."""
    where: dict[str, list[str]] = defaultdict(list)
    front_ends: dict[str, set[str]] = defaultdict(set)
    for front_end in FRONT_ENDS:
        for path in sorted((root / "tui" / front_end).rglob("*.py")):
            for text, line in literals(path.read_text("utf-8")):
                if len(text) >= SHORTEST:
                    # The same sentence, ended differently ("…print" as an app's line,
                    # "…print." as the plain mode's), is the same sentence.
                    text = text.strip().rstrip(".:")
                    where[text].append(f"{path.relative_to(root)}:{line}")
                    front_ends[text].add(front_end)
    return {text: where[text] for text, found in front_ends.items() if len(found) > 1}


def test_no_sentence_is_written_out_in_two_front_ends() -> None:
    twice = said_in_two_front_ends(ROOT)
    assert not twice, "Move these to tui/core/wording.py: " + "; ".join(
        f"{text!r} in {', '.join(places)}" for text, places in twice.items()
    )


def test_the_scan_finds_a_sentence_written_twice(tmp_path: Path) -> None:
    """The scan itself can fail: a sentence in the app and in the plain mode (without
    its full stop) is found; a docstring, an f-string of other words and a short phrase
    are not."""
    for front_end in FRONT_ENDS:
        (tmp_path / "tui" / front_end).mkdir(parents=True)
    sentence = "Kept. Nothing was deleted at all."
    (tmp_path / "tui" / "app" / "a.py").write_text(
        f'"""{sentence}"""\nsay("{sentence}")\nsay("Nothing was added.")\n'
    )
    (tmp_path / "tui" / "plain" / "b.py").write_text(
        f'say(f"Kept. Nothing was {{what}} at all.")\nsay("{sentence[:-1]}")\n'
        'say("Nothing was added.")\n'
    )
    (tmp_path / "tui" / "cli" / "c.py").write_text(f'"""{sentence}"""\n')
    found = said_in_two_front_ends(tmp_path)
    assert found == {sentence[:-1]: ["tui/app/a.py:2", "tui/plain/b.py:2"]}


def test_the_shared_words_are_what_people_see(data_file: Path) -> None:
    """The plain mode says the shared words (a delete answered No, a word not found)."""
    text = run_plain(
        data_file, "n", "a", "Heat", "Hot days.", ".", "1", "3", "no", "b", "b", "t", "f", "zzq"
    )
    assert wording.KEPT in text
    assert wording.nothing_found("zzq") in text
    assert f"{wording.delete_note('Heat')} This cannot be undone." in text
