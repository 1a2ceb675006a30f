"""Your data: where it is, export it, import a backup, or delete it all."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult

from tui.app.screens.base import BaseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.widgets import ReaderList, option
from tui.core import backup


class DataScreen(BaseScreen):
    TITLE_TEXT = "Your data"

    def heading_text(self) -> str:
        return "Your data: export it, bring back a backup, or delete it."

    def compose_body(self) -> ComposeResult:
        yield ReaderList(
            option(f"Your data file: {self.nav.store.path}", "where"),
            option("Export everything as Markdown, to read or print", "export-md"),
            option("Export a JSON backup, to keep or to move to another computer", "export-json"),
            option("Import a JSON backup (shows what will change first)", "import"),
            option("Delete all my data", "delete"),
            id="data",
        )

    def on_mount(self) -> None:
        super().on_mount()
        data = self.query_one(ReaderList)
        data.highlighted = 1
        data.focus()

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        action = event.option.id or ""
        if action.startswith("export-"):
            self._export(action.removeprefix("export-"))
        elif action == "import":
            self._import()
        elif action == "delete":
            self._delete()

    def _export(self, kind: str) -> None:
        default = str(Path.home() / f"spms-navigator-export.{kind}")

        def chosen(path_text: str | None) -> None:
            if path_text is None:
                self.say("Nothing was exported.")
                return
            path = Path(path_text).expanduser()
            if path.exists():
                self.app.push_screen(
                    ConfirmScreen(f"{path} already exists. Replace it?", "Replace it"),
                    lambda yes: (
                        self._write(path, kind, True) if yes else self.say("Nothing was exported.")
                    ),
                )
            else:
                self._write(path, kind, False)

        self.app.push_screen(PromptScreen("Export to which file?", "File", default), chosen)

    def _write(self, path: Path, kind: str, overwrite: bool) -> None:
        payload = (
            backup.export_json(self.nav)
            if kind == "json"
            else backup.export_markdown(self.nav).encode()
        )
        written = self.attempt(lambda: backup.write_export(path, payload, overwrite))
        if written is not None:
            self.say(f"Exported to {written}. Only you can read it.")

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
                    "Importing adds: " + " ".join(plan.sentences()) + " Go ahead?",
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
                "This deletes every note, tick, person and setting in this app. "
                f"To go ahead, type: {backup.DELETE_PHRASE}",
                "Type here",
            ),
            typed,
        )
