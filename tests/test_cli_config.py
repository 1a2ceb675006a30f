"""``config path|show``: where the settings file is, what is in force and where it came from."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.process import cli, saved
from tui.core import paths


def _settings_file() -> Path:
    return Path(os.environ[paths.SETTINGS_FILE_ENV])  # a fresh one per test (conftest)


def test_config_path_names_the_file_and_says_when_there_is_none() -> None:
    result = cli("config", "path")
    assert (result.returncode, result.stdout) == (0, f"{_settings_file()}\n")
    assert result.stderr == "There is no settings file there yet: the app uses its defaults.\n"
    _settings_file().write_text('theme = "high-contrast"\n')
    assert cli("config", "path").stderr == ""


def test_config_show_says_where_each_setting_comes_from(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    plain = cli("config", "show", *d)
    assert (plain.returncode, plain.stderr) == (0, "")
    head, *rows, kept, name, every, born = plain.stdout.splitlines()
    assert head == f"# Settings file: {_settings_file()} (there is no file there yet)"
    assert kept == "# Kept in your data file; change them in the app, the plain mode or config set:"
    assert (name, every, born) == (
        "#   my_name = null  (the default)",
        "#   checkin_every_days = 28  (the default)",
        "#   date_of_birth = null  (the default)",
    )
    assert [tuple(part.strip() for part in row.split("  # ")) for row in rows] == [
        ('theme = "textual-dark"', "the default"),
        ("plain = false", "the default"),
        (f'data_file = "{data_file}"', "from the --data-file option"),
    ]
    assert len({row.index("  # ") for row in rows}) == 1  # the reasons line up
    _settings_file().write_text(
        '# mine\ntheme = "high-contrast"\n\n[keys]\n"app.back" = "escape,b"\n'
    )
    with saved(data_file) as nav:
        nav.set_setting("plain", True)  # chosen from inside the app
    shown = cli("config", "show", *d).stdout
    assert 'theme = "high-contrast"' in shown
    assert f"# from line 2 of {_settings_file()}" in shown
    assert "plain = true" in shown and "# your choice, kept in the data file" in shown
    assert '[keys]\n"app.back" = "escape,b"' in shown and "# from line 5 of" in shown
    variable = cli("config", "show", *d, env={paths.PLAIN_ENV: "0"}).stdout
    assert "# from the SPMS_NAVIGATOR_PLAIN variable" in variable
    option = cli("--no-plain", "config", "show", *d).stdout
    assert "plain = false" in option and "# from the --no-plain option" in option


def test_config_show_gives_one_sentence_per_bad_line_and_status_1(data_file: Path) -> None:
    _settings_file().write_text(
        'theme = "purple"\nplain = true\ncolour = 1\n[keys]\n"app.nope" = "x"\n'
        '"app.quit" = "notakey"\n'
    )
    result = cli("config", "show", "--data-file", str(data_file))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        f"Line 1 of {_settings_file()}",
        f"Line 3 of {_settings_file()}",
        f"Line 5 of {_settings_file()}",
        f"Line 6 of {_settings_file()}",
    ]
    assert "'purple' is not one of" in lines[0] and "'notakey' is not a key" in lines[3]
    assert "plain = true" in result.stdout and "# from line 2 of" in result.stdout
    assert 'theme = "textual-dark"' in result.stdout  # the bad line: the default is in force


def test_config_show_json(data_file: Path) -> None:
    _settings_file().write_text('plain = false\ntheme = "ansi-dark"\nbad = 1\n')
    result = cli("config", "show", "--json", "--data-file", str(data_file))
    document = json.loads(result.stdout)
    assert document == {
        "format": "spms-navigator/settings",
        "version": 1,
        "file": {"path": str(_settings_file()), "exists": True},
        "settings": {
            "theme": {"value": "ansi-dark", "from": "settings-file", "line": 2},
            "plain": {"value": False, "from": "settings-file", "line": 1},
            "data_file": {"value": str(data_file), "from": "option"},
        },
        "keys": {},
        "in_data_file": {
            "my_name": {"value": None, "from": "default"},
            "checkin_every_days": {"value": 28, "from": "default"},
            "date_of_birth": {"value": None, "from": "default"},
        },
        "problems": [
            f"Line 3 of {_settings_file()}: 'bad' is not a setting. The settings are theme, "
            "plain, data_file and a [keys] table. The app uses its default for it."
        ],
    }
    assert result.returncode == 1


def test_config_show_works_when_the_data_file_cannot_open(tmp_path: Path) -> None:
    _settings_file().write_text(f'data_file = "{tmp_path}"\n')  # a folder: the app refuses it
    result = cli("config", "show", env={paths.DATA_FILE_ENV: ""})
    assert result.returncode == 1
    assert f'data_file = "{tmp_path}"  # from line 1 of {_settings_file()}' in result.stdout
    assert "could not be read" in result.stderr and "is a folder, not a file" in result.stderr


def test_config_set_changes_the_choices_kept_in_the_data_file(data_file: Path) -> None:
    d = ["--data-file", str(data_file)]
    named = cli("config", "set", "my_name", "Ana Silva", *d)
    assert (named.returncode, named.stdout) == (0, "Saved: the visit summary says Ana Silva.\n")
    every = cli("config", "set", "checkin_every_days", "14", *d)
    assert (every.returncode, every.stdout) == (
        0,
        "Saved: a check-in is suggested every 2 weeks.\n",
    )
    with saved(data_file) as nav:
        assert (nav.setting("my_name"), nav.checkins.every_days()) == ("Ana Silva", 14)
    assert (
        '#   my_name = "Ana Silva"  (your choice, kept in the data file)'
        in cli("config", "show", *d).stdout
    )
    cleared = cli("config", "set", "my_name", "", "--json", *d)
    assert json.loads(cleared.stdout)["value"] is None
    with saved(data_file) as nav:
        assert nav.setting("my_name") is None
    weeks = cli("config", "set", "checkin_every_days", "3w", *d)
    assert weeks.stdout == "Saved: a check-in is suggested every 3 weeks.\n"
    for bad in ("soon", "0", "400", "3m"):
        refused = cli("config", "set", "checkin_every_days", bad, *d)
        assert refused.returncode == 2 and "1 to 366" in refused.stderr, refused.stderr
    unknown = cli("config", "set", "colour", "x", *d)
    assert unknown.returncode == 2 and "my_name" in unknown.stderr


def test_config_set_theme_and_plain_as_the_app_would(data_file: Path) -> None:
    from tui.app import themes
    from tui.cli.config import OFFERED_THEMES

    assert tuple(themes.OFFERED) == OFFERED_THEMES  # the command names the app's themes
    d = ["--data-file", str(data_file)]
    with saved(data_file):
        pass  # the file exists: no "Started a new data file" on stderr
    theme = cli("config", "set", "theme", "high-contrast", *d)
    assert (theme.stdout, theme.stderr) == (
        "Saved: the app starts in the high-contrast colours.\n",
        "",
    )
    plain = cli("config", "set", "plain", "yes", *d, env={paths.PLAIN_ENV: ""})
    assert plain.stdout == "Saved: the app starts in the plain line mode.\n"
    with saved(data_file) as nav:
        assert (nav.setting("theme"), nav.setting("plain")) == ("high-contrast", True)
    shown = cli("config", "show", *d).stdout
    assert 'theme = "high-contrast"' in shown and "plain = true" in shown
    _settings_file().write_text('theme = "ansi-dark"\n')
    overridden = cli("config", "set", "theme", "textual-light", *d)
    assert overridden.stderr == (
        f"Line 1 of {_settings_file()} chooses ansi-dark, and it wins: change it there.\n"
    )
    variable = cli("config", "set", "plain", "false", *d, env={paths.PLAIN_ENV: "1"})
    assert variable.stderr == "For now the SPMS_NAVIGATOR_PLAIN variable wins over this choice.\n"
    for name, bad, words in (
        ("theme", "purple", "high-contrast"),
        ("plain", "maybe", "true or false"),
    ):
        refused = cli("config", "set", name, bad, *d)
        assert refused.returncode == 2 and words in refused.stderr, refused.stderr
