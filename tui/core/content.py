"""Loading the topics, sources and checklist from the TOML files in ``data/``.

Content is data, not code, so that it can be reviewed and corrected by people who
do not program. The loader checks every cross-reference (a topic's sources, a
checklist item's group and topic) so a typo fails the test suite, not a user.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
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
    NoteKind,
    Source,
    SourceKind,
    Topic,
    long_date,
)
from tui.core.search import SearchHit, search_library
from tui.core.text import NO_BREAK_SPACE as NBSP
from tui.core.text import keep_numbers_whole, said_digit_by_digit


class ContentError(Exception):
    """The content files are missing or inconsistent (a packaging or editing mistake)."""


@dataclass(frozen=True)
class AppText:
    """Words the app says about itself, the same in every front end.

    ``urgent_help`` is said one key away on every screen, line by line.
    ``own_explanation`` labels a block that is the app's own explanation of a word.
    ``palette`` maps each command's name to the other words people use for it, so
    a command palette can find "Export" when someone types "backup".
    """

    name: str
    tagline: str
    not_advice: str
    not_advice_short: str
    content_reviewed: str
    prompts: tuple[str, ...] = ()
    #: Each prompt's note kind ("change", "concern", ...): what is written about it is
    #: filed under that heading, so a worry never prints as a change.
    prompt_kinds: dict[str, str] = field(default_factory=dict)
    urgent_help: tuple[str, ...] = ()
    own_explanation: str = ""
    palette: dict[str, tuple[str, ...]] = field(default_factory=dict)


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

    @property
    def articles(self) -> list[Source]:
        """The articles the content is built on (the studies and pages they cite are left out)."""
        return [s for s in self.sources.values() if s.kind is SourceKind.ARTICLE]

    def search(self, words: str) -> list[SearchHit]:
        """Topics and checklist items holding every word (see ``tui.core.search``)."""
        return search_library(self.topics, self.checklist, words)


#: Starts a paragraph or bullet that is the app's own explanation, not a source's fact.
OWN_MARK = "[app] "


def _own(text: str) -> tuple[str, bool]:
    return (text[len(OWN_MARK) :].strip(), True) if text.startswith(OWN_MARK) else (text, False)


def parse_body(text: str) -> tuple[Block, ...]:
    """Split a topic body into headings (``## ``), bullets (``- ``) and paragraphs.

    A deliberately tiny format: every block becomes one line a screen reader can
    land on, so we do not need a Markdown renderer at start-up. A paragraph or
    bullet starting with ``[app] `` is the app's own plain explanation of a word.
    A phone number's groups are joined so that no screen wraps it in two.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            words, own = _own(keep_numbers_whole(" ".join(paragraph)))
            blocks.append(Block(BlockKind.PARAGRAPH, words, own))
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
            words, own = _own(keep_numbers_whole(line[2:].strip()))
            blocks.append(Block(BlockKind.BULLET, words, own))
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


def _contact(raw: dict[str, Any]) -> Contact:
    return Contact(
        name=raw["name"],
        how=raw.get("how", ""),
        what=raw.get("what", ""),
        country=raw.get("country", ""),
        phone=raw.get("phone", ""),
        url=raw.get("url", ""),
        source_id=raw.get("source", ""),
        note=raw.get("note", ""),
    )


def _date(raw: dict[str, Any], key: str, where: str) -> date:
    value = raw[key]
    if not isinstance(value, date):
        raise ContentError(f"In {where}, {key} must be a date like 2026-11-30, not {value!r}.")
    return value


def _load_topic(path: Path) -> tuple[int, Topic]:
    raw = _read_toml(path)
    try:
        reviewed = _date(raw, "reviewed", path.name)
        next_review = _date(raw, "next_review", path.name)
        topic = Topic(
            id=raw["id"],
            title=raw["title"],
            summary=raw["summary"],
            blocks=parse_body(raw["body"]),
            contacts=tuple(_contact(c) for c in raw.get("contact", [])),
            source_ids=tuple(raw["sources"]),
            last_reviewed=long_date(reviewed),
            checklist_ids=tuple(raw.get("checklist", [])),
            reviewed=reviewed,
            next_review=next_review,
        )
    except KeyError as error:
        raise ContentError(f"The topic file {path.name} has no {error.args[0]!r}.") from error
    return int(raw.get("order", 999)), topic


def _source(raw: dict[str, Any]) -> Source:
    checked = raw.get("checked")
    if checked is not None and not isinstance(checked, date):
        raise ContentError(f"Source {raw['id']}: checked must be a date like 2026-11-30.")
    try:
        kind = SourceKind(raw.get("kind", "article"))
    except ValueError as error:
        raise ContentError(f"Source {raw['id']} has an unknown kind {raw['kind']!r}.") from error
    return Source(
        id=raw["id"],
        title=raw["title"],
        detail=raw.get("detail", ""),
        date_note=raw.get("date_note", ""),
        kind=kind,
        publisher=raw.get("publisher", ""),
        authors=raw.get("authors", ""),
        year=raw.get("year"),
        journal=raw.get("journal", ""),
        doi=raw.get("doi", ""),
        url=raw.get("url", ""),
        cited_by=raw.get("cited_by", ""),
        checked=checked,
        checked_page=raw.get("checked_page", ""),
        checked_note=raw.get("checked_note", ""),
        phones=tuple(raw.get("phones", ())),
    )


def _load_sources(path: Path) -> dict[str, Source]:
    try:
        sources = {s.id: s for s in map(_source, _read_toml(path)["source"])}
    except KeyError as error:
        raise ContentError(f"A source in {path.name} has no {error.args[0]!r}.") from error
    for source_id, source in sources.items():
        if source.cited_by:
            if source.cited_by not in sources:
                raise ContentError(f"Source {source_id} is cited by an unknown source.")
            sources[source_id] = replace(source, cited_by_name=sources[source.cited_by].short_name)
    return sources


def _prompts(raw: Any) -> list[tuple[str, str]]:
    """The visit prompts as (text, note kind): a bare string asks about a change."""
    kinds = {kind.value for kind in NoteKind}
    found = []
    for entry in raw:
        text, kind = (entry, "change") if isinstance(entry, str) else (entry["text"], entry["kind"])
        if kind not in kinds:
            raise ContentError(
                f"The prompt {text!r} has the kind {kind!r}, which is not a kind of note."
            )
        found.append((text, kind))
    return found


def _phone_sayer(sources: dict[str, Source]) -> Callable[[str], str]:
    """A function that writes each phone number of the checked pages (``phones`` in
    sources.toml) found in a text so that it is said digit by digit, as dialled
    (``said_digit_by_digit``). The files keep each number as its page writes it, so a
    reviewer can compare them word for word. A number inside a word ("988lifeline.org")
    is left alone; spaces in a number may already be no-break spaces (``parse_body``)."""
    phones = sorted({p for s in sources.values() for p in s.phones}, key=len, reverse=True)
    if not phones:
        return lambda text: text
    written = "|".join(re.escape(phone).replace(r"\ ", "[ \u00a0]") for phone in phones)
    pattern = re.compile(rf"(?<!\w)(?:{written})(?!\w)")

    def say_one(found: re.Match[str]) -> str:
        return said_digit_by_digit(found.group().replace(NBSP, " "))

    def say(text: str) -> str:
        return pattern.sub(say_one, text)

    return say


def _with_phones_said(topic: Topic, say: Callable[[str], str]) -> Topic:
    blocks = tuple(replace(block, text=say(block.text)) for block in topic.blocks)
    return replace(topic, summary=say(topic.summary), blocks=blocks)


def load_library(directory: Path | None = None) -> Library:
    """Read and cross-check every content file."""
    base = directory or paths.content_dir()
    app_raw = _read_toml(base / "app.toml")
    prompts = _prompts(app_raw.get("prompts", ()))
    app = AppText(
        name=app_raw["name"],
        tagline=app_raw["tagline"],
        not_advice=app_raw["not_advice"],
        not_advice_short=app_raw["not_advice_short"],
        content_reviewed=app_raw["content_reviewed"],
        prompts=tuple(text for text, _ in prompts),
        prompt_kinds=dict(prompts),
        urgent_help=tuple(map(keep_numbers_whole, app_raw.get("urgent_help", ()))),
        own_explanation=app_raw.get("own_explanation", ""),
        palette={name: tuple(words) for name, words in app_raw.get("palette", {}).items()},
    )
    sources = _load_sources(base / "sources.toml")
    topic_files = sorted((base / "topics").glob("*.toml"))
    if not topic_files:
        raise ContentError(f"No topics were found in {base / 'topics'}. Reinstall the app.")
    topics = tuple(t for _, t in sorted((_load_topic(p) for p in topic_files), key=lambda x: x[0]))
    say_phones = _phone_sayer(sources)
    topics = tuple(_with_phones_said(topic, say_phones) for topic in topics)
    checklist_raw = _read_toml(base / "checklist.toml")
    groups = tuple(ChecklistGroup(g["id"], g["title"]) for g in checklist_raw["group"])
    items = tuple(
        ChecklistTemplateItem(
            id=i["id"],
            group_id=i["group"],
            text=say_phones(i["text"]),
            why=say_phones(i["why"]),
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
        if topic.reviewed and topic.next_review and topic.next_review <= topic.reviewed:
            raise ContentError(f"Topic {topic.id} is due for review before it was reviewed.")
        for contact in topic.contacts:
            _check_contact(library, topic.id, contact)
        for item_id in topic.checklist_ids:
            if item_id not in item_ids:
                raise ContentError(f"Topic {topic.id} names an unknown checklist item {item_id}.")
    for item in library.checklist:
        if item.group_id not in group_ids:
            raise ContentError(f"Checklist item {item.id} names an unknown group {item.group_id}.")
        if item.topic_id and item.topic_id not in topic_ids:
            raise ContentError(f"Checklist item {item.id} names an unknown topic {item.topic_id}.")


def _check_contact(library: Library, topic_id: str, contact: Contact) -> None:
    """A phone number must come from a checked page that states it."""
    if contact.source_id and contact.source_id not in library.sources:
        raise ContentError(f"A contact in topic {topic_id} names an unknown source.")
    if contact.phone:
        source = library.sources.get(contact.source_id)
        if source is None or contact.phone not in source.phones:
            raise ContentError(
                f"The number {contact.phone} in topic {topic_id} is not listed by its source."
            )


@cache
def default_library() -> Library:
    """The shipped content, read once per process."""
    return load_library()
