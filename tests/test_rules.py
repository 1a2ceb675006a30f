"""The rules behind the words, pinned one by one: check-in levels and reminders, change
verdicts and gap words, which visit is "next", search ranking and prefixes, how an import
merges, and a damaged journal. Each test here was seen to fail against a small change to
its rule (docs/testing.md, "Mutation pass"); the user-level walks stay in their own files.
"""

from __future__ import annotations

import errno
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.cli_runner import cli
from tests.faults import FaultyOS
from tests.pilot_helpers import running_app, status_text
from tui.app.widgets import StatusLine
from tui.core import backup, durable, journal, paths
from tui.core.changes import (
    EASIER,
    HARDER,
    SAME,
    UP_AND_DOWN,
    AreaChange,
    _gap_words,
    compare,
    parse_since,
)
from tui.core.checkins import (
    AREAS,
    LEVELS,
    CheckIn,
    Level,
    find_level,
    parse_every,
)
from tui.core.merging import merged_text
from tui.core.models import Block, BlockKind, ChecklistTemplateItem, Topic
from tui.core.search import Place, search_library
from tui.core.service import Navigator, open_navigator

DAY = date(2026, 9, 1)
WALKING = AREAS[0]
levels = st.sampled_from(LEVELS)


# ------------------------------------------------------------------ check-in levels
def test_zero_and_skip_skip_an_area_and_one_to_five_choose_a_level() -> None:
    assert find_level("0") is None
    assert find_level("skip") is None
    assert find_level(" Skip ") is None
    assert [find_level(str(n)) for n in range(1, 6)] == list(LEVELS)


@given(levels)
def test_a_level_is_found_by_its_id_its_words_or_its_number_in_any_case(level: Level) -> None:
    for name in (level.id, level.words, level.words.upper(), level.key, f" {level.id} "):
        assert find_level(name) is level


def test_zero_clears_an_answer_given_on_the_command_line(data_file: object) -> None:
    env = {paths.DATA_FILE_ENV: str(data_file)}
    assert cli("checkin", "--date", "2026-05-01", "walking=a-lot", env=env).returncode == 0
    assert cli("checkin", "--date", "2026-05-01", "walking=0", "sleep=2", env=env).returncode == 0
    nav = open_navigator(data_file)  # type: ignore[arg-type]
    try:
        (saved,) = nav.checkins.all()
        assert "walking" not in saved.levels
        assert saved.levels["sleep"].id == "a-little"
    finally:
        nav.store.close()


# ---------------------------------------------------------------- check-in reminders
def test_the_reminder_comes_on_the_day_it_is_due_not_a_day_late(navigator: Navigator) -> None:
    navigator.checkins.set_level(DAY, "walking", "some")
    navigator.checkins.set_level(DAY - timedelta(days=60), "walking", "a-lot")  # older
    assert navigator.checkins.every_days() == 28
    assert navigator.checkins.reminder(DAY + timedelta(days=27)) is None
    assert navigator.checkins.reminder(DAY + timedelta(days=28)) == (
        "Your last check-in was 4 weeks ago, on 1 September 2026. Time for another?"
    )
    navigator.checkins.set_every_days(10)
    assert navigator.checkins.reminder(DAY + timedelta(days=9)) is None
    assert navigator.checkins.reminder(DAY + timedelta(days=10)) == (
        "Your last check-in was 10 days ago, on 1 September 2026. Time for another?"
    )
    navigator.checkins.set_every_days(14)
    assert navigator.checkins.reminder(DAY + timedelta(days=14)) == (
        "Your last check-in was 2 weeks ago, on 1 September 2026. Time for another?"
    )
    assert navigator.checkins.reminder(DAY + timedelta(days=20)) == (
        "Your last check-in was 2 weeks ago, on 1 September 2026. Time for another?"
    )
    navigator.checkins.set_every_days(1)
    assert navigator.checkins.reminder(DAY + timedelta(days=1)) == (
        "Your last check-in was 1 day ago, on 1 September 2026. Time for another?"
    )


def test_no_reminder_before_the_first_check_in(navigator: Navigator) -> None:
    assert navigator.checkins.reminder(DAY) is None


def test_how_often_is_typed_in_days_or_weeks() -> None:
    assert [parse_every(t) for t in ("28", "10d", "4w", " 1w ")] == [28, 10, 28, 7]


