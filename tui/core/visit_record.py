"""One visit's record on paper or in a file: when, who with, why, and what was asked and said.

The care team's answers are what the person came for. Kept only in the app they
are lost to the people who were not there (a partner, a carer, the next doctor),
so a visit's record prints and exports like the summary does: as plain text for
paper, Markdown, or JSON for other programs.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

import orjson

from tui.core.models import Note, long_date
from tui.core.service import Navigator
from tui.core.text import end_sentence, one_line
from tui.core.visits import Visit

WIDTH = 78
#: Formats a visit's record can be written in, by file ending.
FORMATS = ("md", "txt", "json")


def _clean(text: str) -> str:
    return " ".join(one_line(text).replace("␊", " ").split())


def _wrap(text: str, bullet: str = "") -> list[str]:
    indent = " " * len(bullet)
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=bullet,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def title(nav: Navigator, visit: Visit) -> str:
    """'My visit on 2 May 2026 with Dr Lee'."""
    return f"My visit on {visit.title(nav.people)}"


def asked_and_said(note: Note) -> tuple[str, str]:
    """What was asked (the note's words) and what the care team said, each one sentence."""
    asked = _clean(note.display_title)
    body = _clean(note.body)
    if body and body.casefold() != asked.casefold():
        asked = f"{end_sentence(asked)} {body}"
    said = _clean(note.answer)
    return end_sentence(asked), end_sentence(said) if said else "No answer was noted."


def text(nav: Navigator, visit: Visit, markdown: bool = True, today: date | None = None) -> str:
    """The visit's record as Markdown or plain text: every note raised, with its answer."""
    heading = title(nav, visit)
    lines = [f"# {heading}" if markdown else heading.upper(), ""]
    why = _clean(visit.why)
    if why:
        lines += [*_wrap(end_sentence(f"Why: {why}")), ""]
    name = _clean(str(nav.setting("my_name") or ""))
    by = f" by {name}" if name else ""
    lines += _wrap(
        f"Written down{by} with SPMS Navigator on {long_date(today or date.today())}. "
        "It is my own record of what was said, not medical advice."
    )
    notes = nav.visits.raised_at(visit.id)
    lines += [
        "",
        "## What I asked, and what they said" if markdown else "What I asked, and what they said:",
        "",
    ]
    if not notes:
        lines.append("Nothing was noted as raised at this visit.")
    for note in notes:
        asked, said = asked_and_said(note)
        lines += _wrap(f"{note.kind.label}: {asked}", "- ")
        lines += _wrap(f"Answer: {said}", "  ")
    return "\n".join(lines).rstrip() + "\n"


def as_json(nav: Navigator, visit: Visit) -> dict[str, Any]:
    """The visit's record for other programs: the visit and each raised note with its answer."""
    return {
        "id": visit.id,
        "date": visit.day.isoformat(),
        "with": visit.who(nav.people),
        "why": visit.why,
        "raised": [
            {
                "note_id": n.id,
                "kind": str(n.kind),
                "title": n.title,
                "body": n.body,
                "answer": n.answer,
                "written": n.created,
            }
            for n in nav.visits.raised_at(visit.id)
        ],
    }


def payload(nav: Navigator, visit: Visit, fmt: str) -> bytes:
    """The record as file bytes in ``fmt`` (md, txt or json)."""
    if fmt == "json":
        document = {"format": "spms-navigator/visit-record", "version": 1, **as_json(nav, visit)}
        return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
    return text(nav, visit, markdown=fmt == "md").encode()
