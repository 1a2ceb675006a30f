"""Measuring and wrapping one line of plain text in terminal cells, for LongList."""

from __future__ import annotations

from rich.cells import cell_len, chop_cells


def cells(text: str) -> int:
    """Terminal cells of ``text``. ASCII (control codes already replaced) is one cell a
    character; measuring it that way also keeps Rich from caching a thousand lines."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """Break one line of text into lines of at most ``width`` cells, at spaces.

    A word longer than a whole line is cut at the line's end. Wide characters
    (emoji, CJK) count as two cells, combining marks as none.
    """
    width = max(1, width)
    if cells(text) <= width:
        return [text]
    lines: list[str] = []
    current, used = "", 0
    for word in text.split(" "):
        size = cells(word)
        if current and used + 1 + size <= width:
            current, used = f"{current} {word}", used + 1 + size
            continue
        if current:
            lines.append(current)
        if size > width:
            *whole, word = chop_cells(word, width)
            lines.extend(whole)
            size = cells(word)
        current, used = word, size
    lines.append(current)
    return lines