# ------------------------------------------------------------------- change verdicts
def checkin(number: int, day: date, level: Level | None) -> CheckIn:
    return CheckIn(number, day, {WALKING.id: level} if level else {})


def verdict_of(now: Level | None, earlier: list[Level | None]) -> str | None:
    then = [(checkin(i, DAY - timedelta(days=100 - i), lv), lv) for i, lv in enumerate(earlier)]
    return AreaChange(WALKING, now, then).verdict


def test_up_and_down_is_judged_from_the_oldest_answer_not_the_last() -> None:
    a_little, some, a_lot = LEVELS[1], LEVELS[2], LEVELS[3]
    assert verdict_of(a_lot, [a_lot, a_little]) == UP_AND_DOWN  # back where it was
    assert verdict_of(a_lot, [a_little, a_lot]) == HARDER
    assert verdict_of(a_little, [a_lot, a_little]) == EASIER
    assert verdict_of(some, [some, some]) == SAME
    assert verdict_of(some, [None, some]) == SAME  # an unanswered point is left out
    assert verdict_of(some, [None, a_lot]) == EASIER
    assert verdict_of(None, [some]) is None
    assert verdict_of(some, [None, None]) is None


@given(levels, st.lists(st.one_of(st.none(), levels), min_size=1, max_size=4))
def test_the_verdict_compares_now_with_the_oldest_answer(
    now: Level, earlier: list[Level | None]
) -> None:
    answered = [level for level in earlier if level is not None]
    verdict = verdict_of(now, earlier)
    if not answered:
        assert verdict is None
    elif now.rank != answered[0].rank:
        assert verdict == (HARDER if now.rank > answered[0].rank else EASIER)
    else:
        steady = all(level.rank == now.rank for level in answered)
        assert verdict == (SAME if steady else UP_AND_DOWN)


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "1 day before"),
        (2, "2 days before"),
        (13, "13 days before"),
        (14, "2 weeks before"),
        (59, "8 weeks before"),
        (60, "about 2 months before"),
        (183, "about 6 months before"),
        (365, "about a year before"),
        (400, "about 13 months before"),
        (730, "about 2 years before"),
    ],
)
def test_gap_words(days: int, words: str) -> None:
    assert _gap_words(days) == words


def test_since_is_typed_in_days_weeks_months_years_or_a_date() -> None:
    spans = {t: parse_since(t) for t in ("10d", "8w", "6m", "1y", " 2 W ")}
    assert {t: (since.days, since.words) for t, since in spans.items()} == {
        "10d": (10, "about 10 days before"),
        "8w": (56, "about 8 weeks before"),
        "6m": (182, "about 6 months before"),
        "1y": (365, "about 1 year before"),
        " 2 W ": (14, "about 2 weeks before"),
    }
    assert parse_since("2026-05-01").day == date(2026, 5, 1)


def test_each_point_takes_the_check_in_nearest_to_it() -> None:
    some, a_lot = LEVELS[2], LEVELS[3]
    latest = checkin(9, DAY, a_lot)
    three_months = DAY - timedelta(days=91)
    near = checkin(2, three_months - timedelta(days=3), some)  # 94 days before
    farther = checkin(1, three_months + timedelta(days=40), some)  # 51: for 3 months only
    changes = compare([farther, latest, near])
    assert [p.checkin.id for p in changes.points] == [2]
    assert changes.points[0].about == "about 3 months before"
    assert changes.summary() == "1 area harder."
    assert changes.changed[0].words() == "Walking and balance: some in May, a lot now: harder."


def test_a_point_takes_a_check_in_up_to_half_its_span_away() -> None:
    some, a_lot = LEVELS[2], LEVELS[3]
    only = checkin(1, DAY - timedelta(days=50), some)  # 41 days after "3 months before"
    changes = compare([only, checkin(2, DAY, a_lot)])
    assert [p.checkin.id for p in changes.points] == [1]
    assert changes.points[0].about == "7 weeks before"
    too_far = checkin(1, DAY - timedelta(days=40), some)  # nearer than 3 months less 45 days
    assert compare([too_far, checkin(2, DAY, a_lot)]).points == []


