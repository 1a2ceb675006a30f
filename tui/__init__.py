"""SPMS Navigator: a terminal companion for life with secondary progressive MS.

The package has one core (``tui.core``: content, models, storage and the
operations a person performs) and front ends over it: the Textual screens
(``tui.app``), a plain line mode (``tui.plain``) and a scriptable command line
(``tui.cli``). Only ``tui.app`` imports Textual.
"""

#: The one place the release is named: pyproject.toml reads it (hatch's version source),
#: and ``--version``, Help, the export and the data file's meta record say it.
__version__ = "0.2.0"
