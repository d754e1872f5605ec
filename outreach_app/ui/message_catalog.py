"""English message templates raised below the UI (core, storage), marked for translation.

The core and the store must not import Qt, so their messages are listed here for pyside6-lupdate;
tests/ui/test_message_catalog.py keeps this list and the code in step.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGE_TEMPLATES: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("messages", "a column appears twice"),
    QT_TRANSLATE_NOOP("messages", "a contact with phone {phone} has no name"),
    QT_TRANSLATE_NOOP("messages", "a session must last at least one minute"),
    QT_TRANSLATE_NOOP("messages", "a session needs a title"),
    QT_TRANSLATE_NOOP("messages", "a site named “{name}” already exists"),
    QT_TRANSLATE_NOOP("messages", "a site needs a name"),
    QT_TRANSLATE_NOOP("messages", "add the port to the server address, e.g. {host}:8765"),
    QT_TRANSLATE_NOOP("messages", "agenda item {id} does not exist"),
    QT_TRANSLATE_NOOP("messages", "an agenda item needs text"),
    QT_TRANSLATE_NOOP("messages", "cannot open {file}: {error}"),
    QT_TRANSLATE_NOOP("messages", "cannot read {file}: {error}"),
    QT_TRANSLATE_NOOP("messages", "cannot search for “{query}”: {error}"),
    QT_TRANSLATE_NOOP("messages", "contact “{contact}” has no name"),
    QT_TRANSLATE_NOOP("messages", "describe the outcome: what was solved and how"),
    QT_TRANSLATE_NOOP("messages", "describe what was committed"),
    QT_TRANSLATE_NOOP("messages", "every site's time box must be at least one minute"),
    QT_TRANSLATE_NOOP("messages", "field {field} is longer than {limit} characters"),
    QT_TRANSLATE_NOOP("messages", "follow-up {id} does not exist"),
    QT_TRANSLATE_NOOP("messages", "give the server address, e.g. 127.0.0.1:8765"),
    QT_TRANSLATE_NOOP("messages", "has {got} fields, the header has {expected}"),
    QT_TRANSLATE_NOOP("messages", "line {line}: a STUN server takes no user name"),
    QT_TRANSLATE_NOOP("messages", "line {line}: a TURN server needs a user name and a password"),
    QT_TRANSLATE_NOOP("messages", "line {line}: port {port} must be a number from 1 to 65535"),
    QT_TRANSLATE_NOOP("messages", "line {line}: “{host}” is not a valid host"),
    QT_TRANSLATE_NOOP("messages", "line {line}: “{url}” must start with stun:, turn: or turns:"),
    QT_TRANSLATE_NOOP("messages", "missing required column “{required}”"),
    QT_TRANSLATE_NOOP(
        "messages", "minutes sent back can be approved once their notes have been corrected"
    ),
    QT_TRANSLATE_NOOP("messages", "more than {limit} rows; split the file"),
    QT_TRANSLATE_NOOP("messages", "not a readable CSV file: {error}"),
    QT_TRANSLATE_NOOP("messages", "not a readable CSV row: {error}"),
    QT_TRANSLATE_NOOP("messages", "only a claimed follow-up can be marked as responded"),
    QT_TRANSLATE_NOOP("messages", "only a claimed or responded follow-up can be solved"),
    QT_TRANSLATE_NOOP("messages", "only an open follow-up can be claimed"),
    QT_TRANSLATE_NOOP("messages", "phone number “{phone}” of {name} is not valid"),
    QT_TRANSLATE_NOOP("messages", "question {id} does not exist"),
    QT_TRANSLATE_NOOP("messages", "say what has been done so far"),
    QT_TRANSLATE_NOOP("messages", "say what must change when sending minutes back"),
    QT_TRANSLATE_NOOP("messages", "say which unit takes this follow-up"),
    QT_TRANSLATE_NOOP("messages", "say who takes this follow-up: a named person in the unit"),
    QT_TRANSLATE_NOOP("messages", "say why the follow-up is reopened"),
    QT_TRANSLATE_NOOP("messages", "session {id} does not exist"),
    QT_TRANSLATE_NOOP("messages", "site {id} does not exist"),
    QT_TRANSLATE_NOOP("messages", "site {site} is not in session {session}"),
    QT_TRANSLATE_NOOP("messages", "the date to claim by must not be after the date to respond by"),
    QT_TRANSLATE_NOOP("messages", "the date to claim by must not be after the date to solve by"),
    QT_TRANSLATE_NOOP("messages", "the date to respond by must not be after the date to solve by"),
    QT_TRANSLATE_NOOP("messages", "the file has a header but no sites"),
    QT_TRANSLATE_NOOP("messages", "the file is empty"),
    QT_TRANSLATE_NOOP("messages", "the new order must list every agenda item of the site once"),
    QT_TRANSLATE_NOOP("messages", "the port of the server address is not valid"),
    QT_TRANSLATE_NOOP("messages", "the reminder must come 0 to {limit} minutes before"),
    QT_TRANSLATE_NOOP("messages", "the server address has no path; remove “{path}”"),
    QT_TRANSLATE_NOOP("messages", "the server address must start with http, https, ws or wss"),
    QT_TRANSLATE_NOOP("messages", "the site has no name"),
    QT_TRANSLATE_NOOP(
        "messages", "this site appears in sessions or notes; archive it instead of deleting it"
    ),
    QT_TRANSLATE_NOOP("messages", "this follow-up is already open"),
    QT_TRANSLATE_NOOP("messages", "unknown column(s): {unknown}; expected {expected}"),
    QT_TRANSLATE_NOOP("messages", "unknown status filter “{status}”"),
    QT_TRANSLATE_NOOP("messages", "{file} is larger than 5 MB; split it into smaller files"),
    QT_TRANSLATE_NOOP("messages", "{file} is neither UTF-8 nor GB18030 text"),
    QT_TRANSLATE_NOOP("messages", "{file} is not a text file; save it as CSV first"),
    QT_TRANSLATE_NOOP(
        "messages", "{path} exists and is not an Outreach demo database; choose another --db"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "{path} holds real data, not a demo; choose another file for --demo --db"
    ),
    QT_TRANSLATE_NOOP("messages", "{path} is not a usable Outreach database: {error}"),
    QT_TRANSLATE_NOOP("messages", "“{address}” is not a valid address"),
    QT_TRANSLATE_NOOP("messages", "“{host}” is not a valid host name or address"),
    QT_TRANSLATE_NOOP("messages", "“{name}” is also on line {other_line}"),
    # Imported demands (core/demand_import.py).
    QT_TRANSLATE_NOOP("messages", "a JSON file must hold a list of demands, each in braces"),
    QT_TRANSLATE_NOOP(
        "messages", "each demand must be an object with date, site, channel and text"
    ),
    QT_TRANSLATE_NOOP("messages", "field {field} must be text in quotes"),
    QT_TRANSLATE_NOOP("messages", "no site is called “{area}” or lies there"),
    QT_TRANSLATE_NOOP("messages", "not valid JSON: {error}"),
    QT_TRANSLATE_NOOP("messages", "the date {value} is in the future"),
    QT_TRANSLATE_NOOP("messages", "the demand has no channel (such as Ask Politics)"),
    QT_TRANSLATE_NOOP("messages", "the demand has no site or area"),
    QT_TRANSLATE_NOOP("messages", "the demand has no text"),
    QT_TRANSLATE_NOOP("messages", "the file has a header but no demands"),
    QT_TRANSLATE_NOOP("messages", "the file holds no demands"),
    QT_TRANSLATE_NOOP("messages", "{file} is not a text file; save it as CSV or JSON first"),
    QT_TRANSLATE_NOOP("messages", "“{area}” fits several sites ({sites}); write the site's name"),
    QT_TRANSLATE_NOOP("messages", "“{value}” is not a date; write it like 2026-11-03"),
    QT_TRANSLATE_NOOP("messages", "“{value}” is not a valid date"),
    # Backups and encryption (storage/backup.py, storage/encryption.py).
    QT_TRANSLATE_NOOP("messages", "a passphrase cannot contain a NUL character"),
    QT_TRANSLATE_NOOP("messages", "a passphrase needs at least {count} characters"),
    QT_TRANSLATE_NOOP("messages", "cannot convert {path}: {error}; the database is unchanged"),
    QT_TRANSLATE_NOOP("messages", "cannot create the backup folder {folder}: {error}"),
    QT_TRANSLATE_NOOP("messages", "cannot read {path}: {error}"),
    QT_TRANSLATE_NOOP("messages", "cannot restore into {path}: {error}; the database is unchanged"),
    QT_TRANSLATE_NOOP("messages", "cannot write the backup to {folder}: {error}"),
    QT_TRANSLATE_NOOP(
        "messages", "encryption needs the sqlcipher3 package, which is not installed"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "the converted copy of {path} failed its check; the database is unchanged"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "the passphrase does not open {path} (or it is not an Outreach database)"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "the passphrase does not open {path}, or it is not an Outreach backup"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "the restored database does not open ({error}); the database is unchanged"
    ),
    QT_TRANSLATE_NOOP("messages", "there is no database at {path} to back up"),
    QT_TRANSLATE_NOOP("messages", "{folder} is a file, not a folder"),
    QT_TRANSLATE_NOOP("messages", "{path} does not exist or is not a file"),
    QT_TRANSLATE_NOOP("messages", "{path} is a database, but not an Outreach database"),
    QT_TRANSLATE_NOOP("messages", "{path} is damaged or not a database: {error}"),
    QT_TRANSLATE_NOOP("messages", "{path} is damaged: {problem}"),
    QT_TRANSLATE_NOOP("messages", "{path} is empty: not an Outreach backup"),
    QT_TRANSLATE_NOOP(
        "messages", "{path} is encrypted (then give its passphrase) or not a database at all"
    ),
    QT_TRANSLATE_NOOP("messages", "{path} is encrypted: its passphrase is needed"),
    QT_TRANSLATE_NOOP("messages", "{path} is not a database: {error}"),
    QT_TRANSLATE_NOOP("messages", "{path} is not a plain Outreach database"),
    QT_TRANSLATE_NOOP("messages", "{path} is not encrypted"),
    QT_TRANSLATE_NOOP("messages", "{path} is open in another program; quit Outreach, then restore"),
    QT_TRANSLATE_NOOP(
        "messages", "{path} is open in another program; quit Outreach, then try again"
    ),
    QT_TRANSLATE_NOOP("messages", "{path} is the database itself, not a backup of it"),
    QT_TRANSLATE_NOOP(
        "messages", "{path} was made by a newer version of Outreach; update the app to restore it"
    ),
    # Opening a database (storage/identity.py, storage/repository.py).
    QT_TRANSLATE_NOOP("messages", "cannot create a database at {path}: {error}"),
    QT_TRANSLATE_NOOP("messages", "there is no database at {path}"),
    QT_TRANSLATE_NOOP(
        "messages", "{path} is an empty file, not an Outreach database; it was left as it is"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{path} is an SQLite database but not an Outreach database; it was left as it is",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{path} is another program's database (it holds {tables}), not an Outreach database;"
        " it was left as it is",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{path} was made by a newer version of Outreach; update the app to open it (the file was"
        " left as it is)",
    ),
    # Closing a month (storage/statistics.py).
    QT_TRANSLATE_NOOP("messages", "only a month that has ended can be closed ({month})"),
    QT_TRANSLATE_NOOP("messages", "say why the month is reopened"),
    QT_TRANSLATE_NOOP("messages", "{month} is closed already"),
    QT_TRANSLATE_NOOP("messages", "{month} is not closed"),
    # A board's progress on imported demands (core/demand_import.py).
    QT_TRANSLATE_NOOP("messages", "message {id} is also on line {other_line}"),
    QT_TRANSLATE_NOOP("messages", "the status is “{status}” but {field} is given"),
    QT_TRANSLATE_NOOP("messages", "the status “{status}” needs {field}"),
    QT_TRANSLATE_NOOP("messages", "the times must run in order: claimed, responded, solved"),
    QT_TRANSLATE_NOOP("messages", "{field} ({value}) is before the demand was received"),
    QT_TRANSLATE_NOOP("messages", "{field} is given without {time}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "“{value}” is not a status; write open, claimed, responded or solved (or 待认领, 已认领,"
        " 已答复, 已办结)",
    ),
)
