"""Dated backup copies of the data file, and the choice of one to restore.

Each clean start copies the data file to ``navigator.json.bak-g<counter>-<UTC time>Z``
(on a thread: opening need not wait). The counter only grows, and it alone says
which copy is newest: the clock can be wrong (a flat clock battery, a time zone or
daylight-saving change, several starts in one second), and a copy must never be
pruned because its clock said it was older. The newest copy is never pruned.

Kept: the newest ``KEEP`` copies whatever their times; beyond them one a day (UTC),
up to ``DAILY`` more, none more than ``MAX_AGE_DAYS`` older than the newest copy; and
never is a copy deleted because a much smaller file came after it: an emptied file
(a bug, a sync tool, a mistake) must not push the last full copies out. When the
file is much smaller than the newest copy, the person is told where that copy is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core import durable, paths, schema

KEEP = 3
DAILY = 7
MAX_AGE_DAYS = 60
#: A file under this share of the newest copy's size counts as "much smaller".
MUCH_SMALLER = 0.5


def file_stamp() -> str:
    """The local time, for the names of files kept aside (read by people, never sorted)."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def made_at(path: Path) -> datetime | None:
    """When a dated copy was made (UTC), from its name, else from the file's time."""
    tail = path.name.rsplit(".bak-", 1)[-1]
    try:
        if numbered := re.fullmatch(paths.GENERATION_NAME, tail):
            return datetime.strptime(numbered.group(2), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        # Older versions named copies by the local time.
        return datetime.strptime(tail[:15], "%Y%m%d-%H%M%S").astimezone(UTC)
    except ValueError:
        try:
            return datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except OSError:
            return None


def when_words(path: Path) -> str:
    """'30 Nov 2026, 10:15' (local time) from a dated copy's name, or from the file's time."""
    from tui.core.models import display_time

    when = made_at(path)
    return "an earlier day" if when is None else display_time(when.isoformat())


def newest_copy_sentence(data_file: Path) -> str:
    """For Help: when the newest backup copy was made (it sits beside the data file)."""
    generations = paths.backup_generations(data_file)
    if not generations:
        return "There is no backup copy yet. One is made each time the app starts."
    return (
        f"Your newest backup copy was made on {when_words(generations[0])}, beside your data file."
    )


@dataclass
class Candidate:
    path: Path
    raw: bytes
    loaded: schema.Loaded


def newest_good(data_file: Path) -> Candidate | None:
    """The newest dated copy (then the older single ``.bak``) that reads cleanly.

    A folder or copy that could not be read (EIO, too many open files) raises: taking
    it for "no copy" would start a new, empty file over a missing one, and the next
    start would no longer restore the copies (the strace layer found this).
    """
    for path in [*paths.backup_generations(data_file, strict=True), paths.backup_file(data_file)]:
        try:
            raw = durable.read_regular(path)
            loaded = schema.decode(raw)
        except (FileNotFoundError, durable.NotARegularFile, schema.BadFile):
            continue  # missing, a FIFO or damaged: try the next one
        return Candidate(path, raw, loaded)
    return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def much_smaller_warning(data_file: Path, size: int) -> str | None:
    """A sentence if the file is much smaller than its newest copy (both are kept)."""
    generations = paths.backup_generations(data_file)
    if not generations:
        return None
    newest = generations[0]
    if size >= MUCH_SMALLER * _size(newest):
        return None
    return (
        f"Your data file is much smaller than your backup copy from {when_words(newest)}. "
        f"If things are missing, that copy is kept at {newest}."
    )


def _same_copy(copy: Path, raw: bytes, base: str) -> bool:
    """True if ``copy`` holds ``raw``. Each full rewrite gives the file a new ``base``
    token near its start, so the same size and base mean the same bytes; files from
    before there was a base are compared whole."""
    try:
        if _size(copy) != len(raw):
            return False
        if base:
            with copy.open("rb") as handle:
                return f'"base":"{base}"'.encode() in handle.read(4096)
        return durable.read_regular(copy) == raw
    except OSError:
        return False


def _sequence(path: Path) -> int:
    order = paths.generation_order(path)
    return order[1]


def refresh(data_file: Path, raw: bytes, base: str = "") -> None:
    """Keep ``raw`` (a data file that opened cleanly) as the newest dated copy, then prune."""
    generations = paths.backup_generations(data_file, strict=True)  # numbers the new one
    if generations and _same_copy(generations[0], raw, base):
        return
    sequence = max((_sequence(p) for p in generations), default=0) + 1
    stamp = utc_stamp()
    target = paths.backup_generation(data_file, sequence, stamp)
    while target.exists() or target.is_symlink():
        sequence += 1
        target = paths.backup_generation(data_file, sequence, stamp)
    durable.atomic_write_bytes(target, raw)
    _prune(data_file, target, len(raw))


def _day(when: datetime | None) -> str:
    return "" if when is None else when.strftime("%Y%m%d")


def _prune(data_file: Path, new_copy: Path, new_size: int) -> None:
    """Remove the copies the rules above do not keep. ``new_copy`` is never removed,
    even if another process made a copy numbered higher meanwhile."""
    generations = paths.backup_generations(data_file)  # the newest first
    kept = generations[:KEEP]
    if new_copy not in kept:
        kept.append(new_copy)
    newest = made_at(generations[0]) if generations else None
    oldest_kept = newest - timedelta(days=MAX_AGE_DAYS) if newest else None
    days = {_day(made_at(p)) for p in kept}
    daily = 0
    for path in generations:
        if path in kept:
            continue
        size, when = _size(path), made_at(path)
        if new_size < MUCH_SMALLER * size and not any(_size(k) >= size for k in kept):
            kept.append(path)  # the fullest copy stays while the file is much smaller
            continue
        too_old = when is not None and oldest_kept is not None and when < oldest_kept
        if daily < DAILY and not too_old and _day(when) not in days:
            kept.append(path)
            days.add(_day(when))
            daily += 1
            continue
        path.unlink(missing_ok=True)
