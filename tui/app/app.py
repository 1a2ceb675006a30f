"""The Textual application: screens, global keys, the command palette and quitting safely."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding
from textual.command import Provider
from textual.filter import LineFilter, Monochrome, NoColor
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from tui.app import bindings, keymap, themes
from tui.app.anywhere import AnywhereActions
from tui.app.drafting import DraftKeeper
from tui.app.leaving import Leaving
from tui.app.openers import ScreenOpeners
from tui.app.output import OutputHolding
from tui.app.palette import NavigatorCommands, SpokenPalette
from tui.app.quiet_keys import SaidAtTheCursor
from tui.app.screens.base import BaseScreen
from tui.app.screens.home import HomeScreen
from tui.app.terminal_safety import TerminalSafeFilter
from tui.app.textual_private import (
    use_glyph_free_scrollbars,
    wrap_never_at_no_break_spaces,
)
from tui.app.type_ahead import TypeAhead
from tui.core import paths
from tui.core.service import Navigator
from tui.core.settings import Settings
from tui.core.store import SaveError

#: The areas, by the module and class of their screen. Screens are imported when
#: first opened: the home screen needs none of them, and their widgets (TextArea,
#: ...) would otherwise slow every start-up (see bench/).
AREAS = {
    "topics": "topics:TopicsScreen",
    "checklist": "checklist:ChecklistScreen",
    "notes": "notes:NotesScreen",
    "visit": "visit:VisitScreen",
    "people": "people:PeopleScreen",
    "checkin": "checkin:CheckInScreen",
    "changes": "changes:ChangesScreen",
    "visits": "visits:VisitsScreen",
    "medicines": "medicines:MedicinesScreen",
    "events": "events:EventsScreen",
    "data": "data:DataScreen",
}


#: Terminals shorter than this leave out the hint lines.
SHORT = 20
#: How often a second, read-only window checks whether the first has closed.
LOCK_RETRY_SECONDS = 2.0


def area_screen(area: str) -> type[BaseScreen]:
    module, name = AREAS[area].split(":")
    screen: type[BaseScreen] = getattr(import_module(f"tui.app.screens.{module}"), name)
    return screen


class WriteReported(Message):
    """The writer thread finished a write: ``problem`` is None, or why it failed."""

    def __init__(self, problem: str | None) -> None:
        super().__init__()
        self.problem = problem


class NavigatorApp(
    AnywhereActions,
    ScreenOpeners,
    Leaving,
    SaidAtTheCursor,
    OutputHolding,
    TypeAhead,
    SpokenPalette,
):
    """SPMS Navigator in the terminal. Owns no data: everything goes through ``navigator``."""

    TITLE = "SPMS Navigator"
    CSS_PATH = "styles/app.tcss"
    BINDINGS = bindings.GLOBAL
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {NavigatorCommands}

    def __init__(
        self,
        navigator: Navigator,
        settings: Settings | None = None,
        notices: Sequence[str] = (),
        tune_interpreter: bool = False,
    ) -> None:
        """``settings``: the person's settings file; ``notices``: sentences to show at
        start. ``tune_interpreter``: the app owns its Python process (the real
        command, not a test), so it may change settings that hold for the whole process."""
        super().__init__()
        self.navigator = navigator
        self.settings = settings or Settings()
        self.notices = list(notices)
        self.tune_interpreter = tune_interpreter
        self.animation_level = "none"
        # What an editor just saved, so the list it returns to can land on it.
        self.just_saved: str | None = None
        self._safe_filter = TerminalSafeFilter()
        self._no_color_filter = NoColor()
        self.register_theme(themes.HIGH_CONTRAST)
        use_glyph_free_scrollbars()
        wrap_never_at_no_break_spaces()
        saved = navigator.setting("theme", themes.DEFAULT)
        chosen = self.settings.theme or saved
        self.theme = chosen if chosen in themes.OFFERED else themes.DEFAULT
        #: The keys the person chose in their settings file, by binding id.
        self.keymap_in_force = keymap.checked(self.settings, self.notices)
        self.set_keymap(self.keymap_in_force)
        self._save_problem: str | None = None
        #: Words being typed, kept on disk within about a second (drafting.py).
        self.drafts = DraftKeeper(self)
        #: The terminal output, which holds a key's frames until they can go out as one.

    def keys_for(self, binding: Binding | str, most: int | None = None) -> str:
        """The keys in force for a binding or its id (the person's own, or the default),
        in words: every line that names a key says it this way, so a remapped key is
        named right everywhere."""
        if isinstance(binding, str):
            binding = bindings.by_id()[binding]
        keys = self.keymap_in_force.get(binding.id or "", binding.key)
        return bindings.keys_in_words(keys, most)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_size(event.size.height)

    def _fit_size(self, height: int) -> None:
        """Large fonts: below SHORT rows the hint lines (the keys line and Help say the
        same) are left out. Labels stay on their field's line at every width, short,
        so the line a screen reader reads always names the field."""
        self.set_class(height < SHORT, "-short")

    def on_mount(self) -> None:
        self.hold_output()  # the first screen, too, goes out whole
        self.hold_output_at_each_screen_change()
        if self.tune_interpreter:  # the real command owns its process and its signals
            self._stop_on_signals()
        self._fit_size(self.size.height)
        # Writes go to a thread of their own, so a slow disk never holds up a key.
        self.navigator.store.write_in_background(self._report_write)
        self._backup_check = self.set_interval(0.2, self._say_backup_problem)
        if self.navigator.store.waiting_for_another_copy():
            self._lock_retry = self.set_interval(LOCK_RETRY_SECONDS, self._take_over)
        if self.tune_interpreter:
            # Textual sends each frame to the terminal from a thread of its own, and
            # our writer is another. When the main thread is busy, a thread that wakes
            # waits up to Python's switch interval (5 ms) for the interpreter lock.
            # 0.5 ms keeps turns short. Measured with and without, three runs each
            # taking turns: the down key on 1,000 notes 4.9 -> 3.8 ms (median); other
            # lists within noise.
            sys.setswitchinterval(0.0005)

    def _take_over(self) -> None:
        """A second window: once the first one closes, this one takes over and can save."""
        try:
            taken = self.navigator.store.take_over_if_free()
        except SaveError as error:
            self._lock_retry.stop()
            self.say(str(error), error=True)
            return
        if not taken:
            return
        self._lock_retry.stop()
        self.navigator.store.write_in_background(self._report_write)
        self.navigator.notes.forget_cached()
        self.refresh_all()
        self.say("The other copy of the app has closed. You can save now.")

    def _say_backup_problem(self) -> None:
        """Once the backup copy started on opening is made (or has failed), say a failure
        in the status line. Polled: that thread started before the app existed."""
        store = self.navigator.store
        if any(thread.is_alive() for thread in store.background_threads):
            return
        self._backup_check.stop()
        if problem := store.backup_problem():
            screen = self.screen  # after what the status line says already (a recovery)
            if isinstance(screen, BaseScreen) and screen.status.message:
                problem = f"{screen.status.message} {problem}"
            self.say(problem, error=True)

    def _report_write(self, problem: str | None) -> None:
        """Called on the writer thread after each write (post_message is thread-safe)."""
        with contextlib.suppress(RuntimeError):  # the app has already closed its loop
            self.post_message(WriteReported(problem))

    def on_write_reported(self, message: WriteReported) -> None:
        if message.problem is not None:
            self._save_problem = message.problem
            self.say(
                f"{message.problem} Your changes are kept while the app is open, and "
                "saved with your next change or when you quit.",
                error=True,
            )
            return
        screen = self.screen
        if isinstance(screen, BaseScreen):
            screen.saved_to_disk()
        if self._save_problem is not None:
            problem, self._save_problem = self._save_problem, None
            # Replace the problem's message, but never a newer one (say "Saved the note.").
            if isinstance(screen, BaseScreen) and screen.status.message.startswith(problem):
                self.say("Saved: the changes that could not be saved before are on disk now.")

    def use_theme(self, name: str) -> None:
        """Switch theme and remember it for next time."""
        self.theme = name
        try:
            self.navigator.set_setting("theme", name)
        except SaveError as error:
            self.say(str(error), error=True)
            return
        fixed = self.settings.theme
        if fixed and fixed != name:
            self.say(
                f"Colours: {themes.OFFERED[name]}, for now. Your settings file "
                f"{self.settings.path} chooses {fixed} at each start: change it there."
            )
            return
        self.say(f"Colours: {themes.OFFERED[name]}. Saved for next time.")

    def use_plain_mode_next_time(self) -> None:
        try:
            self.navigator.set_setting("plain", True)
        except SaveError as error:
            self.say(str(error), error=True)
            return
        self.say("Saved: the plain line mode will open next time. Use --no-plain to override.")

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Every drawn line passes the terminal-safety filter last.

        With NO_COLOR set, Textual only turns colours grey; we remove them all, and
        the stylesheet's ``:nocolor`` rules show focus with reverse video instead.
        """
        filters = list(super().get_line_filters())
        if self.no_color:
            filters = [f for f in filters if not isinstance(f, Monochrome)]
            filters.append(self._no_color_filter)
        return [*filters, self._safe_filter]

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def on_ready(self) -> None:
        if self.tune_interpreter:
            # Python's full garbage collection walks every object the program holds:
            # with Textual and 1,000 notes loaded it took 15 to 42 ms, and now and then
            # it fell on a key. Collect once now and freeze what start-up built, so
            # later collections walk only what is new (4 to 8 ms). Cycles among frozen
            # objects are never freed: fine for the one app a process runs, not for
            # a test run, which starts many apps in one process.
            gc.collect()
            gc.freeze()
        bench = os.environ.get(paths.BENCH_EXIT_ENV)  # set only by bench/
        if bench == "ready":
            self.exit()
        elif bench in AREAS:  # open an area (say the notes list), let it draw, then quit
            self.action_go(bench)
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

    def startup_message(self) -> str:
        """What opening the data file found (recovered, read-only, tightened), and any
        problem with the settings file, as sentences."""
        return " ".join([*self.navigator.store.report.messages, *self.notices])

    def on_unmount(self) -> None:
        self.drafts.close()

    def get_key_display(self, binding: Binding) -> str:
        """Keys in words: 'ctrl+s', never '^s' (a screen reader says "s" for that)."""
        return bindings.key_word(binding.key)

    # ------------------------------------------------------------ messages
    def say(self, message: str, error: bool = False) -> None:
        screen = self.screen
        if isinstance(screen, BaseScreen):
            screen.say(message, error=error)

    def before_key(self, screen: Screen[Any], key: str) -> None:
        self.quiet_key_sent(key, screen)
        if isinstance(screen, BaseScreen):
            screen.next_key_comes()

    def key_handled(self) -> None:
        if self.output is None or not self.output.holding:
            self.quiet_key_in_hand = False  # it changed no screen
        screen = self.screen
        if isinstance(screen, BaseScreen):
            screen.key_handled()

    def after_key(self, screen: Screen[Any], focused: Widget | None, event: events.Key) -> None:
        """A message stays in the status line until the next message, or until a key
        types into a field (the text it spoke of has changed then).

        It is not cleared by a key that moves around: Fenrir reads what changed on
        screen, and a line that only went blank made it skip the cursor's new line,
        so arrow keys after a message were silent.
        """
        typed = focused is not None and focused.check_consume_key(event.key, event.character)
        if typed and isinstance(screen, BaseScreen) and screen.is_attached:
            screen.status.clear()

    # ----------------------------------------------------------- navigation
    def _base_screens_above_home(self) -> list[BaseScreen]:
        return [s for s in self.screen_stack[1:] if isinstance(s, BaseScreen)]

    def action_go(self, area: str) -> None:
        """Open an area as the only screen above home, saving what the others hold."""
        screen_type = area_screen(area)
        if isinstance(self.screen, screen_type) and len(self.screen_stack) == 2:
            return
        for screen in reversed(self._base_screens_above_home()):
            if not screen.save_before_leaving():
                self.say(
                    "Your note could not be saved, so you are still here. "
                    "Fix the problem above, or press Escape to choose.",
                    error=True,
                )
                return
        self.hold_output()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen_type())

    def go_back(self, message: str = "") -> None:
        if len(self.screen_stack) <= 1:
            self.say("You are on the home screen. Press q to quit.")
            return
        self.hold_output()
        self.pop_screen()
        if message:
            self.say(message)

    def action_go_back(self) -> None:
        screen = self.screen
        if isinstance(screen, BaseScreen) and not screen.save_before_leaving():
            return
        self.go_back()

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        name = screen.TITLE_TEXT if isinstance(screen, BaseScreen) else "current"
        # Only the screen's own keys: Textual's inherited ones (tab, copy) are covered
        # by the general lines of Help.
        own = type(screen).__dict__.get("BINDINGS", [])
        screen_bindings = [b for b in own if isinstance(b, Binding)]
        self.push_screen(HelpScreen(name, screen_bindings))

    def take_just_saved(self) -> str | None:
        """The option id ('note:3', 'person:2') an editor just saved, once."""
        saved, self.just_saved = self.just_saved, None
        return saved

    def refresh_all(self) -> None:
        """After the whole file changed (import, delete all): redraw every open screen."""
        for screen in self.screen_stack:
            if isinstance(screen, BaseScreen):
                screen.refresh_data()
