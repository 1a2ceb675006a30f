"""``spms-navigator topics`` and ``topic ID``: the shipped reading, with its sources."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.options import Tree, add_json
from tui.cli.output import OK, emit_json, out
from tui.core.models import BlockKind, Topic
from tui.core.service import Navigator
from tui.core.text import InputError

COMMANDS = {
    "topics": "List the topics: id, title and what each is about.",
    "topic": "Print one topic, with its contacts and sources.",
}


def register(tree: Tree) -> None:
    topics = tree.add(
        ("topics",),
        COMMANDS["topics"],
        ["topics", "topics --json"],
        handler=topics_list,
    )
    add_json(topics)
    topic = tree.add(
        ("topic",),
        COMMANDS["topic"],
        ["topic emotional-support", "topic care-team --json"],
        handler=topic_show,
    )
    topic.add_argument("id", metavar="TOPIC", help="the topic's id (see: topics)")
    add_json(topic)


def topic_record(topic: Topic, full: bool, nav: Navigator) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary,
        "last_reviewed": topic.reviewed.isoformat() if topic.reviewed else None,
        "next_review": topic.next_review.isoformat() if topic.next_review else None,
        "checklist_items": list(topic.checklist_ids),
    }
    if full:
        record["blocks"] = [{"kind": str(b.kind), "text": b.text} for b in topic.blocks]
        record["contacts"] = [
            {"name": c.name, "how": c.how, "what": c.what} for c in topic.contacts
        ]
        record["sources"] = [
            {"id": s.id, "title": s.title, "detail": s.detail, "date_note": s.date_note}
            for s in nav.library.topic_sources(topic)
        ]
    return record


def topics_list(args: argparse.Namespace, nav: Navigator) -> int:
    if args.json:
        return emit_json("topics", topics=[topic_record(t, False, nav) for t in nav.topics])
    out("\n".join(f"{t.id}\t{t.title}. {t.summary}" for t in nav.topics))
    return OK


def checked_topic(nav: Navigator, topic_id: str) -> Topic:
    try:
        return nav.topic(topic_id)
    except InputError:
        raise InputError(
            f"There is no topic called {topic_id!r}. To see the ids, run: spms-navigator topics"
        ) from None


def topic_show(args: argparse.Namespace, nav: Navigator) -> int:
    found = checked_topic(nav, args.id)
    if args.json:
        return emit_json(
            "topic", topic=topic_record(found, True, nav), not_advice=nav.library.app.not_advice
        )
    out(found.title)
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
