"""Opening one thing on a screen of its own: a topic, an item, a note, a person, a visit.

Screens are imported when first opened: the home screen needs none of them (see
bench/). Each is pushed through the app, which draws the change in one write.
"""

from __future__ import annotations

from textual.app import App

from tui.core.models import NoteKind


class ScreenOpeners(App[None]):
    def open_topic(self, topic_id: str, line: str | None = None) -> None:
        """Open a topic at its top, or with the cursor on ``line`` (a search hit's
        paragraph, "block-4")."""
        from tui.app.screens.topic import TopicScreen

        self.push_screen(TopicScreen(topic_id, line))

    def open_checklist_item(self, item_id: str) -> None:
        from tui.app.screens.checklist_item import ChecklistItemScreen

        self.push_screen(ChecklistItemScreen(item_id))

    def open_person(self, person_id: int | None) -> None:
        from tui.app.screens.person_editor import PersonEditorScreen

        self.push_screen(PersonEditorScreen(person_id))

    def open_visit(self, visit_id: int, added: bool = False) -> None:
        from tui.app.screens.visit_record import VisitRecordScreen

        self.push_screen(VisitRecordScreen(visit_id, added=added))

    def open_note(
        self,
        note_id: int | None,
        link: str = "",
        kind: NoteKind = NoteKind.PLAIN,
        title: str = "",
    ) -> None:
        from tui.app.screens.note_editor import NoteEditorScreen

        self.push_screen(NoteEditorScreen(note_id, link=link, kind=kind, title=title))
