"""Make docs/images/printed-summary.png: the visit summary as it comes out of a printer.

A carer's month is written with the command line into a folder of its own (notes of
each kind, check-ins, a visit with the care team's answers, a medicine whose dose
changed, two falls), then the summary is printed by the app's own print command
(``visit print --yes``, which runs ``lp``) to CUPS's cups-pdf printer, and page 1 of the
PDF it makes is turned into a PNG with pdftoppm.

Run (as a user who may print; Debian: ``apt-get install cups cups-pdf poppler-utils``,
with the CUPS scheduler running):

    python -m bench.printed_summary [--printer PDF] [--output docs/images/printed-summary.png]

With no cups-pdf printer it says how to add one (``lpadmin -p PDF -v cups-pdf:/ -E -P
/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd``); ``--no-cups`` runs CUPS's own text filter
(``cupsfilter``, the one the printer would run) with the same page options instead.
The data and the PDF stay in a temporary folder; nothing is written to your own data.
"""

from __future__ import annotations

import argparse
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "images" / "printed-summary.png"
#: A month of a carer's entries, as typed on the command line: (words, standard input).
#: The dates are fixed, so the picture is the same each time it is made on the same day
#: of the week; the summary is dated the day it is printed.
MONTH: tuple[tuple[tuple[str, ...], str], ...] = (
    (("config", "set", "my_name", "Ana Silva"), ""),
    (("config", "set", "date_of_birth", "1958-04-22"), ""),
    (
        (
            "med",
            "add",
            "baclofen",
            "--dose",
            "10 mg",
            "--when",
            "at night",
            "--started",
            "2026-03-01",
            "--why",
            "stiffness",
        ),
        "",
    ),
    (
        (
            "med",
            "add",
            "vitamin D",
            "--dose",
            "1,000 units",
            "--when",
            "each morning",
            "--started",
            "2025-10-01",
        ),
        "",
    ),
    (
        ("checkin", "--date", "2026-06-08", "walking=a-little", "tiredness=some", "hands=a-little"),
        "",
    ),
    (
        ("checkin", "--date", "2026-06-08", "bladder=a-little", "mood=a-little", "sleep=a-little"),
        "",
    ),
    (("checkin", "--date", "2026-09-07", "walking=some", "tiredness=some", "hands=a-little"), ""),
    (("checkin", "--date", "2026-09-07", "bladder=some", "mood=a-little", "sleep=some"), ""),
    (("checkin", "--date", "2026-11-08", "walking=some", "tiredness=some", "hands=some"), ""),
    (("checkin", "--date", "2026-11-08", "bladder=some", "mood=some", "sleep=some"), ""),
    (("visit", "add", "--date", "2026-11-09", "--with", "Dr Lee", "--why", "Check-up"), ""),
    (
        ("note", "add", "--title", "Can she try a cooling vest?", "--kind", "question"),
        "Hot days make her legs weak.",
    ),
    (
        (
            "note",
            "raise",
            "1",
            "--visit",
            "1",
            "--answer",
            "Yes. Try one on hot days and tell us if it helps.",
        ),
        "",
    ),
    (
        ("note", "add", "--title", "Bladder at night", "--kind", "concern"),
        "She gets up three or four times most nights.",
    ),
    (("note", "raise", "2", "--visit", "1", "--answer", "A referral to the bladder nurse."), ""),
    (
        ("note", "add", "--title", "Is the stiffness medicine working?", "--kind", "question"),
        "Her legs are stiff in the morning.",
    ),
    (("note", "raise", "3", "--visit", "1"), ""),  # raised, with no answer noted: left open
    (("med", "change", "1", "--dose", "20 mg", "--date", "2026-11-20"), ""),
    (("event", "add", "fall", "--date", "2026-11-18", "--words", "on the stairs"), ""),
    (("event", "add", "fall", "--date", "2026-12-02", "--words", "in the bathroom at night"), ""),
    (("visit", "add", "--date", "2026-12-14", "--with", "Dr Lee", "--why", "Check-up"), ""),
    (
        ("note", "add", "--title", "Should the baclofen dose change again?", "--kind", "question"),
        "She is sleepy after lunch since the dose went up.",
    ),
    (
        ("note", "add", "--title", "Falls at home", "--kind", "worry"),
        "Two falls this month. I worry she will fall when I am at work.",
    ),
    (
        ("note", "add", "--title", "Walking", "--kind", "change"),
        "She needs her stick indoors now, not only outside.",
    ),
    (
        ("note", "add", "--title", "Getting dressed", "--kind", "challenge"),
        "Buttons take a long time. Mornings are slow.",
    ),
    (
        ("note", "add", "--title", "Fed up", "--kind", "feeling"),
        "Some days she says she is tired of it all.",
    ),
    (
        ("note", "add", "--title", "Parking permit", "--kind", "plain"),
        "Ask the doctor's office for the form.",
    ),
    (
        (
            "checkin",
            "--date",
            "2026-12-06",
            "walking=a-lot",
            "tiredness=a-lot",
            "hands=some",
            "--words",
            "walking=Needs her stick indoors",
        ),
        "",
    ),
    (("checkin", "--date", "2026-12-06", "bladder=some", "mood=some", "sleep=a-lot"), ""),
)


