"""``spms-navigator visit ...``: visits to the care team, the notes raised at each, printing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tui.cli.index import COMMANDS_OF
from tui.cli.notes import note_record
from tui.cli.options import Tree, add_json, add_yes
from tui.cli.output import (
    OK,
    NotDone,
    UsageError,
    ask,
    confirm,
    emit_json,
    interactive,
    out,
    tell,
)
from tui.core import appointment, backup, printing, reminders, wording
from tui.core import visit_record as records
from tui.core.checkins import parse_day
from tui.core.models import long_date
from tui.core.service import Navigator
from tui.core.text import InputError, end_sentence, one_line, safe_for_terminal
from tui.core.visits import VISIT_LIST_HINT, Visit

COMMANDS = COMMANDS_OF["visits"]


def register(tree: Tree) -> None:
    tree.add(
        ("visit",),
        COMMANDS["visit"],
        ['visit add --date 2026-06-12 --with "Dr Lee" --why "Yearly check-up"', "visit list"],
        more="A visit dated today or later is your next one: the summary is for it.",
    )
    tree.commands(("visit",), required=True)

    add = tree.add(
        ("visit", "add"),
        "Add a visit, past or planned: when, who with and why.",
        [
            'visit add --date 2026-06-12 --with "Dr Lee" --why "Yearly check-up"',
            "visit add --date 2026-05-02 --person 1",
        ],
        handler=visit_add,
    )
    add.add_argument(
        "--date",
        default="today",
        help="the day: YYYY-MM-DD, today, tomorrow, or a day's name such as friday "
        "(default: today)",
    )
    _who(add)
    add.add_argument("--why", default="", help="what the visit is for")
    add_json(add)

    listing = tree.add(
        ("visit", "list"),
        "List your visits, newest first: number, date, who with, why.",
        ["visit list", "visit list --json"],
        handler=visit_list,
    )
    add_json(listing)

    show = tree.add(
        ("visit", "show"),
        "Print one visit, with the notes raised at it and their answers.",
        ["visit show 2", "visit show 2 --json"],
        handler=visit_show,
    )
    _number(show)
    add_json(show)

    edit = tree.add(
        ("visit", "edit"),
        "Change a visit's date, who it is with, or why. What you leave out stays.",
        ["visit edit 2 --date 2026-06-19", 'visit edit 2 --why "Results of the MRI"'],
        handler=visit_edit,
    )
    _number(edit)
    edit.add_argument("--date", help="the new day: YYYY-MM-DD, tomorrow, friday...")
    _who(edit, editing=True)
    edit.add_argument("--why", help="what the visit is for")
    add_json(edit)

    delete = tree.add(
        ("visit", "delete"),
        "Delete a visit. Its notes stay raised, with their answers.",
        ["visit delete 2", "visit delete 2 --yes"],
        handler=visit_delete,
    )
    _number(delete)
    add_yes(delete, "delete it")

    export = tree.add(
        ("visit", "export"),
        "Write one visit's record: what you asked and what the care team said.",
        ["visit export 2", "visit export 2 --format json", "visit export 2 --output visit.md"],
        handler=visit_export,
        more="To standard output unless --output names a file (readable by you only).",
    )
    _number(export)
    export.add_argument(
        "--format",
        choices=records.FORMATS,
        default="md",
        help="md for Markdown (the default), txt for plain text, json for programs",
    )
    tree.file_actions.append(
        export.add_argument("--output", metavar="FILE", help="the file (default: standard output)")
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")

    ics = tree.add(
        ("visit", "ics"),
        "Write a visit as a calendar file (.ics) with a reminder the day before.",
        ["visit ics 2", "visit ics 2 --output visit.ics", "visit ics 2 > ~/visit.ics"],
        handler=visit_ics,
        more="It holds the day, who with and why (no notes: calendars are often shared). "
        "The reminder rings at 9 in the morning the day before. To standard output unless "
        "--output names a file (readable by you only). Import the same visit again to "
        "update it: it keeps one id.",
    )
    _number(ics)
    tree.file_actions.append(
        ics.add_argument("--output", metavar="FILE", help="the file (default: standard output)")
    )
    ics.add_argument("--force", action="store_true", help="replace FILE if it exists")

    printer = tree.add(
        ("visit", "print"),
        "Print the summary for your next visit, or one visit's record (with its answers), "
        "with lp or lpr, after saying what it is.",
        ["visit print", "visit print --yes", "visit print 2"],
        handler=visit_print,
        more="Where there is no print command, it is saved as a text file instead "
        "(readable by you only), and the command says where.",
    )
    printer.add_argument(
        "id",
        type=int,
        nargs="?",
        metavar="VISIT",
        help="a visit's number, to print its record instead of the summary (see: visit list)",
    )
    printer.add_argument(
        "--name", metavar="NAME", help="the name on this summary (saved: config set my_name)"
    )
    printer.add_argument(
        "--born",
        metavar="DATE",
        help="the date of birth on this summary, YYYY-MM-DD (saved: config set date_of_birth)",
    )
    add_yes(printer, "print")
    tree.file_actions.append(
        printer.add_argument(
            "--output",
            metavar="FILE",
            help="where to save the summary when there is no printer "
            "(default: appointment-DATE.txt in your home folder)",
        )
    )


def _number(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", type=int, metavar="VISIT", help="the visit's number (see: visit list)"
    )


def _who(parser: argparse.ArgumentParser, editing: bool = False) -> None:
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--with", dest="with_whom", metavar="NAME", help="who the visit is with")
    who.add_argument(
        "--person", type=int, metavar="NUMBER", help="someone from My people (see: people list)"
    )
    if editing:
        who.add_argument("--no-person", action="store_true", help="nobody from My people")


def checked_visit(nav: Navigator, visit_id: int) -> Visit:
    try:
        return nav.visits.get(visit_id)
    except InputError as error:
        raise InputError(f"{error} {VISIT_LIST_HINT}") from None


def visit_record(nav: Navigator, visit: Visit, with_notes: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": visit.id,
        "date": visit.day.isoformat(),
        "with": visit.who(nav.people),
        "person_id": visit.person_id,
        "why": visit.why,
        "created": visit.created,
        "updated": visit.updated,
        "raised": len(nav.visits.raised_at(visit.id)),
    }
    if with_notes:
        labels = nav.link_labels()
        record["notes"] = [note_record(n, labels) for n in nav.visits.raised_at(visit.id)]
    return record


def visit_day(text: str) -> date:
    """The day typed after --date; a bad date is a usage mistake (exit 2), as everywhere."""
    try:
        return parse_day(text, future=True)
    except InputError as error:
        raise UsageError(str(error)) from None


def visit_add(args: argparse.Namespace, nav: Navigator) -> int:
    day = visit_day(args.date)
    visit = nav.visits.add(day, args.with_whom or "", args.why, args.person)
    if args.json:
        return emit_json("visit", visit=visit_record(nav, visit, with_notes=True))
    out(f"Saved visit {visit.id}: {one_line(visit.sentence(nav.people))}")
    return OK


def visit_list(args: argparse.Namespace, nav: Navigator) -> int:
    visits = nav.visits.all()
    if args.json:
        return emit_json("visits", visits=[visit_record(nav, v) for v in visits])
    next_visit = nav.visits.next()
    for visit in visits:
        raised = len(nav.visits.raised_at(visit.id))
        state = "next" if next_visit and visit.id == next_visit.id else ""
        if raised:
            state = f"{raised} {'note' if raised == 1 else 'notes'} raised"
        fields = [str(visit.id), long_date(visit.day), visit.who(nav.people), visit.why, state]
        out("\t".join(one_line(f) for f in fields).rstrip("\t"))
    for sentence in nav.visits.undated_sentences():  # a later version's kind of date
        out(f"?\t{one_line(sentence)}")
    if not visits:
        tell("No visits yet. Add one: spms-navigator visit add --date YYYY-MM-DD")
    return OK


def visit_show(args: argparse.Namespace, nav: Navigator) -> int:
    visit = checked_visit(nav, args.id)
    if args.json:
        return emit_json("visit", visit=visit_record(nav, visit, with_notes=True))
    out(f"Visit {visit.id}: {one_line(visit.sentence(nav.people))}")
    notes = nav.visits.raised_at(visit.id)
    if not notes:
        out(wording.NOTHING_RAISED_AT_VISIT)
    for note in notes:
        out(f"Note {note.id}, {note.kind.label}: {one_line(note.display_title)}")
        out(f"  Answer: {one_line(note.answer) or 'none noted'}")
    return OK


def visit_edit(args: argparse.Namespace, nav: Navigator) -> int:
    given = (args.date, args.with_whom, args.why, args.person)
    if all(value is None for value in given) and not args.no_person:
        raise UsageError(
            "Say what to change: --date, --with, --person, --no-person or --why. "
            "For example: spms-navigator visit edit 2 --date 2026-06-19"
        )
    day = visit_day(args.date) if args.date is not None else None
    visit = checked_visit(nav, args.id)
    changes: dict[str, Any] = {"day": day, "with_whom": args.with_whom, "why": args.why}
    if args.person is not None or args.no_person:
        changes["person_id"] = args.person
    saved = nav.visits.update(visit.id, **changes)
    if args.json:
        return emit_json("visit", visit=visit_record(nav, saved, with_notes=True))
    if saved == visit:
        out(f"Nothing changed in visit {visit.id}: it already says that.")
    else:
        out(f"Saved visit {saved.id}: {one_line(saved.sentence(nav.people))}")
    return OK


def visit_delete(args: argparse.Namespace, nav: Navigator) -> int:
    visit = checked_visit(nav, args.id)
    title = one_line(visit.title(nav.people))
    confirm(
        f"Delete visit {visit.id} ({title})? Its notes stay raised.",
        args.yes,
        refusal=f"Not deleted. Add --yes to delete visit {visit.id}.",
        kept=f"Kept visit {visit.id}.",
    )
    nav.visits.delete(visit.id)
    out(
        end_sentence(f"Deleted visit {visit.id}: {title}")
        + " Its notes stay raised, with their answers."
    )
    return OK


def visit_export(args: argparse.Namespace, nav: Navigator) -> int:
    visit = checked_visit(nav, args.id)
    return _write(args, records.payload(nav, visit, args.format), f"the record of visit {visit.id}")


def visit_ics(args: argparse.Namespace, nav: Navigator) -> int:
    visit = checked_visit(nav, args.id)
    payload = reminders.visit_ics(visit, nav.people)
    return _write(args, payload, f"visit {visit.id}, for your calendar,")


def _write(args: argparse.Namespace, payload: bytes, what: str) -> int:
    """To standard output, or to --output (never over a file unless --force)."""
    if not args.output or args.output == "-":
        text = payload.decode()
        sys.stdout.write(safe_for_terminal(text) if sys.stdout.isatty() else text)
        return OK
    target = Path(args.output).expanduser()
    if target.exists() and not args.force:
        raise NotDone(
            f"{target.resolve()} already exists. Choose another name, or add --force to replace it."
        )
    path = backup.write_export(target, payload, overwrite=args.force)
    out(f"Exported {what} to {path} (readable by you only).")
    return OK


def _born(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return appointment.parse_birth_date(text).isoformat() if text.strip() else ""
    except InputError as error:
        raise UsageError(str(error)) from None


def _ask_name_once(nav: Navigator) -> None:
    """Before the first print: ask for the name in a terminal (and keep the answer, even
    an empty one); elsewhere say how to put one on."""
    if not interactive():
        tell(
            "spms-navigator: the summary has no name on it. Add --name NAME, or save one "
            'for every print: spms-navigator config set my_name "Your Name"'
        )
        return
    tell(wording.WHOSE_SUMMARY)
    name = ask("Your name, for the summary (just Enter for none): ", keep_case=True)
    nav.set_setting("my_name", one_line(name).strip())
    born = ask("Your date of birth, like 1961-03-14 (just Enter for none): ", keep_case=True)
    if born:
        nav.set_setting("date_of_birth", appointment.parse_birth_date(born).isoformat())


def visit_print(args: argparse.Namespace, nav: Navigator) -> int:
    if args.id is not None:
        job = printing.plan_visit_record(nav, checked_visit(nav, args.id))
    else:
        born = _born(args.born)
        if args.name is None and not appointment.name_asked(nav):
            _ask_name_once(nav)
        job = printing.plan(nav, name=args.name, born=born)
    out(job.description())
    if job.command is None:
        path = printing.save_instead(job, Path(args.output) if args.output else None)
        out(f"{wording.SAVED_INSTEAD}{path}")
        out(wording.PRINT_ANOTHER_WAY)
        return OK
    sys.stdout.flush()  # what will be printed is on screen before the question
    confirm(
        "Print it?",
        args.yes,
        refusal="Nothing was printed. Add --yes to print.",
        kept="Nothing was printed.",
    )
    out(printing.send(job))
    return OK
