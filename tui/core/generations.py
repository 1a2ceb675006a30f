"""Dated backup copies of the data file, and the choice of one to restore.

Each clean start copies the data file to ``navigator.json.bak-<date>-<time>``
(on a thread: opening need not wait). A few are kept: the newest ``KEEP``, one
per start but at most one per day beyond the newest, and never is a copy deleted
because a much smaller file came after it: an emptied file (a bug, a sync tool,
a mistake) must not push the last full copies out. When the file is much smaller
than the newest copy, the person is told where that copy is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core import durable, paths, schema

KEEP = 3
#: A file under this share of the newest copy's size counts as "much smaller".
MUCH_SMALLER = 0.5


def file_stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def when_words(path: Path) -> str:
    """'30 Nov 2026, 10:15' from a dated copy's name, or from the file's time."""
    from tui.core.models import display_time

    stamp = path.name.rsplit(".bak-", 1)[-1][:15]
    try:
        when = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        try:
            when = datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            return "an earlier day"
    return display_time(when.isoformat())


@dataclass
class Candidate:
    path: Path
    raw: bytes
    loaded: schema.Loaded


def newest_good(data_file: Path) -> Candidate | None:
    """The newest dated copy (then the older single ``.bak``) that reads cleanly."""
    for path in [*paths.backup_generations(data_file), paths.backup_file(data_file)]:
        try:
            raw = durable.read_regular(path)
            loaded = schema.decode(raw)
        except (OSError, schema.BadFile):
            continue  # missing, a FIFO, unreadable or damaged: try the next one
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


def refresh(data_file: Path, raw: bytes, base: str = "") -> None:
    """Keep ``raw`` (a data file that opened cleanly) as the newest dated copy, then prune."""
    generations = paths.backup_generations(data_file)
    if generations and _same_copy(generations[0], raw, base):
        return
    stamp = file_stamp()
    target = paths.backup_generation(data_file, stamp)
    counter = 1
    while target.exists() or target.is_symlink():
        counter += 1
        target = paths.backup_generation(data_file, f"{stamp}-{counter}")
    durable.atomic_write_bytes(target, raw)
    _prune(data_file, len(raw))


def _day(path: Path) -> str:
    return path.name.rsplit(".bak-", 1)[1][:8]


def _prune(data_file: Path, new_size: int) -> None:
    generations = paths.backup_generations(data_file)  # the new copy first
    kept, today = generations[:1], file_stamp()[:8]
    for path in generations[1:]:
        size = _size(path)
        if new_size < MUCH_SMALLER * size and not any(_size(k) >= size for k in kept):
            kept.append(path)  # the fullest copy stays while the file is much smaller
        elif _day(path) == today or any(_day(k) == _day(path) for k in kept[1:]):
            path.unlink(missing_ok=True)  # one copy a day, beyond the newest
        elif len(kept) >= KEEP:
            path.unlink(missing_ok=True)
        else:
            kept.append(path)
