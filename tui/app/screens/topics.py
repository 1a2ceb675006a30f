"""The list of topics, and finding a word in every topic and the checklist.

The search field sits above the list, like the Notes filter: / (or f) goes to it,
each key narrows the results, and Enter, Down, Escape or ctrl+g go back to the
list. A result is one line, "Topic: Care partners and carers. Respite care gives
you a break.", and Enter opens the topic or the checklist item.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.topic import line_of
from tui.app.screens.typed_search import TypedSearch
from tui.app.widgets import TextLine, field_row, option, quiet_input
from tui.core import wording
from tui.core.search import HitKind, SearchHit


class TopicsScreen(TypedSearch, ListScreen):
    TITLE_TEXT = "Topics"
    BINDINGS = bindings.TOPICS
    LIST_ID = "topics"
    LONG_LIST = True

    #: Start in the search field (the palette's Search command asks for it).
    search_first = False

    def __init__(self) -> None:
        super().__init__()
        #: What the search found, by line id: opening a topic lands on the paragraph.
        self.hits: dict[str, SearchHit] = {}

    def heading_text(self) -> str:
        return f"Topics: {len(self.nav.topics)} to read."

    def compose_body(self) -> ComposeResult:
        yield field_row("Find a word", quiet_input(input_id="search"))
        yield TextLine(id="found", classes="intro")
        yield from super().compose_body()

    def arrival_focus(self) -> Widget:
        return self.query_one("#search", Input) if self.search_first else self.any_list

    def options(self) -> list[Option]:
        """Every topic; or, with words in the search field, where they are found (the
        line above the list says how many places); nothing while words are typed."""
        words = self.query_one("#search", Input).value.strip()
        found = self.query_one("#found", TextLine)
        if self.typing:
            return []
        if not words:
            found.show("")
            # The title alone, one row each: Orca and braille have the cursor's line only,
            # and a wrapped summary was cut mid-sentence. The summary opens the topic.
            return [option(t.title, f"topic:{t.id}") for t in self.nav.topics]
        hits = self.nav.library.search(words)
        self.hits = {f"{hit.kind}:{hit.id}": hit for hit in hits}
        in_field = self.focused is self.query_one("#search")
        places = "1 place" if len(hits) == 1 else f"{len(hits)} places"
        if not hits:
            found.show(f"Nothing found for '{words}'.")
        elif in_field:
            found.show(f"Found in {places}: '{words}'. Enter or Down goes to them.")
        else:
            found.show(f"Found in {places}: '{words}'.")
        # In the results each line says its place ("1 of 3: Topic: ..."), and not while
        # typing: so every line changes as the cursor goes to them, and Orca, which
        # reads a changed line and not one that only gained the cursor, says the first.
        return [
            option(
                hit.line() if in_field else f"{n} of {len(hits)}: {hit.line()}",
                f"{hit.kind}:{hit.id}",
            )
            for n, hit in enumerate(hits, 1)
        ] or [option(wording.nothing_found(words), "none")]

    def on_descendant_focus(self, event: object) -> None:
        search = self.query_one("#search", Input)
        if not self.left_field(search) and search.value.strip():  # else built just now
            self.refresh_data()  # the results say their places, or stop saying them
        super().on_descendant_focus(event)

    def action_search(self) -> None:
        """Go to the search field (now, or as the screen opens if it is not drawn yet)."""
        self.search_first = True
        self.AUTO_FOCUS = "#search"  # type: ignore[misc]  # focused as it is built
        if self.is_mounted:
            self.changed_whole()
            self.query_one("#search", Input).focus()
            # Said, not only shown by the cursor: moving into a field changes no text,
            # and Orca spoke nothing after `/`.
            self.say("Type a word to find, then Enter or Down goes to what is found.")

    def on_input_changed(self, event: Input.Changed) -> None:
        """While words are typed, only the field changes, so a screen reader echoes each
        letter (a list redrawn at each letter was read again at each letter: 2,486
        characters while typing "respite" under Orca). The list is emptied at the first
        letter; after a pause the line below the field says how many places hold the
        words; the results are listed when the person moves to them (Enter or Down)."""
        if event.input.id == "search" and self.is_mounted:
            self.typed_into(event.input)

    def say_count(self) -> None:
        """After a pause in typing: how many places hold the words, in one line."""
        words = self.query_one("#search", Input).value.strip()
        found = self.query_one("#found", TextLine)
        if not words:
            found.show("")
            return
        hits = self.nav.library.search(words)
        places = "1 place" if len(hits) == 1 else f"{len(hits)} places"
        found.show(
            f"Found in {places}: '{words}'. Enter or Down goes to them."
            if hits
            else f"Nothing found for '{words}'."
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.changed_whole()
            self.any_list.focus()

    def on_key(self, event: events.Key) -> None:
        """In the search field, Down, Escape and ctrl+g go to the list (Escape leaves the
        field first, the screen only after)."""
        if self.focused is self.query_one("#search", Input) and event.key in (
            "down",
            "escape",
            "ctrl+g",
        ):
            event.stop()
            event.prevent_default()
            self.changed_whole()
            self.any_list.focus()

    def opened(self, target: str) -> None:
        kind, _, item_id = target.partition(":")
        if kind == HitKind.CHECKLIST:
            self.nav_app.open_checklist_item(item_id)
        elif kind == HitKind.TOPIC:
            hit = self.hits.get(target) if self.query_one("#search", Input).value else None
            self.nav_app.open_topic(item_id, line_of(hit) if hit else None)
        else:  # "Nothing found": back to the field, to try another word
            self.action_search()
