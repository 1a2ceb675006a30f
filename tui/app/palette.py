"""The command palette (ctrl+p): every command, found by its name or by what people call it.

Textual's own palette matches only a command's title, so "backup" or "print" found
nothing. Each command here also carries the words people use for it, and the
search scores a command by the best of its title and those words.

Textual keeps the terminal cursor in the palette's field while Down and Up move the
highlight through the commands, so a screen reader, which reads the cursor's line,
said nothing as a person went down the list. The highlighted command takes the
cursor (``SpokenPalette``); typing puts it back in the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.command import (
    CommandInput,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
)

from tui.app import themes
from tui.app.widgets import place_cursor_on_highlight
from tui.core import areas

if TYPE_CHECKING:
    from tui.app.app import NavigatorApp


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    run: Callable[[], Any]
    #: What else people call it, so the palette finds it by those words too.
    words: tuple[str, ...] = ()


def commands(app: NavigatorApp) -> list[Command]:
    """Every command the palette offers, in the order the home screen lists the areas."""

    def key(binding_id: str) -> str:
        return app.keys_for(binding_id, 1)  # the person's own key, if they chose one

    def area(record: areas.Area) -> Command:
        """Open an area; the help names the area's key, as the home screen does."""
        if record.id == "help":
            help_text = f"{record.description} ({app.keys_for('app.help', 2)})"
        elif record.id == "search":
            help_text = f"{record.description} ({key('topics.search')} on the Topics screen)"
        elif record.key_id:
            help_text = f"{record.description} (key {key(record.key_id)})"
        else:
            help_text = record.description
        run = partial(app.open_area, record.id)
        return Command(record.title, help_text, run, record.palette_words)

    found: list[Command] = []
    for record in areas.REGISTRY:
        found.append(area(record))
        if record.id == "notes":
            found.append(Command("New note", "Write a new note", partial(app.open_note, None)))
    found += [
        Command(f"Colours: {description}", "Change the colours", partial(app.use_theme, name))
        for name, description in themes.OFFERED.items()
    ]
    found += [
        Command(
            "Plain line mode next time",
            "Start in the plain line mode, for screen readers that prefer it",
            app.use_plain_mode_next_time,
        ),
        Command("Quit", f"Save and quit ({key('app.quit')})", app.action_quit),
    ]
    found += [
        Command(
            "Export",
            "Export everything, to read, print or keep",
            partial(app.open_data_at, "export-md"),
        ),
        Command("Import", "Bring back a JSON backup", partial(app.open_data_at, "import")),
        Command(
            "Delete all", "Delete all your data (asks first)", partial(app.open_data_at, "delete")
        ),
    ]
    said = app.navigator.library.app.palette
    return [
        replace(command, words=command.words + words_for(command.title, said)) for command in found
    ]


def words_for(title: str, said: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """What people call the command ``title``, from ``[palette]`` in data/app.toml.

    A name there stands for the command of that title, or for each command whose title
    starts with it and a colon or a space ("Colours" for "Colours: High contrast").
    """
    return tuple(
        word
        for name, words in said.items()
        if title == name or title.startswith((f"{name}:", f"{name} "))
        for word in words
    )


def _score(match: Callable[[str], float], command: Command) -> float:
    """How well a query matches ``command``: the best of its title and its words.

    Of equal word matches, the word named earlier wins (a command's first word is
    what people most often mean by it): "backup" lists Export, where it comes first,
    before Your data, where it comes fifth. A title that matches too breaks a tie,
    so "high contrast", a word of every Colours command, lists that theme first.
    """
    title = match(command.title)
    words = [match(word) - place / 1000 for place, word in enumerate(command.words, 1)]
    return max([title, *words]) + title / 100


class NavigatorCommands(Provider):
    """Offers ``commands()``; a command matches by its title or by one of its words."""

    def _commands(self) -> Iterable[Command]:
        return commands(cast("NavigatorApp", self.app))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = _score(matcher.match, command)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)


class SpokenPalette(App[None]):
    """The app's side of the palette: the highlighted command carries the cursor."""

    def on_command_palette_opened(self) -> None:
        palette = self.screen
        if isinstance(palette, CommandPalette):
            # Nothing blinks: a blinking cursor redraws its field twice a second, and a
            # screen reader hears the screen change while the person is idle.
            palette.query_one(CommandInput).cursor_blink = False
            commands = palette.query_one(CommandList)
            # A watcher runs as the highlight changes, before that change is drawn, so
            # the frame that draws it carries the cursor too (one frame a key).
            self.watch(commands, "highlighted", partial(_cursor_to_highlight, commands))


def _cursor_to_highlight(commands: CommandList, highlighted: int | None) -> None:
    if highlighted is None:
        return  # the list is being refilled; the cursor stays where it is
    place_cursor_on_highlight(commands)
    # A move to a command out of view scrolls the list first: place it again after.
    commands.call_after_refresh(place_cursor_on_highlight, commands)
