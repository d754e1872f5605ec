"""The minutes of a session as a document: headings, paragraphs and tables, nothing about pages.

One model, several writers: the PDF (Qt) and the Word file (python-docx) render the same content,
so what a reviewer signs on paper and what is mailed as .docx never differ. The words come from
a `Vocabulary` (English by default; the UI passes a translated one), so this module stays free of
Qt and of any file.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Protocol

from outreach_app.core.model import (
    FollowUpStatus,
    Question,
    Review,
    ReviewState,
    Session,
    SessionKind,
)
from outreach_app.core.scheduling import segment_starts

_CHINESE_DIGITS = "零一二三四五六七八九"


def arabic_section_number(number: int) -> str:
    return f"{number}."


def chinese_section_number(number: int) -> str:
    """一、 二、 … 十、 十一、 … 九十九、: how official Chinese documents number their sections."""
    if not 1 <= number <= 99:
        return f"{number}."
    tens, units = divmod(number, 10)
    text = ""
    if tens:
        text = ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十"
    if units:
        text += _CHINESE_DIGITS[units]
    return text + "、"


def _iso_time(moment: datetime | time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _kind_value(kind: SessionKind) -> str:
    return kind.value.replace("_", " ").capitalize()


def _review_value(state: ReviewState) -> str:
    return {
        ReviewState.PENDING: "Awaiting review",
        ReviewState.APPROVED: "Approved",
        ReviewState.RETURNED: "Sent back",
    }[state]


def _follow_up_value(status: FollowUpStatus) -> str:
    return status.value.capitalize()


@dataclass(frozen=True)
class Vocabulary:
    """Every word the document prints and how it prints dates and domain values.

    Templates use %1, %2 … as Qt does, so that translators see the same placeholders.
    """

    title: str = "Minutes of %1"
    date_field: str = "Date"
    time_field: str = "Time"
    planned: str = "%1–%2 (%3 min)"
    held: str = "held %1–%2"
    official: str = "Official"
    kind: str = "Kind"
    sites: str = "Sites in speaking order"
    site_entry: str = "%1 (%2–%3)"
    no_sites: str = "none"
    review: str = "Review"
    review_entry: str = "%1 (%2, %3)"
    site_heading: str = "%1 %2"
    site_fallback: str = "Site %1"
    time_box: str = "Time box: %1–%2 (%3 min)"
    joined: str = "Joined %1, left %2"
    questions: str = "Questions and answers"
    number: str = "No."
    question: str = "Question"
    answer: str = "Answer"
    speaker: str = "Speaker"
    at: str = "Time"
    asked_by: str = "Asked by %1"
    category: str = "Category: %1"
    no_answer: str = "No answer recorded."
    no_notes: str = "No notes for this site."
    no_sites_no_notes: str = "No sites and no notes yet."
    commitments: str = "Commitments"
    commitment: str = "Commitment"
    owner: str = "Owner unit"
    claimed_by: str = "claimed by %1"
    due: str = "Due"
    status: str = "Status"
    no_due: str = "no date"
    resolution: str = "Resolution: %1"
    current_state: str = "Current state:"
    not_reviewed: str = "Not reviewed yet."
    review_when: str = "When"
    reviewer: str = "Reviewer"
    decision: str = "Decision"
    comment: str = "Comment"
    approved_by: str = "Approved by:"
    approval_date: str = "Date:"
    page_footer: str = "Page %1 of %2"
    # Printed at the head of minutes not approved, and on every page: %1 is their review state.
    draft: str = "DRAFT — not approved (%1)"
    separator: str = "; "  # between items on one line; "；" in Chinese
    format_date: Callable[[date], str] = field(default=date.isoformat)
    format_long_date: Callable[[date], str] = field(default=date.isoformat)
    format_time: Callable[[datetime | time], str] = field(default=_iso_time)
    kind_label: Callable[[SessionKind], str] = field(default=_kind_value)
    review_label: Callable[[ReviewState], str] = field(default=_review_value)
    follow_up_label: Callable[[FollowUpStatus], str] = field(default=_follow_up_value)
    section_number: Callable[[int], str] = field(default=arabic_section_number)

    def format_datetime(self, moment: datetime) -> str:
        return f"{self.format_date(moment.date())} {self.format_time(moment)}"


def fill(template: str, *values: object) -> str:
    """Qt-style placeholders: %1 … %9, each replaced once, so values may contain "%2"."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return re.sub(r"%([1-9])", value, template)


