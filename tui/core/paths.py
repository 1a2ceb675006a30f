"""Every file path the app uses is decided here, and only here.

Nothing is created at import time: functions return paths, and the store makes
the directories (mode 0700) when it opens.
"""

from __future__ import annotations

import os
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
    """The lock that keeps a second copy of the app from writing the same file.

    It holds no data and is never deleted: removing a held lock would let a
    second writer in.
    """
    return data_file.with_name(data_file.name + ".lock")


def backup_file(data_file: Path) -> Path:
    """The single older copy that versions before dated backups kept; still read, never written."""
    return data_file.with_name(data_file.name + ".bak")


BACKUP_STAMP = r"\d{8}-\d{6}(-\d+)?"
#: A dated copy's name since version 0.2.0: its place in the order (a counter that
#: only grows), then when it was made, in UTC (``g000012-20261130-101500Z``). The
#: counter, not the clock, says which copy is newest: a clock set wrong once must
#: not make later copies look older.
GENERATION_NAME = r"g(\d{6,})-(\d{8}-\d{6})Z"


def backup_generation(data_file: Path, sequence: int, utc_stamp: str) -> Path:
    """A dated copy of a good data file (``navigator.json.bak-g000012-20261130-101500Z``)."""
    return data_file.with_name(f"{data_file.name}.bak-g{sequence:06d}-{utc_stamp}Z")


def generation_order(copy: Path) -> tuple[int, int, str]:
    """Sort key of a dated copy, larger for newer: numbered copies by their counter,
    after every copy older versions named by the local time alone."""
    import re

    tail = copy.name.rsplit(".bak-", 1)[-1]
    if numbered := re.fullmatch(GENERATION_NAME, tail):
        return (1, int(numbered.group(1)), numbered.group(2))
    return (0, 0, tail)


