"""The visit summary as a web page, for those who email it to their care team.

Written with the standard library's ``html`` module only: the summary is a few
headings, paragraphs and lists, so escaping the person's words is all that is
needed, and a page any mail program or browser opens (and prints with margins) is
all the person asked for. A PDF library would add a large dependency and fonts to
the install for a page that a browser already prints well.
"""

from __future__ import annotations

import html
import re
from datetime import date

from tui.core import appointment
from tui.core.service import Navigator

_ADDRESS = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")

STYLE = """
@page { margin: 2cm; }
body { font-family: system-ui, sans-serif; font-size: 12pt; line-height: 1.5;
       max-width: 40em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
a { color: #00e; word-break: keep-all; overflow-wrap: normal; }
"""


def _inline(text: str) -> str:
    """Escaped text, with each web address a link (never split: it is one element)."""
    out: list[str] = []
    last = 0
    for found in _ADDRESS.finditer(text):
        out.append(html.escape(text[last : found.start()]))
        address = html.escape(found.group(), quote=True)
        out.append(f'<a href="{address}">{address}</a>')
        last = found.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def from_markdown(markdown: str, title: str) -> str:
    """The summary's own small Markdown (headings, paragraphs, one level of bullets) as
    a whole HTML page. Wrapped lines are joined back into one paragraph or item."""
    blocks: list[tuple[str, str]] = []  # (tag, text)
    for line in markdown.splitlines():
        if not line.strip():
            blocks.append(("", ""))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        elif line.startswith("- "):
            blocks.append(("li", line[2:]))
        elif blocks and blocks[-1][0] in ("li", "p") and line.startswith(" " * 2):
            blocks[-1] = (blocks[-1][0], f"{blocks[-1][1]} {line.strip()}")
        elif blocks and blocks[-1][0] == "p":
            blocks[-1] = ("p", f"{blocks[-1][1]} {line.strip()}")
        else:
            blocks.append(("p", line.strip()))
    body: list[str] = []
    in_list = False
    for tag, text in blocks:
        if tag != "li" and in_list:
            body.append("</ul>")
            in_list = False
        if not tag:
            continue
        if tag == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        body.append(f"<{tag}>{_inline(text)}</{tag}>")
    if in_list:
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def summary(nav: Navigator, today: date | None = None) -> str:
    """The care team's copy of the summary (as printed: no self-help prompts) as a page."""
    text = appointment.summary(nav, markdown=True, today=today, for_care_team=True)
    return from_markdown(text, appointment.summary_title(nav, today))
