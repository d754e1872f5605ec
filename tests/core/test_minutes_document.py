from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pytest

from outreach_app.core.minutes_document import (
    MinutesDocument,
    Paragraph,
    ParagraphStyle,
    Table,
    Vocabulary,
    build_minutes_document,
    chinese_section_number,
    file_name_stem,
    fill,
    labelled,
)
from outreach_app.core.model import (
    Answer,
    FollowUp,
    FollowUpStatus,
    Question,
    Review,
    ReviewState,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
)


@dataclass
class Record:
    session: Session
    questions: list[Question] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


def session(**changes: object) -> Session:
    values: dict[str, object] = {
        "title": "节前慰问连线",
        "kind": SessionKind.POLICY_BRIEFING,
        "official": "王建国",
        "start": datetime(2026, 11, 23, 9, 30),
        "duration_minutes": 60,
        "status": SessionStatus.ENDED,
        "sites": [
            SessionSite(11, 0, 30, "克拉2气田中控室"),
            SessionSite(12, 1, 20, "红旗村村委会"),
        ],
        "started_at": datetime(2026, 11, 23, 9, 32),
        "ended_at": datetime(2026, 11, 23, 10, 25),
        "id": 5,
    }
    values.update(changes)
    return Session(**values)  # type: ignore[arg-type]


def question(site_id: int, text: str, number: int, **changes: object) -> Question:
    values: dict[str, object] = {"session_id": 5, "site_id": site_id, "text": text, "id": number}
    values.update(changes)
    return Question(**values)  # type: ignore[arg-type]


def tables(document: MinutesDocument) -> list[Table]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, Table)]


def test_sections_follow_the_speaking_order_with_numbered_questions_across_sites() -> None:
    record = Record(
        session(),
        [
            question(12, "老人取暖有困难吗？", 1, offset_seconds=600),
            question(11, "能轮流休息吗？", 2, offset_seconds=120),
            question(11, "供气平稳吗？", 3),
        ],
    )
    document = build_minutes_document(record)
    headings = [s.heading for s in document.sections]
    assert headings == ["1. 克拉2气田中控室", "2. 红旗村村委会", "3. Review"]
    first, second = tables(document)[:2]
    # Numbers run on through the record; each site's questions keep their order.
    assert [row[:2] for row in first.rows] == [("1", "能轮流休息吗？"), ("2", "供气平稳吗？")]
    assert second.rows[0][:2] == ("3", "老人取暖有困难吗？")
    assert [c.title for c in first.columns] == ["No.", "Question", "Answer", "Speaker", "Time"]
    assert sum(c.width for c in first.columns) == pytest.approx(1)


def test_question_rows_carry_answer_speaker_and_clock_time() -> None:
    asked = question(
        11,
        "供气平稳吗？",
        1,
        asked_by="王建国",
        category="安全生产",
        offset_seconds=15 * 60 + 20,
        answer=Answer(1, "新增两台压缩机。", "李明"),
    )
    silent = question(11, "值班安排如何？", 2, created_at=datetime(2026, 11, 23, 9, 58))
    document = build_minutes_document(Record(session(), [asked, silent]))
    rows = tables(document)[0].rows
    # 09:32 (went live) + 15:20 in the session.
    assert rows[0] == (
        "1",
        "供气平稳吗？\nAsked by 王建国; Category: 安全生产",
        "新增两台压缩机。",
        "李明",
        "09:47",
    )
    assert rows[1] == ("2", "值班安排如何？", "No answer recorded.", "", "09:58")


def test_commitments_table_has_owner_unit_due_date_status_and_resolution() -> None:
    promised = question(
        12,
        "老人取暖有困难吗？",
        1,
        follow_up=FollowUp(
            "为独居老人更换电暖器",
            "县民政局",
            date(2026, 12, 1),
            12,
            FollowUpStatus.SOLVED,
            resolution="已更换12户。",
            claimed_by="李华",
        ),
    )
    undated = question(12, "道路何时修好？", 2, follow_up=FollowUp("修复村道", "", None, 12))
    document = build_minutes_document(Record(session(), [promised, undated]))
    commitments = tables(document)[-1]
    assert commitments.caption == "Commitments"
    assert [c.title for c in commitments.columns] == [
        "No.",
        "Commitment",
        "Owner unit",
        "Due",
        "Status",
    ]
    assert commitments.rows == (
        (
            "1",
            "为独居老人更换电暖器\nResolution: 已更换12户。",
            "县民政局\nclaimed by 李华",
            "2026-12-01",
            "Solved",
        ),
        ("2", "修复村道", "—", "no date", "Open"),
    )


