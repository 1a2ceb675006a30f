"""The screen-reader harness itself works: it hears the app through Orca and Fenrir.

These tests prove the machinery (tests/readers), not the app's speech: they assert
only what today's app already gets right, so the app's own reader tests can rely on
the harness. Without the readers installed they are skipped, naming the command that
installs them; with SPMS_REQUIRE_READERS=1 (CI) they fail instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.readers import READERS, reader_session, require_reader
from tests.readers.logs import FenrirLog, OrcaLog
from tests.readers.speech import (
    Cancel,
    Heard,
    Utterance,
    glyphs_in,
    listen,
    noise_in,
    speaking_until,
)
from tests.readers.yasr import speech_events
from tui.core.content import load_library

# What the first line of the home screen and the topics list say today.
HOME_FIRST_ITEM = "Topics. Key t."
TOPICS_HEADING = f"Topics: {len(load_library().topics)} to read"


@pytest.mark.parametrize("reader", READERS)
def test_the_reader_hears_the_app_start_change_screen_and_quit(
    reader: str, data_file: Path
) -> None:
    require_reader(reader)
    with reader_session(reader, data_file) as session:
        start = session.wait_until_ready()
        if reader == "fenrir":
            # Orca says nothing when an app draws its first screen without a key.
            assert start.said(HOME_FIRST_ITEM), session.transcript()
        topics = session.press("t")
        # Said, not necessarily heard: Fenrir often cuts the new screen short itself.
        assert topics.said(TOPICS_HEADING), session.transcript()
        assert topics.chars > 0
        session.press("q")
        assert session.exited(timeout=10), session.transcript()


def test_a_missing_reader_skips_naming_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("shutil.which", lambda tool: None)
    monkeypatch.delenv("SPMS_REQUIRE_READERS", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"sh tests/system-packages\.sh"):
        require_reader("orca")
    monkeypatch.setenv("SPMS_REQUIRE_READERS", "1")
    with pytest.raises(pytest.fail.Exception, match="Xvfb is not installed"):
        require_reader("orca")


def test_glyphs_and_noise_are_found() -> None:
    said = ["Topics ▁▁ ▇▇", "┌─ Help ─┐", "has attribute", "Saved the note."]
    assert glyphs_in(said) == ["▁", "▇", "┌", "─", "┐"]
    assert glyphs_in("Saved the note.") == []
    assert noise_in(said) == ["has attribute"]
    assert noise_in("Saved the note.") == []


def test_an_interruption_cuts_what_is_being_said() -> None:
    # 30 characters a second: after 1 s, 30 characters of the long text were heard.
    long = "x" * 90
    heard = listen([Utterance(0.0, long), Cancel(1.0), Utterance(1.0, "Saved the note.")])
    assert [(part.text, part.cut) for part in heard] == [
        ("x" * 30, True),
        ("Saved the note.", False),
    ]
    # Without a cancel, utterances wait their turn and are heard whole.
    queued = listen([Utterance(0.0, long), Utterance(0.1, "Saved the note.")])
    assert [part.text for part in queued] == [long, "Saved the note."]
    step = Heard("ctrl+s", 0.0, (Utterance(0.0, "Title:   Hea"), Cancel(0.2), Utterance(0.2, "")))
    assert step.spoken == "Title:…"
    assert step.chars == len("Title:")
    assert step.utterances == ["Title: Hea"]


def test_the_logs_are_read_as_speech_events() -> None:
    orca = OrcaLog(dt.date(2026, 1, 1)).feed(
        "10:00:00.000000 - SPEECH OUTPUT: 'Topics: 11 to read.\n"
        + " " * 18
        + "What SPMS is.'[{'established': False}]\n"
        "10:00:00.500000 - DEFAULT: Interrupting presentation\n"
        "10:00:00.600000 - SPEECH OUTPUT: 'escape ' {'established': False}\n",
        final=True,
    )
    assert [type(event).__name__ for event in orca] == ["Utterance", "Cancel", "Utterance"]
    assert isinstance(orca[0], Utterance)
    assert orca[0].text == "Topics: 11 to read.\nWhat SPMS is."
    assert orca[1].at - orca[0].at == pytest.approx(0.5)
    fenrir = FenrirLog().feed(
        "INFO 2026-01-01 10:00:00.000000: Interrupt speech\n"
        "INFO 2026-01-01 10:00:00.000100: Speak:  Topics: 11 to read. \n"
        "INFO 2026-01-01 10:00:00.500000: eventManager:eventDispatcher:start: event: HeartBeat\n",
        final=True,
    )
    assert isinstance(fenrir[0], Cancel)
    assert isinstance(fenrir[1], Utterance)
    assert fenrir[1].text == " Topics: 11 to read. "
    assert fenrir[1].at - fenrir[0].at == pytest.approx(0.0001, abs=1e-5)
    assert len(fenrir) == 2


def test_a_paced_step_hears_only_its_window() -> None:
    # Keys 3 s apart: a 150-character screen is cut at 90 characters by the next key.
    screen = "Topics: 22 to read. " + "x" * 130
    step = Heard("t", 0.0, (Utterance(0.1, screen), Utterance(0.2, "What SPMS is")), 3.0)
    assert step.chars == 87  # 2.9 s at 30 a second
    assert step.heard("Topics: 22 to read")
    assert not step.heard("What SPMS is")  # said, queued behind the screen, never heard
    assert step.said("What SPMS is")
    assert step.chars_before("What SPMS is") == len(screen) + 1
    settled = Heard("t", 0.0, step.events)
    assert settled.heard("What SPMS is")
    assert speaking_until(step.events) == pytest.approx(0.1 + (len(screen) + 12) / 30)
    assert speaking_until([Utterance(0.0, "x" * 90), Cancel(1.0)]) == pytest.approx(1.0)
    assert speaking_until([]) == 0.0


def test_letters_echoed_in_order_and_the_braille_line() -> None:
    echoed = Heard("type", 0.0, (Utterance(0.0, "H"), Utterance(0.1, "e"), Utterance(0.2, "at")))
    assert echoed.heard_in_order("Heat")
    assert not echoed.heard_in_order("taeH")
    shown = Heard("ctrl+s", 0.0, (), 3.0, "  Title: Heat" + " " * 30 + "Saved the note")
    assert shown.braille_shows("Title: Heat")
    assert not shown.braille_shows("Saved the note")  # past the 40th cell


def test_yasr_speech_is_read_from_its_stub_log() -> None:
    events = speech_events(
        "100.000000 s\n100.500000 q {Topics: 22 to read.}\n100.500100 d\nnonsense\n"
    )
    assert events == [Cancel(100.0), Utterance(100.5, "Topics: 22 to read.")]
