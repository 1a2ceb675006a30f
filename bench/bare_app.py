"""The baseline: a bare Textual "hello world" that exits as soon as it is ready."""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world")

    def on_ready(self) -> None:
        if os.environ.get("BENCH_EXIT") == "ready":
            self.exit()


if __name__ == "__main__":
    Hello().run()