def test_header_fields_name_date_time_official_kind_review_and_sites() -> None:
    reviews = [
        Review(5, ReviewState.RETURNED, "陈静", "补充职务", datetime(2026, 11, 24, 10, 0)),
        Review(5, ReviewState.APPROVED, "陈静", "", datetime(2026, 11, 25, 16, 30)),
    ]
    document = build_minutes_document(Record(session(), reviews=reviews))
    assert document.title == "Minutes of 节前慰问连线"
    assert dict(document.fields) == {
        "Date": "2026-11-23",
        "Time": "09:30–10:30 (60 min); held 09:32–10:25",
        "Official": "王建国",
        "Kind": "Policy briefing",
        "Review": "Approved (陈静, 2026-11-25 16:30)",
        "Sites in speaking order": (
            "1. 克拉2气田中控室 (09:30–10:00)\n2. 红旗村村委会 (10:00–10:20)"
        ),
    }
    assert document.review_state is ReviewState.APPROVED
    review = document.sections[-1]
    assert review.blocks[0] == Paragraph("Approved", lead="Current state:")
    history = review.blocks[1]
    assert isinstance(history, Table)
    assert [row[1:] for row in history.rows] == [
        ("陈静", "Sent back", "补充职务"),
        ("陈静", "Approved", ""),
    ]
    assert document.signatures == (("Approved by:", "陈静"), ("Date:", "2026-11-25"))
    assert document.draft_mark == ""


def test_unapproved_minutes_leave_the_approval_lines_blank() -> None:
    returned = [Review(5, ReviewState.RETURNED, "陈静", "补充职务", datetime(2026, 11, 24))]
    document = build_minutes_document(Record(session(), reviews=returned))
    assert document.review_state is ReviewState.RETURNED
    assert document.signatures == (("Approved by:", ""), ("Date:", ""))
    assert document.draft_mark == "DRAFT — not approved (Sent back)"
    assert document.plain_text().startswith("DRAFT — not approved (Sent back)\n")
    pending = build_minutes_document(Record(session()))
    assert pending.draft_mark == "DRAFT — not approved (Awaiting review)"
    assert pending.sections[-1].blocks == (
        Paragraph("Awaiting review", lead="Current state:"),
        Paragraph("Not reviewed yet.", ParagraphStyle.NOTE),
    )


def test_a_site_taken_off_the_session_keeps_its_notes_and_empty_sites_say_so() -> None:
    record = Record(
        session(sites=[SessionSite(11, 0, 30, "克拉2气田中控室")]),
        [question(99, "旧站点的问题", 1)],
    )
    document = build_minutes_document(record, site_names={99: "旧址村"})
    assert [s.heading for s in document.sections] == [
        "1. 克拉2气田中控室",
        "2. 旧址村",
        "3. Review",
    ]
    assert Paragraph("No notes for this site.", ParagraphStyle.NOTE) in document.sections[0].blocks
    empty = build_minutes_document(Record(session(sites=[])))
    assert empty.sections[0].blocks == (
        Paragraph("No sites and no notes yet.", ParagraphStyle.NOTE),
    )
    assert dict(empty.fields)["Sites in speaking order"] == "none"
    assert empty.sections[-1].heading == "1. Review"


def test_a_translated_vocabulary_and_chinese_section_numbers() -> None:
    words = Vocabulary(
        title="%1纪要",
        site_heading="%1%2",
        review="审核情况",
        section_number=chinese_section_number,
        format_date=lambda day: f"{day.year}年{day.month}月{day.day}日",
    )
    document = build_minutes_document(Record(session()), words=words)
    assert document.title == "节前慰问连线纪要"
    assert [s.heading for s in document.sections] == [
        "一、克拉2气田中控室",
        "二、红旗村村委会",
        "三、审核情况",
    ]
    assert dict(document.fields)["Date"] == "2026年11月23日"
    assert "节前慰问连线纪要" in document.plain_text()


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一、"),
        (9, "九、"),
        (10, "十、"),
        (11, "十一、"),
        (20, "二十、"),
        (35, "三十五、"),
        (100, "100."),
    ],
)
def test_chinese_section_numbers(number: int, text: str) -> None:
    assert chinese_section_number(number) == text


def test_fill_replaces_each_placeholder_once_even_when_values_hold_placeholders() -> None:
    assert fill("%1 of %2", "%2", 3) == "%2 of 3"
    assert fill("no placeholders", 1) == "no placeholders"
    assert fill("%1 %3", "a") == "a %3"


def test_file_names_are_safe_everywhere() -> None:
    day = date(2026, 11, 23)
    assert file_name_stem(day, "安全生产调度", "纪要") == "2026-11-23 安全生产调度 纪要"
    assert file_name_stem(day, 'a/b\\c:d*e?"f<g>h|i', "") == "2026-11-23 a b c d e f g h i"
    assert file_name_stem(day, "  ", "..") == "2026-11-23"
    long = file_name_stem(day, "长" * 200)
    assert len(long.encode("utf-8")) <= 180 and long.startswith("2026-11-23 长")


def test_labels_are_spaced_in_english_and_not_after_chinese_punctuation() -> None:
    assert labelled("Approved by:", "陈静") == "Approved by: 陈静"
    assert labelled("审阅人：", "陈静") == "审阅人：陈静"
    assert labelled("", "text") == "text"
    words = Vocabulary(separator="；", held="实际 %1–%2", asked_by="提问人 %1", category="类别：%1")
    asked = question(11, "供气平稳吗？", 1, asked_by="王建国", category="安全生产")
    document = build_minutes_document(Record(session(), [asked]), words=words)
    assert dict(document.fields)["Time"].endswith("；实际 09:32–10:25")
    assert tables(document)[0].rows[0][1] == "供气平稳吗？\n提问人 王建国；类别：安全生产"
