"""Which sessions are due a reminder. Pure: the UI decides how to remind."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from outreach_app.core.model import Role, Session, SessionStatus, User

REMINDABLE = (SessionStatus.SCHEDULED, SessionStatus.DRAFT)


def takes_part(user: User, session: Session) -> bool:
    """The official named on the session takes part; staff prepare and attend every session."""
    return user.role is Role.STAFF or session.official.strip() == user.name.strip()


def due_reminders(
    sessions: Iterable[Session],
    user: User,
    now: datetime,
    lead: timedelta,
    already_reminded: set[int],
) -> list[Session]:
    """Sessions starting within `lead` from now, not yet started, not reminded before."""
    return [
        s
        for s in sorted(sessions, key=lambda s: s.start)
        if s.id is not None
        and s.id not in already_reminded
        and s.status in REMINDABLE
        and now <= s.start <= now + lead
        and takes_part(user, s)
    ]