def run(words: tuple[str, ...], stdin: str, env: dict[str, str]) -> str:
    """One command, as the person would type it; stop with its own words if it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", *words],
        input=stdin,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"spms-navigator {' '.join(words)} failed: {done.stderr.strip()}")
    return done.stdout


def cups_pdf_folder() -> Path:
    """Where cups-pdf puts its PDFs for this user (its "Out" setting, ${HOME}/PDF by default)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text().splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1].strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def print_to_pdf(env: dict[str, str], printer: str) -> Path:
    """Print the summary with the app's own print command; return the PDF cups-pdf made."""
    if not shutil.which("lp"):
        sys.exit("There is no lp command: install CUPS (apt-get install cups cups-pdf).")
    listed = subprocess.run(["lpstat", "-v", printer], capture_output=True, text=True)
    if "cups-pdf:" not in listed.stdout:
        sys.exit(
            f"There is no cups-pdf printer named {printer}. Add one with: lpadmin -p {printer} "
            "-v cups-pdf:/ -E -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd (or use --no-cups)."
        )
    folder = cups_pdf_folder()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    said = run(("visit", "print", "--yes"), "", {**env, "LPDEST": printer})
    print(said.strip())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        made = set(folder.glob("*.pdf")) - before if folder.exists() else set()
        if made:
            pdf = made.pop()
            size = -1
            while size != pdf.stat().st_size:  # wait until cups-pdf has finished writing it
                size = pdf.stat().st_size
                time.sleep(0.5)
            return pdf
        time.sleep(0.2)
    sys.exit(f"No PDF appeared in {folder} within a minute: see /var/log/cups/error_log.")


def filter_to_pdf(env: dict[str, str], folder: Path) -> Path:
    """Without a printer: CUPS's text filter makes the PDF the printer would have made."""
    from tui.core import printing

    text = folder / "summary.txt"
    text.write_text(run(("export", "--format", "appointment-txt", "--output", "-"), "", env))
    options = list(printing.PAGE_OPTIONS)
    pdf = folder / "summary.pdf"
    with pdf.open("wb") as out:
        subprocess.run(
            ["cupsfilter", "-m", "application/pdf", *options, str(text)],
            stdout=out,
            stderr=subprocess.DEVNULL,
            check=True,
        )
    return pdf


def to_png(pdf: Path, output: Path, folder: Path) -> None:
    """Page 1 at 100 dots an inch: readable on a screen, and small (about 70 KB)."""
    stem = folder / "page"
    subprocess.run(
        [
            "pdftoppm",
            "-q",
            "-png",
            "-gray",
            "-r",
            "100",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(stem.with_suffix(".png"), output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--printer", default="PDF", help="the cups-pdf printer's name")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--no-cups", action="store_true", help="use cupsfilter, not a printer")
    parser.add_argument("--keep", type=Path, help="also copy the PDF here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SPMS_NAVIGATOR_")}
        env.update(HOME=str(folder), SPMS_NAVIGATOR_DATA_FILE=str(folder / "navigator.json"))
        env["XDG_CONFIG_HOME"] = str(folder / "config")
        for words, stdin in MONTH:
            run(words, stdin, env)
        pdf = filter_to_pdf(env, folder) if args.no_cups else print_to_pdf(env, args.printer)
        if args.keep:
            shutil.copyfile(pdf, args.keep)
        to_png(pdf, args.output, folder)
        if not args.no_cups:
            pdf.unlink()  # the copy in cups-pdf's folder: the PNG is what is kept
    size = args.output.stat().st_size
    print(f"Wrote {args.output} ({size // 1024} KB).")
    if re.search(r"\.png$", str(args.output)) and size > 200 * 1024:
        print("It is over 200 KB: try a lower -r in to_png.")


if __name__ == "__main__":
    main()
