"""Print the text of the terminal in the session's xfce4-terminal, as AT-SPI gives it
to Orca. Run by the system Python (which has pyatspi), not the project's."""

from __future__ import annotations

from typing import Any

import pyatspi


def terminal_in(node: Any, depth: int = 0) -> Any:
    if node is None or depth > 12:
        return None
    if node.getRole() == pyatspi.ROLE_TERMINAL:
        return node
    for child in node:
        found = terminal_in(child, depth + 1)
        if found is not None:
            return found
    return None


def main() -> None:
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "xfce4-terminal":
            terminal = terminal_in(app)
            if terminal is not None:
                text = terminal.queryText()
                print(text.getText(0, -1))
                return


if __name__ == "__main__":
    main()
