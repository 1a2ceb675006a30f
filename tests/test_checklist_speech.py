"""The checklist is heard in a few seconds (issue 19, item 1): on arrival Fenrir says
the screen's name with its progress, then the first item, and not every one of its 21
items with an intro below them; moving down says one line at a time. An item opened
says its status, which has focus, before why it helps.

Measured with the model of Fenrir's line diff (tests/readers/fenrir_model.py) on a real
pty at 80x24, as a person starts the app and presses keys.
"""

from __future__ import annotations

from pathlib import Path

from tests.readers.fenrir_model import heard_by_fenrir

#: What a list screen may cost on arrival (tests/test_speech_budget.py).
BUDGET = 420


def _flat(said: str) -> str:
    return " ".join(said.split())


def test_the_checklist_says_its_progress_and_first_item_first(
    data_file: Path, tmp_path: Path
) -> None:
    with heard_by_fenrir(data_file, tmp_path) as (fenrir, _terminal):
        arrival = _flat(fenrir.press("c"))
        # The name and progress, the group, then the focused item: about 50 characters
        # in, where a progress line of its own and a group heading came first.
        assert arrival.startswith(
            "Support-network checklist. 0 of 21 done. Care team "
            "See a neurologist for regular check-ups: not done yet."
        ), arrival
        assert len(arrival) <= BUDGET, arrival
        assert "Space marks" not in arrival  # the intro is on the keys line and in Help

        # Within the items in view, the text stays and Fenrir says the cursor's line.
        assert _flat(fenrir.press("down")) == "Know who else is on your care team: not done yet."
        for _ in range(3):
            fenrir.press("down")
        # Past them the list scrolls a line: the new line is all that is said.
        assert _flat(fenrir.press("down")) == (
            "Tell your care team what is hard for you and your family: not done yet."
        )

        # Space: the new progress in the heading, then that it is saved, short.
        ticked = _flat(fenrir.press("space"))
        assert ticked.startswith("Support-network checklist. 1 of 21 done."), ticked
        assert "Saved. Done: Tell your care team what is hard" in ticked, ticked
        assert "Tell your care team what is hard for you and your family: done." in ticked
        assert len(ticked) <= 200, ticked

        # Enter opens the item: its name, then its status (focused), then why it helps.
        opened = _flat(fenrir.press("enter"))
        assert opened.startswith(
            "Checklist item: Tell your care team what is hard for you and your family "
            "Status: done. Enter changes it. Why it helps:"
        ), opened
        assert len(opened) <= BUDGET, opened
        assert "(ctrl+n)" not in opened  # the keys line says it
