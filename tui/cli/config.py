"""``spms-navigator config path|show``: the settings file, and the settings in force.

``show`` says each setting's value and where it came from (an option, an
environment variable, a line of the settings file, a choice saved in the app, or
the default), in the order the app itself decides, so a person can see why the
app looks or starts the way it does. Each bad line of the file gets one sentence.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from tui.cli.choices import FALSE_WORDS, TRUE_WORDS, plain_choice
from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree, add_json
from tui.cli.output import FAILED, OK, UsageError, emit_json, out, tell
from tui.core import paths
from tui.core.checkins import every_words, parse_every
from tui.core.models import long_date
from tui.core.service import Navigator
from tui.core.settings import Settings, load
from tui.core.text import InputError, end_sentence, one_line

COMMANDS = COMMANDS_OF["config"]
#: Chosen in the app or the plain mode and kept in the data file, not the settings file.
IN_DATA_FILE = ("my_name", "checkin_every_days", "date_of_birth")
#: What ``config set`` changes: the choices the app keeps in the data file.
SETTABLE = (*IN_DATA_FILE, "theme", "plain")
#: The themes the app offers (tui/app/themes.py; a test keeps the two the same), named
#: here so that building the command line does not import Textual's themes.
OFFERED_THEMES = ("textual-dark", "textual-light", "high-contrast", "ansi-dark", "ansi-light")


def register(tree: Tree) -> None:
    tree.add(
        ("config",),
        COMMANDS["config"],
        ["config path", "config show", "config show --json"],
        more=f"The settings file is TOML; {paths.SETTINGS_FILE_ENV} names another one.",
    )
    tree.commands(("config",), required=True)
    where = tree.add(
        ("config", "path"),
        "Print where the settings file is (or would be).",
        ["config path", '"$EDITOR" "$(spms-navigator config path)"'],
        handler=config_path,
    )
    where.set_defaults(needs_data=False)
    show = tree.add(
        ("config", "show"),
        "Print each setting in force and where it comes from; say what is wrong in the file.",
        ["config show", "config show --json", "--plain config show"],
        handler=config_show,
        more="Exit status 1 if the settings file has a line the app cannot use.",
    )
    add_json(show)
    show.set_defaults(needs_data=False)
    change = tree.add(
        ("config", "set"),
        "Change a choice the app keeps in your data file: your name on the visit summary, "
        "how often to suggest a check-in, the colours, or starting in the plain mode.",
        [
            'config set my_name "Ana Silva"',
            'config set my_name ""',
            "config set date_of_birth 1961-03-14",
            "config set checkin_every_days 4w",
            "config set theme high-contrast",
            "config set plain true",
        ],
        handler=config_set,
        more="my_name is printed on the summary for your next visit (an empty name takes it "
        "away), and date_of_birth (YYYY-MM-DD) beside it if you like. checkin_every_days "
        "is how many days after your last check-in the home "
        "screen suggests the next one (1 to 366; 4w is four weeks). theme is one of "
        f"{', '.join(OFFERED_THEMES)}. plain is true or false. These are the same choices "
        "as in the app; a line of the settings file, an environment variable or an option "
        "wins over them (config show says which is in force).",
    )
    change.add_argument("name", choices=SETTABLE, metavar="NAME", help=", ".join(SETTABLE))
    change.add_argument("value", metavar="VALUE", help="the new value")
    add_json(change)


def config_path(_args: argparse.Namespace) -> int:
    path = paths.settings_file()
    out(str(path))
    if not path.exists():
        tell("There is no settings file there yet: the app uses its defaults.")
    return OK


@dataclass
class InForce:
    value: Any
    source: str  # option, environment, settings-file, app or default
    detail: str = ""  # the option or variable's name
    line: int | None = None

    def words(self, settings_path: Path | None) -> str:
        if self.source == "settings-file":
            return f"from line {self.line} of {settings_path}" if self.line else "from the file"
        return {
            "option": f"from the {self.detail} option",
            "environment": f"from the {self.detail} variable",
            "app": "your choice, kept in the data file",
            "default": "the default",
        }[self.source]

    def record(self) -> dict[str, Any]:
        record = {"value": self.value, "from": self.source}
        if self.line is not None:
            record["line"] = self.line
        return record


def _from_file(settings: Settings, name: str, value: Any) -> InForce:
    return InForce(value, "settings-file", line=settings.lines.get(name))


def _data_file(args: argparse.Namespace, settings: Settings) -> InForce:
    path = str(paths.resolve_data_file(args.data_file, configured=settings.data_file))
    if args.data_file:
        return InForce(path, "option", "--data-file")
    if os.environ.get(paths.DATA_FILE_ENV):
        return InForce(path, "environment", paths.DATA_FILE_ENV)
    if settings.data_file:
        return _from_file(settings, "data_file", path)
    return InForce(path, "default")


def _saved(data_file: str) -> tuple[dict[str, Any], str | None]:
    """The theme and plain choices saved in the data file, or a sentence if it cannot open."""
    from tui.core.service import open_navigator

    try:
        nav = open_navigator(Path(data_file), reading=True)  # it only reads: no copy, no fold
    except Exception as error:  # any reason: the rest of the settings are still worth seeing
        return {}, f"The choices saved in the app could not be read: {error}"
    try:
        saved = {key: nav.setting(key) for key in ("theme", "plain", *IN_DATA_FILE)}
        saved["checkin_every_days"] = nav.checkins.every_days()
        return saved, None
    finally:
        nav.store.close()


def _plain(args: argparse.Namespace, settings: Settings, saved: dict[str, Any]) -> InForce:
    value, source = plain_choice(args.plain, dict(os.environ), saved.get("plain"), settings.plain)
    if source == "settings-file":
        return _from_file(settings, "plain", value)
    flag = "--plain" if value else "--no-plain"
    return InForce(value, source, flag if source == "option" else paths.PLAIN_ENV)


def _theme(settings: Settings, saved: dict[str, Any]) -> InForce:
    """As the app decides: the settings file, else the theme saved in the app, if offered."""
    from tui.app import themes  # Textual, only for this command: the list of themes lives there

    chosen = settings.theme or saved.get("theme")
    if chosen not in themes.OFFERED:
        return InForce(themes.DEFAULT, "default")
    if settings.theme:
        return _from_file(settings, "theme", chosen)
    return InForce(chosen, "app")


def config_show(args: argparse.Namespace) -> int:
    settings = load(paths.settings_file())
    problems = list(settings.problems)
    data_file = _data_file(args, settings)
    saved, unreadable = _saved(data_file.value)
    if unreadable:
        problems.append(unreadable)
    in_force = {
        "theme": _theme(settings, saved),
        "plain": _plain(args, settings, saved),
        "data_file": data_file,
    }
    from tui.app import keymap  # checks key names the way the app does (Textual's key list)

    keys = {
        name: _from_file(settings, f"keys.{name}", value)
        for name, value in keymap.checked(settings, problems).items()
    }
    exists = settings.path is not None and settings.path.exists()
    chosen = {} if unreadable else {name: _chosen_in_app(name, saved) for name in IN_DATA_FILE}
    if args.json:
        emit_json(
            "settings",
            file={"path": str(settings.path), "exists": exists},
            settings={name: found.record() for name, found in in_force.items()},
            keys={name: found.record() for name, found in keys.items()},
            in_data_file={name: found.record() for name, found in chosen.items()},
            problems=problems,
        )
    else:
        there = "" if exists else " (there is no file there yet)"
        out(f"# Settings file: {settings.path}{there}")
        lines: list[tuple[str, InForce | None]] = [
            (f"{name} = {_toml(found.value)}", found) for name, found in in_force.items()
        ]
        if keys:
            lines.append(("[keys]", None))
            lines += [
                (f"{_toml(name)} = {_toml(found.value)}", found) for name, found in keys.items()
            ]
        width = max(len(text) for text, _ in lines)
        for text, found in lines:
            out(f"{text:<{width}}  # {found.words(settings.path)}" if found else text)
        if chosen:
            out("# Kept in your data file; change them in the app, the plain mode or config set:")
            for name, found in chosen.items():
                out(f"#   {name} = {_toml(found.value)}  ({found.words(settings.path)})")
    for problem in problems:
        tell(f"spms-navigator: {problem}")
    return FAILED if problems else OK


def config_set(args: argparse.Namespace, nav: Navigator) -> int:
    """The choices the app makes on its Visit screen (name, reminder) and in its command
    palette (colours, plain mode), for scripts."""
    value: str | int | bool | None
    if args.name == "my_name":
        value = one_line(args.value).strip() or None
        nav.set_setting("my_name", value)
        said = f"Saved: the visit summary says {value}" if value else "Saved: no name"
    elif args.name == "date_of_birth":
        from tui.core.appointment import parse_birth_date

        try:
            born = parse_birth_date(args.value) if args.value.strip() else None
        except InputError as error:
            raise UsageError(str(error)) from None
        value = born.isoformat() if born else None
        nav.set_setting("date_of_birth", value)
        said = (
            f"Saved: the visit summary says you were born on {long_date(born)}"
            if born
            else "Saved: no date of birth"
        )
    elif args.name == "checkin_every_days":
        try:
            value = nav.checkins.set_every_days(parse_every(args.value))
        except InputError as error:
            raise UsageError(str(error)) from None
        said = f"Saved: a check-in is suggested {every_words(value)}"
    elif args.name == "theme":
        value = args.value.strip().lower()
        if value not in OFFERED_THEMES:
            raise UsageError(
                f"{args.value!r} is not a theme. Choose one of: {', '.join(OFFERED_THEMES)}."
            )
        nav.set_setting("theme", value)
        said = f"Saved: the app starts in the {value} colours"
    else:
        value = _yes_or_no(args.value)
        nav.set_setting("plain", value)
        said = (
            "Saved: the app starts in the plain line mode"
            if value
            else "Saved: the app starts full screen"
        )
    _say_what_wins(args, args.name, value)
    if args.json:
        return emit_json("setting", name=args.name, value=value)
    out(end_sentence(said))
    return OK


def _yes_or_no(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS or word in FALSE_WORDS - {""}:
        return word in TRUE_WORDS
    raise UsageError(f"{text!r} is not true or false. Write true or false (or yes or no).")


def _say_what_wins(args: argparse.Namespace, name: str, value: object) -> None:
    """On stderr: the settings file, a variable or an option that overrides the choice."""
    settings = load(paths.settings_file())
    if name == "theme" and settings.theme and settings.theme != value:
        tell(
            f"Line {settings.lines.get('theme')} of {settings.path} chooses {settings.theme}, "
            "and it wins: change it there."
        )
    elif name == "plain":
        in_force, source = plain_choice(args.plain, dict(os.environ), value, settings.plain)
        if in_force != value:
            where = {
                "option": "the --plain or --no-plain option",
                "environment": f"the {paths.PLAIN_ENV} variable",
                "settings-file": f"line {settings.lines.get('plain')} of {settings.path}",
            }.get(source, "another setting")
            tell(f"For now {where} wins over this choice.")


def _chosen_in_app(name: str, saved: dict[str, Any]) -> InForce:
    """A setting kept in the data file: chosen in the app, the plain mode or with
    config set; or its default."""
    from tui.core.checkins import DEFAULT_EVERY_DAYS

    value = saved.get(name)
    default = DEFAULT_EVERY_DAYS if name == "checkin_every_days" else None
    return InForce(value, "default" if value in (None, default) else "app")


def _toml(value: Any) -> str:
    """A value as it would be written in the settings file (TOML strings are JSON's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return orjson.dumps(value).decode()
