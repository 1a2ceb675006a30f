"""How an import merges words: shared by every kind of record a backup holds.

Never empty words over words; where both have different words, keep both (the
words already here first). Each field that changes is said, before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.text import one_line, storable


def text_of(value: Any) -> str:
    """A backup's value as storable text ("" for anything that is not text)."""
    return storable(value) if isinstance(value, str) else ""


def merged_text(current: str, incoming: str) -> str:
    """Never empty over words; both when they differ (the words already here first)."""
    if not incoming.strip() or incoming == current or incoming in current:
        return current
    return f"{current}\n{incoming}" if current.strip() else incoming


@dataclass
class FieldChange:
    """One field of something already here that the import would change."""

    what: str  # 'Checklist "Get help with meals", who helps'
    before: str
    after: str

    def sentence(self) -> str:
        def shown(text: str) -> str:
            return f'"{one_line(text)}"' if text else "nothing"

        return f"{self.what}: {shown(self.before)} becomes {shown(self.after)}."
