"""My people: who helps, how to reach them, and the help I do not want."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from tui.app import bindings
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import option
from tui.core import wording
from tui.core.text import end_sentence


class PeopleScreen(ListScreen):
    TITLE_TEXT = "My people"
    BINDINGS = bindings.PEOPLE
    LIST_ID = "people"
    FOLLOWS_SAVED = True

    def heading_text(self) -> str:
        return "My people: who helps with what"

    def options(self) -> list[Option]:
        people = self.nav.people.all()
        options: list[Option] = [option(p.sentence(), f"person:{p.id}") for p in people]
        if not people:
            options.append(option("Nobody listed yet.", "none", disabled=True))
        options.append(
            option(f"Add a person or a group (key {self.key_of('people.add')})", "add-person")
        )
        options.append(Option(Text("Help I do not want", style="bold"), id="h-unwanted"))
        options += [
            option(f"I do not want: {u.text}", f"unwanted:{u.id}")
            for u in self.nav.people.unwanted()
        ]
        options.append(
            option(
                f"Add help I do not want (key {self.key_of('people.unwanted')})",
                "add-unwanted",
            )
        )
        return options

    def opened(self, target: str) -> None:
        if target.startswith("person:"):
            self.nav_app.open_person(int(target.removeprefix("person:")))
        elif target == "add-person":
            self.action_add_person()
        elif target == "add-unwanted":
            self.action_add_unwanted()

    def action_add_person(self) -> None:
        self.nav_app.open_person(None)

    def action_add_unwanted(self) -> None:
        def added(text: str | None) -> None:
            if text is None:
                self.say("Nothing was added.")
                return
            item = self.attempt(lambda: self.nav.people.add_unwanted(text))
            if item is not None:
                self.refresh_data()
                self.lines.highlight_id(f"unwanted:{item.id}")
                self.say(f"Saved: you do not want {end_sentence(item.text)}")

        self.app.push_screen(
            PromptScreen("Help I do not want, for example advice about diets", "I do not want"),
            added,
        )

    def action_delete(self) -> None:
        kind, _, number = self.highlighted_line().partition(":")
        if kind not in ("person", "unwanted"):
            self.say("Move to a person, or a line of help you do not want, to delete it.")
            return
        row_id = int(number)
        if kind == "person":
            person = self.nav.people.get(row_id)
            name = person.name if person else "this person"
            question = wording.delete_person(name)
            delete = self.nav.people.delete
        else:
            question = wording.DELETE_UNWANTED
            delete = self.nav.people.delete_unwanted  # type: ignore[assignment]

        self.delete_if_confirmed(question, lambda: delete(row_id), "Deleted.")
