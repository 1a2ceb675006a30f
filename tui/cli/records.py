"""``spms-navigator med ...`` and ``event ...``: medicines with their dated changes, and
events (a fall, an infection...) to count for the next visit."""

from __future__ import annotations

import argparse
from datetime import date

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree, add_json, add_yes
from tui.cli.output import OK, UsageError, confirm, emit_json, out, tell
from tui.core.checkins import parse_day
from tui.core.events import BEEN as EVENT_BEEN
from tui.core.events import KINDS, event_record
from tui.core.medicines import Medicine, medicine_day, medicine_record
from tui.core.service import Navigator
from tui.core.text import InputError

COMMANDS = COMMANDS_OF["records"]
DATE_HELP = "YYYY-MM-DD, today, yesterday or a day's name such as monday (default: today)"
KIND_LIST = ", ".join(kind.id for kind in KINDS)


def register(tree: Tree) -> None:
    med = tree.add(
        ("med",),
        COMMANDS["med"],
        [
            'med add baclofen --dose "10 mg" --when "morning and night" --why stiffness',
            'med change 1 --dose "20 mg"',
            "med stop 1 --date yesterday",
            "med list --json",
        ],
        handler=med_list,
        more="With no action it lists your medicines. The app records what you say; "
        "it gives no advice about medicines.",
    )
    add_json(med, group=True)
    tree.commands(("med",))
    listing = tree.add(
        ("med", "list"),
        "List your medicines, current ones first, each with its dated changes.",
        ["med list", "med list --json"],
        handler=med_list,
    )
    add_json(listing)
    add = tree.add(
        ("med", "add"),
        "Add a medicine you take.",
        ['med add baclofen --dose "10 mg" --when "morning and night" --started 2026-03-01'],
        handler=med_add,
    )
    add.add_argument("name", metavar="NAME", help="the medicine's name")
    add.add_argument("--dose", default="", help='how much, for example "10 mg"')
    add.add_argument("--when", default="", help='when you take it, for example "at night"')
    add.add_argument("--started", metavar="DATE", help=f"the day you started: {DATE_HELP}")
    add.add_argument("--why", default="", help="what it is for")
    add.add_argument("--effects", default="", help="effects you noticed")
    add_json(add)
    change = tree.add(
        ("med", "change"),
        "Record a change: a new dose, time, reason or an effect you noticed. Each is dated.",
        ['med change 1 --dose "20 mg"', 'med change 1 --effects "sleepy" --date yesterday'],
        handler=med_change,
    )
    _number(change)
    change.add_argument("--dose", help="the new dose")
    change.add_argument("--when", help="the new time you take it")
    change.add_argument("--why", help="the new reason")
    change.add_argument("--effects", help="effects you noticed")
    change.add_argument("--date", metavar="DATE", default="today", help=f"the day: {DATE_HELP}")
    add_json(change)
    stop = tree.add(
        ("med", "stop"),
        "Record that you stopped a medicine. It stays on the list, stopped, with its story.",
        ["med stop 1", "med stop 1 --date 2026-05-01"],
        handler=med_stop,
    )
    _number(stop)
    stop.add_argument("--date", metavar="DATE", default="today", help=f"the day: {DATE_HELP}")
    add_json(stop)

    delete = tree.add(
        ("med", "delete"),
        "Remove a medicine added by mistake, with its changes (to record a stop: med stop).",
        ["med delete 2", "med delete 2 --yes"],
        handler=med_delete,
    )
    _number(delete)
    add_yes(delete, "remove it")

    event = tree.add(
        ("event",),
        COMMANDS["event"],
        ["event add fall --words 'on the stairs'", "event add heat --date yesterday", "event"],
        handler=event_list,
        more=f"With no action it lists your events. The usual kinds: {KIND_LIST}; "
        "any other word or two is a kind of your own.",
    )
    add_json(event, group=True)
    tree.commands(("event",))
    event_listing = tree.add(
        ("event", "list"),
        "List your events, newest first.",
        ["event list --json"],
        handler=event_list,
    )
    add_json(event_listing)
    event_add = tree.add(
        ("event", "add"),
        "Log an event: a fall, an infection, a relapse, a hospital stay or a hot day.",
        ["event add fall", "event add infection --date monday --words 'bladder, antibiotics'"],
        handler=event_add_command,
    )
    event_add.add_argument("kind", metavar="KIND", help=f"{KIND_LIST}, or a word of your own")
    event_add.add_argument("--date", metavar="DATE", default="today", help=f"the day: {DATE_HELP}")
    event_add.add_argument("--words", default="", help="a word or two about it")
    add_json(event_add)
    event_delete = tree.add(
        ("event", "delete"),
        "Remove an event logged by mistake.",
        ["event delete 3", "event delete 3 --yes"],
        handler=event_delete_command,
    )
    event_delete.add_argument("id", type=int, metavar="EVENT", help="its number (see: event list)")
    add_yes(event_delete, "remove it")


