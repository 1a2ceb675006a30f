"""Getting ready for a visit: what to raise, prompts to notice slow change, a summary.

The source articles say the care team needs to hear a person's questions,
concerns, challenges and how they feel, and that changes can be slow and easy to
miss. Notes of those kinds gather here; after the visit each can be marked as
raised, with the answer. The summary is short enough to print on two pages.
"""

from __future__ import annotations

import textwrap
from datetime import date

from tui.core.models import Note, NoteKind
from tui.core.service import Navigator, display_time
from tui.core.text import one_line

#: The kinds of note that belong on the appointment list, in the order they are printed.
APPOINTMENT_KINDS = (
    NoteKind.QUESTION,
    NoteKind.CONCERN,
    NoteKind.CHANGE,
    NoteKind.FEELING,
    NoteKind.CHALLENGE,
)
HEADINGS = {
    NoteKind.QUESTION: "My questions",
    NoteKind.CONCERN: "What worries me",
    NoteKind.CHANGE: "Changes I have noticed",
    NoteKind.FEELING: "How I feel",
    NoteKind.CHALLENGE: "What is hard for me and my family",
}
WIDTH = 78
MAX_LINES = 100  # two printed pages of about 50 lines each
BODY_CHARS = 300


def to_raise(nav: Navigator) -> list[Note]:
    """Notes of the appointment kinds not yet raised, newest first."""
    return [n for n in nav.notes.all() if n.kind in APPOINTMENT_KINDS and not n.raised]


def already_raised(nav: Navigator) -> list[Note]:
    return [n for n in nav.notes.all() if n.kind in APPOINTMENT_KINDS and n.raised]


def _one_line(text: str) -> str:
    return " ".join(one_line(text).replace("␊", " ").split())  # line breaks become spaces


def _item_lines(note: Note, bullet: str) -> list[str]:
    text = _one_line(note.display_title)
    body = _one_line(note.body)
    if body:
        if len(body) > BODY_CHARS:
            body = body[:BODY_CHARS].rsplit(" ", 1)[0] + " (more in my notes)"
        text += f": {body}"
    text += f" (noted {display_time(note.created).split(',')[0]})"
    return textwrap.wrap(text, WIDTH, initial_indent=bullet, subsequent_indent="  ")


def summary(nav: Navigator, markdown: bool = True, today: date | None = None) -> str:
    """The appointment summary as Markdown or plain text, at most ``MAX_LINES`` lines."""
    when = today or date.today()
    day = f"{when.day} {when:%B %Y}"  # "%-d" does not exist on Windows
    lines = ["# For my next appointment" if markdown else "FOR MY NEXT APPOINTMENT", ""]
    lines += textwrap.wrap(
        f"Prepared on {day} with SPMS Navigator, to help me talk with my care team. "
        "It is my own notes, not medical advice.",
        WIDTH,
    )
    notes = to_raise(nav)
    if not notes:
        lines += ["", "I have no questions or notes on my list this time."]
    body: list[str] = []
    left_out = 0
    for kind in APPOINTMENT_KINDS:
        of_kind = [n for n in notes if n.kind is kind]
        if not of_kind:
            continue
        section = ["", f"## {HEADINGS[kind]}" if markdown else f"{HEADINGS[kind]}:", ""]
        for note in of_kind:
            item = _item_lines(note, "- ")
            if len(lines) + len(body) + len(section) + len(item) > MAX_LINES - 6:
                left_out += 1
                continue
            section += item
        if len(section) > 3:
            body += section
    lines += body
    prompts = nav.library.app.prompts[:3]
    lines += ["", "## Also worth thinking about" if markdown else "Also worth thinking about:", ""]
    lines += [f"- {p}" for p in prompts]
    if left_out:
        lines += ["", f"{left_out} more notes are not shown, to keep this to two pages."]
    return "\n".join(lines).rstrip() + "\n"
