"""Printing the visit summary: through the system's print command where there is one.

Every front end first says what will be printed (the title, its lines and pages,
and the command), and prints only when the person says yes. Where there is no
print command (``lp`` or ``lpr``), the summary is saved as a text file and the
person is told where it is, to print it another way. The command is looked up on
PATH at the moment of printing, so tests put a stand-in ``lp`` first on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tui.core import appointment, backup, paths, visit_record
from tui.core.service import Navigator
from tui.core.text import InputError, one_line
from tui.core.visits import Visit

#: Print commands, in the order they are looked for, and how each is given a title.
PRINTERS = (("lp", "-t"), ("lpr", "-T"))
#: Lines on one page with PAGE_OPTIONS: US Letter (11 inches, the shorter of Letter and
#: A4) less the top and bottom margins, at 7 lines an inch: 66 (A4 holds 71). It was 50,
#: so a summary of 65 lines was announced as "about 2 pages" and printed on one.
LINES_PER_PAGE = int((11 * 72 - 54 - 54) / 72 * 7)
#: Margins of three quarters of an inch (54 points) on every side, 12 characters an inch
#: and 7 lines an inch (CUPS's options for plain text, which lp and CUPS's lpr take):
#: a 78-character line fits inside the margins on A4 and on US Letter, and 50 lines fit
#: a page. Without them the text ran to the edge of the paper.
PAGE_OPTIONS = tuple(
    word
    for option in (
        "page-left=54",
        "page-right=54",
        "page-top=54",
        "page-bottom=54",
        "cpi=12",
        "lpi=7",
    )
    for word in ("-o", option)
)


#: What CUPS's lp and lpr say when no printer is chosen as the default ("lp: Error - No
#: default destination."), and what to do then: the words alone mean little to a carer.
NO_DEFAULT = "no default destination"
NO_DEFAULT_PRINTER = (
    "This computer has no printer chosen to print to. Choose one as the default in the "
    "computer's printer settings (or type: lpoptions -d PRINTER), then try again."
)


@dataclass(frozen=True)
class PrintJob:
    title: str
    text: str
    #: The command that will print it, or None when this computer has none.
    command: tuple[str, ...] | None
    #: What it is, in a few words ("the summary", "the record of your visit").
    what: str = "the summary"
    #: Where it is saved when there is no printer (None: the summary's dated file).
    fallback: Path | None = None

    @property
    def lines(self) -> int:
        return len(self.text.splitlines())

    @property
    def pages(self) -> int:
        return max(1, -(-self.lines // LINES_PER_PAGE))

    def description(self) -> str:
        """What will be printed, in one sentence, before anything is."""
        pages = "1 page" if self.pages == 1 else f"{self.pages} pages"
        what = f"{self.what[0].upper()}{self.what[1:]} '{one_line(self.title)}'"
        what += f", {self.lines} lines on about {pages}"
        if self.command is None:
            return f"{what}. There is no print command (lp or lpr) on this computer."
        return f"{what}, to the printer with the command: {self.command_words()}."

    def command_words(self) -> str:
        """'lp -t ...': the command as typed, without the folder it was found in and the
        page options (margins), which would be a long list to hear."""
        if self.command is None:
            return ""
        program, *rest = self.command[: len(self.command) - len(PAGE_OPTIONS)]
        return " ".join(
            [Path(program).name, *(f"'{one_line(part)}'" if " " in part else part for part in rest)]
        )


def find_print_command(
    title: str, which: Callable[[str], str | None] = shutil.which
) -> tuple[str, ...] | None:
    for name, title_flag in PRINTERS:
        found = which(name)
        if found:
            return (found, title_flag, title, *PAGE_OPTIONS)
    return None


def plan(
    nav: Navigator, today: date | None = None, name: str | None = None, born: str | None = None
) -> PrintJob:
    """The plain-text summary for the care team (no self-help prompts), and how it would
    be printed here. ``name`` and ``born`` override the saved ones for this copy."""
    text = appointment.summary(
        nav, markdown=False, today=today, for_care_team=True, name=name, born=born
    )
    title = appointment.summary_title(nav, today)
    return PrintJob(title, text, find_print_command(title))


def plan_visit_record(nav: Navigator, visit: Visit) -> PrintJob:
    """A visit's record (what was asked and said), and how it would be printed here."""
    title = visit_record.title(nav, visit)
    text = visit_record.text(nav, visit, markdown=False)
    fallback = paths.visit_record_file(visit.day.isoformat(), "txt")
    return PrintJob(title, text, find_print_command(title), "the record of your visit", fallback)


def send(job: PrintJob) -> str:
    """Print ``job``; a sentence saying it was sent. Raises InputError when printing failed."""
    if job.command is None:
        raise InputError("There is no print command (lp or lpr) on this computer.")
    name = Path(job.command[0]).name
    try:
        done = subprocess.run(
            list(job.command),
            input=job.text,
            text=True,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InputError(f"Not printed: the print command {name} did not run ({error}).") from None
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip().splitlines()
        said = f"it said: {one_line(output[-1])}" if output else f"it ended with {done.returncode}"
        what_to_do = "Check the printer, then try again."
        if any(NO_DEFAULT in line.casefold() for line in output):
            what_to_do = NO_DEFAULT_PRINTER
        raise InputError(
            f"Not printed: the print command {name} did not take {job.what} ({said}). " + what_to_do
        )
    pages = "1 page" if job.pages == 1 else f"{job.pages} pages"
    return f"Sent {job.what} to the printer with {name} ({pages})."


def save_instead(job: PrintJob, path: Path | None = None) -> Path:
    """Where there is no printer: save the text, readable by its owner only, under a
    name not yet taken, and return where it went."""
    target = (path or job.fallback or paths.summary_file("txt")).expanduser()
    candidate, number = target, 1
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
    return backup.write_export(candidate, job.text.encode("utf-8"))
