"""Plain data classes shared by every front end.

They are frozen where they come from the content files (nobody edits a topic at
run time) and plain where they mirror a stored record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tui.core.days import MONTHS as MONTHS
from tui.core.days import display_day as display_day
from tui.core.days import display_time as display_time
from tui.core.days import long_date as long_date
from tui.core.text import end_sentence, said_digit_by_digit


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    """One readable piece of a topic: a heading, a paragraph or a bullet point.

    ``own`` marks the app's own plain explanation of a word (what a neurologist is,
    say), written by us rather than taken from a source. Front ends can say so,
    for example with ``marked_text``.
    """

    kind: BlockKind
    text: str
    own: bool = False

    def marked_text(self, label: str) -> str:
        """The text, followed by ``label`` in brackets when it is the app's own explanation."""
        return f"{self.text} ({label})" if self.own else self.text


#: A web address written in a sentence: 'chat at 988lifeline.org.' finds '988lifeline.org'.
_WEB_ADDRESS = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:org|com|net|gov|edu|uk|ie|ca|au|nz|eu)\b(?:/[^\s,;]*)?",
    re.IGNORECASE,
)


def web_address_in(text: str) -> str:
    """The first web address in ``text`` as written ('' when there is none)."""
    found = _WEB_ADDRESS.search(text)
    return found.group().rstrip(".?!)") if found else ""


def web_link(address: str) -> str:
    """A web address a browser can open: 'mymsaa.org' becomes 'https://mymsaa.org'."""
    if not address or "://" in address:
        return address
    return f"https://{address}"


@dataclass(frozen=True)
class Contact:
    """An organisation or service a topic names, and how to reach it.

    A phone number is only given where a public page of the organisation states it:
    ``source_id`` names the checked page in sources.toml, and the content loader
    refuses a number that page does not list. ``country`` says where the contact
    works, because a US toll-free number does not work from abroad.
    """

    name: str
    how: str = ""
    what: str = ""
    country: str = ""
    phone: str = ""
    url: str = ""
    source_id: str = ""
    note: str = ""

    @property
    def link(self) -> str:
        """The web address as a browser opens it ('' when there is none)."""
        return web_link(self.url)

    def sentence(self) -> str:
        """'MS Navigator (US): call 1 - 8 0 0 - 3 4 4 - 4 8 6 7, nationalmssociety.org. Help with
        MS.': the number as ``said_digit_by_digit`` writes it, with no-break spaces."""
        head = f"{self.name} ({self.country})" if self.country else self.name
        call = self.phone and f"call {said_digit_by_digit(self.phone)}"
        reach = [part for part in (self.how, call, self.url) if part]
        line = f"{head}: {', '.join(reach)}" if reach else head
        return " ".join(part for part in (end_sentence(line), self.what, self.note) if part)


class SourceKind(StrEnum):
    """What sort of source a topic rests on, said in words by ``Source.sentence``."""

    ARTICLE = "article"
    STUDY = "study"
    PAGE = "page"
    BOOKLET = "booklet"

    @property
    def words(self) -> str:
        return _SOURCE_KIND_WORDS[self]


_SOURCE_KIND_WORDS = {
    SourceKind.ARTICLE: "A web article",
    SourceKind.STUDY: "A research paper",
    SourceKind.PAGE: "A web page",
    SourceKind.BOOKLET: "A booklet",
}


@dataclass(frozen=True)
class Source:
    """Something a topic's facts come from: an article, a study it cites, or a page we checked.

    ``checked`` is the day a person last looked at it and ``checked_page`` where,
    with ``checked_note`` saying what was found; ``phones`` lists the numbers that
    page states, so every phone number in the app can be traced to one.
    """

    id: str
    title: str
    detail: str = ""
    date_note: str = ""
    kind: SourceKind = SourceKind.ARTICLE
    publisher: str = ""
    authors: str = ""
    year: int | None = None
    journal: str = ""
    doi: str = ""
    url: str = ""
    cited_by: str = ""
    cited_by_name: str = ""
    checked: date | None = None
    checked_page: str = ""
    checked_note: str = ""
    phones: tuple[str, ...] = ()

    @property
    def address(self) -> str:
        """Where a person can find it: its web address, or else its DOI as a link."""
        if self.url:
            return self.url
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def short_name(self) -> str:
        """'the Sharecare article (2025)': how other sources refer to this one."""
        who = self.publisher or self.authors
        year = f" ({self.year})" if self.year else ""
        return f"the {who} {self.kind.value}{year}" if who else f"the {self.kind.value}{year}"

    def sentence(self, where: str | None = None) -> str:
        """The source in words: title, what it is, who made it, when, and where to find it.

        ``where`` says where to find it instead of "Web address: " and the whole address
        (a screen too narrow for a long address shows its site, and the whole on Enter)."""
        what = self.kind.words
        if self.authors:
            what += f" by {self.authors}"
        elif self.publisher:
            what += f" from {self.publisher}"
        if self.journal:
            what += f", in {self.journal}"
        if self.year and not self.date_note:
            what += f", {self.year}"
        parts = [end_sentence(self.title), end_sentence(what), self.detail, self.date_note]
        if self.cited_by_name:
            parts.append(f"Cited by {self.cited_by_name}.")
        if self.doi:
            parts.append(f"DOI: {self.doi}.")
        if self.checked:
            parts.append(f"Checked on {long_date(self.checked)}.")
        if self.address:  # last, so no full stop runs into the address
            parts.append(f"Web address: {self.address}" if where is None else where)
        return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    blocks: tuple[Block, ...]
    contacts: tuple[Contact, ...]
    source_ids: tuple[str, ...]
    last_reviewed: str
    checklist_ids: tuple[str, ...] = ()
    reviewed: date | None = None
    next_review: date | None = None

    @property
    def next_review_words(self) -> str:
        """'31 May 2027', or '' when no date is set."""
        return long_date(self.next_review) if self.next_review else ""

    def review_sentence(self) -> str:
        """'Reviewed on 30 November 2026; next review by 30 May 2027.', for every front end."""
        if self.next_review:
            return f"Reviewed on {self.last_reviewed}; next review by {self.next_review_words}."
        return f"Reviewed on {self.last_reviewed}."

    def heading_of(self, block: int) -> str:
        """The heading of the part that block number ``block`` is in (the last heading
        for a number past the blocks; '' before the first heading)."""
        for earlier in reversed(self.blocks[: block + 1]):
            if earlier.kind is BlockKind.HEADING:
                return earlier.text
        return ""

    @property
    def has_own_explanations(self) -> bool:
        """True when some lines are the app's own explanations, so front ends can say so once."""
        return any(block.own for block in self.blocks)


