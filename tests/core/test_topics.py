"""Changes pulled from the team server refresh the pages that show them."""

from __future__ import annotations

from outreach_app.core.topics import EVERY_TABLE, Topic, topics_for_tables
from outreach_app.storage.shared_rows import SHARED_TABLES


def test_each_table_announces_the_topic_of_what_it_holds() -> None:
    assert topics_for_tables({"sites"}) == {Topic.SITES}
    assert topics_for_tables({"questions", "answers"}) == {Topic.NOTES}
    assert topics_for_tables({"session_sites", "briefings"}) == {Topic.SESSIONS, Topic.AGENDA}
    assert topics_for_tables({"follow_up_steps", "reviews"}) == {
        Topic.FOLLOW_UPS,
        Topic.REVIEWS,
    }


def test_a_whole_copy_refreshes_everything() -> None:
    assert topics_for_tables({EVERY_TABLE}) == set(Topic)


def test_the_audit_trail_alone_and_unknown_tables_announce_nothing() -> None:
    assert topics_for_tables({"audit_log", "sync_outbox"}) == set()
    assert topics_for_tables(set()) == set()


def test_every_shared_table_but_the_audit_trail_has_a_topic() -> None:
    shared = {table.name for table in SHARED_TABLES} - {"audit_log"}
    assert all(topics_for_tables({name}) for name in shared)
