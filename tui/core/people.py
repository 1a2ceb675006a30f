"""My people: who is in the support network, and the help the person does not want.

The source article asks the reader to think about who can help with what, and
also which help they do not need. Both lists live here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core import schema
from tui.core.models import Person, Role, UnwantedHelp
from tui.core.schema import PEOPLE, UNWANTED
from tui.core.text import InputError, storable

if TYPE_CHECKING:  # the store is handed in; the commands that never open it import none of it
    from tui.core.store import Store


def _clean(text: str) -> str:
    return storable(text).strip()


def _person(row: schema.Person, person_id: int) -> Person:
    try:
        role = Role(row.role)
    except ValueError:
        role = Role.OTHER
    return Person(
        id=person_id,
        name=row.name,
        role=role,
        specialty=row.specialty,
        contact=row.contact,
        helps_with=row.helps_with,
    )


class People:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Person]:
        rows: dict[int, schema.Person] = self.store.records(PEOPLE)
        people = [_person(row, person_id) for person_id, row in rows.items()]
        return sorted(people, key=lambda p: (p.name.casefold(), p.id))

    def get(self, person_id: int) -> Person | None:
        for person in self.all():
            if person.id == person_id:
                return person
        return None

    def _fields(
        self, name: str, role: Role | str, specialty: str, contact: str, helps_with: str
    ) -> schema.Person:
        name = _clean(name)
        if not name:
            raise InputError("Type the person's name (or the group's), then save.")
        try:
            role = Role(role)
        except ValueError:
            choices = ", ".join(r.value for r in Role)
            raise InputError(f"'{role}' is not a role. Choose one of: {choices}.") from None
        return schema.Person(
            name=name,
            role=role.value,
            specialty=_clean(specialty),
            contact=_clean(contact),
            helps_with=_clean(helps_with),
        )

    def add(
        self,
        name: str,
        role: Role | str = Role.OTHER,
        specialty: str = "",
        contact: str = "",
        helps_with: str = "",
    ) -> Person:
        fields = self._fields(name, role, specialty, contact, helps_with)
        person_id = self.store.insert(PEOPLE, fields)
        return _person(fields, person_id)

    def update(
        self,
        person_id: int,
        name: str,
        role: Role | str,
        specialty: str = "",
        contact: str = "",
        helps_with: str = "",
    ) -> Person:
        current = self.get(person_id)
        if current is None:
            raise InputError(f"There is no person number {person_id}.")
        fields = self._fields(name, role, specialty, contact, helps_with)
        updated = _person(fields, person_id)
        if updated != current:  # looking at a person and leaving writes nothing
            self.store.put(PEOPLE, person_id, fields)
        return updated

    def delete(self, person_id: int) -> Person:
        person = self.get(person_id)
        if person is None:
            raise InputError(f"There is no person number {person_id}.")
        self.store.delete(PEOPLE, person_id)
        from tui.core.drafts import drop_draft_of_deleted  # only here: help imports this

        drop_draft_of_deleted(self.store.path, f"person:{person_id}")
        return person

    # ------------------------------------------------------ unwanted help
    def unwanted(self) -> list[UnwantedHelp]:
        rows: dict[int, schema.UnwantedHelp] = self.store.records(UNWANTED)
        return [UnwantedHelp(row_id, row.text) for row_id, row in rows.items()]

    def add_unwanted(self, text: str) -> UnwantedHelp:
        text = _clean(text)
        if not text:
            raise InputError("Type the help you do not want, then save.")
        row_id = self.store.insert(UNWANTED, schema.UnwantedHelp(text=text))
        return UnwantedHelp(row_id, text)

    def delete_unwanted(self, row_id: int) -> UnwantedHelp:
        for item in self.unwanted():
            if item.id == row_id:
                self.store.delete(UNWANTED, row_id)
                return item
        raise InputError(f"There is no item number {row_id} in the list of help you do not want.")