@dataclass(frozen=True)
class ChecklistGroup:
    id: str
    title: str


@dataclass(frozen=True)
class ChecklistTemplateItem:
    """A checklist item that ships with the app (read from data/checklist.toml)."""

    id: str
    group_id: str
    text: str
    why: str
    topic_id: str = ""


@dataclass
class ChecklistEntry:
    """What a person sees for one checklist item: the text plus their own progress."""

    id: str
    group_id: str
    text: str
    why: str = ""
    topic_id: str = ""
    done: bool = False
    helper: str = ""
    note: str = ""
    own: bool = False
    person_id: int | None = None

    @property
    def status_words(self) -> str:
        return "done" if self.done else "not done yet"

    @property
    def mark(self) -> str:
        """'✓ ' before a done item: a sighted reader tired by long lines sees at the start
        which are done. The words at the end say it too, for everyone."""
        return "✓ " if self.done else ""


class NoteKind(StrEnum):
    """What a note is for; the kinds come from what the care team needs to hear."""

    PLAIN = "plain"
    QUESTION = "question"
    CONCERN = "concern"
    CHALLENGE = "challenge"
    CHANGE = "change"
    FEELING = "feeling"

    @property
    def label(self) -> str:
        return _NOTE_KIND_LABELS[self]


_NOTE_KIND_LABELS = {
    NoteKind.PLAIN: "Plain note",
    NoteKind.QUESTION: "Question",
    NoteKind.CONCERN: "Concern",
    NoteKind.CHALLENGE: "Challenge",
    NoteKind.CHANGE: "Change I noticed",
    NoteKind.FEELING: "How I feel",
}


@dataclass(slots=True)  # years of notes are held in memory: no __dict__ per note
class Note:
    id: int
    title: str
    body: str
    created: str
    updated: str
    link: str = ""
    kind: NoteKind = NoteKind.PLAIN
    raised: bool = False
    answer: str = ""
    #: The visit it was raised at, if one was recorded.
    visit_id: int | None = None

    @property
    def display_title(self) -> str:
        return self.title.strip() or "Untitled note"


class Role(StrEnum):
    """The kinds of people in a support network, as the source articles name them."""

    CARE_TEAM = "care-team"
    FRIEND_FAMILY = "friend-family"
    COUNSELOR = "counselor"
    SOCIAL_WORKER = "social-worker"
    SUPPORT_GROUP = "support-group"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.CARE_TEAM: "Care team member",
    Role.FRIEND_FAMILY: "Friend or family",
    Role.COUNSELOR: "Counselor or mental health worker",
    Role.SOCIAL_WORKER: "Social worker",
    Role.SUPPORT_GROUP: "Support group",
    Role.OTHER: "Other",
}


@dataclass
class Person:
    id: int
    name: str
    role: Role
    specialty: str = ""
    contact: str = ""
    helps_with: str = ""

    def sentence(self) -> str:
        """'Dr Lee: Care team member (neurologist). Reach: 555 0100. Helps with: check-ups.'"""
        role = self.role.label + (f" ({self.specialty})" if self.specialty else "")
        line = f"{self.name}: {role}."
        if self.contact:
            line += f" Reach: {end_sentence(self.contact)}"
        if self.helps_with:
            line += f" Helps with: {end_sentence(self.helps_with)}"
        return line


@dataclass
class UnwantedHelp:
    """Help the person does not want, so they can say so kindly and clearly."""

    id: int
    text: str


@dataclass
class Progress:
    done: int
    total: int

    def sentence(self) -> str:
        return f"{self.done} of {self.total} done"


@dataclass
class OpenReport:
    """What the store found when it opened the data file, in sentences for the user."""

    messages: list[str] = field(default_factory=list)
    read_only: bool = False
    #: No data file was there and no backup to restore: a new, empty one was started.
    created_new: bool = False
    #: The file came from a newer version: read-only, and nothing written at all.
    newer_file: bool = False
    #: Set by the backup thread if the dated copy could not be made: a sentence.
    backup_problem: str | None = None
