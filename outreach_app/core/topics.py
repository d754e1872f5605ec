"""What changed: the closed set of topics announced when data changes.

Presenters announce a topic after a change of theirs is stored and follow the topics their views
depend on; changes that arrive from other machines will be announced with the same topics. The
value of each topic is its name on the wire.
"""

from __future__ import annotations

import enum


class Topic(enum.StrEnum):
    # The directory of sites: added, edited, archived, deleted, imported.
    SITES = "sites"
    # Sessions: scheduled, edited, cancelled, started, ended; pre-call checks of their sites
    # and the notices sent to them.
    SESSIONS = "sessions"
    # A session's agenda: topics, planned questions, briefings.
    AGENDA = "agenda"
    # Questions and answers taken in a session, their categories included.
    NOTES = "notes"
    # Follow-ups and the demands imported as follow-ups: created, claimed, answered, solved.
    FOLLOW_UPS = "follow_ups"
    # Minutes approved or sent back.
    REVIEWS = "reviews"
    # A month's figures closed (published) or reopened.
    STATISTICS = "statistics"


# The record's tables, by the topic that announces a change of theirs. The audit trail changes
# with every other table and is announced with it.
TABLE_TOPICS: dict[str, Topic] = {
    "categories": Topic.NOTES,
    "sites": Topic.SITES,
    "sessions": Topic.SESSIONS,
    "session_sites": Topic.SESSIONS,
    "site_checks": Topic.SESSIONS,
    "site_notices": Topic.SESSIONS,
    "agenda_items": Topic.AGENDA,
    "briefings": Topic.AGENDA,
    "questions": Topic.NOTES,
    "answers": Topic.NOTES,
    "follow_ups": Topic.FOLLOW_UPS,
    "follow_up_steps": Topic.FOLLOW_UPS,
    "demands": Topic.FOLLOW_UPS,
    "reviews": Topic.REVIEWS,
    "closed_months": Topic.STATISTICS,
}
# A change to every table at once (a whole copy of the record arrived).
EVERY_TABLE = "*"


def topics_for_tables(tables: set[str]) -> set[Topic]:
    """The topics to announce when rows of `tables` changed on another computer."""
    if EVERY_TABLE in tables:
        return set(Topic)
    return {TABLE_TOPICS[table] for table in tables if table in TABLE_TOPICS}
