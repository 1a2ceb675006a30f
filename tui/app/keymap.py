"""The person's own keys, from the ``[keys]`` table of their settings file.

The settings file names actions by binding id (``app.back``) and keys by Textual's
names (``escape``, ``b``, ``ctrl+s``, ``f2``). Each id or key the app does not know
gets one sentence naming the line, and that action keeps its default keys.

Some keys must always work, or a keymap could leave no way out (a keyboard trap):
ctrl+q always quits, and at least one Back key stays Back. A line that would take
them is refused the same way, with a sentence.
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
        if problem := _takes_quit(binding_id, keys):
            problems.append(settings.about_line(where, problem))
            continue
        usable[binding_id] = keys
    _keep_a_back_key(settings, usable, problems)
    return usable


QUIT_ANYWHERE = "app.quit_anywhere"


def _keys(keys: str) -> list[str]:
    return [k.strip().lower() for k in keys.split(",") if k.strip()]


def _takes_quit(binding_id: str, keys: str) -> str | None:
    """A sentence if the line would take ctrl+q from Quit."""
    if binding_id == QUIT_ANYWHERE and "ctrl+q" not in _keys(keys):
        return (
            "ctrl+q always quits, so it stays with app.quit_anywhere; you may add keys "
            'to it, for example "ctrl+q,f10". The app uses the default keys for it.'
        )
    if binding_id != QUIT_ANYWHERE and "ctrl+q" in _keys(keys):
        return (
            f"ctrl+q always quits, so it cannot go to {binding_id}. "
            f"The app uses the default keys for {binding_id}."
        )
    return None


def _keep_a_back_key(settings: Settings, usable: dict[str, str], problems: list[str]) -> None:
    """Refuse the lines that would take the last key still going Back."""
    back = _keys(usable.get(bindings.BACK.id or "", bindings.BACK_KEYS))
    taken = {
        key: binding_id
        for binding_id, keys in usable.items()
        if binding_id != bindings.BACK.id
        for key in _keys(keys)
    }
    if back and not all(key in taken for key in back):
        return
    for binding_id in sorted({taken[key] for key in back if key in taken}):
        del usable[binding_id]
        problems.append(
            settings.about_line(
                f"keys.{binding_id}",
                f"{binding_id} would take the last key that goes Back, and then no key "
                f"would go back. The app uses the default keys for {binding_id}.",
            )
        )