def labelled(label: str, value: str) -> str:
    """ "Date: 2026-11-25", but "日期：2026/11/25": no space after full-width punctuation."""
    if not label:
        return value
    return f"{label}{value}" if label.endswith(("：", "，")) else f"{label} {value}"


class ParagraphStyle(enum.StrEnum):
    BODY = "body"
    NOTE = "note"  # muted (never italic: Chinese has no italics): "No notes for this site."


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: ParagraphStyle = ParagraphStyle.BODY
    lead: str = ""  # a bold lead-in before the text, such as "Current state:"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the text width; a table's shares add up to 1
    centred: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]  # cells may hold several lines ("\n")


Block = Paragraph | Table


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class MinutesDocument:
    title: str
    subtitle: str
    fields: tuple[tuple[str, str], ...]  # the block under the title: label, value
    sections: tuple[Section, ...]
    signatures: tuple[tuple[str, str], ...]  # label, value ("" leaves a line to sign on)
    page_footer: str  # a template: %1 the page, %2 the number of pages
    review_state: ReviewState
    # "DRAFT — not approved (Awaiting review)" while the minutes are not approved, else "".
    draft_mark: str = ""

    def blocks(self) -> int:
        """How many pieces a writer renders: its progress runs over these."""
        return 2 + sum(len(section.blocks) + 1 for section in self.sections)

    def plain_text(self) -> str:
        """Everything the document says, one line per paragraph or table row."""
        lines = [self.draft_mark, self.title, self.subtitle]
        lines += [f"{label}: {value}" for label, value in self.fields]
        for section in self.sections:
            lines.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    lines.append(labelled(block.lead, block.text))
                    continue
                lines.append(block.caption)
                lines.append(" | ".join(column.title for column in block.columns))
                lines += [" | ".join(row) for row in block.rows]
        lines += [labelled(label, value) for label, value in self.signatures]
        return "\n".join(line for line in lines if line)


class MinutesRecord(Protocol):
    """What a session's record holds (core.model.Minutes satisfies it)."""

    @property
    def session(self) -> Session: ...
    @property
    def questions(self) -> list[Question]: ...
    @property
    def reviews(self) -> list[Review]: ...


