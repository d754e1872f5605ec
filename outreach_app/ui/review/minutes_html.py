"""The minutes of a session as an HTML document, laid out like an official record.

Qt's rich-text engine renders it in the review page and will print it to PDF, so it keeps to the
HTML and CSS subset that QTextDocument understands: tables with attributes, simple selectors.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from outreach_app.core.model import Question, Review, ReviewState, SearchHit
from outreach_app.core.text_search import highlight_html
from outreach_app.storage.repository import Minutes
from outreach_app.ui.formatting import format_date, format_datetime, format_offset, format_time
from outreach_app.ui.labels import (
    follow_up_label,
    kind_label,
    review_label,
    satisfaction_label,
    status_label,
)

REVIEW_COLOURS: dict[ReviewState, tuple[str, str]] = {
    ReviewState.PENDING: ("#fff4d6", "#7a5200"),
    ReviewState.APPROVED: ("#e3f3e6", "#1d5a2a"),
    ReviewState.RETURNED: ("#fde7e4", "#8a1c12"),
}

_STYLE = """
body { font-size: 11pt; }
h1 { color: #a4161a; font-size: 18pt; margin-bottom: 2px; }
h2 { font-size: 13pt; margin-top: 18px; margin-bottom: 4px; color: #222222; }
p.kicker { color: #a4161a; font-size: 10pt; margin-top: 0; }
p.question { margin-top: 10px; margin-bottom: 2px; font-weight: bold; }
p.byline { color: #5f6368; font-size: 9pt; margin-top: 0; margin-bottom: 2px; }
p.answer { margin-top: 2px; margin-bottom: 2px; margin-left: 18px; }
p.missing { margin-left: 18px; color: #80868b; font-style: italic; }
p.commitment { margin-left: 18px; margin-top: 2px; color: #174ea6; }
p.empty { color: #80868b; font-style: italic; }
td.label { color: #5f6368; }
th { background-color: #f1f3f4; text-align: left; }
mark { background-color: #ffe066; }
"""


def question_anchor(question_id: int) -> str:
    return f"question-{question_id}"


def site_anchor(site_id: int) -> str:
    return f"site-{site_id}"


def hit_anchor(hit: SearchHit, questions: list[Question]) -> str | None:
    """Where in the minutes a search hit is: its question, or else its site."""
    if hit.doc_kind == "question":
        return question_anchor(hit.ref_id)
    for question in questions:
        if question.id is None:
            continue
        if hit.doc_kind == "answer" and question.answer and question.answer.id == hit.ref_id:
            return question_anchor(question.id)
        if (
            hit.doc_kind == "follow_up"
            and question.follow_up
            and question.follow_up.id == hit.ref_id
        ):
            return question_anchor(question.id)
    return site_anchor(hit.site_id) if hit.site_id is not None else None


def _stamp(moment: datetime | None) -> str:
    return format_datetime(moment) if moment else ""


def review_badge(state: ReviewState) -> str:
    background, foreground = REVIEW_COLOURS[state]
    return (
        f'<span style="background-color:{background}; color:{foreground};">'
        f"&nbsp;{html.escape(review_label(state))}&nbsp;</span>"
    )


class _Writer:
    """Escapes every piece of user text, marking the search terms when there are any."""

    def __init__(self, highlight: str) -> None:
        self.highlight = highlight
        self.playable: Callable[[int], bool] | None = None
        self.follow_up_links = False

    def text(self, value: str) -> str:
        marked = highlight_html(value, self.highlight) if self.highlight else html.escape(value)
        return marked.replace("\n", "<br/>")


PLAY_SCHEME = "play"
# followup:ID links a commitment to the follow-up board.
FOLLOW_UP_SCHEME = "followup"


def minutes_html(
    minutes: Minutes,
    *,
    site_names: Mapping[int, str] | None = None,
    highlight: str = "",
    playable: Callable[[int], bool] | None = None,
    follow_up_links: bool = False,
) -> str:
    """The whole record of a session; `highlight` marks search terms in what was said, and a
    note time for which `playable(seconds)` holds links to the recording (play:SECONDS).
    With `follow_up_links`, each commitment links to the follow-up board (followup:ID)."""
    write = _Writer(highlight)
    write.playable = playable
    write.follow_up_links = follow_up_links
    session = minutes.session
    names = {slot.site_id: slot.site_name for slot in session.sites}
    for site_id, name in (site_names or {}).items():
        names.setdefault(site_id, name)
    # Every translated text is looked up outside the f-strings: pyside6-lupdate does not
    # read inside them.
    kicker = QCoreApplication.translate("MinutesHtml", "Minutes of the session")
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        f'<h1 align="center">{html.escape(session.title)}</h1>',
        f'<p class="kicker" align="center">{html.escape(kicker)}</p>',
        "<hr/>",
        _header_table(minutes, names),
    ]

    speaking_order = [slot.site_id for slot in sorted(session.sites, key=lambda s: s.position)]
    # Notes for a site later taken off the session still belong in the record.
    extra_sites = [q.site_id for q in minutes.questions if q.site_id not in speaking_order]
    number = 0
    for position, site_id in enumerate(dict.fromkeys([*speaking_order, *extra_sites]), start=1):
        questions = [q for q in minutes.questions if q.site_id == site_id]
        site_name = names.get(site_id) or QCoreApplication.translate(
            "MinutesHtml", "Site %1"
        ).replace("%1", str(site_id))
        parts.append(
            f'<a name="{site_anchor(site_id)}"></a><h2>{position}. {html.escape(site_name)}</h2>'
        )
        if not questions:
            no_notes = QCoreApplication.translate("MinutesHtml", "No notes for this site.")
            parts.append(f'<p class="empty">{html.escape(no_notes)}</p>')
        for question in questions:
            number += 1
            parts.append(_question_html(question, number, write))
    if not session.sites and not minutes.questions:
        nothing = QCoreApplication.translate("MinutesHtml", "No sites and no notes yet.")
        parts.append(f'<p class="empty">{html.escape(nothing)}</p>')

    parts.append(_review_html(minutes.reviews, minutes.review_state, write))
    parts.append("</body></html>")
    return "".join(parts)


def _header_table(minutes: Minutes, names: Mapping[int, str]) -> str:
    session = minutes.session
    minutes_text = QCoreApplication.translate("MinutesHtml", "(%1 min)")
    when = f"{format_datetime(session.start)}–{format_time(session.end)} " + minutes_text.replace(
        "%1", str(session.duration_minutes)
    )
    if session.started_at is not None:
        held = QCoreApplication.translate("MinutesHtml", "held %1–%2").replace(
            "%1", format_time(session.started_at)
        )
        held = held.replace("%2", format_time(session.ended_at) if session.ended_at else "…")
        when += f"; {held}"
    order = "<br/>".join(
        f"{index}. {html.escape(names.get(slot.site_id, slot.site_name))} "
        + html.escape(minutes_text.replace("%1", str(slot.time_box_minutes)))
        for index, slot in enumerate(sorted(session.sites, key=lambda s: s.position), start=1)
    ) or html.escape(QCoreApplication.translate("MinutesHtml", "none"))
    rows = [
        (QCoreApplication.translate("MinutesHtml", "Kind"), html.escape(kind_label(session.kind))),
        (QCoreApplication.translate("MinutesHtml", "Date and time"), html.escape(when)),
        (
            QCoreApplication.translate("MinutesHtml", "Official"),
            html.escape(session.official) or "—",
        ),
        (
            QCoreApplication.translate("MinutesHtml", "Status"),
            html.escape(status_label(session.status)),
        ),
        (QCoreApplication.translate("MinutesHtml", "Review"), review_badge(minutes.review_state)),
        (QCoreApplication.translate("MinutesHtml", "Sites in speaking order"), order),
    ]
    cells = "".join(
        f'<tr><td class="label" width="170">{html.escape(label)}</td><td>{value}</td></tr>'
        for label, value in rows
    )
    return f'<table cellpadding="3" cellspacing="0">{cells}</table>'


def _question_html(question: Question, number: int, write: _Writer) -> str:
    anchor = f'<a name="{question_anchor(question.id)}"></a>' if question.id is not None else ""
    byline = []
    if question.asked_by:
        byline.append(
            QCoreApplication.translate("MinutesHtml", "Asked by %1").replace(
                "%1", html.escape(question.asked_by)
            )
        )
    if question.category:
        byline.append(
            QCoreApplication.translate("MinutesHtml", "Category: %1").replace(
                "%1", html.escape(question.category)
            )
        )
    offset = format_offset(question.offset_seconds)
    if offset:
        when = QCoreApplication.translate("MinutesHtml", "at %1 in the session").replace(
            "%1", offset
        )
        seconds = question.offset_seconds
        if seconds is not None and write.playable is not None and write.playable(seconds):
            listen = QCoreApplication.translate("MinutesHtml", "play the recording")
            when += f' <a href="{PLAY_SCHEME}:{seconds}">▶ {html.escape(listen)}</a>'
        byline.append(when)
    label = QCoreApplication.translate("MinutesHtml", "Q%1.").replace("%1", str(number))
    parts = [f'<p class="question">{anchor}{html.escape(label)} {write.text(question.text)}</p>']
    if byline:
        parts.append(f'<p class="byline">{" · ".join(byline)}</p>')
    answer = question.answer
    if answer is not None and answer.text.strip():
        speaker = (
            html.escape(
                QCoreApplication.translate("MinutesHtml", "Answer (%1):").replace(
                    "%1", answer.speaker
                )
            )
            if answer.speaker
            else html.escape(QCoreApplication.translate("MinutesHtml", "Answer:"))
        )
        parts.append(f'<p class="answer"><b>{speaker}</b> {write.text(answer.text)}</p>')
    else:
        missing = QCoreApplication.translate("MinutesHtml", "No answer recorded.")
        parts.append(f'<p class="missing">{html.escape(missing)}</p>')
    follow_up = question.follow_up
    if follow_up is not None:
        details = [
            QCoreApplication.translate("MinutesHtml", "owner: %1").replace(
                "%1", html.escape(follow_up.owner or "—")
            ),
            QCoreApplication.translate("MinutesHtml", "due %1").replace(
                "%1",
                format_date(follow_up.due)
                if follow_up.due
                else html.escape(QCoreApplication.translate("MinutesHtml", "no date")),
            ),
            html.escape(follow_up_label(follow_up.status)),
        ]
        if follow_up.claimed_by:
            details.insert(
                1,
                QCoreApplication.translate("MinutesHtml", "claimed by %1").replace(
                    "%1", html.escape(follow_up.claimed_by)
                ),
            )
        committed = QCoreApplication.translate("MinutesHtml", "Commitment:")
        separator = QCoreApplication.translate("MinutesHtml", "; ")
        # Full-width brackets in Chinese.
        bracketed = QCoreApplication.translate("MinutesHtml", "(%1)")
        text = (
            f"<b>{html.escape(committed)}</b> {write.text(follow_up.commitment)} "
            + bracketed.replace("%1", separator.join(details))
        )
        if follow_up.resolution:
            resolved = QCoreApplication.translate("MinutesHtml", "Resolution:")
            text += f"<br/><b>{html.escape(resolved)}</b> {write.text(follow_up.resolution)}"
            if follow_up.satisfaction is not None:
                judged = QCoreApplication.translate("MinutesHtml", "site's satisfaction: %1")
                satisfaction = judged.replace("%1", satisfaction_label(follow_up.satisfaction))
                text += " " + bracketed.replace("%1", html.escape(satisfaction))
        if write.follow_up_links and follow_up.id is not None:
            board = QCoreApplication.translate("MinutesHtml", "open on the follow-up board")
            text += f' <a href="{FOLLOW_UP_SCHEME}:{follow_up.id}">→ {html.escape(board)}</a>'
        parts.append(f'<p class="commitment">{text}</p>')
    return "".join(parts)


def _review_html(reviews: list[Review], state: ReviewState, write: _Writer) -> str:
    heading = QCoreApplication.translate("MinutesHtml", "Review")
    current = QCoreApplication.translate("MinutesHtml", "Current state:")
    parts = [
        f"<h2>{html.escape(heading)}</h2>",
        f"<p>{html.escape(current)} {review_badge(state)}</p>",
    ]
    if not reviews:
        not_reviewed = QCoreApplication.translate("MinutesHtml", "Not reviewed yet.")
        parts.append(f'<p class="empty">{html.escape(not_reviewed)}</p>')
        return "".join(parts)
    header = "".join(
        f"<th>{html.escape(h)}</th>"
        for h in (
            QCoreApplication.translate("MinutesHtml", "When"),
            QCoreApplication.translate("MinutesHtml", "Reviewer"),
            QCoreApplication.translate("MinutesHtml", "Decision"),
            QCoreApplication.translate("MinutesHtml", "Comment"),
        )
    )
    rows = "".join(
        f"<tr><td>{_stamp(review.at)}</td><td>{html.escape(review.reviewer)}</td>"
        f"<td>{review_badge(review.state)}</td><td>{write.text(review.comment)}</td></tr>"
        for review in reversed(reviews)
    )
    parts.append(
        f'<table width="100%" border="1" cellpadding="4" cellspacing="0"'
        f' style="border-color:#dadce0; border-collapse:collapse;">'
        f"<tr>{header}</tr>{rows}</table>"
    )
    return "".join(parts)
