"""The person's own keys, from the ``[keys]`` table of their settings file.

The settings file names actions by binding id (``app.back``) and keys by Textual's
names (``escape``, ``b``, ``ctrl+s``, ``f2``). Each id or key the app does not know
gets one sentence naming the line, and that action keeps its default keys.
"""

from __future__ import annotations

import unicodedata

from textual.keys import Keys

from tui.app import bindings
from tui.core.settings import Settings

_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_NAMED_KEYS = {key.value for key in Keys} | {"space", "tab", "enter", "backspace"}


def is_key(key: str) -> bool:
    """True for a key Textual can receive: 'b', '?', 'f2', 'ctrl+s', 'question_mark'."""
    *modifiers, name = key.strip().lower().split("+")
    if not name or any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(name) == 1 and name.isprintable():
        return True
    if name in _NAMED_KEYS or f"ctrl+{name}" in _NAMED_KEYS:
        return True
    try:
        unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return False
    return True


def checked(settings: Settings, problems: list[str]) -> dict[str, str]:
    """The usable part of ``settings.keys``; a sentence in ``problems`` for each other line."""
    known = {b.id for b in bindings.every_binding() if b.id}
    usable: dict[str, str] = {}
    for binding_id, keys in settings.keys.items():
        where = f"keys.{binding_id}"
        if binding_id not in known:
            problems.append(
                settings.about_line(
                    where,
                    f"{binding_id!r} is not the name of an action. Help lists each action "
                    "with its name. The app uses its default keys.",
                )
            )
            continue
        bad = [k for k in keys.split(",") if not is_key(k)]
        if bad:
            problems.append(
                settings.about_line(
                    where,
                    f"{bad[0]!r} is not a key the app knows. Write keys like b, f2 or "
                    f"ctrl+s. The app uses the default keys for {binding_id}.",
                )
            )
            continue
        usable[binding_id] = keys
    return usable