def test_up_and_down_counts_as_a_change() -> None:
    a_little, a_lot = LEVELS[1], LEVELS[3]
    six, three = DAY - timedelta(days=183), DAY - timedelta(days=91)
    changes = compare([checkin(1, six, a_lot), checkin(2, three, a_little), checkin(3, DAY, a_lot)])
    assert changes.summary() == "1 area up and down."
    assert [a.area for a in changes.changed] == [WALKING]
    assert changes.sentences()[3:5] == [
        "Changed:",
        "Walking and balance: a lot in March, a little in June, a lot now: up and down.",
    ]


# --------------------------------------------------------------------------- visits
def test_the_next_visit_is_the_nearest_planned_one(navigator: Navigator) -> None:
    today = date.today()
    navigator.visits.add(today + timedelta(days=30), "Dr Far")
    navigator.visits.add(today - timedelta(days=10), "Dr Past")
    navigator.visits.add(today + timedelta(days=5), "Dr Near")
    navigator.visits.add(today - timedelta(days=40), "Dr Older")
    following = navigator.visits.next(today)
    assert following is not None and following.with_whom == "Dr Near"
    last = navigator.visits.last(today)
    assert last is not None and last.with_whom == "Dr Past"
    navigator.visits.add(today, "Dr Today")
    still_last = navigator.visits.last(today)
    assert still_last is not None and still_last.with_whom == "Dr Past"  # before today only
    today_visit = navigator.visits.next(today)
    assert today_visit is not None and today_visit.with_whom == "Dr Today"  # today counts
    target = navigator.visits.raise_target(today)
    assert target is not None and target.with_whom == "Dr Today"


# --------------------------------------------------------------------------- search
def topic(topic_id: str, title: str, summary: str, text: str) -> Topic:
    blocks = (Block(BlockKind.PARAGRAPH, text),)
    return Topic(topic_id, title, summary, blocks, (), (), "")


LIBRARY = [
    topic("in-text", "Money", "Work and benefits.", "Respite can cost money."),
    topic("in-summary", "Rest", "Respite care gives carers a break.", "Plan ahead."),
    topic("in-title", "Respite care", "Breaks for carers.", "Ask your team."),
]
ITEMS = [ChecklistTemplateItem("ask-respite", "g", "Ask about respite", "A break helps.")]


def ids(words: str) -> list[str]:
    return [hit.id for hit in search_library(LIBRARY, ITEMS, words)]


def test_title_hits_rank_before_summary_hits_before_text_hits() -> None:
    hits = search_library(LIBRARY, ITEMS, "respite")
    assert [h.id for h in hits] == ["in-title", "ask-respite", "in-summary", "in-text"]
    assert [h.place for h in hits] == [Place.TITLE, Place.TITLE, Place.SUMMARY, Place.TEXT]
    assert ids("respite care") == ["in-title", "in-summary"]  # every word, in any field
    # A title hit needs every word in the title; a summary hit may take some from the title.
    hits = search_library(LIBRARY, ITEMS, "respite break")
    assert [(h.id, h.place) for h in hits] == [
        ("in-summary", Place.SUMMARY),
        ("in-title", Place.SUMMARY),
        ("ask-respite", Place.TEXT),
    ]


def test_a_word_matches_the_start_of_a_word_only() -> None:
    assert ids("carer") == ["in-summary", "in-title"]  # "carers"; ties keep content order
    assert ids("arers") == []  # the middle of a word is not a match
    assert ids("RESP") == ["in-title", "ask-respite", "in-summary", "in-text"]
    assert ids("respites") == []  # a longer word than any in the text
    assert ids("") == []


def test_the_sentence_shown_is_the_one_holding_most_words() -> None:
    (hit,) = search_library(LIBRARY[:1], [], "respite money")
    assert hit.sentence == "Respite can cost money."
    assert hit.line() == "Topic: Money. Respite can cost money."


# --------------------------------------------------------------------- import merges
def test_an_import_never_unticks_an_item(navigator: Navigator) -> None:
    old = backup.export_data(navigator)
    navigator.checklist.set_done("pr-meals", True)
    old["checklist"] = [{"item": "pr-meals", "done": False, "helper": "", "note": ""}]
    plan = backup.plan_import(navigator, old)
    assert plan.empty
    backup.apply_import(navigator, plan)
    assert navigator.checklist.entry("pr-meals").done


