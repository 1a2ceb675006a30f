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


def lint_imports(*options: str) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` (import-linter) on the contracts in pyproject.toml, run by this
    interpreter so the virtual environment's copy is the one checked."""
    code = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(
        [sys.executable, "-c", code, *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def test_the_layers_hold() -> None:
    """The core never imports Textual or a front end; the front ends do not import each
    other (past the exceptions named in pyproject.toml); inside the core the facade sits
    over the areas and the areas over the store. Imports made inside functions count."""
    result = lint_imports("--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_styles_live_in_tcss_files() -> None:
    for path in (ROOT / "tui" / "app").rglob("*.py"):
        assert "DEFAULT_CSS" not in path.read_text("utf-8") and 'CSS = """' not in path.read_text(
            "utf-8"
        ), path.name
