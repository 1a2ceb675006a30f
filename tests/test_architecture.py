"""The layering the design card asks for, checked rather than promised."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_cli_import_without_textual() -> None:
    code = (
        "import sys, importlib, pkgutil, tui.core, tui.cli\n"
        "for m in pkgutil.iter_modules(tui.core.__path__):\n"
        "    importlib.import_module('tui.core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"


def test_no_source_file_is_longer_than_about_400_lines() -> None:
    for path in (ROOT / "tui").rglob("*.py"):
        lines = len(path.read_text("utf-8").splitlines())
        assert lines <= 420, f"{path.relative_to(ROOT)} has {lines} lines"


def test_core_never_imports_the_front_ends() -> None:
    for path in (ROOT / "tui" / "core").rglob("*.py"):
        text = path.read_text("utf-8")
        for forbidden in ("import textual", "from textual", "from tui.app", "from tui.plain"):
            assert forbidden not in text, f"{path.name} has {forbidden!r}"


def test_styles_live_in_tcss_files() -> None:
    for path in (ROOT / "tui" / "app").rglob("*.py"):
        assert "DEFAULT_CSS" not in path.read_text("utf-8") and 'CSS = """' not in path.read_text(
            "utf-8"
        ), path.name
