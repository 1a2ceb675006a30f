"""The third reader, yasr (a small PTY reader from Debian): the basic journeys.

yasr speaks through a stub speech server that logs what it is sent (see
tests/readers/yasr.py), so it runs without a sound card, in CI as here. It reads the
screen much as Fenrir does, from the terminal's text, but with other rules for what
it says after a key: a third view of whether the app is heard.
"""

from __future__ import annotations

from pathlib import Path

from tests.readers import glyphs_in, reader_session
from tests.readers import require_reader as _require
from tests.test_readers_journeys import JOURNEY, _step

HOME_FIRST_ITEM = "Topics. Key t."


def test_yasr_hears_the_app_start_change_screen_and_quit(data_file: Path) -> None:
    _require("yasr")
    with reader_session("yasr", data_file) as session:
        start = session.wait_until_ready(said=HOME_FIRST_ITEM)
        assert start.heard("SPMS Navigator: home"), session.transcript()
        assert session.press("t").heard("What SPMS is"), session.transcript()
        session.press("q")
        assert session.exited(timeout=10), session.transcript()


def test_every_step_of_the_journeys_is_heard_under_yasr(data_file: Path, tmp_path: Path) -> None:
    _require("yasr")
    home = tmp_path / "home"
    home.mkdir()
    with reader_session("yasr", data_file, env={"HOME": str(home)}) as session:
        session.wait_until_ready(said=HOME_FIRST_ITEM)
        said: list[str] = []
        for key, phrases in JOURNEY:
            heard = _step(session, key)
            said += heard.utterances
            for phrase in phrases:
                assert heard.heard(phrase), (
                    f"yasr, after {key!r}, {phrase!r} was not heard.\n{session.transcript()}"
                )
        assert glyphs_in(said) == [], session.transcript()
