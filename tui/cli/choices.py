"""How the plain line mode is chosen, in one place for starting the app and ``config show``."""

from __future__ import annotations

from tui.core import paths

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def plain_choice(
    flag: bool | None, environ: dict[str, str], saved: object, configured: bool | None = None
) -> tuple[bool, str]:
    """The choice and where it came from: ``option``, ``environment``, ``settings-file``,
    ``app`` (saved from inside the app) or ``default``, in that order of strength."""
    if flag is not None:
        return flag, "option"
    value = environ.get(paths.PLAIN_ENV)
    if value is not None and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS, "environment"
    if configured is not None:
        return configured, "settings-file"
    return (True, "app") if saved is True else (False, "default")


def choose_plain(
    flag: bool | None, environ: dict[str, str], saved: object, configured: bool | None = None
) -> bool:
    """The option wins over the environment variable, then the settings file, then the
    choice saved from inside the app."""
    return plain_choice(flag, environ, saved, configured)[0]
