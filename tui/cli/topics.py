"""``spms-navigator topics`` (and ``--search``), ``topic ID`` and ``urgent``: the shipped
reading, with its sources, contacts and web addresses, and where to get help now.

They read only the shipped content, never the data file: they work while the app is
open, and start without the storage code.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree, add_json
from tui.cli.output import OK, UsageError, emit_json, out, tell
from tui.core.content import Library, default_library
from tui.core.models import BlockKind, Contact, Source, Topic
from tui.core.search import query_words
from tui.core.text import InputError

if TYPE_CHECKING:
    from tui.core.service import Navigator

COMMANDS = COMMANDS_OF["topics"]


def register(tree: Tree) -> None:
    topics = tree.add(
        ("topics",),
        COMMANDS["topics"],
        ["topics", "topics --json", "topics --search respite", "topics --search care team --json"],
        handler=topics_list,
        more="With --search, each topic and checklist item that holds every word is printed "
        "as its id and one line: where it was found, and the sentence that holds the words.",
    )
    topics.add_argument(
        "--search",
        nargs="+",
        metavar="WORD",
        help="find these words in every topic and checklist item (any case; the start of a "
        "word is enough)",
    )
    topics.set_defaults(needs_data=False)
    add_json(topics)
    topic = tree.add(
        ("topic",),
        COMMANDS["topic"],
        ["topic emotional-support", "topic care-team --json"],
        handler=topic_show,
    )
    topic.add_argument("id", metavar="TOPIC", help="the topic's id (see: topics)")
    topic.set_defaults(needs_data=False)
    add_json(topic)
    urgent = tree.add(
        ("urgent",), COMMANDS["urgent"], ["urgent", "urgent --json"], handler=urgent_help
    )
    urgent.set_defaults(needs_data=False)  # works even when the data file cannot be read
    add_json(urgent)


def topic_record(topic: Topic, full: bool, library: Library) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary,
        "last_reviewed": topic.reviewed.isoformat() if topic.reviewed else None,
        "next_review": topic.next_review.isoformat() if topic.next_review else None,
        "checklist_items": list(topic.checklist_ids),
    }
    if full:
        record["blocks"] = [
            {"kind": str(b.kind), "text": b.text, "own": b.own} for b in topic.blocks
        ]
        record["contacts"] = [contact_record(c) for c in topic.contacts]
        record["sources"] = [source_record(s) for s in library.topic_sources(topic)]
    return record


def contact_record(contact: Contact) -> dict[str, Any]:
    return {
        "name": contact.name,
        "how": contact.how,
        "what": contact.what,
        "country": contact.country,
        "phone": contact.phone,
        "url": contact.link,
        "note": contact.note,
        "sentence": contact.sentence(),
    }


def source_record(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "detail": source.detail,
        "date_note": source.date_note,
        "kind": str(source.kind),
        "publisher": source.publisher,
        "authors": source.authors,
        "year": source.year,
        "journal": source.journal,
        "doi": source.doi,
        "url": source.address,
        "checked": source.checked.isoformat() if source.checked else None,
        "sentence": source.sentence(),
    }


def topics_list(args: argparse.Namespace) -> int:
    library = default_library()
    if args.search is not None:
        return search(" ".join(args.search), args.json, library)
    if args.json:
        return emit_json("topics", topics=[topic_record(t, False, library) for t in library.topics])
    out("\n".join(f"{t.id}\t{t.title}. {t.summary}" for t in library.topics))
    return OK


def checked_topic(nav: Navigator, topic_id: str) -> Topic:
    return topic_named(nav.library, topic_id)


def topic_named(library: Library, topic_id: str) -> Topic:
    try:
        return library.topic(topic_id)
    except KeyError:
        raise InputError(
            f"There is no topic called {topic_id!r}. To see the ids, run: spms-navigator topics"
        ) from None


def topic_show(args: argparse.Namespace) -> int:
    library = default_library()
    found = topic_named(library, args.id)
    if args.json:
        return emit_json(
            "topic", topic=topic_record(found, True, library), not_advice=library.app.not_advice
        )
    out(found.title)
    out("")
    own_label = library.app.own_explanation
    for block in found.blocks:
        text = block.marked_text(own_label)
        out(f"- {text}" if block.kind is BlockKind.BULLET else text)
    for contact in found.contacts:
        out(f"Contact: {contact.sentence()}")
    for source in library.topic_sources(found):
        out(f"Source: {source.sentence()}")
    out(found.review_sentence())
    out(library.app.not_advice)
    return OK


def search(words: str, as_json: bool, library: Library) -> int:
    """Every topic and checklist item holding all of ``words``: id, then one line each."""
    if not query_words(words):
        raise UsageError(
            "--search needs a word to find, for example: spms-navigator topics --search respite"
        )
    hits = library.search(words)
    if as_json:
        return emit_json(
            "search",
            words=words,
            hits=[
                {"kind": str(h.kind), "id": h.id, "title": h.title, "sentence": h.sentence}
                for h in hits
            ],
        )
    if not hits:
        tell(f"Nothing found for '{words}'. Try another word, or the start of one.")
        return OK
    out("\n".join(f"{hit.id}\t{hit.line()}" for hit in hits))
    return OK


def urgent_help(args: argparse.Namespace) -> int:
    lines = default_library().app.urgent_help
    if args.json:
        return emit_json("urgent-help", lines=list(lines))
    out("Urgent help.")
    out("\n".join(lines))
    return OK
