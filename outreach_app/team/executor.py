"""Replays a client's operation on the record, as the account that sent it.

The operation runs through the same store code as on the client, with the signed-in account as
the actor (the audit trail names it; nothing the client says about who it is counts) and the
client's time of the change as the clock. What is refused, what conflicts and what was applied
is answered in an `OperationOutcome`, and the same outcome is returned if the client sends the
same operation again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime, timedelta

from outreach_app.core.model import User
from outreach_app.core.permissions import may_run
from outreach_app.core.sync_model import OperationOutcome, Outcome, PushedOperation
from outreach_app.storage.errors import StoreError
from outreach_app.storage.operation_codec import CodecError, decode_arguments
from outreach_app.storage.repository import Repository
from outreach_app.storage.shared_operations import RecordIds, shared_write
from outreach_app.storage.shared_rows import MissingRowError
from outreach_app.storage.sqlite_driver import INTEGRITY_ERRORS
from outreach_app.team.accounts import Account
from outreach_app.team.record_keeper import ConflictError, Push, RecordKeeper

# A client's clock may be wrong; a change claimed to happen further ahead than this is stamped
# with the server's time instead.
MAX_CLOCK_AHEAD = timedelta(hours=1)


def execute(
    repo: Repository,
    keeper: RecordKeeper,
    account: Account,
    device: str,
    operation: PushedOperation,
    now: datetime,
) -> OperationOutcome:
    remembered = keeper.remembered(operation.op_id, account.id)
    if remembered is not None:
        return remembered
    push = Push(operation, account.id, device)
    outcome = _run(repo, keeper, account, push, now)
    if outcome.outcome is not Outcome.APPLIED:
        with repo.db.conn:
            keeper.remember(push, outcome)
    return outcome


def _run(
    repo: Repository, keeper: RecordKeeper, account: Account, push: Push, now: datetime
) -> OperationOutcome:
    operation = push.operation
    op_id = operation.op_id
    if operation.name.startswith("accounts."):
        return OperationOutcome(op_id, Outcome.INVALID, "accounts are not kept in the record")
    function = shared_write(repo, operation.name)
    if function is None:
        return OperationOutcome(
            op_id, Outcome.INVALID, "there is no operation {name}", {"name": operation.name}
        )
    if not may_run(account.role, operation.name):
        return OperationOutcome(
            op_id,
            Outcome.REFUSED,
            "your role ({role}) may not do this: {name}",
            {"role": account.role.value, "name": operation.name},
        )
    try:
        arguments = decode_arguments(function, operation.arguments, RecordIds(repo))
    except MissingRowError as exc:
        return OperationOutcome(
            op_id,
            Outcome.CONFLICT,
            "something this change refers to was deleted meanwhile",
            rows=((exc.table, exc.uid),),
        )
    except CodecError as exc:
        return OperationOutcome(op_id, Outcome.INVALID, "{reason}", {"reason": str(exc)})
    at = min(operation.at, now + MAX_CLOCK_AHEAD)
    try:
        with _acting(repo, keeper, account, push, at):
            function(**arguments)
    except ConflictError as exc:
        return OperationOutcome(
            op_id,
            Outcome.CONFLICT,
            "someone else changed this meanwhile",
            rows=tuple(exc.rows),
        )
    except StoreError as exc:
        return OperationOutcome(
            op_id,
            Outcome.REFUSED,
            exc.template,
            {key: str(value) for key, value in exc.params.items()},
        )
    except INTEGRITY_ERRORS as exc:
        return OperationOutcome(
            op_id,
            Outcome.INVALID,
            "the record cannot take this change: {error}",
            {"error": str(exc)},
        )
    applied = keeper.remembered(op_id, account.id)
    assert applied is not None
    return applied


@contextlib.contextmanager
def _acting(
    repo: Repository, keeper: RecordKeeper, account: Account, push: Push, at: datetime
) -> Iterator[None]:
    actor, clock = repo.actor, repo.clock
    repo.actor = User(account.name, account.role)
    repo.clock = lambda: at
    keeper.push = push
    try:
        yield
    finally:
        repo.actor, repo.clock = actor, clock
        keeper.push = None
