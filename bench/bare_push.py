"""Baseline for a screen change: a bare Textual app whose `t` pushes a screen of a
heading and a 15-line list, and whose Left arrow goes back (bench/screen_change.py)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static


class Pushed(Screen[None]):
    BINDINGS: ClassVar = [Binding("left", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Static("Topics: 15 to read")
        yield OptionList(*[f"Topic {n}: some words about it" for n in range(15)])


class Home(App[None]):
    BINDINGS: ClassVar = [Binding("t", "push_screen('pushed')", "Topics")]
    SCREENS: ClassVar = {"pushed": Pushed}

    def compose(self) -> ComposeResult:
        yield Static("Home screen")
        yield OptionList(*[f"Area {n}" for n in range(8)])


if __name__ == "__main__":
    Home().run()
