"""``spms-navigator checkin`` and ``changes``: how things are, and what changed over months."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.index import COMMANDS_OF
from tui.cli.options import Tree, add_json
from tui.cli.output import OK, UsageError, emit_json, out, read_text, tell
from tui.core import backup, checkins, wording
from tui.core.changes import NOT_A_DIAGNOSIS, Changes, compare, parse_since
from tui.core.checkins import AREAS, LEVELS, SKIP, Level, UnknownChoice
from tui.core.models import long_date
from tui.core.service import Navigator
from tui.core.text import InputError, one_line

COMMANDS = COMMANDS_OF["checkins"]

AREA_LIST = "\n".join(f"  {area.id:<11} {area.label}" for area in AREAS)
LEVEL_LIST = "\n".join(f"  {level.id:<13} {level.words} (or {level.key})" for level in LEVELS)
CHECKIN_MORE = f"""With no answers, it asks each question in turn (one line each; each answer is
saved at once). With answers, it records them without asking: areas you leave out
keep what they had for that day, and a day is checked in once (a second time changes it).

Areas:
{AREA_LIST}

Levels:
{LEVEL_LIST}
  {SKIP:<13} take the answer away"""


def register(tree: Tree) -> None:
    checkin = tree.add(
        ("checkin",),
        COMMANDS["checkin"],
        [
            "checkin",
            "checkin --date 2026-05-01 walking=a-lot tiredness=some",
            "checkin --date yesterday walking=some",
            "checkin list",
            'checkin walking=a-lot --words walking="Stairs are harder" --days "Slow mornings"',
        ],
        handler=checkin_command,
        more=CHECKIN_MORE,
    )
    checkin.add_argument(
        "answers",
        nargs="*",
        metavar="AREA=LEVEL",
        help="answers, for example walking=a-lot; or the word list, to list your check-ins",
    )
    checkin.add_argument(
        "--date",
        metavar="DATE",
        default="today",
        help="the day: YYYY-MM-DD, today, yesterday or a day's name such as monday "
        "(default: today)",
    )
    checkin.add_argument(
        "--words",
        action="append",
        default=[],
        metavar="AREA=TEXT",
        help="a sentence of your own about an area (may be given more than once)",
    )
    checkin.add_argument("--days", metavar="TEXT", help="what your days are like, or - for stdin")
    add_json(checkin)

    changes = tree.add(
        ("changes",),
        COMMANDS["changes"],
        ["changes", "changes --since 6m", "changes --since 2026-05-02", "changes --json"],
        handler=changes_command,
        more="By default your latest check-in is compared with the ones nearest to about "
        "3, 6 and 12 months before it. It is your own record, not a diagnosis.",
    )
    changes.add_argument(
        "--since",
        metavar="WHEN",
        help="compare with about this long before your latest check-in (3m, 6m, 1y, 8w) "
        "or with a day (YYYY-MM-DD)",
    )
    add_json(changes)


def _pair(text: str, what: str) -> tuple[str, str]:
    area, sep, value = text.partition("=")
    if not sep or not area.strip():
        raise UsageError(
            f"{text!r} is not an answer. Write {what}, for example walking=a-lot. "
            "The areas and levels are listed by: spms-navigator checkin --help"
        )
    return area.strip(), value.strip()


def _answers(args: argparse.Namespace) -> tuple[dict[str, Level | None], dict[str, str]]:
    levels: dict[str, Level | None] = {}
    words: dict[str, str] = {}
    try:
        for answer in args.answers:
            area, level = _pair(answer, "AREA=LEVEL")
            levels[checkins.find_area(area).id] = checkins.find_level(level)
        for given in args.words:
            area, text = _pair(given, "AREA=TEXT")
            words[checkins.find_area(area).id] = text
    except UnknownChoice as error:
        raise UsageError(str(error)) from None
    return levels, words


def checkin_list(args: argparse.Namespace, nav: Navigator) -> int:
    """``checkin list``: every check-in, newest first, a line each (or JSON)."""
    if args.words or args.days is not None or args.date != "today":
        raise UsageError(
            "checkin list takes no answers, --words, --days or --date. "
            "To see one day's answers: spms-navigator checkin list --json"
        )
    found = list(reversed(nav.checkins.all()))
    if args.json:
        return emit_json("checkins", checkins=[backup.checkin_record(c) for c in found])
    for checkin in found:
        out(f"{checkin.day.isoformat()}\t{checkin.sentence()}")
    for sentence in nav.checkins.undated():  # a later version's kind of date
        out(f"?\t{sentence}")
    if not found:
        tell("No check-ins yet. Check in now: spms-navigator checkin")
    return OK


def checkin_command(args: argparse.Namespace, nav: Navigator) -> int:
    if args.answers == ["list"]:
        return checkin_list(args, nav)
    try:
        day = checkins.parse_day(args.date)
    except InputError as error:
        raise UsageError(str(error)) from None
    levels, words = _answers(args)
    days = read_text(args.days, "what your days are like")
    if not (levels or words or days is not None):
        from tui.plain.checkin import ask_checkin
        from tui.plain.console import Console

        saved = ask_checkin(nav, Console(sys.stdin, sys.stderr), day)
    else:
        saved = nav.checkins.record(day, levels, words, days)
    if args.json:
        return emit_json("checkin", checkin=backup.checkin_record(saved) if saved else None)
    if saved is None:
        tell(f"Nothing was saved for {long_date(day)}.")
        return OK
    out(f"{wording.checkin_saved(long_date(saved.day))}:")
    for area in AREAS:
        if area.id in saved.levels or area.id in saved.words or area.id in saved.unknown:
            out(f"  {one_line(saved.line(area))}")
    for line in saved.other_lines():
        out(f"  {one_line(line)}")
    if saved.days:
        out(f"  What my days are like: {one_line(saved.days)}")
    return OK


def changes_record(changes: Changes) -> dict[str, Any]:
    latest = changes.latest
    return {
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "summary": changes.summary(),
        "latest": latest.day.isoformat() if latest else None,
        "compared": [{"date": p.checkin.day.isoformat(), "about": p.about} for p in changes.points],
        "areas": [
            {
                "area": a.area.id,
                "label": a.area.label,
                "now": a.now.id if a.now else None,
                "earlier": [
                    {"date": c.day.isoformat(), "level": level.id if level else None}
                    for c, level in a.then
                ],
                "change": a.verdict,
                "words": a.words(),
            }
            for a in changes.areas
        ]
        if changes.points
        else [],
    }


def changes_command(args: argparse.Namespace, nav: Navigator) -> int:
    try:
        since = parse_since(args.since) if args.since else None
    except InputError as error:
        raise UsageError(str(error)) from None
    changes = compare(nav.checkins.all(), since)
    if args.json:
        return emit_json("changes", **changes_record(changes))
    for line in [*changes.sentences(), *changes.chart()]:
        out(line)
    return OK
