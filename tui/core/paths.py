"""Every file path the app uses is decided here, and only here.

Nothing is created at import time: functions return paths, and the store makes
the directories (mode 0700) when it opens.
"""

from __future__ import annotations

import os
from glob import escape as glob_escape
from pathlib import Path

APP_NAME = "spms-navigator"
DATA_FILE_ENV = "SPMS_NAVIGATOR_DATA_FILE"
PLAIN_ENV = "SPMS_NAVIGATOR_PLAIN"
SETTINGS_FILE_ENV = "SPMS_NAVIGATOR_SETTINGS"
#: Used only by bench/: "ready" quits as soon as the first screen could take a key,
#: "notes" once the notes list has been drawn.
BENCH_EXIT_ENV = "SPMS_NAVIGATOR_BENCH_EXIT"
DATA_FILE_NAME = "navigator.json"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """Where the topic and checklist files are.

    An installed wheel carries them inside the package (``tui/_data``); a source
    checkout or an editable install reads the repository's ``data/`` folder.
    """
    packaged = _PACKAGE_DIR / "_data"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "data"


def default_data_file() -> Path:
    """The TinyDB file in the user's own data directory (per platformdirs)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DATA_FILE_NAME


def resolve_data_file(
    cli_value: str | None, environ: dict[str, str] | None = None, configured: str | None = None
) -> Path:
    """Pick the data file: the command-line option, then the environment, then the
    settings file (``configured``), then the default."""
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(DATA_FILE_ENV) or configured or None
    if chosen:
        return Path(chosen).expanduser().resolve()
    return default_data_file()


def settings_file(environ: dict[str, str] | None = None) -> Path:
    """The settings file (TOML) in the user's config folder, or where the environment says."""
    env = os.environ if environ is None else environ
    if chosen := env.get(SETTINGS_FILE_ENV):
        return Path(chosen).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def lock_file(data_file: Path) -> Path:
    """The lock that keeps a second copy of the app from writing the same file."""
    return data_file.with_name(data_file.name + ".lock")


def backup_file(data_file: Path) -> Path:
    """The last good copy, refreshed each time the file opens cleanly."""
    return data_file.with_name(data_file.name + ".bak")


def export_file(kind: str) -> Path:
    """The file name an export suggests: everything (md or json) in the home folder."""
    return Path.home() / f"spms-navigator-export.{kind}"


def summary_file(suffix: str) -> Path:
    """The file name the appointment summary suggests, dated today (.md or .txt)."""
    from datetime import date

    return Path.home() / f"appointment-{date.today().isoformat()}.{suffix}"


def temp_prefix(target: Path) -> str:
    """Temporary files of an atomic save are named ``.<name>.<random>.tmp`` beside the target."""
    return f".{target.name}."


def stale_temp_files(data_file: Path) -> list[Path]:
    """Temporary files a killed writer left behind (only the lock holder may remove them)."""
    # tempfile.mkstemp's names: the prefix, 8 characters from [a-z0-9_], the suffix.
    pattern = f"{glob_escape(temp_prefix(data_file))}{'[a-z0-9_]' * 8}{TEMP_SUFFIX}"
    return sorted(data_file.parent.glob(pattern))


TEMP_SUFFIX = ".tmp"


def aside_file(data_file: Path, reason: str, stamp: str) -> Path:
    """Where an unreadable file is moved, so it is never overwritten or deleted."""
    return data_file.with_name(f"{data_file.name}.{reason}-{stamp}")


def app_copies(data_file: Path) -> list[Path]:
    """The copies this app made beside the data file: its backup, files moved aside, temp files.

    Matched by the exact names the app gives them, so a file of the person's own
    that merely starts with the same name is never counted (or deleted) as ours.
    """
    import re

    stamp = r"\d{8}-\d{6}(-\d+)?"
    reasons = r"(empty|not-utf8|not-json|wrong-shape|newer|schema-v\d+)"
    aside = re.compile(rf"{re.escape(data_file.name)}\.{reasons}-{stamp}")
    found = [backup_file(data_file)] if backup_file(data_file).exists() else []
    found += [p for p in data_file.parent.iterdir() if aside.fullmatch(p.name)]
    return sorted(found + stale_temp_files(data_file))
