"""Baseline for key response: a bare Textual OptionList of 1,000 lines."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import OptionList


class Lines(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*[f"Line {n}: some words of a note" for n in range(1000)])


if __name__ == "__main__":
    Lines().run()
