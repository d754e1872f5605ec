"""The store's shared operations by name, and record ids for a database: what a computer needs
to send an operation to the team server, and what the server needs to replay it."""

from __future__ import annotations

from collections.abc import Callable

from outreach_app.core.permissions import LOCAL_OPERATIONS
from outreach_app.storage.base import OperationKind
from outreach_app.storage.repository import Repository, operations
from outreach_app.storage.shared_rows import MissingRowError, local_id_of, uid_of


def shared_write(repo: Repository, name: str) -> Callable[..., object] | None:
    """The bound write operation called `name`, or None if the store has no such write or it
    concerns only the computer it runs on."""
    spec = operations().get(name)
    if spec is None or spec.kind is not OperationKind.WRITE or name in LOCAL_OPERATIONS:
        return None
    aggregate, _, method = name.partition(".")
    function: Callable[..., object] = getattr(getattr(repo, aggregate), method)
    return function


class RecordIds:
    """Record ids (uids) to and from one database's own integer ids."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo

    def to_uid(self, table: str, local_id: int) -> str:
        uid = uid_of(self._repo.db, table, local_id)
        if uid is None:
            raise MissingRowError(table, str(local_id))
        return uid

    def to_local(self, table: str, uid: str) -> int:
        local = local_id_of(self._repo.db, table, uid)
        if local is None:  # only for a None uid, which the codec never asks about
            raise MissingRowError(table, uid)
        return local
