"""``note delete``: a note, and on the person's word its dated backup copies too.

A deleted note stays in each dated copy made before, for up to 60 days. Asked in a
terminal, the person chooses; ``--from-backups`` chooses it in a script (and works
for a note deleted earlier); otherwise the command says where the note remains.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.output import OK, NotDone, ask, confirm, interactive, out, tell
from tui.core.service import Navigator
from tui.core.text import InputError, one_line

if TYPE_CHECKING:  # the storage code is imported only when a note is deleted
    from tui.core.copies import Removed


def note_delete(args: argparse.Namespace, nav: Navigator) -> int:
    """Delete a note; then, on the person's word, remove it from the dated backup copies
    too, or say where it remains."""
    from tui.cli.notes import checked_note  # it imports this module
    from tui.core.copies import copies_words, remove_question, still_in_copies

    try:
        note = checked_note(nav, args.id)
    except InputError:
        if not args.from_backups:
            raise
        return _remove_deleted_note_from_copies(args, nav)
    held = nav.notes.copies_holding(note.id) if args.from_backups else 0
    also = f" and remove it from {copies_words(held)}" if held else ""
    confirm(
        f"Delete note {note.id}, {one_line(note.display_title)}{also}? It cannot be undone.",
        args.yes,
        refusal=f"Not deleted. Deleting cannot be undone: add --yes to delete note {note.id}.",
        kept=f"Kept note {note.id}.",
    )
    nav.notes.delete(note.id)
    out(f"Deleted note {note.id}: {one_line(note.display_title)}")
    if aside := nav.notes.kept_aside_sentence(note.id):
        tell(aside)
    held = held or nav.notes.copies_holding(note.id)
    if not held:
        return OK
    if not args.from_backups and not _yes_to(remove_question(held), args.yes):
        tell(
            f"{still_in_copies(held)} To remove it from them too, run: "
            f"spms-navigator note delete {note.id} --from-backups"
        )
        return OK
    return _said(nav.notes.remove_from_copies(note.id))


def _yes_to(question: str, yes: bool) -> bool:
    """Asked in a terminal only: ``--yes`` agrees to the deletion, not to this too."""
    if yes or not interactive():
        return False
    answer = ask(f"{question} Type y and press Enter to remove it, or just Enter to keep them: ")
    return answer in {"y", "yes"}


def _said(removed: Removed, what: str = "") -> int:
    if removed.failed:
        raise NotDone(removed.sentence(what))
    out(removed.sentence(what))
    return OK


def _remove_deleted_note_from_copies(args: argparse.Namespace, nav: Navigator) -> int:
    from tui.core.copies import copies_words

    held = nav.notes.copies_holding(args.id)
    if not held:
        raise InputError(f"There is no note {args.id}, in your notes or in any backup copy.")
    confirm(
        f"Note {args.id} was deleted before. Remove it from {copies_words(held)}? "
        "Then no backup can bring it back.",
        args.yes,
        refusal=f"Nothing removed: add --yes to remove note {args.id} from the backup copies.",
        kept="Nothing was removed.",
    )
    return _said(nav.notes.remove_from_copies(args.id), f"note {args.id}")
