"""Opening the data file safely: privacy, checks, recovery, the journal and migration.

Opening it:

1. makes the folder (0700, each missing parent too) and tightens a looser mode it
   finds where modes mean privacy (not on Windows);
2. reads the file through the schema (schema.py). A file from a newer version is
   opened read-only and never replaced. A file that is missing, empty, cut short,
   not JSON, not UTF-8 or the wrong shape is
   replaced by the newest good backup copy (generations.py), and said so. A
   damaged file is first copied aside, unchanged, then the restored copy written
   over it, so the data path is never empty, even if the app is killed between;
3. replays the journal of changes saved since the last full rewrite;
4. migrates an older version, keeping a copy of the old file;
5. keeps records that do not fit the schema in the quarantine file, verbatim;
6. starts a dated backup copy of a file that opened cleanly.

Each step the person should know about adds one plain sentence to the
``OpenReport``; every front end shows those sentences on start (the command line
on stderr). Only the copy of the app holding the lock writes anything.
"""

from __future__ import annotations

import stat
import threading
from dataclasses import dataclass
from pathlib import Path

import msgspec
import orjson

from tui import __version__
from tui.core import durable, failures, generations, journal, paths, schema
from tui.core.durable import DIR_MODE, FILE_MODE
from tui.core.models import OpenReport
from tui.core.schema import CURRENT_SCHEMA, BadFile, now_stamp

__all__ = ["CURRENT_SCHEMA", "Opened", "load", "now_stamp", "prepare_directory", "quarantine"]


def prepare_directory(directory: Path, private: bool, report: OpenReport) -> None:
    """Create the data folder owner-only; tighten it if it is the app's own folder.

    A folder the user chose for ``--data-file`` (their home, say) is left as it
    is: the files inside are still 0600.
    """
    created = durable.make_private_folders(directory)
    if not created and private:
        _tighten(directory, DIR_MODE, report, "data folder")


