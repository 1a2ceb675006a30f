"""Reading one topic, one paragraph per line of an arrow-key list.

Each heading, paragraph, bullet, contact and source is its own option, so the
arrow keys move a screen reader through the topic a piece at a time, and the
checklist items and notes that belong to the topic open with Enter. A line that
is the app's own explanation of a word says so; Enter on a contact or a source
opens its web address in the browser or copies it.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.addresses import open_or_copy, where_to_find
from tui.app.screens.list_screen import ListScreen
from tui.app.widgets import option, plain
from tui.core.models import BlockKind
from tui.core.search import SearchHit
from tui.core.service import TOPIC_LINK

#: Said on the heading above the contacts and the sources.
OPEN_HINT = "Press Enter on one to open or copy its web address."


def _heading(text: str, option_id: str) -> Option:
    return Option(Text(text, style="bold"), id=option_id)


def line_of(hit: SearchHit) -> str | None:
    """The reader's line holding a search hit's words: its paragraph, bullet, heading or
    contact; None for the title or summary (the top)."""
    if hit.block is not None:
        return f"block-{hit.block}"
    if hit.contact is not None:
        return f"contact-{hit.contact}"
    return None


class TopicScreen(ListScreen):
    TITLE_TEXT = "Topic"
    BINDINGS = bindings.TOPIC_READER
    LIST_ID = "reader"

    def __init__(self, topic_id: str, line: str | None = None) -> None:
        """``line``: the line the cursor starts on (``line_of`` a search hit), not the top."""
        super().__init__()
        self.topic_id = topic_id
        self.first_line = line

    def heading_text(self) -> str:
        return f"Topic: {self.nav.topic(self.topic_id).title}"

    def options(self) -> list[Option]:
        nav = self.nav
        topic = nav.topic(self.topic_id)
        own_label = nav.library.app.own_explanation
        # The first line names the topic too: it is the cursor's line on arrival, what
        # a braille display shows, and the heading above it may be out of its reach.
        # (A colon, not the Topics list's full stop: Fenrir speaks only changed lines,
        # and the same line on the same row after Enter was not said.)
        options: list[Option] = [option(f"{topic.title}: {topic.summary}", "summary")]
        for number, block in enumerate(topic.blocks):
            option_id = f"block-{number}"
            text = block.marked_text(own_label)
            if block.kind is BlockKind.HEADING:
                options.append(_heading(text, option_id))
            elif block.kind is BlockKind.BULLET:
                options.append(Option(Text("  ") + plain(text), id=option_id))
            else:
                options.append(option(text, option_id))
        if topic.contacts:
            options.append(_heading(f"Contacts named in this topic. {OPEN_HINT}", "contacts"))
            options += [
                option(f"Contact: {c.sentence()}", f"contact-{n}")
                for n, c in enumerate(topic.contacts)
            ]
        entries = {e.id: e for e in nav.checklist.entries()}
        if topic.checklist_ids:
            options.append(_heading("On your checklist. Press Enter to open an item.", "items"))
            for item_id in topic.checklist_ids:
                entry = entries[item_id]
                options.append(option(f"{entry.text}: {entry.status_words}", f"item:{item_id}"))
        options.append(_heading("Your notes on this topic", "notes"))
        for note in nav.notes.linked_to(TOPIC_LINK + self.topic_id):
            options.append(option(f"Note: {note.display_title}", f"note:{note.id}"))
        options.append(
            option(
                f"Add a note about this topic (key {self.key_of('topic.add_note')})",
                "add-note",
            )
        )
        options.append(_heading(f"Sources. {OPEN_HINT}", "sources"))
        options += [
            option(f"Source: {s.sentence(where_to_find(s.address))}", f"source-{n}")
            for n, s in enumerate(nav.library.topic_sources(topic))
        ]
        options.append(option(topic.review_sentence(), "reviewed"))
        options.append(option(nav.library.app.not_advice, "not-advice"))
        return options

    def opened(self, target: str) -> None:
        if target.startswith("item:"):
            self.nav_app.open_checklist_item(target.removeprefix("item:"))
        elif target.startswith("note:"):
            self.nav_app.open_note(int(target.removeprefix("note:")))
        elif target == "add-note":
            self.action_add_note()
        elif target.startswith(("contact-", "source-")):
            self._open_or_copy(target)

    def _open_or_copy(self, target: str) -> None:
        """Enter on a contact or a source: offer to open or copy its web address."""
        kind, _, number = target.partition("-")
        topic = self.nav.topic(self.topic_id)
        if kind == "contact":
            address = topic.contacts[int(number)].url
        else:
            address = self.nav.library.topic_sources(topic)[int(number)].address
        if address:
            open_or_copy(self, address)
        else:
            self.say(f"The app has no web address for this {kind}.")

    def action_add_note(self) -> None:
        self.nav_app.open_note(None, link=TOPIC_LINK + self.topic_id)
