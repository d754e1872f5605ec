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
    # Sessions: scheduled, edited, cancelled, started, ended; pre-call checks of their sites.
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