def backup_generations(data_file: Path, strict: bool = False) -> list[Path]:
    """The dated copies beside the data file, newest first (by their counter).

    ``strict``: a folder that could not be read (too many open files, EIO, EACCES)
    raises, for callers that must not take "could not look" for "there are none"
    (restoring a missing file, numbering a new copy); only a missing folder is none.
    """
    import re

    pattern = re.compile(rf"{re.escape(data_file.name)}\.bak-({BACKUP_STAMP}|{GENERATION_NAME})")
    try:
        found = [p for p in data_file.parent.iterdir() if pattern.fullmatch(p.name)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError:
        if strict:
            raise
        return []
    return sorted(found, key=generation_order, reverse=True)


def journal_file(data_file: Path) -> Path:
    """Changes saved since the data file was last rewritten whole (see core/journal.py)."""
    return data_file.with_name(data_file.name + ".journal")


def quarantine_file(data_file: Path) -> Path:
    """Records that did not fit the schema, kept exactly as they were found."""
    return data_file.with_name(data_file.name + ".quarantine")


def drafts_file(data_file: Path) -> Path:
    """Text being typed, kept until it is saved or thrown away (see core/drafts.py)."""
    return data_file.with_name(data_file.name + ".drafts")


def window_drafts_file(data_file: Path, token: str) -> Path:
    """The drafts of a copy of the app that does not hold the lock (a second window):
    its own file, so it never overwrites the first one's (``navigator.json.drafts-<hex>``)."""
    return data_file.with_name(f"{data_file.name}.drafts-{token}")


def window_drafts_files(data_file: Path) -> list[Path]:
    import re

    pattern = re.compile(rf"{re.escape(data_file.name)}\.drafts-[0-9a-f]{{8,32}}")
    try:
        return sorted(p for p in data_file.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def export_file(kind: str) -> Path:
    """The file name an export suggests: everything (md or json) in the home folder."""
    return Path.home() / f"spms-navigator-export.{kind}"


def summary_file(suffix: str) -> Path:
    """The file name the appointment summary suggests, dated today (.md or .txt)."""
    from datetime import date

    return Path.home() / f"appointment-{date.today().isoformat()}.{suffix}"


def visit_record_file(day: str, suffix: str) -> Path:
    """The file name a visit's record suggests, named by the visit's day (.md, .txt, .json)."""
    return Path.home() / f"visit-{day}.{suffix}"


def editing_folder() -> Path:
    """A new folder only its owner can open (0700), for a note being written in the
    person's own editor; made when called, removed once the note is saved."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix="spms-navigator-note-"))


TEMP_SUFFIX = ".tmp"


def temp_prefix(target: Path) -> str:
    """Temporary files of an atomic save are named ``.<name>.<random>.tmp`` beside the target."""
    return f".{target.name}."


def stale_temp_files(data_file: Path) -> list[Path]:
    """Temporary files a killed writer left behind, of the data file and of every copy
    beside it (``.navigator.json.bak-….<random>.tmp`` too). Only the lock holder may
    remove them."""
    import re

    random_part = "[a-z0-9_]{8}"
    pattern = re.compile(
        rf"\.{re.escape(data_file.name)}(\.[A-Za-z0-9_.-]+)?\.{random_part}{re.escape(TEMP_SUFFIX)}"
    )
    try:
        return sorted(p for p in data_file.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


ASIDE_REASONS = (
    "empty|not-utf8|not-json|wrong-shape|newer|unreadable|drafts-unreadable|journal-damaged"
    "|journal-unused"
    "|schema-v\\d+"
)


def aside_file(data_file: Path, reason: str, stamp: str) -> Path:
    """Where an unreadable file is moved, so it is never overwritten or deleted."""
    return data_file.with_name(f"{data_file.name}.{reason}-{stamp}")


def kept_aside_data_files(data_file: Path) -> list[Path]:
    """Whole data files an older release set aside because a newer one had written them
    (``navigator.json.newer-<date>``), newest first: they may hold records the data file
    lacks (kept_aside.py offers them back)."""
    import re

    pattern = re.compile(rf"{re.escape(data_file.name)}\.newer-{BACKUP_STAMP}")
    try:
        found = [p for p in data_file.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name, reverse=True)


def unused_journals(data_file: Path) -> list[Path]:
    """Journals set aside because they belonged to another copy of the data file
    (``navigator.json.journal-unused-<date>``), newest first: their changes may be in
    no file, so they are offered back like the data files above."""
    import re

    pattern = re.compile(rf"{re.escape(data_file.name)}\.journal-unused-{BACKUP_STAMP}")
    try:
        found = [p for p in data_file.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name, reverse=True)


def offered_back(data_file: Path) -> list[Path]:
    """Every kept-aside file whose records are offered back at start (kept_aside.py)."""
    return [*kept_aside_data_files(data_file), *unused_journals(data_file)]


def aside_files(data_file: Path) -> list[Path]:
    """The files kept aside beside the data file (a damaged file, an old one before an
    update, a journal that could not be used), by the exact names the app gives them."""
    import re

    aside = re.compile(rf"{re.escape(data_file.name)}\.({ASIDE_REASONS})-{BACKUP_STAMP}")
    try:
        return sorted(p for p in data_file.parent.iterdir() if aside.fullmatch(p.name))
    except OSError:
        return []


def app_copies(data_file: Path) -> list[Path]:
    """Every file this app made beside the data file but the data file and the lock:
    dated backups, the older single backup, files moved aside, the journal, the
    quarantine, drafts and temporary files.

    Matched by the exact names the app gives them, so a file of the person's own
    that merely starts with the same name is never counted (or deleted) as ours.
    """
    import re

    aside = re.compile(rf"{re.escape(data_file.name)}\.({ASIDE_REASONS})-{BACKUP_STAMP}")
    singles = [
        backup_file(data_file),
        journal_file(data_file),
        quarantine_file(data_file),
        drafts_file(data_file),
    ]
    found = [p for p in singles if p.exists() or p.is_symlink()]
    try:
        found += [p for p in data_file.parent.iterdir() if aside.fullmatch(p.name)]
    except OSError:  # the folder is gone: nothing more to find
        return sorted(set(found))
    found += window_drafts_files(data_file)
    return sorted(set(found + backup_generations(data_file) + stale_temp_files(data_file)))
