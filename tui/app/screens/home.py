"""The first screen: the areas with their keys, what the focused one is for, and that
the app gives information, not medical advice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.drafting import offer_left_over
from tui.app.screens.list_screen import ListScreen
from tui.app.widgets import option, plain
from tui.core import areas


class HomeScreen(ListScreen):
    TITLE_TEXT = "home"
    LIST_ID = "areas"

    def heading_text(self) -> str:
        return "SPMS Navigator: home"

    def compose_body(self) -> ComposeResult:
        yield from super().compose_body()
        # What the focused area is for, in one sentence (the list says only names):
        # Fenrir says it as the highlight moves, Orca says the focused line.
        yield Static("", id="about", classes="intro hint")
        yield Static(plain(self.nav.library.app.not_advice_short), id="not-advice", classes="note")

    def on_mount(self) -> None:
        super().on_mount()
        if message := self.nav_app.startup_message():
            self.say(message, error=True)
        # Now, not after a refresh: the offer is then the first screen that goes out,
        # and a reader says it first (the home screen is not drawn before it).
        offer_left_over(self.nav_app)

    def options(self) -> list[Option]:
        """One short line an area, in the registry's order (the plain mode's home menu too)."""
        lines = {area.id: areas.short_line(area, self.nav) for area in areas.on_home()}
        # The gentle reminder is this one line, when the last check-in is older than
        # the person's chosen interval: no pop-up, no timer.
        if due := self.nav.checkins.reminder():
            lines["checkin"] = f"Check in: {due[:1].lower()}{due[1:]}"
        return [option(f"{line}{self._key(area)}", area) for area, line in lines.items()]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        area_id = event.option.id or ""
        if area_id in areas.by_id():
            about = areas.home_line(areas.area(area_id), self.nav)
            self.query_one("#about", Static).update(plain(about))

    def _key(self, area: str) -> str:
        """' Key t.': the keys in force that open an area from anywhere (the person's own)."""
        binding_id = bindings.area_key_id(area)
        return f" Key {self.keys_for(binding_id, most=2)}." if binding_id else ""

    def opened(self, target: str) -> None:
        self.nav_app.open_area(target or "topics")
