"""Your data: where it is, export it, import a backup, or delete it all."""

from __future__ import annotations

from pathlib import Path

from textual.widgets.option_list import Option

from tui.app.exporting import ask_and_export
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.list_screen import ListScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import option
from tui.core import backup, paths, wording


class DataScreen(ListScreen):
    TITLE_TEXT = "Your data"
    LIST_ID = "data"
    FIXED_LINES = True

    def heading_text(self) -> str:
        return "Your data: export it, bring back a backup, or delete it."

    def options(self) -> list[Option]:
        return [
            option(f"Your data file: {self.nav.store.path}", "where"),
            option(wording.EXPORT_MARKDOWN, "export-md"),
            option("Export a JSON backup, to keep or to move to another computer", "export-json"),
            option(wording.IMPORT_BACKUP, "import"),
            option("Delete all my data", "delete"),
        ]

    #: The line the cursor starts on (the palette's Export, Import and Delete all choose).
    first_line = "export-md"

    def go_to_line(self, line_id: str) -> None:
        """Put the cursor on ``line_id``, now or (not yet mounted) when the screen opens."""
        self.first_line = line_id
        if self.is_mounted:
            self.lines.highlight_id(line_id)

    def opened(self, target: str) -> None:
        if target.startswith("export-"):
            self._export(target.removeprefix("export-"))
        elif target == "import":
            self._import()
        elif target == "delete":
            self._delete()

    def _export(self, kind: str) -> None:
        def payload(_path: Path) -> bytes:
            if kind == "json":
                return backup.export_json(self.nav)
            return backup.export_markdown(self.nav).encode()

        default = str(paths.export_file(kind))
        ask_and_export(self, "Export to which file?", default, payload, "everything")

    def _import(self) -> None:
        def chosen(path_text: str | None) -> None:
            if path_text is None:
                self.say("Nothing was imported.")
                return
            data = self.attempt(lambda: backup.read_backup(Path(path_text)))
            if data is None:
                return
            plan = backup.plan_import(self.nav, data)
            if plan.empty:
                self.say(plan.sentences()[0])
                return

            def answered(yes: bool | None) -> None:
                if not yes:
                    self.say("Nothing was imported.")
                elif self.attempt(lambda: backup.apply_import(self.nav, plan)):
                    self.nav_app.refresh_all()
                    self.say("Imported: " + " ".join(plan.sentences()))

            self.app.push_screen(
                ConfirmScreen(
                    "Importing adds: " + " ".join(plan.sentences() + plan.changes()) + " Go ahead?",
                    "Import",
                    "No, leave my data as it is",
                ),
                answered,
            )

        self.app.push_screen(PromptScreen("Import which JSON backup?", "File"), chosen)

    def _delete(self) -> None:
        def typed(answer: str | None) -> None:
            if (answer or "").strip().lower() != backup.DELETE_PHRASE:
                self.say("Nothing was deleted.")
                return
            removed = self.attempt(lambda: backup.delete_all(self.nav))
            if removed is not None:
                self.nav_app.refresh_all()
                copies = "1 older copy" if len(removed) == 1 else f"{len(removed)} older copies"
                self.say(f"Deleted all your data, and {copies}. {backup.DELETE_HONESTY}")

        self.app.push_screen(
            PromptScreen(
                "This deletes every note, tick, person, check-in, visit and setting in this app. "
                f"To go ahead, type: {backup.DELETE_PHRASE}",
                "Type here",
            ),
            typed,
        )
