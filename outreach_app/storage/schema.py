"""Database schema, built and evolved only through recorded migrations."""

from __future__ import annotations

import hashlib
import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from outreach_app.core.text_search import split_cjk
from outreach_app.storage.change_tracking import NEW_UID_FUNCTION, random_uid

migrations = Migrations("outreach")

# Searchable text lives in one table, search_docs, kept current by triggers on the tables that
# hold notes. Two FTS5 indexes sit on it: trigram (external content) for substrings of three or
# more characters, and unigram (contentless, CJK characters split into tokens by split_cjk) for
# one- and two-character queries. split_cjk is a Python function every connection registers.
SPLIT_FUNCTION = "outreach_split_cjk"


def register_functions(db: Database) -> None:
    db.conn.create_function(SPLIT_FUNCTION, 1, split_cjk, deterministic=True)
    # Team mode registers its own, which derives uids from the operation (change_tracking.py).
    db.conn.create_function(NEW_UID_FUNCTION, 1, random_uid)


def _run(db: Database, script: str) -> None:
    # executescript() would commit the migration's transaction; run statement by statement.
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        db.execute(buffer)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    region TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '[]',
    connection_notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE categories (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    official TEXT NOT NULL DEFAULT '',
    start TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    status TEXT NOT NULL DEFAULT 'draft',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sessions_start ON sessions(start);
CREATE TABLE session_sites (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    position INTEGER NOT NULL,
    time_box_minutes INTEGER NOT NULL CHECK (time_box_minutes > 0),
    invitation_state TEXT NOT NULL DEFAULT 'not_sent',
    joined_at TEXT,
    left_at TEXT,
    PRIMARY KEY (session_id, site_id)
);
CREATE INDEX session_sites_site ON session_sites(site_id);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX agenda_items_session ON agenda_items(session_id, site_id, position);
CREATE TABLE briefings (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, site_id)
);
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    asked_by TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    offset_seconds INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX questions_session ON questions(session_id, site_id);
CREATE INDEX questions_site ON questions(site_id);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL UNIQUE REFERENCES questions(id) ON DELETE CASCADE,
    text TEXT NOT NULL DEFAULT '',
    speaker TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    question_id INTEGER UNIQUE REFERENCES questions(id) ON DELETE SET NULL,
    session_id INTEGER REFERENCES sessions(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    commitment TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    resolution TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX follow_ups_site ON follow_ups(site_id, status);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX reviews_session ON reviews(session_id, id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    session_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_session ON audit_log(session_id, id);
CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    session_id INTEGER,
    site_id INTEGER,
    category TEXT NOT NULL DEFAULT '',
    at TEXT,
    body TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE VIRTUAL TABLE search_trigram USING fts5(
    body, content='search_docs', content_rowid='id', tokenize='trigram'
);
CREATE VIRTUAL TABLE search_unigram USING fts5(body, content='', tokenize='unicode61');
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_trigram(rowid, body) VALUES (new.id, new.body);
    INSERT INTO search_unigram(rowid, body) VALUES (new.id, outreach_split_cjk(new.body));
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_trigram(search_trigram, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO search_unigram(search_unigram, rowid, body)
        VALUES ('delete', old.id, outreach_split_cjk(old.body));
END;
CREATE TRIGGER search_docs_au AFTER UPDATE OF body ON search_docs BEGIN
    INSERT INTO search_trigram(search_trigram, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO search_unigram(search_unigram, rowid, body)
        VALUES ('delete', old.id, outreach_split_cjk(old.body));
    INSERT INTO search_trigram(rowid, body) VALUES (new.id, new.body);
    INSERT INTO search_unigram(rowid, body) VALUES (new.id, outreach_split_cjk(new.body));
END;
CREATE TRIGGER questions_search_ai AFTER INSERT ON questions BEGIN
    INSERT INTO search_docs(kind, ref_id, session_id, site_id, category, at, body)
        VALUES ('question', new.id, new.session_id, new.site_id, new.category, new.created_at,
                new.text);
END;
CREATE TRIGGER questions_search_au AFTER UPDATE ON questions BEGIN
    UPDATE search_docs SET body = new.text, category = new.category, site_id = new.site_id
        WHERE kind = 'question' AND ref_id = new.id AND
              (body IS NOT new.text OR category IS NOT new.category
               OR site_id IS NOT new.site_id);
    UPDATE search_docs SET category = new.category, site_id = new.site_id
        WHERE kind = 'answer' AND (category IS NOT new.category OR site_id IS NOT new.site_id)
          AND ref_id IN (SELECT id FROM answers WHERE question_id = new.id);
END;
CREATE TRIGGER questions_search_ad AFTER DELETE ON questions BEGIN
    DELETE FROM search_docs WHERE kind = 'question' AND ref_id = old.id;
END;
CREATE TRIGGER answers_search_ai AFTER INSERT ON answers BEGIN
    INSERT INTO search_docs(kind, ref_id, session_id, site_id, category, at, body)
        SELECT 'answer', new.id, q.session_id, q.site_id, q.category,
               coalesce(new.answered_at, q.created_at), new.text
        FROM questions q WHERE q.id = new.question_id;
END;
CREATE TRIGGER answers_search_au AFTER UPDATE OF text, answered_at ON answers BEGIN
    UPDATE search_docs SET body = new.text, at = coalesce(new.answered_at, at)
        WHERE kind = 'answer' AND ref_id = new.id;
END;
CREATE TRIGGER answers_search_ad AFTER DELETE ON answers BEGIN
    DELETE FROM search_docs WHERE kind = 'answer' AND ref_id = old.id;
END;
CREATE TRIGGER agenda_search_ai AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_docs(kind, ref_id, session_id, site_id, at, body)
        SELECT 'agenda', new.id, new.session_id, new.site_id, s.start, new.text
        FROM sessions s WHERE s.id = new.session_id;
END;
CREATE TRIGGER agenda_search_au AFTER UPDATE OF text, site_id ON agenda_items BEGIN
    UPDATE search_docs SET body = new.text, site_id = new.site_id
        WHERE kind = 'agenda' AND ref_id = new.id;
END;
CREATE TRIGGER agenda_search_ad AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search_docs WHERE kind = 'agenda' AND ref_id = old.id;
END;
CREATE TRIGGER follow_ups_search_ai AFTER INSERT ON follow_ups BEGIN
    INSERT INTO search_docs(kind, ref_id, session_id, site_id, at, body)
        VALUES ('follow_up', new.id, new.session_id, new.site_id, new.created_at,
                trim(new.commitment || ' ' || new.resolution));
END;
CREATE TRIGGER follow_ups_search_au AFTER UPDATE OF commitment, resolution ON follow_ups BEGIN
    UPDATE search_docs SET body = trim(new.commitment || ' ' || new.resolution)
        WHERE kind = 'follow_up' AND ref_id = new.id;
END;
CREATE TRIGGER follow_ups_search_ad AFTER DELETE ON follow_ups BEGIN
    DELETE FROM search_docs WHERE kind = 'follow_up' AND ref_id = old.id;
END
""",
    )


@migrations(name="0002_session_times")
def session_times(db: Database) -> None:
    # When the session actually went live and ended: notes are stamped with the time since start.
    db.execute("ALTER TABLE sessions ADD COLUMN started_at TEXT")
    db.execute("ALTER TABLE sessions ADD COLUMN ended_at TEXT")


@migrations(name="0003_search_filter_indexes")
def search_filter_indexes(db: Database) -> None:
    # Filtered searches first count the notes the filters leave (see search.py).
    db.execute("CREATE INDEX search_docs_site ON search_docs(site_id, id)")
    db.execute("CREATE INDEX search_docs_category ON search_docs(category, id)")
    db.execute("CREATE INDEX search_docs_session ON search_docs(session_id, id)")


@migrations(name="0004_site_checks_and_recordings")
def site_checks_and_recordings(db: Database) -> None:
    # The latest pre-call check per site and session; older ones are of no use to anybody.
    db.execute(
        """CREATE TABLE site_checks (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    checked_at TEXT NOT NULL,
    camera TEXT NOT NULL,
    microphone TEXT NOT NULL,
    connection TEXT NOT NULL,
    round_trip_ms REAL,
    source TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, site_id)
)"""
    )
    db.execute(
        """CREATE TABLE recordings (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT
)"""
    )
    db.execute("CREATE INDEX recordings_session ON recordings(session_id, started_at)")


@migrations(name="0005_follow_up_workflow")
def follow_up_workflow(db: Database) -> None:
    # `owner` is the unit; `claimed_by` the named person in it. `due` stays the date to solve by.
    # The *_at columns hold when the item last reached that step (cleared when it is reopened),
    # so that statistics need not read the history.
    for column in (
        "claimed_by TEXT NOT NULL DEFAULT ''",
        "response TEXT NOT NULL DEFAULT ''",
        "satisfaction TEXT NOT NULL DEFAULT ''",
        "claim_due TEXT",
        "respond_due TEXT",
        "claimed_at TEXT",
        "responded_at TEXT",
        "solved_at TEXT",
    ):
        db.execute(f"ALTER TABLE follow_ups ADD COLUMN {column}")
    db.execute(
        """CREATE TABLE follow_up_steps (
    id INTEGER PRIMARY KEY,
    follow_up_id INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'responded', 'solved')),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
)"""
    )
    db.execute("CREATE INDEX follow_up_steps_follow_up ON follow_up_steps(follow_up_id, id)")
    # Backfill: every existing item was opened when it was made, by whoever made it; an item
    # already further along reached its status at its last update. Reaching responded or
    # solved implies it had been claimed.
    _run(
        db,
        """
INSERT INTO follow_up_steps (follow_up_id, status, at, actor, note)
    SELECT f.id, 'open', f.created_at,
           coalesce((SELECT a.actor FROM audit_log a WHERE a.entity = 'follow_up'
                     AND a.entity_id = f.id AND a.action = 'create' ORDER BY a.id LIMIT 1), ''),
           ''
    FROM follow_ups f ORDER BY f.id;
INSERT INTO follow_up_steps (follow_up_id, status, at, actor, note)
    SELECT f.id, f.status, f.updated_at,
           coalesce((SELECT a.actor FROM audit_log a WHERE a.entity = 'follow_up'
                     AND a.entity_id = f.id AND a.action = 'status' ORDER BY a.id DESC LIMIT 1),
                    ''),
           CASE WHEN f.status = 'solved' THEN f.resolution ELSE '' END
    FROM follow_ups f WHERE f.status IN ('claimed', 'responded', 'solved') ORDER BY f.id;
UPDATE follow_ups SET
    claimed_at = CASE WHEN status IN ('claimed', 'responded', 'solved') THEN updated_at END,
    responded_at = CASE WHEN status = 'responded' THEN updated_at END,
    solved_at = CASE WHEN status = 'solved' THEN updated_at END
""",
    )


@migrations(name="0006_demands")
def demands(db: Database) -> None:
    # A demand a resident posted on a message board is tracked as a follow-up without a session;
    # this row says where it came from. `fingerprint` (date, channel, area, text) keeps a file
    # imported twice, or an export that overlaps an earlier one, from adding anything twice.
    db.execute(
        """CREATE TABLE demands (
    id INTEGER PRIMARY KEY,
    follow_up_id INTEGER NOT NULL UNIQUE REFERENCES follow_ups(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    received_on TEXT NOT NULL,
    area TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    line INTEGER NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
)"""
    )
    db.execute("CREATE INDEX demands_channel ON demands(channel)")
    # Statistics count what happened in a month: each step's time is a range condition.
    for column in ("created_at", "claimed_at", "responded_at", "solved_at"):
        db.execute(f"CREATE INDEX follow_ups_{column} ON follow_ups({column})")


@migrations(name="0007_search_docs_by_session_and_site")
def search_docs_by_session_and_site(db: Database) -> None:
    # A search filtered by a period reads the sessions of the period first, then each one's
    # notes, for one site when the filters name one: the cost follows the period, not the corpus.
    db.execute("CREATE INDEX search_docs_session_site ON search_docs(session_id, site_id, id)")


@migrations(name="0008_record_ids")
def record_ids(db: Database) -> None:
    # Integer ids stay local to one database; a row's uid names it on every computer of an
    # office and on its team server. Existing rows get random ones.
    for table in (
        "categories",
        "sites",
        "sessions",
        "session_sites",
        "agenda_items",
        "briefings",
        "questions",
        "answers",
        "follow_ups",
        "follow_up_steps",
        "demands",
        "reviews",
        "site_checks",
        "audit_log",
    ):
        db.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        db.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")
        _record_ids(db, table)


def _record_ids(db: Database, table: str) -> None:
    """Every new row of `table` gets a record id (its `uid` column) when it is inserted."""
    db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table}(uid)")
    db.execute(
        f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL BEGIN"
        f" UPDATE {table} SET uid = {NEW_UID_FUNCTION}('{table}') WHERE rowid = NEW.rowid;"
        " END"
    )


@migrations(name="0009_step_history")
def step_history(db: Database) -> None:
    # Statistics read each period from the steps that happened in it. A step may be recorded
    # later than it happened (a board's export brings its claims and answers): `recorded_at`
    # says when it reached this record, which dates the revision of a month already closed.
    # A solution keeps the due date in force then, so that changing the date afterwards does
    # not change whether an earlier month's solution was on time.
    db.execute("ALTER TABLE follow_up_steps ADD COLUMN recorded_at TEXT")
    db.execute("UPDATE follow_up_steps SET recorded_at = at")
    db.execute("ALTER TABLE follow_up_steps ADD COLUMN due TEXT")
    db.execute(
        "UPDATE follow_up_steps SET due = (SELECT f.due FROM follow_ups f"
        " WHERE f.id = follow_up_steps.follow_up_id) WHERE status = 'solved'"
    )
    db.execute("CREATE INDEX follow_up_steps_at ON follow_up_steps(at)")


@migrations(name="0010_closed_months")
def closed_months(db: Database) -> None:
    # A month a reviewer closed (published), with its figures and the year to date as they
    # were then (JSON, core/published_figures.py). Reopening, with a reason, keeps the row;
    # closing again adds one, so every publication of the month stays on record.
    db.execute(
        """CREATE TABLE closed_months (
    id INTEGER PRIMARY KEY,
    month TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    figures TEXT NOT NULL,
    cumulative TEXT NOT NULL,
    reopened_at TEXT,
    reopened_by TEXT NOT NULL DEFAULT '',
    reopen_reason TEXT NOT NULL DEFAULT '',
    uid TEXT
)"""
    )
    db.execute("CREATE INDEX closed_months_month ON closed_months(month, id)")
    _record_ids(db, "closed_months")


@migrations(name="0011_board_messages")
def board_messages(db: Database) -> None:
    # A message board's own id for an imported demand: a later export of the same board brings
    # its progress to the same item. The board_* columns hold what the board said last, so
    # that the next import tells the board's changes from work done here.
    db.execute("ALTER TABLE demands ADD COLUMN board_id TEXT")
    for column in ("board_status", "board_unit", "board_claimed_by", "board_response"):
        db.execute(f"ALTER TABLE demands ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute(
        "CREATE UNIQUE INDEX demands_board_id ON demands(board_id) WHERE board_id IS NOT NULL"
    )


def schema_fingerprint() -> str:
    """Names this version's schema: two databases can exchange rows only when theirs agree."""
    names = "\n".join(migration.name for migration in migrations._migrations)
    return hashlib.sha256(names.encode("utf-8")).hexdigest()[:16]


@migrations(name="0012_session_call_engine")
def session_call_engine(db: Database) -> None:
    # What carries a session's call: "auto" (the hub up to the sites it holds, the media
    # server beyond), "hub" or "janus".
    db.execute("ALTER TABLE sessions ADD COLUMN call_engine TEXT NOT NULL DEFAULT 'auto'")


@migrations(name="0013_site_notices")
def site_notices(db: Database) -> None:
    # The short notices the official sent to sites during a session (site_id NULL: to every
    # site), kept with the session's record.
    db.execute(
        """CREATE TABLE site_notices (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    site_id INTEGER REFERENCES sites(id),
    text TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    sent_by TEXT NOT NULL DEFAULT '',
    uid TEXT
)"""
    )
    db.execute("CREATE INDEX site_notices_session ON site_notices(session_id, id)")
    _record_ids(db, "site_notices")


def migrate(db: Database) -> None:
    register_functions(db)
    migrations.apply(db)