def _tighten(path: Path, wanted: int, report: OpenReport, what: str) -> None:
    """Make a file (or, for 0700, a folder) private, and say so. Anything else is left alone.

    On Windows a mode says nothing about who may read a file (the folder's access
    list does), so nothing is checked, and nothing falsely reported as fixed.
    """
    if not durable.modes_mean_privacy():
        return
    try:
        info = path.stat()
    except OSError:
        return
    expected_kind = stat.S_ISDIR if wanted == DIR_MODE else stat.S_ISREG
    if not expected_kind(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & ~wanted & 0o777:
        try:
            path.chmod((mode & wanted) | (wanted & 0o500))  # never adds a write bit
        except OSError:
            report.messages.append(
                f"Your {what} {path} can be read by other people on this computer, "
                f"and the app could not change that. Ask for help to make it private."
            )
            return
        report.messages.append(
            f"Your {what} could be read by other people on this computer. "
            f"It is now private to you (it was mode {mode:o}, now "
            f"{stat.S_IMODE(path.stat().st_mode):o})."
        )


@dataclass
class Opened:
    tables: schema.Tables
    journal_size: int  # bytes of the journal that match memory; 0: rewrite before appending
    rewrite_now: bool = False  # a repair, migration or quarantine must reach the file now
    notes_undecoded: bool = False  # each note a msgspec.Raw (see storage.DataFile)


def _aside(path: Path, reason: str) -> Path:
    """A new name for a copy of a bad file, never an existing one."""
    stamp = generations.file_stamp()
    target = paths.aside_file(path, reason, stamp)
    counter = 1
    while target.exists() or target.is_symlink():
        counter += 1
        target = paths.aside_file(path, reason, f"{stamp}-{counter}")
    return target


def load(
    path: Path,
    report: OpenReport,
    background: list[threading.Thread],
    copy: bool = True,
    notes_undecoded: bool = False,
) -> Opened:
    """Return good tables for ``path``, recovering, replaying or migrating as needed.

    ``copy`` False skips the dated backup copy (a command that only reads writes nothing).
    ``notes_undecoded``: a clean file's notes stay undecoded (schema.decode); the
    journal's changes apply to them all the same.
    """
    writable = not report.read_only
    if writable:
        for stale in paths.stale_temp_files(path):  # a killed save's leftovers
            stale.unlink(missing_ok=True)
    _tighten(path, FILE_MODE, report, "data file")
    for older in [*paths.backup_generations(path)[:1], paths.backup_file(path)]:
        _tighten(older, FILE_MODE, report, "backup file")
    try:
        raw: bytes | None = durable.read_regular(path)
    except FileNotFoundError:
        raw = None
    loaded: schema.Loaded | None = None
    bad: BadFile | None = None
    if raw is not None:
        try:
            loaded = schema.decode(raw, notes_undecoded=notes_undecoded and writable)
        except BadFile as problem:
            from tui.core import salvage  # only for a file that did not read cleanly

            if problem.reason == "newer" and not (bad := salvage.typed_over(raw)):
                return _newer(raw, report)
            bad = bad or problem
    rewrite = False
    replaced = loaded is None  # missing or damaged: a journal that does not fit is kept
    if loaded is None:
        loaded, rewrite, raw = _restore(path, raw, bad, report)
    clean = writable and not replaced and not loaded.bad and loaded.schema == CURRENT_SCHEMA
    if clean and (warning := generations.much_smaller_warning(path, len(raw or b""))):
        report.messages.append(warning)
    if clean and copy:
        # Copying years of notes takes milliseconds that opening need not wait for.
        # An interrupted copy leaves only a temporary file, removed at the next start.
        copier = threading.Thread(
            target=_make_dated_copy,
            args=(path, raw, schema.meta(loaded.tables).base, report),
            name="backup",
            daemon=True,
        )
        copier.start()
        background.append(copier)
    journal_size = _replay(path, loaded.tables, report, writable, keep_unused=replaced)
    if loaded.schema < CURRENT_SCHEMA:
        # A journal written by the older version puts its own meta record back: the
        # tables are the current version's now, and the file must say so.
        _say_current_schema(loaded.tables, loaded.schema)
        rewrite = _migrated(path, raw, loaded.schema, report, writable) or rewrite
    if loaded.bad:
        rewrite = quarantine(path, loaded.bad, report, writable) or rewrite
    return Opened(
        loaded.tables, 0 if rewrite else journal_size, rewrite and writable, loaded.notes_undecoded
    )


def _newer(raw: bytes, report: OpenReport) -> Opened:
    """A file a newer version wrote: shown read-only, never replaced by an older copy.

    Setting it aside and restoring an older copy (what versions before 0.2.0 did)
    forks the data: the newer version's changes go into a file nobody looks at.
    Its journal, if any, is the newer version's too, and is left alone.
    """
    loaded = schema.decode(raw, newer_ok=True)
    writer = schema.meta(loaded.tables).written_by
    by = f"SPMS Navigator {writer}" if writer else "a newer version of SPMS Navigator"
    upgrade = f"version {writer} or later" if writer else "the newest version"
    report.read_only = True
    report.newer_file = True
    report.messages.append(
        f"Your data file was written by {by}; this is version {__version__}. So this copy "
        f"opened it read-only: you can read, but changes will not be saved, and nothing in "
        f"the file is changed. To make changes, upgrade SPMS Navigator to {upgrade}."
    )
    return Opened(loaded.tables, 0)


def _make_dated_copy(path: Path, raw: bytes, base: str, report: OpenReport) -> None:
    """The backup thread. Whatever goes wrong (a full disk, a folder made read-only)
    becomes a sentence in the report, which each front end shows: a thread that
    raised would print a traceback over the screen, and say nothing useful."""
    try:
        generations.refresh(path, raw, base)
    except Exception as error:  # every failure here must become a sentence
        report.backup_problem = failures.backup_problem_sentence(error)


def _say_current_schema(tables: schema.Tables, version: int) -> None:
    found = schema.meta(tables)
    if found.schema != CURRENT_SCHEMA:
        migrated_from = version if found.migrated_from is None else found.migrated_from
        tables[schema.META][1] = msgspec.structs.replace(
            found, schema=CURRENT_SCHEMA, migrated_from=migrated_from
        )


def _restore(
    path: Path, raw: bytes | None, bad: BadFile | None, report: OpenReport
) -> tuple[schema.Loaded, bool, bytes | None]:
    """A missing or unusable file: the newest good backup, or a new empty file.

    Returns what was loaded, whether it must be written now, and the bytes now at
    ``path`` (the restored copy's, or None for a new file).
    """
    found = generations.newest_good(path)
    if report.read_only:
        problem = bad.sentence if bad else "Your data file is missing"
        report.messages.append(
            f"{problem}. This copy of the app is read-only, so it left the file alone "
            "and shows your last good copy."
        )
        fallback = schema.Loaded(schema.empty_tables(), CURRENT_SCHEMA)
        return (found.loaded if found else fallback), False, None
    if raw is not None and bad is not None:
        moved = _aside(path, bad.reason)
        durable.keep_a_copy(path, moved)  # first a copy of the bad file, then the good one
        if durable.modes_mean_privacy():
            moved.chmod(FILE_MODE)
        from tui.core import salvage

        if read := salvage.salvage(raw):  # each record still readable, and what is not
            when = generations.when_words(found.path) if found else None
            report.messages.append(salvage.sentence(read, str(moved), when))
            tables = salvage.laid_over(read, found.loaded.tables if found else None)
            return schema.Loaded(tables, CURRENT_SCHEMA, read.bad), True, None
        if found is not None:
            durable.atomic_write_bytes(path, found.raw)
            report.messages.append(
                f"{bad.sentence}. It was moved, unchanged, to {moved}. Your last good copy "
                f"was restored (a backup from {generations.when_words(found.path)}), so "
                "changes made after it may be missing."
            )
            return found.loaded, False, found.raw
        report.messages.append(
            f"{bad.sentence}. It was moved, unchanged, to {moved}. "
            "There was no good copy to restore, so the app started a new, empty file."
        )
        return schema.Loaded(schema.empty_tables(), CURRENT_SCHEMA), True, None
    if found is not None:
        durable.atomic_write_bytes(path, found.raw)
        report.messages.append(
            f"Your data file was missing. Your last good copy was restored (a backup from "
            f"{generations.when_words(found.path)}), so changes made after it may be missing."
        )
        return found.loaded, False, found.raw
    report.created_new = True
    return schema.Loaded(schema.empty_tables(), CURRENT_SCHEMA), True, None


def _into_kept_aside_file(path: Path, replay: journal.Replay) -> bool:
    """Fold a journal into the file an older release set aside, if the journal was written
    for it: the set-aside file then holds every change, for its offer. True if done."""
    for aside in paths.kept_aside_data_files(path):
        try:
            tables = schema.decode(durable.read_regular(aside), newer_ok=True).tables
        except (OSError, BadFile):
            continue
        if schema.meta(tables).base != replay.base:
            continue
        for ops in replay.transactions:
            journal.apply(tables, ops)
        durable.atomic_write_bytes(aside, schema.encode(tables))
        return True
    return False


def _replay(
    path: Path, tables: schema.Tables, report: OpenReport, writable: bool, keep_unused: bool
) -> int:
    """Apply the journal's changes; return how much of it is good (0: start a new one)."""
    journal_path = paths.journal_file(path)
    try:
        raw = durable.read_regular(journal_path)
    except FileNotFoundError:
        raw = b""
    except OSError:  # a FIFO or device under the journal's name: never read it
        report.messages.append(
            f"{journal_path} is not an ordinary file, so the app did not read it. "
            "It will be replaced with the next save."
        )
        return 0
    base = schema.meta(tables).base
    replay = journal.parse(raw)
    if replay.base != base:
        if not writable:
            return 0
        # A journal for another file. A command's change stays in the journal until it
        # is folded in, so its changes may be in no file: bring them to the file an
        # older release set aside (their own file), or keep them, and say where.
        if replay.transactions and not _into_kept_aside_file(path, replay):
            kept = _aside(path, "journal-unused")
            durable.keep_a_copy(journal_path, kept)
            report.messages.append(
                f"Some of your latest changes belonged to another copy of your data file, "
                f"so they could not be put back; they were kept, unchanged, at {kept}."
            )
        header = journal.header(base)  # its changes are in a file now, or kept aside
        durable.atomic_write_bytes(journal_path, header)
        return len(header)
    for ops in replay.transactions:
        journal.apply(tables, ops)
    if not replay.damaged:
        return replay.good_size
    if writable:
        moved = _aside(path, "journal-damaged")
        durable.keep_a_copy(journal_path, moved)
        report.messages.append(
            f"The list of your latest changes was damaged. The changes before the damage "
            f"were loaded; the list was kept, unchanged, at {moved}."
        )
    return 0


def _migrated(
    path: Path, raw: bytes | None, version: int, report: OpenReport, writable: bool
) -> bool:
    if not writable or raw is None:
        return False
    kept = _aside(path, f"schema-v{version}")
    durable.atomic_write_bytes(kept, raw)
    report.messages.append(
        f"Your data file came from an older version of the app. It was updated, "
        f"and a copy of the old file was kept at {kept}."
    )
    return True


QUARANTINE_FORMAT = "spms-navigator-quarantine"


def quarantine(path: Path, bad: list[schema.BadRecord], report: OpenReport, writable: bool) -> bool:
    """Keep records that do not fit the schema, exactly as found, before they leave the file."""
    what = schema.describe(bad)
    if not writable:
        report.messages.append(
            f"Your data file holds {what} that this app could not read. It was left as it "
            "is, and everything else was loaded."
        )
        return False
    target = paths.quarantine_file(path)
    kept: list[object] = []
    try:
        old = orjson.loads(durable.read_regular(target))
        kept = old["records"]
        if not isinstance(kept, list):
            raise TypeError(kept)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, KeyError):  # damaged: keep it whole, start anew
        if durable.is_regular(target):
            durable.keep_a_copy(target, _aside(path, "unreadable"))
        kept = []
    found = now_stamp()
    kept += [
        {"table": b.table, "id": b.record_id, "found": found, "problem": b.problem, "raw": b.raw}
        for b in bad
    ]
    payload = {"format": QUARANTINE_FORMAT, "records": kept}
    durable.atomic_write_bytes(target, orjson.dumps(payload, option=orjson.OPT_INDENT_2))
    report.messages.append(
        f"Your data file held {what} that this app could not read. It was kept, unchanged, "
        f"in {target}, and everything else was loaded."
    )
    return True


def saved_state(path: Path) -> schema.Tables:
    """What a fresh start would read from disk now (data file plus journal), changing nothing.

    For tests and tools: it takes no lock, writes nothing and raises ``BadFile``
    or ``OSError`` where a start would repair.
    """
    tables = schema.decode(durable.read_regular(path)).tables
    try:
        replay = journal.parse(durable.read_regular(paths.journal_file(path)))
    except FileNotFoundError:
        return tables
    if replay.base == schema.meta(tables).base:
        for ops in replay.transactions:
            journal.apply(tables, ops)
    return tables