def _number(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="MEDICINE", help="its number (see: med list)")


def _day(text: str, been: str | None = None) -> date:
    """A date option, or exit 2 with the sentence that says how to type it."""
    try:
        return parse_day(text, been=been) if been else medicine_day(text)
    except InputError as error:
        raise UsageError(str(error)) from None


def _say_medicine(medicine: Medicine, args: argparse.Namespace) -> int:
    if args.json:
        return emit_json("medicine", medicine=medicine_record(medicine))
    out(f"{medicine.id}\t{medicine.sentence()}")
    for change in medicine.changes:
        out(f"    {change.words()}")
    return OK


def med_list(args: argparse.Namespace, nav: Navigator) -> int:
    found = nav.medicines.all()
    if getattr(args, "json", False):
        return emit_json("medicines", medicines=[medicine_record(m) for m in found])
    for medicine in found:
        _say_medicine(medicine, args)
    if not found:
        tell('No medicines yet. Add one: spms-navigator med add NAME --dose "10 mg"')
    return OK


def med_add(args: argparse.Namespace, nav: Navigator) -> int:
    started = _day(args.started) if args.started else None
    medicine = nav.medicines.add(args.name, args.dose, args.when, started, args.why, args.effects)
    if not args.json:
        tell(f"Added medicine number {medicine.id}.")
    return _say_medicine(medicine, args)


def med_change(args: argparse.Namespace, nav: Navigator) -> int:
    if all(getattr(args, key) is None for key in ("dose", "when", "why", "effects")):
        raise UsageError(
            'Say what changed, for example: spms-navigator med change 1 --dose "20 mg"'
        )
    day = _day(args.date)
    before = len(nav.medicines.get(args.id).changes)
    medicine = nav.medicines.change(args.id, args.dose, args.when, args.why, args.effects, day)
    if not args.json:
        changed = len(medicine.changes) > before
        tell("Saved the change." if changed else "Nothing changed: it was already so.")
    return _say_medicine(medicine, args)


def med_stop(args: argparse.Namespace, nav: Navigator) -> int:
    medicine = nav.medicines.stop(args.id, _day(args.date))
    if not args.json:
        tell(f"Saved: {medicine.changes[-1].words()}")
    return _say_medicine(medicine, args)


def event_list(args: argparse.Namespace, nav: Navigator) -> int:
    found = nav.events.all()
    if getattr(args, "json", False):
        return emit_json("events", events=[event_record(e) for e in found])
    for event in found:
        out(f"{event.id}\t{event.sentence()}")
    for sentence in nav.events.undated_sentences():  # a later version's kind of date
        out(f"?\t{sentence}")
    if not found:
        tell("No events yet. Log one: spms-navigator event add fall")
    return OK


def event_add_command(args: argparse.Namespace, nav: Navigator) -> int:
    event = nav.events.add(args.kind, _day(args.date, EVENT_BEEN), args.words)
    if args.json:
        return emit_json("event", event=event_record(event))
    out(f"Logged: {event.sentence()}")
    return OK


def med_delete(args: argparse.Namespace, nav: Navigator) -> int:
    medicine = nav.medicines.get(args.id)
    confirm(
        f"Remove {medicine.name} (number {medicine.id}) and its changes from your medicines?",
        args.yes,
        refusal=f"Not removed. Add --yes to remove medicine {medicine.id}.",
        kept=f"Kept {medicine.name}.",
    )
    nav.medicines.delete(medicine.id)
    out(f"Removed medicine {medicine.id}: {medicine.name}")
    return OK


def event_delete_command(args: argparse.Namespace, nav: Navigator) -> int:
    event = nav.events.get(args.id)
    confirm(
        f"Remove event {event.id} ({event.sentence()})?",
        args.yes,
        refusal=f"Not removed. Add --yes to remove event {event.id}.",
        kept="Kept the event.",
    )
    nav.events.delete(event.id)
    out(f"Removed event {event.id}: {event.sentence()}")
    return OK
