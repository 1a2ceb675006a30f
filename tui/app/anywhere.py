"""What the app's own keys and the command palette reach from any screen: an area,
urgent help, finding a word, and a line of Your data (export, import, delete all).

Kept out of app.py, which holds the app's frame (screens, output, quitting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import App

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp


class AnywhereActions(App[None]):
    def action_urgent_help(self) -> None:
        """Open Urgent help above whatever is open (a note being written stays open)."""
        from tui.app.screens.urgent import UrgentHelpScreen

        if not isinstance(self.screen, UrgentHelpScreen):
            self._nav_app.hold_output()  # drawn in one write, even from a dialog
            self.push_screen(UrgentHelpScreen())

    def open_area(self, area_id: str) -> None:
        """Open an area of tui/core/areas.py by its id, from the home screen or the palette."""
        app = self._nav_app
        if area_id == "help":
            app.action_help()
        elif area_id == "urgent":
            self.action_urgent_help()
        elif area_id == "search":
            self.open_search()
        else:
            app.action_go(area_id)

    def open_search(self) -> None:
        """The topics, with the cursor in their search field."""
        from tui.app.screens.topics import TopicsScreen

        self._nav_app.action_go("topics")
        screen = self.screen
        if isinstance(screen, TopicsScreen):
            screen.action_search()

    def open_data_at(self, line_id: str) -> None:
        """Your data, with the cursor on one of its lines ("export-md", "import", "delete")."""
        from tui.app.screens.data import DataScreen

        self._nav_app.action_go("data")
        screen = self.screen
        if isinstance(screen, DataScreen):
            screen.go_to_line(line_id)

    @property
    def _nav_app(self) -> NavigatorApp:
        return cast("NavigatorApp", self)
