"""Colour themes. Colour only ever repeats what the words already say.

A high-contrast theme, and Textual's ``ansi-*`` themes, which use the terminal's
own palette (the colours the person has already set up to read well). NO_COLOR
is honoured by Textual itself. The choice is saved in the data file.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#1a1a1a",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#ffff00 60%",
    },
)

#: The themes offered by name in the command palette, in order.
OFFERED = {
    "textual-dark": "Standard dark colours",
    "textual-light": "Standard light colours",
    "high-contrast": "High contrast: white and yellow on black",
    "ansi-dark": "Your terminal's own colours, dark background",
    "ansi-light": "Your terminal's own colours, light background",
}
DEFAULT = "textual-dark"
