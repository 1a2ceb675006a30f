"""The things a person does with SPMS Navigator, in one place for every front end.

The Textual screens, the plain line mode and the command line all call these
methods; none of them touches the store or the content files directly. Methods
that change data either finish the save or raise ``SaveError`` with a sentence
for the user, so no front end can forget to tell them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.checkins import CheckIns
from tui.core.checklist import OWN_GROUP, Checklist
from tui.core.content import Library
from tui.core.events import Events
from tui.core.medicines import Medicines
from tui.core.models import Topic
from tui.core.models import display_time as display_time
from tui.core.notes import MAX_TITLE, Notes
from tui.core.people import People
from tui.core.text import InputError
from tui.core.visits import Visits

if TYPE_CHECKING:  # imported by open_navigator: commands that never open a file skip it
    from tui.core.store import Store

__all__ = [
    "ITEM_LINK",
    "MAX_TITLE",
    "OWN_GROUP",
    "TOPIC_LINK",
    "LinkTarget",
    "Navigator",
    "display_time",
    "open_navigator",
]

TOPIC_LINK = "topic:"
ITEM_LINK = "item:"


@dataclass
class LinkTarget:
    link: str
    label: str


class Navigator:
    """The operations over one user's data file and the shipped content, by area:
    ``notes``, ``checklist``, ``people``, ``checkins``, ``visits``, ``medicines`` and
    ``events`` (and the topics, links and settings here)."""

    def __init__(self, store: Store, library: Library) -> None:
        self.store = store
        self.library = library
        self.people = People(store)
        self.checklist = Checklist(store, library, self.people)
        self.notes = Notes(store, self.link_label)
        self.checkins = CheckIns(store)
        self.visits = Visits(store, self.notes, self.people)
        self.medicines = Medicines(store)
        self.events = Events(store)

    # ------------------------------------------------------------------ topics
    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.library.topics

    def topic(self, topic_id: str) -> Topic:
        try:
            return self.library.topic(topic_id)
        except KeyError:
            raise InputError(
                f"There is no topic called {topic_id!r}. Type 'topics' to see the list."
            ) from None

    # ------------------------------------------------------------------- links
    def link_label(self, link: str) -> str | None:
        """'Topic: Support groups' for a link, or None if it points nowhere."""
        return self.link_labels().get(link) if link else None

    def link_labels(self) -> dict[str, str]:
        """Every link's label. Call it once for a whole list: it reads the checklist."""
        return {target.link: target.label for target in self.link_targets()}

    def link_targets(self) -> list[LinkTarget]:
        """Everything a note may be linked to, topics first."""
        targets = [LinkTarget(f"{TOPIC_LINK}{t.id}", f"Topic: {t.title}") for t in self.topics]
        targets += [
            LinkTarget(f"{ITEM_LINK}{e.id}", f"Checklist: {e.text}")
            for e in self.checklist.entries()
        ]
        return targets

    # ---------------------------------------------------------------- settings
    def setting(self, key: str, default: Any = None) -> Any:
        return self.store.setting(key, default)

    def set_setting(self, key: str, value: Any) -> Any:
        """Save a preference (theme, plain mode); returns the value saved."""
        self.store.set_setting(key, value)
        return value


def open_navigator(data_file: Path, reading: bool = False, command: bool = False) -> Navigator:
    """Open the user's data file and the shipped content together.

    ``reading``: only reading follows, so a clean file is left untouched; ``command``:
    one command's change follows, kept in the journal (see Store.open).
    """
    from tui.core import paths
    from tui.core.content import default_library
    from tui.core.store import Store

    store = Store.open(data_file, reading=reading, command=command)
    navigator = Navigator(store, default_library())
    if paths.offered_back(navigator.store.path):  # rare: import nothing otherwise
        from tui.core import kept_aside

        navigator.store.report.messages += kept_aside.offers(navigator)
    return navigator
