"""Reading a topic in the plain mode: printed whole, or from where a search found the words."""

from __future__ import annotations

from tui.core.models import BlockKind, Topic
from tui.core.search import SearchHit
from tui.core.service import TOPIC_LINK
from tui.core.text import end_sentence
from tui.plain.base import PlainBase


class ReadingMenus(PlainBase):
    """A topic, then "What next?": its checklist items, its notes, a new note."""

    def item(self, item_id: str) -> None:
        raise NotImplementedError  # the checklist item's menu (PlainApp)

    def note(self, note_id: int) -> None:
        raise NotImplementedError  # a note's menu (PlainApp)

    def new_note(self, link: str) -> None:
        raise NotImplementedError  # writing a note (PlainApp)

    def topic(self, topic_id: str, found: SearchHit | None = None) -> None:
        """Print a topic, then ask what next. Opened from a search hit (``found``), it
        starts at the paragraph holding the words, not at the top: the whole topic can
        be a few screens, paged with "More", before the words are reached."""
        while True:
            topic = self.nav.topic(topic_id)
            self.out.say("")
            self.out.say(f"Topic: {topic.title}.")
            own_label = self.nav.library.app.own_explanation
            first_block = 0
            if found is not None and (where := self._where_found(topic, found)) is not None:
                first_block = where
                heading = topic.heading_of(where)
                part = "the contacts" if found.contact is not None else f"the part '{heading}'"
                self.out.say(
                    f"From where your words are found, in {part}. To read the whole "
                    "topic, choose it below."
                )
            for block in topic.blocks[first_block:]:
                if block.kind is BlockKind.HEADING:
                    self.out.say("")
                    self.out.say(end_sentence(block.text))
                elif block.kind is BlockKind.BULLET:
                    self.out.say(f"  {block.marked_text(own_label)}")
                else:
                    self.out.say(block.marked_text(own_label))
            if topic.contacts:
                self.out.say("")
                self.out.say("Contacts named in this topic.")
                for contact in topic.contacts:
                    self.out.say(contact.sentence())
            entries = {e.id: e for e in self.nav.checklist.entries()}
            items = [entries[i] for i in topic.checklist_ids]
            notes = self.nav.notes.linked_to(TOPIC_LINK + topic_id)
            self.out.say("")
            for source in self.nav.library.topic_sources(topic):
                self.out.say(f"Source: {source.sentence()}")
            self.out.say(topic.review_sentence())
            self.out.say(self.nav.library.app.not_advice)
            choices = [f"Checklist: {e.text}: {e.status_words}." for e in items]
            choices += [f"Your note: {n.display_title}" for n in notes]
            choices.append("Add a note about this topic.")
            if first_block:
                choices.append("Read the whole topic from the start.")
            self.menu("What next?", choices)
            choice = self.pick(self.choose(), len(choices))
            found = None  # after this answer, the topic is read from its start
            if choice is None or choice == len(items) + len(notes) + 1:
                continue
            if choice < len(items):
                self._guard(self.item, items[choice].id)
            elif choice < len(items) + len(notes):
                self._guard(self.note, notes[choice - len(items)].id)
            else:
                self.new_note(TOPIC_LINK + topic_id)

    @staticmethod
    def _where_found(topic: Topic, found: SearchHit) -> int | None:
        """The first block to print for a search hit: its own, or past every block for
        a hit in the contacts; None for a hit in the title or summary (the top)."""
        if found.block is not None:
            return found.block
        if found.contact is not None:
            return len(topic.blocks)
        return None
