"""SPMS Navigator: a terminal companion for life with secondary progressive MS.

The package has one core (``tui.core``: content, models, storage and the
operations a person performs) and front ends over it: the Textual screens
(``tui.app``), a plain line mode (``tui.plain``) and a scriptable command line
(``tui.cli``). Only ``tui.app`` imports Textual.
"""

__version__ = "0.1.0"
