"""The subcommands of ``spms-navigator``: plain text on stdout, errors on stderr.

Each function takes the parsed arguments and an open ``Navigator`` and returns an
exit status. They only call the core, like the screens do. Text from the
person's own notes is printed with control characters made harmless.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core import appointment, backup
from tui.core.models import BlockKind, NoteKind
from tui.core.service import ITEM_LINK, TOPIC_LINK, Navigator, display_time
from tui.core.text import one_line, safe_for_terminal

OK = 0
FAILED = 1


def out(text: str = "") -> None:
    print(safe_for_terminal(text))


def note_add(args: argparse.Namespace, nav: Navigator) -> int:
    body = args.body if args.body is not None else ("" if sys.stdin.isatty() else sys.stdin.read())
    link = (
        f"{TOPIC_LINK}{args.topic}"
        if args.topic
        else f"{ITEM_LINK}{args.item}"
        if args.item
        else ""
    )
    note = nav.create_note(args.title, body, link, NoteKind(args.kind))
    out(f"Saved note {note.id}: {one_line(note.display_title)}")
    return OK


def note_list(args: argparse.Namespace, nav: Navigator) -> int:
    notes = nav.notes(args.filter or "")
    if args.kind:
        notes = [n for n in notes if n.kind is NoteKind(args.kind)]
    for note in notes:
        kind = "" if note.kind is NoteKind.PLAIN else f" [{note.kind.label}]"
        out(f"{note.id}\t{display_time(note.created)}\t{one_line(note.display_title)}{kind}")
    if not notes:
        print("No notes match." if args.filter or args.kind else "No notes yet.", file=sys.stderr)
    return OK


def note_show(args: argparse.Namespace, nav: Navigator) -> int:
    note = nav.note(args.id)
    out(f"Title: {one_line(note.display_title)}")
    out(f"Kind: {note.kind.label}")
    out(f"Written: {display_time(note.created)}. Changed: {display_time(note.updated)}.")
    if label := nav.link_label(note.link) if note.link else None:
        out(f"About: {label}")
    if note.raised:
        out(f"Raised with the care team. Answer: {one_line(note.answer) or 'none noted'}")
    out("")
    out(note.body)
    return OK


def note_delete(args: argparse.Namespace, nav: Navigator) -> int:
    if not args.yes:
        print("Deleting cannot be undone. Add --yes to delete the note.", file=sys.stderr)
        return FAILED
    note = nav.delete_note(args.id)
    out(f"Deleted note {args.id}: {one_line(note.display_title)}")
    return OK


def checklist(args: argparse.Namespace, nav: Navigator) -> int:
    if args.done or args.undo:
        entry = nav.set_done(args.done or args.undo, bool(args.done))
        out(f"Saved: {entry.text} is {entry.status_words}.")
    entries = nav.checklist()
    out(f"Progress: {nav.progress(entries).sentence()}.")
    for entry in entries:
        helper = f" Who helps: {one_line(entry.helper)}." if entry.helper else ""
        out(f"{entry.id}\t{one_line(entry.text)}: {entry.status_words}.{helper}")
    return OK


def topics(_args: argparse.Namespace, nav: Navigator) -> int:
    for topic in nav.topics:
        out(f"{topic.id}\t{topic.title}. {topic.summary}")
    return OK


def topic(args: argparse.Namespace, nav: Navigator) -> int:
    found = nav.topic(args.id)
    out(f"{found.title}")
    out("")
    for block in found.blocks:
        out(f"- {block.text}" if block.kind is BlockKind.BULLET else block.text)
    for contact in found.contacts:
        out(f"Contact: {contact.sentence()}")
    for source in nav.library.topic_sources(found):
        out(f"Source: {source.sentence()}")
    out(f"Last reviewed on {found.last_reviewed}.")
    out(nav.library.app.not_advice)
    return OK


def people(args: argparse.Namespace, nav: Navigator) -> int:
    if args.add:
        person = nav.people.add(args.add, args.role, args.specialty, args.contact, args.helps)
        out(f"Saved: {one_line(person.sentence())}")
    for person in nav.people.all():
        out(f"{person.id}\t{one_line(person.sentence())}")
    for item in nav.people.unwanted():
        out(f"Help I do not want: {one_line(item.text)}")
    return OK


def export(args: argparse.Namespace, nav: Navigator) -> int:
    payload = {
        "md": lambda: backup.export_markdown(nav).encode(),
        "json": lambda: backup.export_json(nav),
        "appointment-md": lambda: appointment.summary(nav, markdown=True).encode(),
        "appointment-txt": lambda: appointment.summary(nav, markdown=False).encode(),
    }[args.format]()
    if args.output == "-":
        sys.stdout.write(
            safe_for_terminal(payload.decode()) if sys.stdout.isatty() else payload.decode()
        )
        return OK
    path = backup.write_export(Path(args.output), payload, overwrite=args.force)
    out(f"Exported to {path} (readable by you only).")
    return OK


def import_backup(args: argparse.Namespace, nav: Navigator) -> int:
    data = backup.read_backup(Path(args.file))
    plan = backup.plan_import(nav, data)
    out(f"Importing {args.file} would add or change:")
    for sentence in plan.sentences():
        out(f"  {sentence}")
    for change in plan.changes():
        out(f"  {change}")
    if plan.empty:
        return OK
    if not args.yes:
        print("Nothing was changed. Add --yes to import.", file=sys.stderr)
        return FAILED
    backup.apply_import(nav, plan)
    out("Imported. Nothing was duplicated.")
    return OK


def delete_all(args: argparse.Namespace, nav: Navigator) -> int:
    if args.confirm != backup.DELETE_PHRASE:
        print(
            f"This deletes every note, tick, person and setting. To go ahead, add "
            f'--confirm "{backup.DELETE_PHRASE}".',
            file=sys.stderr,
        )
        return FAILED
    removed = backup.delete_all(nav)
    copies = "1 older copy" if len(removed) == 1 else f"{len(removed)} older copies"
    out(f"Deleted everything in {nav.store.path}, and {copies} beside it.")
    out(backup.DELETE_HONESTY)
    return OK
