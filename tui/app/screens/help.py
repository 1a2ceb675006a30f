"""Help: every key of the screen you came from, every key that works everywhere,
where your data is kept, and what the app is (and is not)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.base import BaseScreen
from tui.app.widgets import ReaderList, option


def key_words(binding: Binding) -> str:
    """'F1 or ?' for 'f1,question_mark'."""
    names = {
        "question_mark": "?",
        "slash": "/",
        "space": "Space",
        "escape": "Escape",
        "delete": "Delete",
        "f1": "F1",
    }
    keys = [k.strip() for k in binding.key.split(",")]
    return " or ".join(names.get(k, k) for k in keys)


def binding_lines(screen_bindings: list[Binding]) -> list[str]:
    return [f"{key_words(b)}: {b.description}" for b in screen_bindings]


class HelpScreen(BaseScreen):
    TITLE_TEXT = "Help"

    def __init__(self, for_screen: str, screen_bindings: list[Binding]) -> None:
        super().__init__()
        self.for_screen = for_screen
        self.screen_bindings = screen_bindings

    def heading_text(self) -> str:
        return f"Help for the {self.for_screen} screen. Escape goes back."

    def compose_body(self) -> ComposeResult:
        yield ReaderList(*self._options(), id="help")

    def on_mount(self) -> None:
        super().on_mount()
        help_list = self.query_one(ReaderList)
        help_list.highlighted = 0
        help_list.focus()

    def _options(self) -> list[Option]:
        nav = self.nav
        lines: list[Option] = []

        def heading(text: str, option_id: str) -> None:
            lines.append(Option(Text(text, style="bold"), id=option_id))

        heading(f"Keys on the {self.for_screen} screen", "h-screen")
        screen_lines = binding_lines(self.screen_bindings) or ["No extra keys on this screen."]
        lines += [option(line) for line in screen_lines]
        lines.append(option("Arrow keys: move through a list. Enter: open or choose."))
        lines.append(option("Tab and Shift+Tab: move between parts of a screen."))
        heading("Keys that work everywhere", "h-global")
        # Every global key, shown in the footer or not; ctrl+q gets its own line below.
        quit_keys = {"app.quit_anywhere", "app.quit_interrupt"}
        shown = [b for b in bindings.GLOBAL if isinstance(b, Binding) and b.id not in quit_keys]
        lines += [option(line) for line in binding_lines(shown)]
        lines.append(option("ctrl+q: Quit, even while typing. What you typed is saved first."))
        lines.append(option("ctrl+p: Search for any command by name."))
        lines.append(option("While typing in a field, press Escape or Tab to leave it first."))
        heading("Where your data is kept", "h-data")
        lines.append(option(f"Your data file: {nav.store.path}", "data-file"))
        lines.append(
            option(
                "It stays on this computer, readable only by you. The app never uses the network."
            )
        )
        if nav.store.read_only:
            lines.append(option("This copy is read-only, because another copy has the file open."))
        heading("About", "h-about")
        lines.append(option(nav.library.app.tagline))
        lines.append(option(nav.library.app.not_advice, "not-advice"))
        lines += [option(f"Source: {s.sentence()}") for s in nav.library.sources.values()]
        return lines
