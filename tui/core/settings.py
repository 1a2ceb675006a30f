"""The settings file: a small TOML file of the person's choices, kept apart from their data.

It lives in the platform's config folder (``paths.settings_file``) and holds the
choices a person may want to make once, by hand or with a helper: the colours,
the plain line mode, where the data file is, and keys of their own (a screen
reader or a terminal may take a key the app uses). For example::

    theme = "high-contrast"
    plain = false
    data_file = "~/Documents/navigator.json"

    [keys]
    "app.back" = "escape,b"

Options and environment variables still win over the file. A mistake never stops
the app: each bad line gets one sentence naming the line, and the app uses its
default for that setting.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The colour themes a person may name. The app offers the same list in its palette.
THEMES = ("textual-dark", "textual-light", "high-contrast", "ansi-dark", "ansi-light")

#: A binding id is ``area.name``, as declared in ``tui/app/bindings.py``.
_BINDING_ID = re.compile(r"[a-z_]+\.[a-z_]+")

EXAMPLE = """# SPMS Navigator settings. Lines starting with # are notes and do nothing.
# theme = "high-contrast"   # or textual-dark, textual-light, ansi-dark, ansi-light
# plain = true              # start in the plain line mode
# data_file = "~/Documents/navigator.json"
#
# [keys]                    # your own keys, by the name Help shows for each action
# "app.back" = "escape,b"
"""


@dataclass(frozen=True)
class Settings:
    """The choices read from the settings file; None where the file does not say."""

    path: Path | None = None
    theme: str | None = None
    plain: bool | None = None
    data_file: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    #: One sentence per line that could not be used.
    problems: tuple[str, ...] = ()
    #: The line each setting and key id was found on, for sentences about them.
    lines: dict[str, int] = field(default_factory=dict)

    def about_line(self, name: str, sentence: str) -> str:
        """'Line 7 of /path/settings.toml: <sentence>', for a problem a front end finds."""
        line = self.lines.get(name)
        where = f"Line {line} of {self.path}" if line else f"Your settings file {self.path}"
        return f"{where}: {sentence}"


def _line_numbers(text: str) -> dict[str, int]:
    """Where each ``name = value`` line is: top-level names, and ``[keys]`` ids as given."""
    found: dict[str, int] = {}
    table = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            table = line.strip("[] ")
            continue
        match = re.match(r"""^["']?([^"'=\s]+)["']?\s*=""", line)
        if match:
            name = match.group(1)
            found.setdefault(name if table != "keys" else f"keys.{name}", number)
    return found


def load(path: Path) -> Settings:
    """Read the settings file at ``path``. A missing file means no settings, not a problem."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Settings(path=path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "it is not readable text"
        return Settings(
            path=path,
            problems=(
                f"Your settings file {path} could not be read ({reason}). "
                "The app uses its default settings.",
            ),
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        detail = str(error)
        return Settings(
            path=path,
            problems=(
                f"Your settings file {path} has a mistake ({detail}). "
                "The app uses its default settings until it is fixed.",
            ),
        )
    return _check(path, raw, _line_numbers(text))


def _check(path: Path, raw: dict[str, Any], lines: dict[str, int]) -> Settings:
    problems: list[str] = []
    values: dict[str, Any] = {}
    draft = Settings(path=path, lines=lines)

    def problem(name: str, sentence: str) -> None:
        problems.append(draft.about_line(name, sentence + " The app uses its default for it."))

    for name, value in raw.items():
        if name == "theme":
            if value in THEMES:
                values["theme"] = value
            else:
                problem(name, f"the theme {value!r} is not one of {', '.join(THEMES)}.")
        elif name == "plain":
            if isinstance(value, bool):
                values["plain"] = value
            else:
                problem(name, "plain must be true or false.")
        elif name == "data_file":
            if isinstance(value, str) and value.strip():
                values["data_file"] = value.strip()
            else:
                problem(name, "data_file must be the path of a file, in quotes.")
        elif name == "keys":
            if isinstance(value, dict):
                values["keys"] = _check_keys(value, draft, problems)
            else:
                problem(name, "keys must be a table: a line [keys], then one key per line.")
        else:
            problem(
                name,
                f"{name!r} is not a setting. The settings are theme, plain, data_file "
                "and a [keys] table.",
            )
    return Settings(path=path, problems=tuple(problems), lines=lines, **values)


def _check_keys(table: dict[str, Any], draft: Settings, problems: list[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for binding_id, keys_text in table.items():
        where = f"keys.{binding_id}"
        if not _BINDING_ID.fullmatch(binding_id):
            problems.append(
                draft.about_line(
                    where,
                    f"{binding_id!r} is not the name of an action. Help lists each action's "
                    "name, for example app.back. The app uses its default keys for it.",
                )
            )
        elif not isinstance(keys_text, str) or not keys_text.strip():
            problems.append(
                draft.about_line(
                    where,
                    f'the keys for {binding_id} must be text in quotes, like "escape,b". '
                    "The app uses its default keys for it.",
                )
            )
        else:
            keys[binding_id] = ",".join(k.strip() for k in keys_text.split(",") if k.strip())
    return keys