def build_minutes_document(
    minutes: MinutesRecord,
    *,
    words: Vocabulary | None = None,
    site_names: Mapping[int, str] | None = None,
) -> MinutesDocument:
    """The record of a held session: who spoke when, what was asked, answered and promised."""
    words = words or Vocabulary()
    session, questions, reviews = minutes.session, minutes.questions, minutes.reviews
    names = {slot.site_id: slot.site_name for slot in session.sites if slot.site_name}
    for site_id, name in (site_names or {}).items():
        names.setdefault(site_id, name)
    review_state = reviews[-1].state if reviews else ReviewState.PENDING
    slots = sorted(session.sites, key=lambda s: s.position)
    starts = dict(zip((s.site_id for s in slots), segment_starts(session), strict=True))

    def site_name(site_id: int) -> str:
        return names.get(site_id) or fill(words.site_fallback, site_id)

    fields = [
        (words.date_field, words.format_date(session.start.date())),
        (words.time_field, _when(session, words)),
        (words.official, session.official or "—"),
        (words.kind, words.kind_label(session.kind)),
        (words.review, _review_summary(reviews, review_state, words)),
        (
            words.sites,
            "\n".join(
                f"{index}. "
                + fill(
                    words.site_entry,
                    site_name(slot.site_id),
                    words.format_time(starts[slot.site_id]),
                    words.format_time(
                        starts[slot.site_id] + timedelta(minutes=slot.time_box_minutes)
                    ),
                )
                for index, slot in enumerate(slots, start=1)
            )
            or words.no_sites,
        ),
    ]

    # Notes for a site later taken off the session still belong in the record.
    order = [slot.site_id for slot in slots]
    order += [q.site_id for q in questions if q.site_id not in order]
    slot_of = {slot.site_id: slot for slot in slots}
    sections: list[Section] = []
    number = 0
    for index, site_id in enumerate(dict.fromkeys(order), start=1):
        blocks: list[Block] = []
        slot = slot_of.get(site_id)
        if slot is not None:
            start = starts[site_id]
            blocks.append(
                Paragraph(
                    fill(
                        words.time_box,
                        words.format_time(start),
                        words.format_time(start + timedelta(minutes=slot.time_box_minutes)),
                        slot.time_box_minutes,
                    ),
                    ParagraphStyle.NOTE,
                )
            )
            if slot.joined_at is not None:
                left = words.format_time(slot.left_at) if slot.left_at else "…"
                blocks.append(
                    Paragraph(
                        fill(words.joined, words.format_time(slot.joined_at), left),
                        ParagraphStyle.NOTE,
                    )
                )
        asked = [q for q in questions if q.site_id == site_id]
        if not asked:
            blocks.append(Paragraph(words.no_notes, ParagraphStyle.NOTE))
        else:
            first = number + 1
            number += len(asked)
            blocks.append(_questions_table(asked, first, session, words))
            commitments = _commitments_table(asked, first, words)
            if commitments is not None:
                blocks.append(commitments)
        sections.append(
            Section(
                fill(words.site_heading, words.section_number(index), site_name(site_id)),
                tuple(blocks),
            )
        )
    if not sections:
        sections.append(Section("", (Paragraph(words.no_sites_no_notes, ParagraphStyle.NOTE),)))
    review_number = sum(1 for s in sections if s.heading) + 1
    sections.append(
        Section(
            fill(words.site_heading, words.section_number(review_number), words.review),
            _review_blocks(reviews, review_state, words),
        )
    )
    # Signed only while the minutes stand approved; otherwise the lines are left to sign on.
    approval = reviews[-1] if review_state is ReviewState.APPROVED else None
    signatures = (
        (words.approved_by, approval.reviewer if approval else ""),
        (
            words.approval_date,
            words.format_date(approval.at.date()) if approval and approval.at else "",
        ),
    )
    return MinutesDocument(
        title=fill(words.title, session.title),
        subtitle=words.format_long_date(session.start.date()),
        fields=tuple(fields),
        sections=tuple(sections),
        signatures=signatures,
        page_footer=words.page_footer,
        review_state=review_state,
        draft_mark=(
            ""
            if review_state is ReviewState.APPROVED
            else fill(words.draft, words.review_label(review_state))
        ),
    )


def _when(session: Session, words: Vocabulary) -> str:
    text = fill(
        words.planned,
        words.format_time(session.start),
        words.format_time(session.end),
        session.duration_minutes,
    )
    if session.started_at is not None:
        ended = words.format_time(session.ended_at) if session.ended_at else "…"
        text += words.separator + fill(words.held, words.format_time(session.started_at), ended)
    return text


def _review_summary(reviews: list[Review], state: ReviewState, words: Vocabulary) -> str:
    label = words.review_label(state)
    if not reviews:
        return label
    last = reviews[-1]
    when = words.format_datetime(last.at) if last.at else ""
    return fill(words.review_entry, label, last.reviewer, when) if when else label


