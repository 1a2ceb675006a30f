"""The support-network checklist: every item says its state in words."""

from __future__ import annotations

from textual.app import ComposeResult

from tui.app import bindings
from tui.app.long_list import LongList
from tui.app.screens.base import BaseScreen
from tui.app.screens.prompt import PromptScreen
from tui.core import wording
from tui.core.models import ChecklistEntry
from tui.core.service import OWN_GROUP
from tui.core.text import end_sentence


def entry_line(entry: ChecklistEntry, group_title: str) -> str:
    """'✓ Call an MS helpline: done. Who helps: Sam.': one row at 80 columns (the
    group is the heading above; ``group_title`` is kept for the callers' sake)."""
    line = f"{entry.mark}{entry.text}: {entry.status_words}."
    if entry.helper:
        line += f" Who helps: {end_sentence(entry.helper)}"
    return line


class ChecklistScreen(BaseScreen):
    AUTO_FOCUS = "#items"
    TITLE_TEXT = "Support-network checklist"
    BINDINGS = bindings.CHECKLIST

    def heading_text(self) -> str:
        """'Support-network checklist. 0 of 21 done.': the progress is in the heading, so
        the first item is heard right after it (a progress line of its own was said
        first). A sentence of its own: the words said on coming back (quiet_keys.py)
        take the first sentence and then the focused item."""
        return f"{self.TITLE_TEXT}. {self.nav.checklist.progress().sentence()}."

    def compose_body(self) -> ComposeResult:
        # Only the list: what Space and Enter do is on the keys line and in Help (an
        # intro of two lines was said on every arrival, after every item in view).
        yield LongList(id="items")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()
        items = self.query_one(LongList)
        items.highlight_id(None)
        items.focus()

    def refresh_data(self) -> None:
        items = self.query_one(LongList)
        keep = items.highlighted_id()
        entries = self.nav.checklist.entries()
        lines: list[tuple[str, str]] = []
        headings: list[str] = []
        last_group = ""
        for entry in entries:
            title = self.nav.checklist.group_title(entry.group_id)
            if entry.group_id != last_group:  # a heading line the highlight skips
                last_group = entry.group_id
                headings.append(f"group:{entry.group_id}")
                lines.append((headings[-1], title))
            lines.append((entry.id, entry_line(entry, title)))
        items.set_items(lines, disabled=headings)
        items.highlight_id(keep)
        self.set_heading(self.heading_text())

    def _current(self) -> ChecklistEntry | None:
        item_id = self.query_one(LongList).highlighted_id()
        if item_id is None or item_id.startswith("group:"):
            return None
        return self.nav.checklist.entry(item_id)

    def action_toggle_done(self) -> None:
        entry = self._current()
        if entry is None:
            return
        changed = self.attempt(lambda: self.nav.checklist.toggle_done(entry.id))
        if changed is not None:
            # Redraw only the line that changed and the progress: rebuilding the whole
            # list would double the time from key to screen (see bench/).
            items = self.query_one(LongList)
            items.replace_text(
                changed.id, entry_line(changed, self.nav.checklist.group_title(changed.group_id))
            )
            items.place_cursor()
            progress = self.nav.checklist.progress()
            self.set_heading(self.heading_text())
            # The state comes first: the status line is the cursor's line now, and a
            # braille display shows its first 40 cells ("Saved. Done: See a neurolo…").
            state = changed.status_words.capitalize()
            self.say(f"Saved. {state}: {changed.text}. {progress.sentence()}.")

    def on_long_list_selected(self, event: LongList.Selected) -> None:
        if not event.item_id.startswith("group:"):
            self.nav_app.open_checklist_item(event.item_id)

    def action_add_item(self) -> None:
        def added(text: str | None) -> None:
            if text is None:
                self.say("Nothing was added.")
                return
            entry = self.attempt(lambda: self.nav.checklist.add_own_item(text))
            if entry is not None:
                self.refresh_data()
                self.query_one(LongList).highlight_id(entry.id)
                self.say(wording.item_added(entry.text))

        self.app.push_screen(PromptScreen("Add your own checklist item", "New item"), added)

    def action_delete_item(self) -> None:
        entry = self._current()
        if entry is None:
            return
        if entry.group_id != OWN_GROUP:
            self.say("Only items you added yourself can be deleted. This one came with the app.")
            return

        self.delete_if_confirmed(
            f"{wording.delete_item(entry.text)} This cannot be undone.",
            lambda: self.nav.checklist.delete_own_item(entry.id),
            f"Deleted your item: {end_sentence(entry.text)}",
        )
