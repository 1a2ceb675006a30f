"""Listen to the app through real screen readers: Orca (X, AT-SPI), Fenrir and yasr (PTY).

    with reader_session("fenrir", data_file) as session:
        session.wait_until_ready()
        heard = session.press("t")
        assert heard.heard("Topics"), session.transcript()

See docs/screen-readers.md for the setup, the speech model and what is heard today.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.readers.fenrir import FenrirSession, find_fenrir
from tests.readers.orca import OrcaSession, check_orca
from tests.readers.session import ReaderSession, ReaderUnavailable
from tests.readers.speech import Heard, glyphs_in, noise_in
from tests.readers.yasr import YasrSession, find_yasr

READERS = ("orca", "fenrir")
#: Readers heard on the basic journey only (tests/test_readers_yasr.py), beside READERS.
MORE_READERS = ("yasr",)
SESSIONS: dict[str, type[ReaderSession]] = {
    "orca": OrcaSession,
    "fenrir": FenrirSession,
    "yasr": YasrSession,
}

__all__ = [
    "MORE_READERS",
    "READERS",
    "Heard",
    "ReaderSession",
    "ReaderUnavailable",
    "check_reader",
    "glyphs_in",
    "noise_in",
    "reader_session",
    "require_reader",
]


def check_reader(reader: str) -> None:
    """Raise ReaderUnavailable (naming what is missing) unless ``reader`` can run here."""
    if reader == "orca":
        check_orca()
    elif reader == "fenrir":
        find_fenrir()
    elif reader == "yasr":
        find_yasr()
    else:
        raise ValueError(f"No reader called {reader!r}; there are {', '.join(SESSIONS)}.")


def require_reader(reader: str) -> None:
    """In a test: skip it, saying what to install, when ``reader`` cannot run here;
    with SPMS_REQUIRE_READERS=1 (CI) fail it instead."""
    import pytest

    try:
        check_reader(reader)
    except ReaderUnavailable as missing:
        message = f"{reader}: {missing}"
        if os.environ.get("SPMS_REQUIRE_READERS") == "1":
            pytest.fail(f"{message} (SPMS_REQUIRE_READERS=1)", pytrace=False)
        pytest.skip(message)


@contextmanager
def reader_session(
    reader: str,
    data_file: Path,
    *,
    columns: int = 80,
    rows: int = 24,
    env: dict[str, str] | None = None,
    app: list[str] | None = None,
) -> Iterator[ReaderSession]:
    """The app (``python -m tui --data-file DATA_FILE``, or ``app``) running under
    ``reader`` in a ``columns`` x ``rows`` terminal; everything started is ended on
    leaving, and the logs are kept if an exception leaves the block."""
    check_reader(reader)  # before anything is started or created
    session = SESSIONS[reader](data_file, columns, rows, env, app)
    failed = True
    try:
        session.start()
        yield session
        failed = False
    finally:
        session.close(keep_logs=failed)