def _question_time(question: Question, session: Session, words: Vocabulary) -> str:
    """The clock time a question was put, from its place in the session when it has one."""
    if question.offset_seconds is not None and session.started_at is not None:
        moment = session.started_at + timedelta(seconds=question.offset_seconds)
        return words.format_time(moment)
    if question.answer is not None and question.answer.answered_at is not None:
        return words.format_time(question.answer.answered_at)
    if question.created_at is not None:
        return words.format_time(question.created_at)
    return ""


def _questions_table(
    questions: list[Question], first: int, session: Session, words: Vocabulary
) -> Table:
    rows = []
    for number, question in enumerate(questions, start=first):
        asked = [question.text]
        details = []
        if question.asked_by:
            details.append(fill(words.asked_by, question.asked_by))
        if question.category:
            details.append(fill(words.category, question.category))
        if details:
            asked.append(words.separator.join(details))
        answer = question.answer
        has_answer = answer is not None and bool(answer.text.strip())
        rows.append(
            (
                str(number),
                "\n".join(asked),
                answer.text if answer is not None and has_answer else words.no_answer,
                answer.speaker if answer is not None and has_answer else "",
                _question_time(question, session, words),
            )
        )
    return Table(
        words.questions,
        (
            Column(words.number, 0.08, centred=True),
            Column(words.question, 0.32),
            Column(words.answer, 0.35),
            Column(words.speaker, 0.15),
            Column(words.at, 0.10, centred=True),
        ),
        tuple(rows),
    )


def _commitments_table(questions: list[Question], first: int, words: Vocabulary) -> Table | None:
    rows = []
    for number, question in enumerate(questions, start=first):
        follow_up = question.follow_up
        if follow_up is None:
            continue
        text = follow_up.commitment
        if follow_up.resolution:
            text += "\n" + fill(words.resolution, follow_up.resolution)
        rows.append(
            (
                str(number),
                text,
                "\n".join(
                    [follow_up.owner or "—"]
                    + (
                        [fill(words.claimed_by, follow_up.claimed_by)]
                        if follow_up.claimed_by
                        else []
                    )
                ),
                words.format_date(follow_up.due) if follow_up.due else words.no_due,
                words.follow_up_label(follow_up.status),
            )
        )
    if not rows:
        return None
    return Table(
        words.commitments,
        (
            Column(words.number, 0.08, centred=True),
            Column(words.commitment, 0.41),
            Column(words.owner, 0.20),
            # Wide enough for a whole date on one line ("2026-11-25" in 10 points).
            Column(words.due, 0.17, centred=True),
            Column(words.status, 0.14, centred=True),
        ),
        tuple(rows),
    )


def _review_blocks(
    reviews: list[Review], state: ReviewState, words: Vocabulary
) -> tuple[Block, ...]:
    blocks: list[Block] = [Paragraph(words.review_label(state), lead=words.current_state)]
    if not reviews:
        blocks.append(Paragraph(words.not_reviewed, ParagraphStyle.NOTE))
        return tuple(blocks)
    blocks.append(
        Table(
            "",
            (
                Column(words.review_when, 0.24),
                Column(words.reviewer, 0.18),
                Column(words.decision, 0.18),
                Column(words.comment, 0.40),
            ),
            tuple(
                (
                    words.format_datetime(review.at) if review.at else "",
                    review.reviewer,
                    words.review_label(review.state),
                    review.comment,
                )
                for review in reviews
            ),
        )
    )
    return tuple(blocks)


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def file_name_stem(day: date, *parts: str) -> str:
    """A file name (without extension) like "2026-11-23 安全生产调度 纪要", safe on every system."""
    words = [day.isoformat(), *(p for p in parts if p and p.strip())]
    text = _UNSAFE_IN_FILE_NAMES.sub(" ", " ".join(words))
    text = " ".join(text.split()).strip(" .")
    # Most file systems allow 255 bytes; leave room for an extension and a temporary suffix.
    while len(text.encode("utf-8")) > 180:
        text = text[:-1]
    return text.rstrip(" .") or day.isoformat()
