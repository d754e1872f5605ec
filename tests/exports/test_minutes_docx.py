"""The minutes as .docx, opened by LibreOffice (converted to PDF) and read back with pdftotext.

LibreOffice takes several seconds to start, so one conversion serves the whole module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from outreach_app.core.minutes_document import (
    MinutesDocument,
    Vocabulary,
    build_minutes_document,
    chinese_section_number,
)
from outreach_app.exports.files import ExportCancelled, Progress
from outreach_app.exports.minutes_docx import minutes_docx_bytes, write_minutes_docx
from outreach_app.storage.repository import Repository
from tests.exports import seed
from tests.exports.tools import (
    has_cjk_font,
    libreoffice_to_pdf,
    pdf_pages,
    pdf_text,
    squash,
)

WORDS = Vocabulary(section_number=chinese_section_number, site_heading="%1%2")


@dataclass(frozen=True)
class Converted:
    document: MinutesDocument
    docx: Path
    pdf: Path
    text: str


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Converted]:
    folder = tmp_path_factory.mktemp("docx")
    repo = Repository.open(folder / "outreach.db")
    try:
        session_id = seed.seed_minutes(repo)
        document = build_minutes_document(repo.review.minutes(session_id), words=WORDS)
    finally:
        repo.close()
    target = folder / "2026-11-23 安全生产调度 纪要.docx"
    write_minutes_docx(document, target, author="陈静", created=datetime(2026, 11, 25, 17, 0))
    pdf = libreoffice_to_pdf(target, folder / "pdf", folder / "libreoffice-profile")
    yield Converted(document, target, pdf, pdf_text(pdf))


def test_libreoffice_reads_every_part_of_the_record(converted: Converted) -> None:
    text = squash(converted.text)
    for expected in (
        "Minutes of 安全生产调度",
        "王建国",
        "一、克拉2气田中控室",
        "二、红旗村村委会",
        seed.QUESTION,
        seed.ANSWER,
        seed.SPEAKER,
        seed.COMMITMENT,
        seed.OWNER,
        "2026-12-05",
        "09:33",  # the question's time: live at 09:31, two minutes in
        "第14项：村里老人冬天取暖有没有困难？",
        seed.RETURN_COMMENT,
        "Currentstate:Approved",
        "Approvedby:陈静",
    ):
        assert squash(expected) in text, expected


def test_pages_are_numbered_in_the_footer_and_chinese_is_drawn_in_a_cjk_font(
    converted: Converted,
) -> None:
    pages = pdf_pages(converted.pdf)
    assert pages >= 2
    text = squash(converted.text)
    for page in range(1, pages + 1):
        assert f"Page{page}of{pages}" in text
    assert has_cjk_font(converted.pdf)


def test_the_file_names_chinese_fonts_and_repeats_table_headers(converted: Converted) -> None:
    opened = docx.Document(str(converted.docx))
    assert opened.core_properties.title == "Minutes of 安全生产调度"
    assert opened.core_properties.author == "陈静"
    assert opened.core_properties.created == datetime(2026, 11, 25, 17, 0).astimezone(UTC)
    section = opened.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    defaults = opened.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert fonts.get(qn("w:eastAsiaTheme")) is None
    heading_fonts = opened.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:eastAsia")) == "SimHei"
    # Fields, a question table and a commitments table for the first site, and so on.
    questions = opened.tables[1]
    assert [cell.text for cell in questions.rows[0].cells] == [
        "No.",
        "Question",
        "Answer",
        "Speaker",
        "Time",
    ]
    header_properties = questions.rows[0]._tr.trPr
    assert header_properties is not None
    assert header_properties.find(qn("w:tblHeader")) is not None
    assert questions.rows[1].cells[2].text == seed.ANSWER


def test_progress_is_reported_and_a_cancel_writes_nothing(
    converted: Converted, tmp_path: Path
) -> None:
    steps: list[tuple[int, int]] = []
    minutes_docx_bytes(converted.document, progress=Progress(lambda d, t: steps.append((d, t))))
    total = converted.document.blocks()
    assert steps[-1] == (total, total)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)

    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the previous export")
    progress = Progress()
    progress.cancel()
    with pytest.raises(ExportCancelled):
        write_minutes_docx(converted.document, target, progress=progress)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx"]
