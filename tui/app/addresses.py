"""A web address on a line of the app: open it in the browser, or copy it.

Enter on a contact, a source or a line of urgent help that holds a web address
offers the two on a screen of their own (ChooseScreen); what happened is said in
the status line. The app itself never uses the network: the browser does, and
only when the person chooses it.

A text browser (lynx, w3m, elinks: the default on a console with no desktop, where
many people using Fenrir work) would run in this very terminal, under the app's
drawing, and the app would wait for it to end. So the address is opened only when
the default browser has a window of its own; otherwise the person is told, and
the address stays on the status line to copy or type.
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.app.screens.choose import ChooseScreen
from tui.core.models import web_link

if TYPE_CHECKING:
    from collections.abc import Hashable

    from tui.app.screens.base import BaseScreen

OPEN = "open"
COPY = "copy"

#: The longest web address shown whole in a list: one row of the topic reader on the
#: smallest screen the app supports (60 columns: 55 for text), less a bullet's indent.
#: Textual wraps only at spaces and puts a word that fits on a row of its own, but a
#: longer word it cuts, mid-address: half an address cannot be typed, and a screen
#: reader reading a row at a time says half of it.
ADDRESS_FITS = 50


def where_to_find(address: str) -> str:
    """'Web address: ' and ``address``, or, when it would not fit on one row, the site
    it is on: the whole address is one Enter away (open or copy), said in full there."""
    if len(address) <= ADDRESS_FITS:
        return f"Web address: {address}"
    site = (urlsplit(web_link(address)).hostname or address).removeprefix("www.")
    return f"Web address: a page on {site}. Press Enter for the whole address."


def browser_has_a_window() -> bool:
    """True when the default browser opens apart from this terminal (not lynx or w3m)."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if isinstance(browser, webbrowser.BackgroundBrowser):  # xdg-open, or a named desktop one
        return True
    if isinstance(browser, webbrowser.UnixBrowser):  # Firefox, Chrome...; elinks is not
        return bool(browser.background)
    # A GenericBrowser (www-browser, lynx, w3m, or $BROWSER naming one) runs in this
    # terminal; the macOS and Windows openers are other BaseBrowsers and open a window.
    return not isinstance(browser, webbrowser.GenericBrowser)


def open_or_copy(screen: BaseScreen, address: str) -> None:
    """Ask whether to open ``address`` in the browser or copy it, then do it and say so."""

    def chosen(answer: tuple[bool, Hashable | None] | None) -> None:
        if answer is None or not answer[0]:
            return  # left as it was: nothing to say
        if answer[1] == OPEN:
            open_in_browser(screen, address)
        else:
            copy_address(screen, address)

    screen.app.push_screen(
        ChooseScreen(
            # The question first: an address can be 150 characters, read before it.
            f"Open this web address in your browser, or copy it? {address}",
            [("Open in your browser", OPEN), ("Copy the address", COPY)],
            None,
        ),
        chosen,
    )


def open_in_browser(screen: BaseScreen, address: str) -> None:
    if not browser_has_a_window():
        screen.say(
            "Not opened: this computer has no web browser with a window of its own. "
            f"The address is {address}",
            error=True,
        )
        return
    screen.app.open_url(web_link(address))
    screen.say(f"Opened {address} in your browser.")


def copy_address(screen: BaseScreen, address: str) -> None:
    screen.app.copy_to_clipboard(web_link(address))
    screen.say(
        f"Copied {web_link(address)}. If pasting gives nothing, your terminal does not "
        "allow copying: the address is on this line to type."
    )
