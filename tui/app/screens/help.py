"""Help: every key of the screen you came from, every key that works everywhere,
where your data is kept, and what the app is (and is not).

Fenrir reads every line drawn as a screen opens (issue 19): Help opens on what the
person came for, the keys of the screen they were on and how to move, with urgent
help; the rest (every key's action name, your own keys, your data, about the app)
comes after one line, "More help", which shows it on Enter. Drawn whole, Help from
home cost Fenrir's listener 837 characters (tests/test_speech_budget.py); 377 now.
The keys that work everywhere most used are in the keys line of every screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.addresses import open_or_copy, where_to_find
from tui.app.screens.list_screen import ListScreen
from tui.app.widgets import option
from tui.core import wording

#: The line that shows the rest of Help.
MORE = "More help, Enter: every key, your own keys, your data, about the app."


class HelpScreen(ListScreen):
    TITLE_TEXT = "Help"
    LIST_ID = "help"
    FIXED_LINES = True

    def __init__(self, for_screen: str, screen_bindings: list[Binding]) -> None:
        super().__init__()
        self.for_screen = for_screen
        self.screen_bindings = screen_bindings

    def heading_text(self) -> str:
        return f"Help for the {self.for_screen} screen."

    def opened(self, target: str) -> None:
        if target == "more":
            self.show_more()
        elif target == "urgent":
            self.nav_app.action_urgent_help()
        elif target.startswith("article-"):
            article = self.nav.library.articles[int(target.removeprefix("article-"))]
            if article.address:
                open_or_copy(self, article.address)
            else:
                self.say("The app has no web address for this article.")

    def _binding_lines(self, screen_bindings: list[Binding], names: bool = True) -> list[str]:
        """'Escape, b, Backspace or Left arrow: Back (app.back)': the keys in force, with
        the action's name your own keys are given by (or without it: 'a: New note')."""
        return [
            f"{self.keys_for(b)}: {b.description}" + (f" ({b.id})" if names else "")
            for b in screen_bindings
        ]

    #: "More help" was chosen: the lines after it are shown.
    showing_more = False

    def show_more(self) -> None:
        """Enter on "More help": the rest of Help, the highlight on its first line."""
        self.showing_more = True
        self.lines.show_options(self.options())
        self.lines.highlight_id("h-screen" if self.screen_bindings else "h-global")

    def options(self) -> list[Option]:
        more = self._more_lines() if self.showing_more else [option(MORE, "more")]
        return [*self._screen_lines(), *more]

    def _screen_lines(self) -> list[Option]:
        """What Help opens on: the keys of the screen the person came from, how to move,
        and urgent help."""
        screen_lines = self._binding_lines(self.screen_bindings, names=False) or [
            "No extra keys on this screen."
        ]
        return [
            *(option(line) for line in screen_lines),
            option("Up and Down arrows: move through a list. Enter: open or choose."),
            option("Tab and Shift+Tab: move between parts of a screen, and buttons."),
            option(
                f"Urgent help, if you need help now: press {self.keys_for('app.urgent')}, "
                f"or {self.keys_for('app.urgent_anywhere')} while typing.",
                "urgent",
            ),
        ]

    def _more_lines(self) -> list[Option]:
        """Behind "More help": every key with its action's name, your own keys, where
        your data is kept, and what the app is."""
        nav = self.nav
        lines: list[Option] = []

        def heading(text: str, option_id: str) -> None:
            lines.append(Option(Text(text, style="bold"), id=option_id))

        if self.screen_bindings:
            heading(f"Keys on the {self.for_screen} screen, with their action names", "h-screen")
            lines += [option(line) for line in self._binding_lines(self.screen_bindings)]
        heading("Keys that work everywhere", "h-global")
        # Every global key, shown in the key line or not; ctrl+q gets its own line below.
        quit_keys = {"app.quit_anywhere", "app.quit_interrupt"}
        shown = [b for b in bindings.GLOBAL if isinstance(b, Binding) and b.id not in quit_keys]
        lines += [option(line) for line in self._binding_lines(shown)]
        lines.append(option("ctrl+q: Quit, even while typing. What you typed is saved first."))
        lines.append(option("ctrl+p: Find any command by its name, or by what you call it."))
        lines.append(
            option(
                "On a contact or a source in a topic, Enter offers to open its web address "
                "in your browser or to copy it."
            )
        )
        lines.append(
            option(
                "While typing in a field, Tab moves on. In a note or a person, the button "
                "Save and go back does what Escape does."
            )
        )
        settings = self.nav_app.settings
        lines.append(
            option(
                "Your own keys: in your settings file, under [keys], give an action's name "
                'in brackets above and its keys, for example "app.back" = "escape,b". '
                f"The settings file: {settings.path or 'not found'}."
            )
        )
        heading("Where your data is kept", "h-data")
        lines.append(option(f"Your data file: {nav.store.path}", "data-file"))
        lines.append(
            option(
                "It stays on this computer, readable only by you. The app never uses the "
                "network: a web address opens in your browser only when you choose it."
            )
        )
        lines.append(option(nav.store.newest_copy_sentence(), "newest-copy"))
        if nav.store.read_only:
            lines.append(option(nav.store.read_only_why()))
        heading("About", "h-about")
        lines.append(option(wording.VERSION, "version"))
        lines.append(option(nav.library.app.tagline))
        lines.append(option(nav.library.app.not_advice, "not-advice"))
        lines.append(option(wording.ARTICLES))
        lines += [
            option(f"Article: {s.sentence(where_to_find(s.address))}", f"article-{n}")
            for n, s in enumerate(nav.library.articles)
        ]
        return lines
