"""``spms-navigator checklist ...``: the support-network checklist, ticks and own items."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from tui.cli.index import COMMANDS_OF
from tui.cli.notes import checked_entry
from tui.cli.options import Tree, add_json, add_yes
from tui.cli.output import OK, NotDone, UsageError, confirm, emit_json, out, tell
from tui.cli.people import checked_person
from tui.core.models import ChecklistEntry
from tui.core.service import Navigator
from tui.core.text import end_sentence, one_line

Handler = Callable[[argparse.Namespace, Navigator], int]


COMMANDS = COMMANDS_OF["checklist"]


def register(tree: Tree) -> None:
    check = tree.add(
        ("checklist",),
        COMMANDS["checklist"],
        ["checklist", "checklist done peer-helpline", 'checklist add "Ask about a walking aid"'],
        handler=checklist_default,
        more="With no action it lists the checklist and your progress.",
    )
    # The older spellings, still understood: checklist --done ITEM, checklist --undo ITEM.
    check.add_argument("--done", dest="old_done", metavar="ITEM", help=argparse.SUPPRESS)
    check.add_argument("--undo", dest="old_undo", metavar="ITEM", help=argparse.SUPPRESS)
    add_json(check, group=True)
    tree.commands(("checklist",))

    listing = tree.add(
        ("checklist", "list"),
        "List every item with its id and progress.",
        ["checklist list", "checklist list --json"],
        handler=_new(checklist_list),
    )
    add_json(listing)

    show = tree.add(
        ("checklist", "show"),
        "Print one item: why it matters, who helps, your note.",
        ["checklist show peer-helpline", "checklist show own-1 --json"],
        handler=_new(checklist_show),
    )
    _item(show)
    add_json(show)

    done = tree.add(
        ("checklist", "done"),
        "Mark an item done, and say who helped if you like (one save).",
        ["checklist done peer-helpline", 'checklist done pr-meals --helper "My sister"'],
        handler=_new(checklist_done),
    )
    _item(done)
    done.add_argument("--helper", metavar="TEXT", help="who helps with it, in your words")
    add_json(done)
    undo = tree.add(
        ("checklist", "undo"),
        "Mark an item not done yet.",
        ["checklist undo peer-helpline"],
        handler=_new(checklist_undo),
    )
    _item(undo)
    add_json(undo)

    add = tree.add(
        ("checklist", "add"),
        "Add an item of your own to the checklist.",
        ['checklist add "Ask about a walking aid"'],
        handler=_new(checklist_add),
    )
    add.add_argument("text", metavar="TEXT", help="what the item is")

    delete = tree.add(
        ("checklist", "delete"),
        "Delete an item you added yourself.",
        ["checklist delete own-1", "checklist delete own-1 --yes"],
        handler=_new(checklist_delete),
    )
    _item(delete)
    add_yes(delete, "delete it")

    set_ = tree.add(
        ("checklist", "set"),
        "Say who helps with an item, and keep a note on it.",
        [
            'checklist set pr-meals --helper "My sister, on Sundays"',
            'checklist set pr-meals --person 2 --note "Ask again in May"',
            "checklist set pr-meals --no-person",
        ],
        handler=_new(checklist_set),
    )
    _item(set_)
    set_.add_argument("--helper", metavar="TEXT", help='who helps, in your words ("" to clear)')
    set_.add_argument("--note", metavar="TEXT", help='a note on the item ("" to clear)')
    person = set_.add_mutually_exclusive_group()
    person.add_argument(
        "--person",
        type=int,
        metavar="PERSON",
        help="the number of someone in My people (see: people list)",
    )
    person.add_argument("--no-person", action="store_true", help="nobody from My people")
    add_json(set_)


def _item(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item", metavar="ITEM", help="the item's id (see: checklist list)")


def _new(handler: Handler) -> Handler:
    """A checklist action refuses the older --done/--undo spelling mixed in."""

    def run(args: argparse.Namespace, nav: Navigator) -> int:
        if args.old_done or args.old_undo:
            raise UsageError(
                "--done and --undo go with the checklist alone. Use: "
                "spms-navigator checklist done ITEM (or undo ITEM)."
            )
        return handler(args, nav)

    return run


def entry_record(entry: ChecklistEntry, nav: Navigator) -> dict[str, Any]:
    return {
        "id": entry.id,
        "group": entry.group_id,
        "group_title": nav.checklist.group_title(entry.group_id),
        "text": entry.text,
        "why": entry.why,
        "topic": entry.topic_id or None,
        "own": entry.own,
        "done": entry.done,
        "helper": entry.helper,
        "note": entry.note,
        "person_id": entry.person_id,
    }


def _entry_line(entry: ChecklistEntry, names: dict[int, str]) -> str:
    line = f"{entry.id}\t{one_line(entry.text)}: {entry.status_words}."
    if entry.person_id in names:
        line += f" Person: {end_sentence(one_line(names[entry.person_id]))}"
    if entry.helper:
        line += f" Who helps: {end_sentence(one_line(entry.helper))}"
    if entry.note:
        line += f" Note: {end_sentence(one_line(entry.note))}"
    return line


def checklist_default(args: argparse.Namespace, nav: Navigator) -> int:
    """``checklist`` alone lists; the older ``checklist --done ITEM`` ticks first."""
    if args.old_done and args.old_undo:
        raise UsageError("Give --done or --undo, not both.")
    if (args.old_done or args.old_undo) and args.json:
        raise UsageError("--json goes with: spms-navigator checklist done ITEM --json")
    if args.old_done or args.old_undo:
        checked_entry(nav, args.old_done or args.old_undo)
        entry = nav.checklist.set_done(args.old_done or args.old_undo, bool(args.old_done))
        out(f"Saved: {one_line(entry.text)} is {entry.status_words}.")
    return checklist_list(args, nav)


def checklist_list(args: argparse.Namespace, nav: Navigator) -> int:
    entries = nav.checklist.entries()
    progress = nav.checklist.progress(entries)
    if args.json:
        return emit_json(
            "checklist",
            progress={"done": progress.done, "total": progress.total},
            items=[entry_record(e, nav) for e in entries],
        )
    names = {p.id: p.name for p in nav.people.all()}
    out(f"Progress: {progress.sentence()}.")
    out("\n".join(_entry_line(entry, names) for entry in entries))
    return OK


def checklist_show(args: argparse.Namespace, nav: Navigator) -> int:
    entry = checked_entry(nav, args.item)
    if args.json:
        return emit_json("checklist-item", item=entry_record(entry, nav))
    out(f"{one_line(entry.text)}: {entry.status_words}.")
    out(f"Group: {nav.checklist.group_title(entry.group_id)}. Id: {entry.id}.")
    if entry.why:
        out(f"Why: {entry.why}")
    if entry.topic_id:
        out(f"Read more: spms-navigator topic {entry.topic_id}")
    person = nav.people.get(entry.person_id) if entry.person_id is not None else None
    if person:
        out(f"Person: {one_line(person.sentence())}")
    if entry.helper:
        out(f"Who helps: {one_line(entry.helper)}")
    if entry.note:
        out(f"Note: {one_line(entry.note)}")
    return OK


def checklist_done(args: argparse.Namespace, nav: Navigator) -> int:
    return _tick(args, nav, True)


def checklist_undo(args: argparse.Namespace, nav: Navigator) -> int:
    return _tick(args, nav, False)


def _tick(args: argparse.Namespace, nav: Navigator, done: bool) -> int:
    checked_entry(nav, args.item)
    helper = getattr(args, "helper", None)
    if helper is not None:
        entry = nav.checklist.update_item(args.item, done=done, helper=helper)
    else:
        entry = nav.checklist.set_done(args.item, done)
    if args.json:
        return emit_json("checklist-item", item=entry_record(entry, nav))
    helped = f" {one_line(entry.helper)} helps with it." if helper else ""
    out(
        f"Saved: {one_line(entry.text)} is {entry.status_words}.{helped} "
        f"Progress: {nav.checklist.progress().sentence()}."
    )
    return OK


def checklist_add(args: argparse.Namespace, nav: Navigator) -> int:
    entry = nav.checklist.add_own_item(args.text)
    out(f"Added {entry.id}: {one_line(entry.text)}")
    return OK


def checklist_delete(args: argparse.Namespace, nav: Navigator) -> int:
    entry = checked_entry(nav, args.item)
    if not entry.own:
        raise NotDone(
            f"{entry.id} came with the app, so it cannot be deleted; only items you added "
            f"can. To set it aside, leave it not done."
        )
    confirm(
        f"Delete your item {entry.id}, {one_line(entry.text)}?",
        args.yes,
        refusal=f"Not deleted. Add --yes to delete {entry.id}.",
        kept=f"Kept {entry.id}.",
    )
    nav.checklist.delete_own_item(entry.id)
    out(f"Deleted {entry.id}: {one_line(entry.text)}")
    return OK


def checklist_set(args: argparse.Namespace, nav: Navigator) -> int:
    if args.helper is None and args.note is None and args.person is None and not args.no_person:
        raise UsageError(
            "Say what to set: --helper TEXT, --note TEXT, --person NUMBER or --no-person. "
            'For example: spms-navigator checklist set pr-meals --helper "My sister"'
        )
    entry = checked_entry(nav, args.item)
    if args.person is not None:
        checked_person(nav, args.person)
    changes: dict[str, Any] = {}
    if args.helper is not None:
        changes["helper"] = args.helper
    if args.note is not None:
        changes["note"] = args.note
    if args.person is not None or args.no_person:
        changes["person_id"] = None if args.no_person else args.person
    entry = nav.checklist.update_item(entry.id, **changes)  # one save for all of them
    if args.json:
        return emit_json("checklist-item", item=entry_record(entry, nav))
    names = {p.id: p.name for p in nav.people.all()}
    out(f"Saved: {_entry_line(entry, names).split(chr(9), 1)[1]}")
    if not (entry.helper or entry.note or entry.person_id):
        tell(f"{entry.id} has no helper, person or note now.")
    return OK
