"""The settings file: the person's theme, plain mode, data file and own keys.

A bad line never stops the app: it is named in one sentence and the default is used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import cli
from tests.pilot_helpers import heading_text, option_texts, running_app, status_text
from tui.app import palette, themes
from tui.app.screens.home import HomeScreen
from tui.app.screens.topics import TopicsScreen
from tui.core import paths, settings
from tui.core.service import open_navigator


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_no_file_means_no_settings_and_no_problem(tmp_path: Path) -> None:
    found = settings.load(tmp_path / "missing.toml")
    assert (found.theme, found.plain, found.data_file, found.keys) == (None, None, None, {})
    assert found.problems == ()


def test_a_good_file_is_read(tmp_path: Path) -> None:
    found = settings.load(
        write(
            tmp_path / "s.toml",
            'theme = "high-contrast"\nplain = true\ndata_file = "~/n.json"\n'
            '[keys]\n"app.back" = "escape, b"\n',
        )
    )
    assert found.problems == ()
    assert (found.theme, found.plain, found.data_file) == ("high-contrast", True, "~/n.json")
    assert found.keys == {"app.back": "escape,b"}


def test_each_bad_line_gets_a_sentence_naming_it(tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.toml",
        '# mine\ntheme = "purple"\nplain = "yes"\ncolour = 3\n[keys]\n"back" = "b"\n'
        '"app.help" = ""\n',
    )
    problems = settings.load(path).problems
    assert problems == (
        f"Line 2 of {path}: the theme 'purple' is not one of textual-dark, textual-light, "
        "high-contrast, ansi-dark, ansi-light. The app uses its default for it.",
        f"Line 3 of {path}: plain must be true or false. The app uses its default for it.",
        f"Line 4 of {path}: 'colour' is not a setting. The settings are theme, plain, "
        "data_file and a [keys] table. The app uses its default for it.",
        f"Line 6 of {path}: 'back' is not the name of an action. Help lists each action's "
        "name, for example app.back. The app uses its default keys for it.",
        f'Line 7 of {path}: the keys for app.help must be text in quotes, like "escape,b". '
        "The app uses its default keys for it.",
    )


def test_a_file_that_is_not_toml_is_one_sentence(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", "theme = high-contrast\n")
    (problem,) = settings.load(path).problems
    assert problem.startswith(f"Your settings file {path} has a mistake (")
    assert "line 1" in problem
    assert problem.endswith("The app uses its default settings until it is fixed.")


def test_the_themes_offered_are_the_themes_a_file_may_name() -> None:
    assert tuple(themes.OFFERED) == settings.THEMES


def test_data_file_option_beats_variable_beats_settings_file(tmp_path: Path) -> None:
    in_settings = tmp_path / "from-settings.json"
    in_variable = tmp_path / "from-variable.json"
    settings_file = write(tmp_path / "s.toml", f'data_file = "{in_settings}"\n')
    env = {paths.SETTINGS_FILE_ENV: str(settings_file)}
    assert cli("note", "add", "--title", "A", "--body", "", env=env).returncode == 0
    assert in_settings.exists()
    env[paths.DATA_FILE_ENV] = str(in_variable)
    assert cli("note", "add", "--title", "B", "--body", "", env=env).returncode == 0
    assert in_variable.exists()
    nav = open_navigator(in_settings)
    try:
        assert [n.title for n in nav.notes.all()] == ["A"]
    finally:
        nav.store.close()


def test_the_cli_says_what_is_wrong_with_the_settings_and_goes_on(tmp_path: Path) -> None:
    settings_file = write(tmp_path / "s.toml", "plain = 3\n")
    data = tmp_path / "n.json"
    env = {paths.SETTINGS_FILE_ENV: str(settings_file)}
    result = cli("--data-file", str(data), "checklist", "list", env=env)  # reads the settings
    assert result.returncode == 0
    assert f"Line 1 of {settings_file}: plain must be true or false." in result.stderr
    assert "peer-helpline" in result.stdout


def test_plain_true_in_the_settings_file_opens_the_plain_mode(tmp_path: Path) -> None:
    settings_file = write(tmp_path / "s.toml", "plain = true\n")
    env = {paths.SETTINGS_FILE_ENV: str(settings_file)}
    result = cli("--data-file", str(tmp_path / "n.json"), stdin="q\n", env=env)
    assert "Home. Choose an area." in result.stdout
    result = cli(
        "--data-file", str(tmp_path / "n.json"), stdin="q\n", env={**env, paths.PLAIN_ENV: "0"}
    )
    assert "Home. Choose an area." not in result.stdout  # the variable wins: no terminal here


async def test_own_keys_work_and_help_shows_them(data_file: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", '[keys]\n"app.back" = "x,escape"\n"app.topics" = "f5"\n')
    async with running_app(data_file, settings.load(path)) as (app, pilot):
        assert option_texts(app, "areas")[0] == "Topics. Key F5."
        topics = next(c for c in palette.commands(app) if c.title == "Topics")
        assert topics.help == "Read about living with SPMS (key F5)"
        await pilot.press("f5")
        assert isinstance(app.screen, TopicsScreen)
        assert "x or Escape: Back" in str(app.screen.query_one("#keys").render())
        await pilot.press("x")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("t")  # the old key no longer opens Topics
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark", "end", "enter")  # More help: the action names
        lines = [str(o.prompt) for o in app.screen.query_one("#help").options]  # type: ignore[attr-defined]
        assert "x or Escape: Back (app.back)" in lines
        assert heading_text(app) == "Help for the home screen."
        assert "F5: Topics (app.topics)" in lines


@pytest.mark.parametrize(
    ("keys_line", "problem"),
    [
        ('"app.nowhere" = "x"', "'app.nowhere' is not the name of an action."),
        ('"app.back" = "ctrl+nothing"', "'ctrl+nothing' is not a key the app knows."),
    ],
)
async def test_a_bad_key_is_named_and_the_default_kept(
    data_file: Path, tmp_path: Path, keys_line: str, problem: str
) -> None:
    path = write(tmp_path / "s.toml", f"[keys]\n{keys_line}\n")
    async with running_app(data_file, settings.load(path)) as (app, pilot):
        assert status_text(app).startswith(f"Line 2 of {path}: {problem}")
        await pilot.press("t", "b")
        assert isinstance(app.screen, HomeScreen)  # b still goes back
