"""A person at a desk in team mode, scripted: signs in, keeps a replica in step and does their
role's work at a steady pace, in a process of its own, until SIGTERM (or SIGKILL).

    python -m tests.sync.scripted_user --server URL --name NAME --db PATH --journal PATH

The password comes on standard input. Every change the person has been shown as saved (the
store's operation returned) is appended to the journal with the id of the outbox entry that
carries it, so a test can check afterwards that each one reached the record or was shown to
the person as a conflict. Conflicts are looked at now and then and settled as a person would,
keeping their own version or the record's, and journalled too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from outreach_app.core.model import AgendaItemKind, ReviewState, Role, User
from outreach_app.storage.repository import Repository
from outreach_app.sync.client import SignedOutError
from outreach_app.sync.connection import Credentials, TeamAddress, TeamServerError, sign_in
from outreach_app.sync.outbox import EntryState
from outreach_app.sync.replica_store import open_synced_replica

Action = Callable[[Repository, random.Random, str, int], str]


def _newest_op(repo: Repository) -> str:
    row = repo.db.execute("SELECT op_id FROM sync_outbox ORDER BY seq DESC LIMIT 1").fetchone()
    return "" if row is None else str(row[0])


def _ids(repo: Repository, sql: str) -> list[int]:
    return [int(row[0]) for row in repo.db.execute(sql).fetchall()]


def edit_site(repo: Repository, rng: random.Random, name: str, n: int) -> str:
    sites = repo.sites.list_sites()
    if not sites:
        return ""
    site = rng.choice(sites[:3])  # a few sites everyone works on: where conflicts come from
    site.region = f"{name}#{n}"
    repo.sites.save_site(site)
    return f"site {site.id} region {site.region}"


def add_agenda_item(repo: Repository, rng: random.Random, name: str, n: int) -> str:
    sessions = _ids(repo, "SELECT id FROM sessions ORDER BY id")
    sites = _ids(repo, "SELECT site_id FROM session_sites ORDER BY site_id")
    if not sessions or not sites:
        return ""
    item = repo.sessions.add_agenda_item(
        sessions[0], rng.choice(sites), AgendaItemKind.QUESTION, f"{name} asks #{n}"
    )
    return f"agenda {item.id}"


def take_note(repo: Repository, rng: random.Random, name: str, n: int) -> str:
    sessions = _ids(repo, "SELECT id FROM sessions ORDER BY id")
    sites = _ids(repo, "SELECT site_id FROM session_sites ORDER BY site_id")
    if not sessions or not sites:
        return ""
    question = repo.notes.add_question(sessions[0], rng.choice(sites), f"{name} question #{n}")
    text = f"{name} answer #{n}"
    for length in range(4, len(text) + 1, 4):  # saved as it is typed
        repo.notes.save_answer(question.id or 0, text[:length], "站长")
    repo.notes.save_answer(question.id or 0, text, "站长")
    return f"question {question.id}"


def edit_answer(repo: Repository, rng: random.Random, name: str, n: int) -> str:
    questions = _ids(repo, "SELECT question_id FROM answers ORDER BY question_id LIMIT 5")
    if not questions:
        return ""
    question = rng.choice(questions)
    repo.notes.save_answer(question, f"{name} corrected #{n}", "站长")
    return f"answer of {question}"


def review(repo: Repository, rng: random.Random, name: str, n: int) -> str:
    sessions = _ids(repo, "SELECT id FROM sessions ORDER BY id")
    if not sessions:
        return ""
    minutes = repo.review.minutes(sessions[0])
    # Minutes sent back are approved only once their notes changed.
    returned = minutes.review_state is ReviewState.RETURNED
    waiting = returned and not minutes.notes_changed_since_review
    state = (
        ReviewState.RETURNED
        if waiting
        else rng.choice([ReviewState.APPROVED, ReviewState.RETURNED])
    )
    repo.review.set_review(
        sessions[0], state, f"{name} #{n}" if state is ReviewState.RETURNED else ""
    )
    return f"review {state.value}"


ROLE_WORK: dict[Role, list[Action]] = {
    Role.STAFF: [edit_site, edit_site, add_agenda_item],
    Role.OFFICIAL: [take_note, take_note, edit_answer],
    Role.NOTE_TAKER: [take_note, edit_answer, edit_answer],
    Role.REVIEWER: [review],
}


class Journal:
    def __init__(self, path: Path) -> None:
        self._file = path.open("a", encoding="utf-8")

    def write(self, **entry: object) -> None:
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())


async def signed_in(address: TeamAddress, name: str, password: str, cache: Path) -> Credentials:
    if cache.exists():
        fields = json.loads(cache.read_text(encoding="utf-8"))
        fields["role"] = Role(fields["role"])
        return Credentials(**fields)
    while True:
        try:
            credentials = await sign_in(address, name, password, f"scripted-{name}")
        except TeamServerError as problem:
            await asyncio.sleep(max(0.5, float(problem.retry_after)))
            continue
        fields = credentials.__dict__ | {"role": credentials.role.value}
        cache.write_text(json.dumps(fields), encoding="utf-8")
        return credentials


async def run(args: argparse.Namespace, password: str) -> None:
    address = TeamAddress(args.server)
    journal = Journal(args.journal)
    rng = random.Random(args.seed)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    credentials = await signed_in(address, args.name, password, args.db.with_suffix(".sign-in"))
    store, client = open_synced_replica(
        args.db,
        User(credentials.account, credentials.role),
        address,
        credentials.token,
        f"scripted-{args.name}",
        loop,
    )
    sync = asyncio.ensure_future(client.run())
    work = ROLE_WORK[credentials.role]
    number = int(args.start_number)
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), rng.uniform(0.1, args.pace))
            if stop.is_set() or sync.done():
                break
            number += 1
            action = rng.choice(work)

            def act(repo: Repository, action: Action = action, n: int = number) -> tuple[str, str]:
                what = action(repo, rng, args.name, n)
                return what, _newest_op(repo) if what else ""

            what, op = await store.run(act)
            if what:
                journal.write(saved=op, what=what, n=number)
            if number % 10 == 0:
                await settle_conflicts(client, store, rng, journal)
    finally:
        client.stop()
        with contextlib.suppress(SignedOutError, Exception):
            await asyncio.wait_for(sync, 5)
        store.close()


async def settle_conflicts(
    client: object, store: object, rng: random.Random, journal: Journal
) -> None:
    from outreach_app.storage.worker import StoreWorker
    from outreach_app.sync.client import SyncClient

    assert isinstance(client, SyncClient) and isinstance(store, StoreWorker)
    problems = await store.run(
        lambda repo: [
            (str(op), str(state))
            for op, state in repo.db.execute(
                "SELECT op_id, state FROM sync_outbox WHERE state != ?", (EntryState.PENDING,)
            ).fetchall()
        ]
    )
    for op, state in problems:
        journal.write(surfaced=op, state=state)
        with contextlib.suppress(Exception):  # offline: settled next time
            if state == EntryState.CONFLICT and rng.random() < 0.5:
                await client.keep_mine(op)
                journal.write(kept_mine=op)
            else:
                await client.keep_theirs(op)
                journal.write(kept_theirs=op)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pace", type=float, default=0.6, help="seconds between actions, at most")
    parser.add_argument("--start-number", type=int, default=0)
    args = parser.parse_args()
    password = sys.stdin.readline().rstrip("\n")
    asyncio.run(run(args, password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
