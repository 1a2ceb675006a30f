"""Plain data classes shared by every front end.

They are frozen where they come from the content files (nobody edits a topic at
run time) and plain where they mirror a stored record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    """One readable piece of a topic: a heading, a paragraph or a bullet point."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Contact:
    """An organisation or service a topic names, with how to reach it if the sources say."""

    name: str
    how: str = ""
    what: str = ""

    def sentence(self) -> str:
        parts = [self.name]
        if self.how:
            parts.append(self.how)
        line = ": ".join(parts)
        return f"{line}. {self.what}" if self.what else line


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    detail: str
    date_note: str

    def sentence(self) -> str:
        return f"{self.title}. {self.detail} {self.date_note}".strip()


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
            line += f" Reach: {self.contact}."
        if self.helps_with:
            line += f" Helps with: {self.helps_with}."
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
