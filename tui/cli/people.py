"""``spms-navigator people ...``: My people, and the help the person does not want."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree, add_json, add_yes
from tui.cli.output import OK, UsageError, confirm, emit_json, out, tell
from tui.core.models import Person, Role, UnwantedHelp
from tui.core.service import Navigator
from tui.core.text import InputError, end_sentence, one_line

ROLES = [role.value for role in Role]
PEOPLE_HINT = "To see the numbers, run: spms-navigator people list"
UNWANTED_HINT = "To see the numbers, run: spms-navigator people unwanted list"
FIELDS = ("role", "specialty", "contact", "helps")
Handler = Callable[[argparse.Namespace, Navigator], int]


COMMANDS = COMMANDS_OF["people"]


def register(tree: Tree) -> None:
    people = tree.add(
        ("people",),
        COMMANDS["people"],
        [
            'people add "Dr Lee" --role care-team --specialty neurologist',
            "people list",
            'people unwanted add "Advice about diets"',
        ],
        handler=people_default,
        more="With no action it lists the people.",
    )
    # The older spelling, still understood: people --add NAME [--role ...].
    people.add_argument("--add", dest="old_add", metavar="NAME", help=argparse.SUPPRESS)
    for name in FIELDS:
        people.add_argument(f"--{name}", dest=f"old_{name}", help=argparse.SUPPRESS)
    add_json(people, group=True)
    tree.commands(("people",))

    listing = tree.add(
        ("people", "list"),
        "List the people, with their numbers.",
        ["people list", "people list --json"],
        handler=_new(people_list),
    )
    add_json(listing)
    show = tree.add(
        ("people", "show"), "Print one person.", ["people show 2 --json"], handler=_new(people_show)
    )
    _number(show)
    add_json(show)

    add = tree.add(
        ("people", "add"),
        "Add a person (or a group) to your support network.",
        [
            'people add "Dr Lee" --role care-team --specialty neurologist --contact "555 0100"',
            'people add "MS peer group" --role support-group --helps "monthly talks"',
        ],
        handler=_new(people_add),
    )
    add.add_argument("name", metavar="NAME", help="their name, or the group's")
    _fields(add, editing=False)
    add_json(add)

    edit = tree.add(
        ("people", "edit"),
        "Change what is saved about a person. The rest stays.",
        ['people edit 2 --contact "555 0199"', "people edit 2 --role friend-family"],
        handler=_new(people_edit),
    )
    _number(edit)
    edit.add_argument("--name", help="their new name")
    _fields(edit, editing=True)
    add_json(edit)

    delete = tree.add(
        ("people", "delete"),
        "Remove a person from My people.",
        ["people delete 2", "people delete 2 --yes"],
        handler=_new(people_delete),
    )
    _number(delete)
    add_yes(delete, "remove them")

    group = tree.add(
        ("people", "unwanted"),
        "The help you do not want, so you can say so kindly.",
        ['people unwanted add "Advice about diets"', "people unwanted list"],
        handler=_new(unwanted_list),
        more="With no action it lists them.",
    )
    add_json(group, group=True)
    tree.commands(("people", "unwanted"))
    unwanted = tree.add(
        ("people", "unwanted", "list"),
        "List the help you do not want.",
        ["people unwanted list --json"],
        handler=_new(unwanted_list),
    )
    add_json(unwanted)
    add_unwanted = tree.add(
        ("people", "unwanted", "add"),
        "Add a line of help you do not want.",
        ['people unwanted add "Being told to try harder"'],
        handler=_new(unwanted_add),
    )
    add_unwanted.add_argument("text", metavar="TEXT", help="the help you do not want")
    delete_unwanted = tree.add(
        ("people", "unwanted", "delete"),
        "Delete a line of it.",
        ["people unwanted delete 1 --yes"],
        handler=_new(unwanted_delete),
    )
    _number(delete_unwanted, "people unwanted list")
    add_yes(delete_unwanted, "delete it")


def _number(parser: argparse.ArgumentParser, where: str = "people list") -> None:
    parser.add_argument("id", type=int, metavar="NUMBER", help=f"its number (see: {where})")


def _fields(parser: argparse.ArgumentParser, editing: bool) -> None:
    default = None if editing else ""
    parser.add_argument(
        "--role",
        choices=ROLES,
        default=None if editing else "other",
        help="who they are to you" + ("" if editing else " (default: other)"),
    )
    parser.add_argument("--specialty", default=default, help="for example: neurologist")
    parser.add_argument("--contact", default=default, help="how to reach them")
    parser.add_argument("--helps", default=default, help="what they help with")


def _new(handler: Handler) -> Handler:
    """An action of its own refuses the older ``people --add`` options mixed in."""

    def run(args: argparse.Namespace, nav: Navigator) -> int:
        older = ["--add", *(f"--{name}" for name in FIELDS)]
        given = [flag for flag in older if getattr(args, f"old_{flag[2:]}") is not None]
        if given:
            raise UsageError(
                f"{given[0]} goes after the action, not before it: "
                f"spms-navigator people add NAME --role care-team"
            )
        return handler(args, nav)

    return run


def checked_person(nav: Navigator, person_id: int) -> Person:
    person = nav.people.get(person_id)
    if person is None:
        raise InputError(f"There is no person number {person_id}. {PEOPLE_HINT}")
    return person


def person_record(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "role": str(person.role),
        "role_label": person.role.label,
        "specialty": person.specialty,
        "contact": person.contact,
        "helps_with": person.helps_with,
    }


def _named(name: str) -> str:
    if not name.strip():
        raise UsageError(
            "The name is empty. Give the person's name, or the group's: "
            'spms-navigator people add "Dr Lee"'
        )
    return name


def people_default(args: argparse.Namespace, nav: Navigator) -> int:
    """``people`` alone lists; the older ``people --add NAME --role ...`` adds first."""
    given = [f"--{name}" for name in FIELDS if getattr(args, f"old_{name}") is not None]
    if args.old_add is None and given:
        raise UsageError(
            f"{given[0]} goes with adding or changing a person: "
            f"spms-navigator people add NAME {given[0]} ..., or people edit NUMBER {given[0]} ..."
        )
    if args.old_add is not None and args.json:
        raise UsageError('--json goes with: spms-navigator people add "NAME" --json')
    if args.old_add is not None:
        args.name = args.old_add
        for name in FIELDS:
            setattr(args, name, getattr(args, f"old_{name}") or ("other" if name == "role" else ""))
        people_add(args, nav)
    return people_list(args, nav)


def people_list(args: argparse.Namespace, nav: Navigator) -> int:
    people = nav.people.all()
    if args.json:
        return emit_json("people", people=[person_record(p) for p in people])
    if people:
        out("\n".join(f"{p.id}\t{one_line(p.sentence())}" for p in people))
    else:
        tell('Nobody in My people yet. To add someone: spms-navigator people add "Dr Lee"')
    return OK


def people_show(args: argparse.Namespace, nav: Navigator) -> int:
    person = checked_person(nav, args.id)
    if args.json:
        return emit_json("person", person=person_record(person))
    out(f"Person {person.id}: {one_line(person.sentence())}")
    items = [e for e in nav.checklist.entries() if e.person_id == person.id]
    for entry in items:
        out(f"Helps with checklist item {entry.id}: {one_line(entry.text)}")
    return OK


def people_add(args: argparse.Namespace, nav: Navigator) -> int:
    person = nav.people.add(_named(args.name), args.role, args.specialty, args.contact, args.helps)
    if args.json:
        return emit_json("person", person=person_record(person))
    out(f"Saved person {person.id}: {one_line(person.sentence())}")
    return OK


def people_edit(args: argparse.Namespace, nav: Navigator) -> int:
    changes = [args.name, args.role, args.specialty, args.contact, args.helps]
    if all(value is None for value in changes):
        raise UsageError(
            "Say what to change: --name, --role, --specialty, --contact or --helps. "
            'For example: spms-navigator people edit 2 --contact "555 0199"'
        )
    now = checked_person(nav, args.id)
    person = nav.people.update(
        now.id,
        now.name if args.name is None else _named(args.name),
        now.role if args.role is None else args.role,
        now.specialty if args.specialty is None else args.specialty,
        now.contact if args.contact is None else args.contact,
        now.helps_with if args.helps is None else args.helps,
    )
    if args.json:
        return emit_json("person", person=person_record(person))
    out(f"Saved person {person.id}: {one_line(person.sentence())}")
    return OK


def people_delete(args: argparse.Namespace, nav: Navigator) -> int:
    person = checked_person(nav, args.id)
    confirm(
        f"Remove {one_line(person.name)} (number {person.id}) from My people?",
        args.yes,
        refusal=f"Not removed. Add --yes to remove person {person.id}.",
        kept=f"Kept {end_sentence(one_line(person.name))}",
    )
    nav.people.delete(person.id)
    out(f"Removed person {person.id}: {one_line(person.name)}")
    return OK


def _unwanted_record(item: UnwantedHelp) -> dict[str, Any]:
    return {"id": item.id, "text": item.text}


def unwanted_list(args: argparse.Namespace, nav: Navigator) -> int:
    items = nav.people.unwanted()
    if args.json:
        return emit_json("unwanted-help", unwanted_help=[_unwanted_record(u) for u in items])
    if items:
        out("\n".join(f"{u.id}\t{one_line(u.text)}" for u in items))
    else:
        tell('Nothing listed yet. To add a line: spms-navigator people unwanted add "..."')
    return OK


def unwanted_add(args: argparse.Namespace, nav: Navigator) -> int:
    if not args.text.strip():
        raise UsageError(
            "The text is empty. Say the help you do not want: "
            'spms-navigator people unwanted add "Advice about diets"'
        )
    item = nav.people.add_unwanted(args.text)
    out(f"Saved line {item.id} of help you do not want: {one_line(item.text)}")
    return OK


def unwanted_delete(args: argparse.Namespace, nav: Navigator) -> int:
    found = [u for u in nav.people.unwanted() if u.id == args.id]
    if not found:
        raise InputError(
            f"There is no line number {args.id} of help you do not want. {UNWANTED_HINT}"
        )
    confirm(
        f"Delete line {args.id}, {one_line(found[0].text)}?",
        args.yes,
        refusal=f"Not deleted. Add --yes to delete line {args.id}.",
        kept=f"Kept line {args.id}.",
    )
    nav.people.delete_unwanted(args.id)
    out(f"Deleted line {args.id}: {one_line(found[0].text)}")
    return OK
