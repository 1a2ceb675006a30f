"""Finding a word in the topics and the checklist, for every front end.

People look for what they remember ("respite", "helpline", "988"), so the search
is deliberately simple: case-insensitive, every word must be found somewhere in
the topic or item, and a word matches the start of a word in the text ("carer"
finds "carers"). No stemming, no index: the content is small and read once.

Hits are ranked by where the words are found: all of them in a title first, then
in a summary, then only in the text. Each hit carries one sentence to show: the
first one holding the most of the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from tui.core.models import ChecklistTemplateItem, Topic
from tui.core.text import as_written

_WORD = re.compile(r"[\w']+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class HitKind(StrEnum):
    TOPIC = "topic"
    CHECKLIST = "checklist"


class Place(IntEnum):
    """Where the words were found; a lower place ranks first."""

    TITLE = 0
    SUMMARY = 1
    TEXT = 2


@dataclass(frozen=True)
class SearchHit:
    """One topic or checklist item holding every searched word.

    ``id`` is the topic id or the checklist item id (see ``kind``); ``title`` is the
    topic's title or the item's text; ``sentence`` is the best matching sentence.
    ``block`` is the number of the topic's block (paragraph, bullet or heading) that
    holds it, or ``contact`` the number of its contact, so that opening the hit lands
    where the words are (None: in the title or the summary, the topic's top).
    """

    kind: HitKind
    id: str
    title: str
    sentence: str
    place: Place
    block: int | None = None
    contact: int | None = None

    def line(self) -> str:
        """'Topic: Care partners and carers. Respite care gives you a break.'"""
        label = "Topic" if self.kind is HitKind.TOPIC else "Checklist"
        if self.sentence == self.title:
            return f"{label}: {self.title}"
        return f"{label}: {self.title}. {self.sentence}"


def query_words(words: str) -> list[str]:
    """The words of a search, lower-cased, each once, in the order typed."""
    return list(dict.fromkeys(w.lower() for w in _WORD.findall(words)))


def _found(query: str, text_words: set[str]) -> bool:
    return any(word.startswith(query) for word in text_words)


def _words_of(text: str) -> set[str]:
    """The words of ``text``; a phone number said digit by digit ("9 8 8") is one word
    as people type it ("988")."""
    return {w.lower() for w in _WORD.findall(as_written(text))}


def _sentences(texts: Iterable[str]) -> list[tuple[int, str]]:
    """Each sentence of ``texts`` with the number of the text it is in."""
    return [
        (number, s)
        for number, text in enumerate(texts)
        for s in _SENTENCE_END.split(text.strip())
        if s
    ]


def _best_sentence(sentences: Sequence[tuple[int, str]], queries: Sequence[str]) -> tuple[int, str]:
    """The first sentence holding the most of the words, with its text's number."""

    def score(numbered: tuple[int, str]) -> int:
        found = _words_of(numbered[1])
        return sum(_found(q, found) for q in queries)

    return max(sentences, key=score)  # max keeps the first of equal scores


def _hit(
    kind: HitKind,
    item_id: str,
    title: str,
    summary: str,
    texts: Sequence[str],
    queries: list[str],
    blocks: int = 0,
) -> SearchHit | None:
    """The hit, if every word is found; its first ``blocks`` texts are the topic's blocks
    and the rest its contacts."""
    everything = _words_of(" ".join((title, summary, *texts)))
    if not all(_found(q, everything) for q in queries):
        return None
    title_words, summary_words = _words_of(title), _words_of(summary)
    if all(_found(q, title_words) for q in queries):
        place = Place.TITLE
    elif all(_found(q, title_words | summary_words) for q in queries):
        place = Place.SUMMARY
    else:
        place = Place.TEXT
    number, sentence = _best_sentence(_sentences((title, summary, *texts)), queries)
    number -= 2  # the title and the summary come first
    block = number if 0 <= number < blocks else None
    contact = number - blocks if number >= blocks and kind is HitKind.TOPIC else None
    return SearchHit(kind, item_id, title, sentence, place, block, contact)


def search_library(
    topics: Sequence[Topic], checklist: Sequence[ChecklistTemplateItem], words: str
) -> list[SearchHit]:
    """Every topic and checklist item holding all of ``words``, best first.

    An empty search finds nothing. Ties keep the content's own order, topics
    before checklist items.
    """
    queries = query_words(words)
    if not queries:
        return []
    hits: list[SearchHit] = []
    for topic in topics:
        texts = [b.text for b in topic.blocks] + [c.sentence() for c in topic.contacts]
        hit = _hit(
            HitKind.TOPIC, topic.id, topic.title, topic.summary, texts, queries, len(topic.blocks)
        )
        if hit:
            hits.append(hit)
    for item in checklist:
        hit = _hit(HitKind.CHECKLIST, item.id, item.text, "", [item.why], queries)
        if hit:
            hits.append(hit)
    return sorted(hits, key=lambda hit: hit.place)  # sorted() is stable
