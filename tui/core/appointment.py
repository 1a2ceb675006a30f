"""Getting ready for a visit: what to raise, prompts to notice slow change, a summary.

The source articles say the care team needs to hear a person's questions,
concerns, challenges and how they feel, and that changes can be slow and easy to
miss. Notes of those kinds gather here; after the visit each can be marked as
raised, with the answer. The summary is short enough to print on two pages.
"""

from __future__ import annotations

import contextlib
import textwrap
from datetime import date

from tui.core.changes import Changes, Since, compare
from tui.core.checkins import AREAS, CheckIn
from tui.core.events import kind_words
from tui.core.models import Note, NoteKind, display_time, long_date
from tui.core.service import Navigator
from tui.core.text import InputError, end_sentence, one_line

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
MAX_LINES = 100  # within two printed pages (printing.LINES_PER_PAGE: 66 lines each)
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
        # "Falls at home: Two falls..." but "Can she drive? She is...": a question
        # mark and a colon together read as a typing slip on paper.
        text += f" {body}" if text.endswith(("?", "!", ".")) else f": {body}"
    text += f" (noted {display_time(note.created).split(',')[0]})"
    return _wrap(text, bullet, "  ")


def _wrap(text: str, bullet: str = "", indent: str = "") -> list[str]:
    """Lines of at most WIDTH characters, broken only between words: a web address or
    a long word is never cut in two (a broken address cannot be typed from paper)."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=bullet,
        subsequent_indent=indent or " " * len(bullet),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _bullet(text: str) -> list[str]:
    return _wrap(text, "- ")


def prompt_kind(nav: Navigator, prompt: str) -> NoteKind:
    """The kind of note a prompt asks for: a worry is a concern, a question a question."""
    return NoteKind(nav.library.app.prompt_kinds.get(prompt, NoteKind.CHANGE.value))


def unanswered_prompts(nav: Navigator) -> list[str]:
    """The visit prompts, less those already written about in a note not yet raised."""
    written = {_one_line(n.title).casefold() for n in to_raise(nav)}
    return [p for p in nav.library.app.prompts if p.casefold() not in written]


def changes_since_last_visit(nav: Navigator, today: date | None = None) -> tuple[str, Changes]:
    """The heading and the comparison for the summary: since the last visit if there was
    one (the check-in nearest to it against the latest), else over the last months."""
    last = nav.visits.last(today)
    checkins = nav.checkins.all()
    if last is None:
        return "Changes in my check-ins", compare(checkins)
    around = Since(day=last.day, words=f"around my last visit on {long_date(last.day)}")
    return "Changes since my last visit", compare(checkins, around)


def _heading(text: str, markdown: bool) -> list[str]:
    return ["", f"## {text}" if markdown else f"{text}:", ""]


def _now_lines(latest: CheckIn, markdown: bool) -> list[str]:
    """Today's level for every area answered at the latest check-in, with the person's
    words: what a doctor reads first, and all there is to read after one check-in."""
    lines = _heading(f"How I am now: my check-in on {long_date(latest.day)}", markdown)
    answered = [area for area in AREAS if area.id in latest.levels]
    if not answered:
        lines.append("I answered none of the areas at that check-in.")
    else:
        lines += _wrap("How much each has got in the way of my daily life lately:")
        for area in answered:
            own = _one_line(latest.words.get(area.id, ""))
            said = f"{area.label}: {latest.answer(area)}"
            lines += _bullet(end_sentence(f"{said}. My words: {own}" if own else said))
    if latest.days:
        days = _one_line(latest.days)
        if len(days) > BODY_CHARS:
            days = days[:BODY_CHARS].rsplit(" ", 1)[0] + " (more in my check-in)"
        lines += _bullet(f"What my days are like: {days}")
    return lines


def _changes_lines(nav: Navigator, markdown: bool, today: date) -> list[str]:
    checkins = nav.checkins.all()
    if not checkins:
        return []
    lines = _now_lines(checkins[-1], markdown)
    heading, changes = changes_since_last_visit(nav, today)
    lines += _heading(heading, markdown)
    if len(checkins) == 1:
        lines += _wrap("This is my first check-in, so there is nothing to compare with yet.")
    elif not changes.points:
        lines += _wrap(
            "None of my other check-ins is from the right time before the latest one "
            "to compare with yet."
        )
    else:
        lines += _wrap(f"{changes.compared_with(mine=True)} My own record, not a diagnosis.")
        for change in changes.changed:
            lines += _bullet(change.words())
        if changes.unchanged:
            lines += _bullet(f"The same: {', '.join(a.area.label for a in changes.unchanged)}.")
    return lines


LAST_TIME_ITEMS = 8  # the rest of the last visit is on its own record (visit print N)


def last_time(nav: Navigator, today: date | None = None) -> tuple[str, list[str]]:
    """The previous visit, and what was asked there with the answers (or that none was
    noted: what was left open), one sentence each. ('', []) when there was no visit."""
    last = nav.visits.last(today)
    if last is None:
        return "", []
    heading = f"Last time: my visit on {last.title(nav.people)}"
    items = []
    for note in nav.visits.raised_at(last.id):
        asked = end_sentence(f"{note.kind.label}: {_one_line(note.display_title)}")
        answer = _one_line(note.answer)
        said = end_sentence(f"They said: {answer}") if answer else "Left open: no answer noted."
        items.append(f"{asked} {said}")
    return heading, items


def _last_time_lines(nav: Navigator, markdown: bool, today: date) -> list[str]:
    heading, items = last_time(nav, today)
    if not heading:
        return []
    lines = _heading(heading, markdown)
    if not items:
        return [*lines, "Nothing was noted as raised at that visit."]
    for item in items[:LAST_TIME_ITEMS]:
        lines += _bullet(item)
    if len(items) > LAST_TIME_ITEMS:
        lines.append(f"{len(items) - LAST_TIME_ITEMS} more are on the record of that visit.")
    return lines


def records_since_last_visit(nav: Navigator, today: date | None = None) -> list[str]:
    """Sentences for the summary: each current medicine (with what changed since the last
    visit), medicines stopped since then, and how many of each event since then."""
    last = nav.visits.last(today)
    since = last.day if last else None
    after = f"since my last visit on {long_date(since)}" if since else "in my records"
    lines: list[str] = []
    for medicine in nav.medicines.all(today):
        changed = medicine.changes_since(since) if since else []
        if not medicine.current(today) and not changed:
            continue
        text = medicine.sentence()
        if changed:
            text += " " + " ".join(c.words() for c in changed)
        lines.append(text)
    for kind, count in nav.events.counts(since):
        lines.append(f"{kind_words(kind, count)} {after}.")
    return lines


def records_in_brief(nav: Navigator, today: date | None = None) -> str:
    """One sentence for the screens that prepare a visit ('' when there is nothing):
    '2 current medicines, 1 changed; 2 falls since my last visit.' Short enough for one
    row at 80 columns in most lives (a reader speaks the cursor's row); the summary
    itself gives them in full."""
    last = nav.visits.last(today)
    since = last.day if last else None
    current = len(nav.medicines.current(today))
    changed = sum(1 for m in nav.medicines.all(today) if since and m.changes_since(since))
    parts = []
    if current or changed:
        medicines = f"{current} current {'medicine' if current == 1 else 'medicines'}"
        parts.append(f"{medicines}, {changed} changed" if changed else medicines)
    if counts := nav.events.counts(since):
        parts.append(", ".join(kind_words(kind, count) for kind, count in counts))
    if not parts:
        return ""
    # The day of the last visit is said on the line before, on every screen that says
    # this one: here it would only make the line wrap.
    after = " since my last visit" if since and (changed or counts) else ""
    said = f"{'; '.join(parts)}{after}."
    return said[:1].upper() + said[1:]


def _records_lines(nav: Navigator, markdown: bool, today: date) -> list[str]:
    found = records_since_last_visit(nav, today)
    if not found:
        return []
    lines = _heading("My medicines and events", markdown)
    for line in found:
        lines += _bullet(line)
    return lines


def summary_title(nav: Navigator, today: date | None = None) -> str:
    """'For my visit on 12 June 2026' when one is planned, else 'For my next appointment'."""
    visit = nav.visits.next(today)
    return f"For my visit on {long_date(visit.day)}" if visit else "For my next appointment"


def parse_birth_date(text: str, today: date | None = None) -> date:
    """A date of birth typed as YYYY-MM-DD, in the past; InputError says how to type it."""
    today = today or date.today()
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"'{one_line(text.strip())}' is not a date. Type a date of birth like 1961-03-14 "
            "(year, month, day), or leave it empty."
        ) from None
    if day >= today:
        raise InputError(f"{long_date(day)} is not in the past. Type the day you were born.")
    return day


def who_line(nav: Navigator, name: str | None = None, born: str | None = None) -> str:
    """'Name: Ana Silva. Date of birth: 14 March 1961.' ('' when neither is known): how
    a clinic matches a paper to a person. ``name`` and ``born`` override the settings."""
    name = _one_line(str(nav.setting("my_name") or "") if name is None else name).strip()
    born = str(nav.setting("date_of_birth") or "") if born is None else born
    parts = [end_sentence(f"Name: {name}")] if name else []
    if born:
        # never stored unchecked; a hand-edited file shows no date rather than fail
        with contextlib.suppress(ValueError):
            parts.append(f"Date of birth: {long_date(date.fromisoformat(born))}.")
    return " ".join(parts)


def name_asked(nav: Navigator) -> bool:
    """The person was asked for their name for the summary (an empty answer is an answer)."""
    return nav.setting("my_name") is not None


def summary(
    nav: Navigator,
    markdown: bool = True,
    today: date | None = None,
    *,
    for_care_team: bool = False,
    name: str | None = None,
    born: str | None = None,
) -> str:
    """The appointment summary as Markdown or plain text, at most ``MAX_LINES`` lines.

    It names the visit (date, who with, why) when one is planned, and the person when
    they gave their name; then "Last time" (the previous visit's questions and answers,
    and what was left open), how they are now and what changed in their check-ins, the
    notes to raise, and prompts they have not written about yet (not ``for_care_team``:
    the printed copy is for the doctor, and the prompts are for the person).
    """
    when = today or date.today()
    visit = nav.visits.next(when)
    title = summary_title(nav, when)
    lines = [f"# {title}" if markdown else title.upper(), ""]
    if visit is not None:
        who = visit.who(nav.people)
        about = (f"With {who}. " if who else "") + (f"Why: {visit.why}" if visit.why else "")
        if about.strip():
            lines += [*_wrap(end_sentence(_one_line(about.strip()))), ""]
    if who := who_line(nav, name, born):
        lines += [*_wrap(who), ""]
    name = _one_line(str(nav.setting("my_name") or "") if name is None else name).strip()
    by = f" by {name}" if name else ""
    lines += _wrap(
        f"Prepared{by} on {long_date(when)} with SPMS Navigator, to help me talk with my "
        "care team. These are my own notes, not medical advice."
    )
    lines += _last_time_lines(nav, markdown, when)
    lines += _changes_lines(nav, markdown, when)
    lines += _records_lines(nav, markdown, when)
    notes = to_raise(nav)
    if not notes:
        lines += ["", "I have no questions or notes on my list this time."]
    prompts = [] if for_care_team else unanswered_prompts(nav)[:3]
    reserved = (4 + len(prompts)) if prompts else 0
    body: list[str] = []
    left_out = 0
    for kind in APPOINTMENT_KINDS:
        of_kind = [n for n in notes if n.kind is kind]
        if not of_kind:
            continue
        section = ["", f"## {HEADINGS[kind]}" if markdown else f"{HEADINGS[kind]}:", ""]
        for note in of_kind:
            item = _item_lines(note, "- ")
            if len(lines) + len(body) + len(section) + len(item) > MAX_LINES - 3 - reserved:
                left_out += 1
                continue
            section += item
        if len(section) > 3:
            body += section
    lines += body
    if prompts:
        lines += ["", "## Also worth thinking about" if markdown else "Also worth thinking about:"]
        lines += [""] + [f"- {p}" for p in prompts]
    if left_out:
        lines += ["", f"{left_out} more notes are not shown, to keep this to two pages."]
    return "\n".join(lines).rstrip() + "\n"
