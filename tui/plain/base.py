"""The plain mode's framework: numbered menus, answers, and the words that move around."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from tui.core.service import Navigator
from tui.core.store import SaveError
from tui.core.text import InputError
from tui.plain.console import Console

T = TypeVar("T")
HINT = "Type a number and press Enter, or b for back, h for help, q to quit."


class Quit(Exception):
    """Leave the plain mode."""


class GoTo(Exception):
    """Jump to an area (t, c or n) from any menu."""

    def __init__(self, area: str) -> None:
        super().__init__(area)
        self.area = area


class Back(Exception):
    """Leave the current menu."""


#: Letters that jump to an area from any question.
AREA_KEYS = ("t", "c", "n", "v", "p")


class PlainBase:
    def __init__(self, navigator: Navigator, console: Console) -> None:
        self.nav = navigator
        self.out = console

    def choose(self, prompt: str = "Your choice:") -> str:
        answer = self.out.ask(prompt).strip()
        word = answer.lower()
        if word in ("q", "quit"):
            raise Quit
        if word in ("b", "back"):
            raise Back
        if word in AREA_KEYS:
            raise GoTo(word)
        if word in ("h", "?", "help"):
            self.help()
            return ""
        return answer

    def help(self) -> None:
        raise NotImplementedError

    def confirm(self, question: str) -> bool:
        answer = self.out.ask(f"{question} This cannot be undone. Type yes to go ahead:")
        return answer.strip().lower() == "yes"

    def _guard(self, menu: Callable[..., None], *args: object) -> None:
        """Run a sub-menu; its 'back' returns here."""
        with contextlib.suppress(Back):
            menu(*args)

    def menu(self, title: str, lines: Sequence[str], extra: str = "") -> None:
        self.out.say("")
        self.out.say(title)
        for number, line in enumerate(lines, 1):
            self.out.say(f"{number}. {line}")
        self.out.say(extra or HINT)

    def pick(self, answer: str, count: int) -> int | None:
        """The 0-based index a typed number means, or None (after saying why)."""
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= count:
            return int(answer) - 1
        self.out.say(f"'{answer}' is not one of the choices. Type a number from 1 to {count}.")
        return None

    def attempt(self, operation: Callable[..., T], *args: object) -> T | None:
        """Run a core operation; print its error as a sentence instead of failing."""
        try:
            return operation(*args)
        except (SaveError, InputError) as error:
            self.out.say(str(error))
            return None
