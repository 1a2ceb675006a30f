"""Allow ``python -m tui``, the same as the ``spms-navigator`` command."""

from tui.cli import main

raise SystemExit(main())
