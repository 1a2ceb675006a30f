"""The command palette (ctrl+p): every command, found by its name or by what people call it.

Textual's own palette matches only a command's title, so "backup" or "print" found
nothing. Each command here also carries the words people use for it, and the
search scores a command by the best of its title and those words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app import themes

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
    found = [
        Command("Topics", "Read about living with SPMS (key t)", partial(app.action_go, "topics")),
        Command(
            "Checklist", "Build your support network (key c)", partial(app.action_go, "checklist")
        ),
        Command("Notes", "Your private notes (key n)", partial(app.action_go, "notes")),
        Command("New note", "Write a new note", partial(app.open_note, None)),
        Command(
            "Check in",
            "How much each area got in the way lately, in under two minutes (key k)",
            partial(app.action_go, "checkin"),
            ("check-in", "how am I", "symptoms", "how I feel", "track"),
        ),
        Command(
            "Changes",
            "What changed in my check-ins, over months",
            partial(app.action_go, "changes"),
            ("what changed", "progress", "trend", "chart", "compare", "over time"),
        ),
        Command(
            "Visits",
            "My visits, past and planned, and the notes raised at each",
            partial(app.action_go, "visits"),
            ("appointments", "history", "past visits", "answers"),
        ),
        Command(
            "Prepare for a visit",
            "What to raise, and a summary (key v)",
            partial(app.action_go, "visit"),
        ),
        Command("My people", "Who helps with what (key p)", partial(app.action_go, "people")),
        Command(
            "Your data", "Export, import a backup, or delete all", partial(app.action_go, "data")
        ),
        Command("Help", "Keys, and where your data is kept (F1 or ?)", app.action_help),
    ]
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
        Command("Quit", "Save and quit (q)", app.action_quit),
    ]
    return found


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
            score = max(matcher.match(text) for text in (command.title, *command.words))
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
