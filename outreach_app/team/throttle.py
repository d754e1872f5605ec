"""Failed sign-ins slow down whoever repeats them: per account and per network address.

A few mistakes cost nothing; after that each further failure doubles the wait before the next
attempt is even checked, up to a ceiling. Counting per account stops a slow guesser spread over
many addresses; counting per address stops one address trying many accounts. The table is
bounded, so a flood of made-up names cannot grow the server's memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

FREE_FAILURES: Final = 5
# A whole office may sign in from one address (behind one router): more before it waits.
FREE_FAILURES_PER_ADDRESS: Final = 20
FIRST_WAIT_SECONDS: Final = 1.0
MAX_WAIT_SECONDS: Final = 15 * 60.0
# A key with no failure for this long starts again from nothing.
FORGET_AFTER_SECONDS: Final = 60 * 60.0
MAX_TRACKED_KEYS: Final = 50_000


@dataclass
class _Record:
    failures: int
    last_failure: float
    blocked_until: float


class SignInThrottle:
    def __init__(
        self,
        clock: Callable[[], float],
        *,
        free_failures: int = FREE_FAILURES,
        free_failures_per_address: int = FREE_FAILURES_PER_ADDRESS,
        max_keys: int = MAX_TRACKED_KEYS,
    ) -> None:
        self._clock = clock
        self._free = free_failures
        self._free_per_address = free_failures_per_address
        self._max_keys = max_keys
        self._records: OrderedDict[str, _Record] = OrderedDict()

    def wait_seconds(self, account: str, address: str) -> float:
        """How long before an attempt for `account` from `address` may be checked; 0: now."""
        now = self._clock()
        waits = [
            record.blocked_until - now
            for key in (_account_key(account), _address_key(address))
            if (record := self._live_record(key, now)) is not None
        ]
        return max([0.0, *waits])

    def failed(self, account: str, address: str) -> None:
        now = self._clock()
        for key, free in (
            (_account_key(account), self._free),
            (_address_key(address), self._free_per_address),
        ):
            record = self._live_record(key, now) or _Record(0, now, now)
            record.failures += 1
            record.last_failure = now
            beyond = record.failures - free
            if beyond > 0:
                wait = min(FIRST_WAIT_SECONDS * 2 ** (beyond - 1), MAX_WAIT_SECONDS)
                record.blocked_until = now + wait
            self._records[key] = record
            self._records.move_to_end(key)
        while len(self._records) > self._max_keys:
            self._records.popitem(last=False)

    @property
    def tracked_keys(self) -> int:
        return len(self._records)

    def succeeded(self, account: str) -> None:
        self._records.pop(_account_key(account), None)

    def _live_record(self, key: str, now: float) -> _Record | None:
        record = self._records.get(key)
        if record is not None and now - record.last_failure > FORGET_AFTER_SECONDS:
            del self._records[key]
            return None
        return record


def _account_key(account: str) -> str:
    return "account:" + account.casefold()


def _address_key(address: str) -> str:
    return "address:" + address
