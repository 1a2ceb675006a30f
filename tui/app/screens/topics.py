"""The list of topics."""

from __future__ import annotations

from textual.app import ComposeResult

from tui.app.screens.base import BaseScreen
from tui.app.screens.topic import TopicScreen
from tui.app.widgets import ReaderList, option


class TopicsScreen(BaseScreen):
    TITLE_TEXT = "Topics"

    def heading_text(self) -> str:
        return f"Topics: {len(self.nav.topics)} to read. Press Enter to open one."

    def compose_body(self) -> ComposeResult:
        yield ReaderList(
            *[option(f"{t.title}. {t.summary}", t.id) for t in self.nav.topics], id="topics"
        )

    def on_mount(self) -> None:
        super().on_mount()
        topics = self.query_one(ReaderList)
        topics.highlighted = 0
        topics.focus()

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(TopicScreen(event.option.id))
