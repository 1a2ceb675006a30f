"""``spms-navigator note ...``: add, list, show, edit, delete, raise and un-raise notes."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli import editor
from tui.cli.index import COMMANDS_OF
from tui.cli.note_delete import note_delete
from tui.cli.options import PRIVATE_TEXT, Tree, add_json, add_yes
from tui.cli.output import (
    OK,
    NotDone,
    UsageError,
    ask,
    emit_json,
    interactive,
    out,
    read_stdin,
    read_text,
    tell,
)
from tui.cli.topics import checked_topic
from tui.core.models import Note, NoteKind
from tui.core.service import ITEM_LINK, TOPIC_LINK, Navigator, display_time
from tui.core.text import InputError, end_sentence, one_line
from tui.core.visits import VISIT_LIST_HINT

#: The kinds a note can have, and "worry", the word most people use for a concern.
KINDS = [*(kind.value for kind in NoteKind), "worry"]
NOTE_LIST_HINT = "To see your notes and their numbers, run: spms-navigator note list"


COMMANDS = COMMANDS_OF["notes"]


def register(tree: Tree) -> None:
    tree.add(
        ("note",),
        COMMANDS["note"],
        ["note add --title Heat --kind question < heat.txt", "note list", "note show 3"],
    )
    tree.commands(("note",), required=True)

    add = tree.add(
        ("note", "add"),
        "Add a note. Its text comes from --body, or stdin, or (in a terminal) your editor.",
        [
            'note add --title "Stairs" --kind change < stairs.txt',
            'echo "Slower on the stairs." | spms-navigator note add --title Stairs',
            'note add --title "Who leads my care?" --topic care-team --body ""',
        ],
        handler=note_add,
        more=PRIVATE_TEXT,
    )
    add.add_argument("--title", required=True, help="the note's title")
    add.add_argument("--body", metavar="TEXT", help="the note's text, or - for stdin")
    add.add_argument(
        "--kind",
        choices=KINDS,
        default="plain",
        help="what the note is for (worry is the same as concern)",
    )
    _link_options(add, with_none=False)
    add_json(add)

    listing = tree.add(
        ("note", "list"),
        "List notes, newest first: number, date and title.",
        ["note list", "note list --filter stairs --kind change", "note list --json"],
        handler=note_list,
    )
    listing.add_argument("--filter", metavar="TEXT", help="only notes holding TEXT")
    listing.add_argument("--kind", choices=KINDS, help="only notes of this kind (worry: concern)")
    listing.add_argument(
        "--raised",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="only notes raised with the care team (--no-raised: not yet)",
    )
    add_json(listing)

    show = tree.add(
        ("note", "show"),
        "Print one note.",
        ["note show 3", "note show 3 --json"],
        handler=note_show,
    )
    show.add_argument("id", type=int, metavar="NOTE", help="the note's number")
    add_json(show)

    edit = tree.add(
        ("note", "edit"),
        "Change a note's title, text, kind or link. What you leave out stays; in a terminal, "
        "the note number alone opens its text in your editor.",
        [
            'note edit 3 --title "Heat and tiredness"',
            "note edit 3 --body - < new-text.txt",
            "note edit 3 --kind concern --no-link",
        ],
        handler=note_edit,
        more=PRIVATE_TEXT,
    )
    edit.add_argument("id", type=int, metavar="NOTE", help="the note's number")
    edit.add_argument("--title", help="the new title")
    edit.add_argument("--body", metavar="TEXT", help="the new text, or - for stdin")
    edit.add_argument(
        "--kind", choices=KINDS, help="what the note is for (worry is the same as concern)"
    )
    _link_options(edit, with_none=True)
    add_json(edit)

    delete = tree.add(
        ("note", "delete"),
        "Delete one note. It cannot be undone.",
        ["note delete 3", "note delete 3 --yes", "note delete 3 --from-backups --yes"],
        handler=note_delete,
    )
    delete.add_argument("id", type=int, metavar="NOTE", help="the note's number")
    delete.add_argument(
        "--from-backups",
        action="store_true",
        help="remove it from the dated backup copies too (also for a note deleted before)",
    )
    add_yes(delete, "delete it")

    raise_ = tree.add(
        ("note", "raise"),
        "Mark a note as raised with your care team, with their answer if you like.",
        [
            'note raise 3 --answer "Keep cool; try a cooling vest."',
            "note raise 3 --answer - < a.txt",
            "note raise 3 --visit 2",
        ],
        handler=note_raise,
    )
    raise_.add_argument("id", type=int, metavar="NOTE", help="the note's number")
    raise_.add_argument("--answer", metavar="TEXT", help="what they said, or - for stdin")
    at = raise_.add_mutually_exclusive_group()
    at.add_argument(
        "--visit",
        type=int,
        metavar="VISIT",
        help="the visit it was raised at (default: the visit had since the note was written, "
        "else the planned one; see: visit list)",
    )
    at.add_argument("--no-visit", action="store_true", help="raised, but at no visit on record")

    unraise = tree.add(
        ("note", "unraise"),
        "Put a raised note back on the list for your visit.",
        ["note unraise 3"],
        handler=note_unraise,
    )
    unraise.add_argument("id", type=int, metavar="NOTE", help="the note's number")


def _link_options(parser: argparse.ArgumentParser, with_none: bool) -> None:
    link = parser.add_mutually_exclusive_group()
    link.add_argument("--topic", metavar="TOPIC", help="link the note to a topic (see: topics)")
    link.add_argument(
        "--item", metavar="ITEM", help="link the note to a checklist item (see: checklist list)"
    )
    if with_none:
        link.add_argument("--no-link", action="store_true", help="unlink it from any topic or item")


def _link(nav: Navigator, args: argparse.Namespace) -> str | None:
    """The stored link the options ask for ("" for none), or None if they say nothing."""
    if args.topic:
        checked_topic(nav, args.topic)
        return f"{TOPIC_LINK}{args.topic}"
    if args.item:
        checked_entry(nav, args.item)
        return f"{ITEM_LINK}{args.item}"
    return "" if getattr(args, "no_link", False) else None


def note_kind(word: str) -> NoteKind:
    """The kind a --kind word names: "worry" is a concern."""
    return NoteKind.CONCERN if word == "worry" else NoteKind(word)


def checked_entry(nav: Navigator, item_id: str) -> Any:
    try:
        return nav.checklist.entry(item_id)
    except InputError as error:
        raise InputError(f"{error} To see the ids, run: spms-navigator checklist list") from None


def checked_note(nav: Navigator, note_id: int) -> Note:
    try:
        return nav.notes.get(note_id)
    except InputError as error:
        raise InputError(f"{error} {NOTE_LIST_HINT}") from None


def note_record(note: Note, labels: dict[str, str]) -> dict[str, Any]:
    """A note for JSON: stable number, stored ISO 8601 times, the link split into its parts."""
    link = None
    if note.link:
        kind, _, target = note.link.partition(":")
        link = {"type": kind, "id": target, "label": labels.get(note.link)}
    return {
        "id": note.id,
        "title": note.title,
        "body": note.body,
        "kind": str(note.kind),
        "created": note.created,
        "updated": note.updated,
        "link": link,
        "raised": note.raised,
        "answer": note.answer,
        "visit_id": note.visit_id,
    }


def note_add(args: argparse.Namespace, nav: Navigator) -> int:
    body = read_text(args.body, "the note's text")
    if body is None:
        body = editor.edit("", "the note") if interactive() else read_stdin()
    link = _link(nav, args) or ""
    note = nav.notes.create(args.title, body, link, note_kind(args.kind))
    if args.json:
        return emit_json("note", note=note_record(note, nav.link_labels()))
    out(f"Saved note {note.id}: {one_line(note.display_title)}")
    return OK


def note_list(args: argparse.Namespace, nav: Navigator) -> int:
    notes = nav.notes.all(args.filter or "")
    if args.kind:
        notes = [n for n in notes if n.kind is note_kind(args.kind)]
    if args.raised is not None:
        notes = [n for n in notes if n.raised is args.raised]
    if args.json:
        labels = nav.link_labels()
        return emit_json("notes", notes=[note_record(n, labels) for n in notes])
    lines = []
    for note in notes:
        tags = [] if note.kind is NoteKind.PLAIN else [note.kind.label]
        tags += ["raised"] if note.raised else []
        tag = f" [{', '.join(tags)}]" if tags else ""
        lines.append(
            f"{note.id}\t{display_time(note.created)}\t{one_line(note.display_title)}{tag}"
        )
    if lines:
        out("\n".join(lines))
    else:
        narrowed = args.filter or args.kind or args.raised is not None
        tell("No notes match." if narrowed else "No notes yet.")
    return OK


def note_show(args: argparse.Namespace, nav: Navigator) -> int:
    note = checked_note(nav, args.id)
    if args.json:
        return emit_json("note", note=note_record(note, nav.link_labels()))
    out(f"Note {note.id}: {one_line(note.display_title)}")
    out(f"Kind: {note.kind.label}")
    out(f"Written: {display_time(note.created)}. Changed: {display_time(note.updated)}.")
    if label := nav.link_label(note.link) if note.link else None:
        out(f"About: {label}")
    if note.raised:
        visit = nav.visits.get(note.visit_id) if note.visit_id in _visit_ids(nav) else None
        at = f" at the visit on {one_line(visit.title(nav.people))}" if visit else ""
        said = end_sentence(f"Raised with the care team{at}")
        out(f"{said} Answer: {one_line(note.answer) or 'none noted'}")
    out("")
    out(note.body)
    return OK


def note_edit(args: argparse.Namespace, nav: Navigator) -> int:
    changes = (args.title, args.body, args.kind, args.topic, args.item)
    in_editor = all(value is None for value in changes) and not args.no_link
    if in_editor and not interactive():
        raise UsageError(
            "Say what to change: --title, --body, --kind, --topic, --item or --no-link. "
            'For example: spms-navigator note edit 3 --title "New title" (in a terminal, '
            "note edit 3 alone opens the text in your editor)"
        )
    note = checked_note(nav, args.id)
    body = editor.edit(note.body, f"note {note.id}") if in_editor else None
    body = read_text(args.body, "the note's new text") if body is None else body
    kind = note_kind(args.kind) if args.kind else None
    saved = nav.notes.update(
        note.id,
        note.title if args.title is None else args.title,
        note.body if body is None else body,
        _link(nav, args),
        kind,
    )
    if args.json:
        return emit_json("note", note=note_record(saved, nav.link_labels()))
    if saved == note:
        out(f"Nothing changed in note {note.id}: it already says that.")
    else:
        out(f"Saved note {saved.id}: {one_line(saved.display_title)}")
    return OK


def note_raise(args: argparse.Namespace, nav: Navigator) -> int:
    """Raised at a visit: the one named, else the newest so far. Raising a note already
    raised changes its answer (and its visit, if one is named) and keeps the rest."""
    note = checked_note(nav, args.id)
    answer = read_text(args.answer, "their answer")
    answer = note.answer if answer is None else answer
    if args.no_visit:
        saved, visit = nav.visits.raise_note(note.id, answer, None)
    elif args.visit is not None:
        try:
            nav.visits.get(args.visit)
        except InputError as error:
            raise InputError(f"{error} {VISIT_LIST_HINT}") from None
        saved, visit = nav.visits.raise_note(note.id, answer, args.visit)
    elif note.raised:
        saved = nav.notes.set_answer(note.id, answer)
        visit = nav.visits.get(note.visit_id) if note.visit_id in _visit_ids(nav) else None
    else:
        saved, visit = nav.visits.raise_note(note.id, answer, _which_visit(nav, note))
    said = f" Their answer: {one_line(saved.answer)}" if saved.answer else ""
    at = f" at your visit on {one_line(visit.title(nav.people))}" if visit else ""
    out(end_sentence(f"Marked note {saved.id} as raised with your care team{at}") + said)
    return OK


def _which_visit(nav: Navigator, note: Note) -> int | None:
    """The visit a note raised now belongs to; when it could be one of several, the person
    says which (in a terminal), or the command says how to name one."""
    choices = nav.visits.raise_choices(note)
    if len(choices) <= 1:
        return choices[0].id if choices else None
    listed = "; ".join(f"{v.id} on {one_line(v.title(nav.people))}" for v in choices)
    question = f"Note {note.id} could be for {len(choices)} visits: {listed}."
    if not interactive():
        raise UsageError(
            f"{question} Say which one note {note.id} is for, for example: "
            f"spms-navigator note raise {note.id} --visit {choices[0].id}"
        )
    typed = ask(f"{question} Which one was it raised for? Type its number: ")
    for visit in choices:
        if typed == str(visit.id):
            return visit.id
    raise NotDone(f"Not marked: {typed or 'nothing'} is not one of those visits.")


def _visit_ids(nav: Navigator) -> set[int]:
    return {v.id for v in nav.visits.all()}


def note_unraise(args: argparse.Namespace, nav: Navigator) -> int:
    note = checked_note(nav, args.id)
    if not note.raised:
        out(f"Note {note.id} was not marked as raised: it is on the list for your next visit.")
        return OK
    nav.notes.unraise(note.id)
    out(f"Note {note.id} is back on the list for your next visit.")
    return OK
