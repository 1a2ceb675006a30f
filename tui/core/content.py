"""Loading the topics, sources and checklist from the TOML files in ``data/``.

Content is data, not code, so that it can be reviewed and corrected by people who
do not program. The loader checks every cross-reference (a topic's sources, a
checklist item's group and topic) so a typo fails the test suite, not a user.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.models import (
    Block,
    BlockKind,
    ChecklistGroup,
    ChecklistTemplateItem,
    Contact,
    Source,
    Topic,
)


class ContentError(Exception):
    """The content files are missing or inconsistent (a packaging or editing mistake)."""


@dataclass(frozen=True)
class AppText:
    name: str
    tagline: str
    not_advice: str
    content_reviewed: str
    prompts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Library:
    """All the read-only content the app ships with."""

    app: AppText
    topics: tuple[Topic, ...]
    sources: dict[str, Source]
    groups: tuple[ChecklistGroup, ...]
    checklist: tuple[ChecklistTemplateItem, ...]

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def group_title(self, group_id: str) -> str:
        for group in self.groups:
            if group.id == group_id:
                return group.title
        return "My own items"

    def topic_sources(self, topic: Topic) -> list[Source]:
        return [self.sources[source_id] for source_id in topic.source_ids]


def parse_body(text: str) -> tuple[Block, ...]:
    """Split a topic body into headings (``## ``), bullets (``- ``) and paragraphs.

    A deliberately tiny format: every block becomes one line a screen reader can
    land on, so we do not need a Markdown renderer at start-up.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            blocks.append(Block(BlockKind.HEADING, line[3:].strip()))
        elif line.startswith("- "):
            flush()
            blocks.append(Block(BlockKind.BULLET, line[2:].strip()))
        else:
            paragraph.append(line)
    flush()
    return tuple(blocks)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as error:
        raise ContentError(f"The content file {path} is missing. Reinstall the app.") from error
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"The content file {path} has a mistake: {error}.") from error


def _load_topic(path: Path) -> tuple[int, Topic]:
    raw = _read_toml(path)
    try:
        topic = Topic(
            id=raw["id"],
            title=raw["title"],
            summary=raw["summary"],
            blocks=parse_body(raw["body"]),
            contacts=tuple(
                Contact(name=c["name"], how=c.get("how", ""), what=c.get("what", ""))
                for c in raw.get("contact", [])
            ),
            source_ids=tuple(raw["sources"]),
            last_reviewed=raw["last_reviewed"],
            checklist_ids=tuple(raw.get("checklist", [])),
        )
    except KeyError as error:
        raise ContentError(f"The topic file {path.name} has no {error.args[0]!r}.") from error
    return int(raw.get("order", 999)), topic


def load_library(directory: Path | None = None) -> Library:
    """Read and cross-check every content file."""
    base = directory or paths.content_dir()
    app_raw = _read_toml(base / "app.toml")
    app = AppText(
        name=app_raw["name"],
        tagline=app_raw["tagline"],
        not_advice=app_raw["not_advice"],
        content_reviewed=app_raw["content_reviewed"],
        prompts=tuple(app_raw.get("prompts", ())),
    )
    sources = {
        s["id"]: Source(s["id"], s["title"], s["detail"], s["date_note"])
        for s in _read_toml(base / "sources.toml")["source"]
    }
    topic_files = sorted((base / "topics").glob("*.toml"))
    if not topic_files:
        raise ContentError(f"No topics were found in {base / 'topics'}. Reinstall the app.")
    topics = tuple(t for _, t in sorted((_load_topic(p) for p in topic_files), key=lambda x: x[0]))
    checklist_raw = _read_toml(base / "checklist.toml")
    groups = tuple(ChecklistGroup(g["id"], g["title"]) for g in checklist_raw["group"])
    items = tuple(
        ChecklistTemplateItem(
            id=i["id"],
            group_id=i["group"],
            text=i["text"],
            why=i["why"],
            topic_id=i.get("topic", ""),
        )
        for i in checklist_raw["item"]
    )
    library = Library(app, topics, sources, groups, items)
    _check(library)
    return library


def _check(library: Library) -> None:
    topic_ids = {t.id for t in library.topics}
    group_ids = {g.id for g in library.groups}
    item_ids = {i.id for i in library.checklist}
    if len(topic_ids) != len(library.topics) or len(item_ids) != len(library.checklist):
        raise ContentError("Two topics or two checklist items share an id.")
    for topic in library.topics:
        for source_id in topic.source_ids:
            if source_id not in library.sources:
                raise ContentError(f"Topic {topic.id} names an unknown source {source_id}.")
        for item_id in topic.checklist_ids:
            if item_id not in item_ids:
                raise ContentError(f"Topic {topic.id} names an unknown checklist item {item_id}.")
    for item in library.checklist:
        if item.group_id not in group_ids:
            raise ContentError(f"Checklist item {item.id} names an unknown group {item.group_id}.")
        if item.topic_id and item.topic_id not in topic_ids:
            raise ContentError(f"Checklist item {item.id} names an unknown topic {item.topic_id}.")


@cache
def default_library() -> Library:
    """The shipped content, read once per process."""
    return load_library()