def test_the_same_note_is_never_imported_twice(navigator: Navigator) -> None:
    navigator.notes.create("Heat", "Worse after a bath.")
    data = backup.export_data(navigator)
    data["notes"] = [*data["notes"], dict(data["notes"][0])]  # twice in the backup too
    assert backup.plan_import(navigator, data).notes == []
    other = open_navigator(navigator.store.path.with_name("other.json"))
    try:
        plan = backup.plan_import(other, data)
        assert len(plan.notes) == 1
        backup.apply_import(other, plan)
        assert backup.plan_import(other, data).notes == []  # the second import adds nothing
        assert [n.title for n in other.notes.all()] == ["Heat"]
    finally:
        other.store.close()


def test_people_and_unwanted_help_already_here_are_not_added_again(navigator: Navigator) -> None:
    navigator.people.add("Ana", "friend-family")
    navigator.people.add_unwanted("Advice about diets")
    data = backup.export_data(navigator)
    plan = backup.plan_import(navigator, data)
    assert (plan.people, plan.unwanted) == ([], [])
    assert plan.empty


texts = st.text(alphabet="ab \n", max_size=6)


@given(texts, texts)
def test_merged_words_keep_what_is_here_and_add_what_differs(current: str, incoming: str) -> None:
    merged = merged_text(current, incoming)
    if current.strip():
        assert current in merged  # never loses the words already here
    if incoming.strip():
        assert incoming in merged
    else:
        assert merged == current  # never empty over words
    assert merged_text(merged, incoming) == merged  # importing again changes nothing


# --------------------------------------------------------------------------- journal
def test_a_damaged_line_with_good_lines_after_it_is_said_and_kept(navigator: Navigator) -> None:
    navigator.notes.create("Before", "x")
    path = navigator.store.path
    navigator.store.close()
    journal_path = paths.journal_file(path)
    good = journal.line([journal.clear()])
    journal_path.write_bytes(journal_path.read_bytes() + b"[not json] 00000000\n" + good)
    replay = journal.parse(journal_path.read_bytes())
    assert replay.damaged
    nav = open_navigator(path)
    try:
        said = " ".join(nav.store.report.messages)
        assert "The list of your latest changes was damaged." in said
        assert [n.title for n in nav.notes.all()] == ["Before"]  # the clear after it: not run
        assert [p for p in path.parent.iterdir() if "journal-damaged" in p.name]
    finally:
        nav.store.close()


def test_a_line_cut_short_at_the_end_is_not_damage() -> None:
    head = journal.header("base")
    good = journal.line([journal.clear()])
    assert not journal.parse(head + good + good[:-5]).damaged
    cut = journal.parse(head + good + good[:-5])
    assert len(cut.transactions) == 1 and cut.good_size == len(head + good)
    damaged = journal.parse(head + good[:-3] + b"\n" + good)
    assert damaged.damaged and damaged.transactions == []
    last_bad = journal.parse(head + good + b"[] 00000000\n")  # the last line: a cut write
    assert not last_bad.damaged and len(last_bad.transactions) == 1


def test_a_line_that_fails_its_check_is_not_replayed() -> None:
    head, good = journal.header("base"), journal.line([journal.clear()])
    body = good.rsplit(b" ", 1)[0]
    wrong_sum = body + b" 00000000\n"  # whole JSON, but not what was written
    replay = journal.parse(head + wrong_sum + good)
    assert replay.damaged and replay.transactions == []


# ------------------------------------------------------------------------- "Saved"
async def test_saved_is_never_said_when_the_write_failed(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    real_say = StatusLine.say

    def recording(self: StatusLine, message: str, error: bool = False) -> None:
        said.append(message)
        real_say(self, message, error)

    monkeypatch.setattr(StatusLine, "say", recording)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c")
        monkeypatch.setattr(durable, "os", FaultyOS("write", 0, errno.ENOSPC, lasting=True))
        await pilot.press("space")
        app.navigator.store.wait_for_writes()
        await pilot.pause()
        assert status_text(app).startswith("Not saved: the disk is full.")
        assert not [m for m in said if m.startswith("Saved")], said
        monkeypatch.setattr(durable, "os", os)
