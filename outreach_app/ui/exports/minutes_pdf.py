"""Minutes as PDF: the document model laid out by QTextDocument on A4 pages with page numbers.

Runs on a worker thread: QTextDocument and QPdfWriter are not widgets, and the font family is
looked up on the GUI thread beforehand (`document_cjk_family`). The PDF is built in memory
(`pdf_pages`) and written whole (exports.files), so a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from outreach_app.core.minutes_document import (
    MinutesDocument,
    Paragraph,
    ParagraphStyle,
    Table,
    fill,
    labelled,
)
from outreach_app.exports.files import Progress, write_file
from outreach_app.ui.exports.pdf_pages import PdfPages, break_before

# Left, top, right, bottom in millimetres: near the Chinese standard for official documents
# (GB/T 9704: left 28, top 37, right 26, bottom 35) with more of the page for text; the page
# number sits in the last FOOTER_MM of the text area.
MARGINS_MM = QMarginsF(28, 28, 26, 18)
FOOTER_MM = 12.0
BODY_POINTS = 11.0
RED = "#a4161a"
MUTED = "#5f6368"

STYLE = f"""
p {{ margin-top: 0px; margin-bottom: 5px; line-height: 125%; }}
p.title {{ font-size: 21pt; font-weight: bold; color: {RED}; margin-bottom: 4px; }}
p.subtitle {{ font-size: 12pt; color: {RED}; margin-bottom: 6px; }}
p.heading {{ font-size: 14pt; font-weight: bold; margin-top: 16px; margin-bottom: 6px; }}
p.caption {{ font-size: 11.5pt; font-weight: bold; margin-top: 8px; margin-bottom: 4px; }}
p.note {{ color: {MUTED}; }}
p.signature {{ margin-top: 14px; }}
td, th {{ font-size: 10pt; }}
th {{ background-color: #f1f3f4; font-weight: bold; }}
td.label {{ color: {MUTED}; font-weight: bold; }}
span.detail {{ color: {MUTED}; font-size: 8.5pt; }}
"""


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br/>")


def _cell(value: str) -> str:
    """A table cell: lines after the first are details (who asked, the resolution)."""
    first, _, rest = value.partition("\n")
    if not rest:
        return _text(value)
    return f'{_text(first)}<br/><span class="detail">{_text(rest)}</span>'


def _paragraph(block: Paragraph) -> str:
    css = ' class="note"' if block.style is ParagraphStyle.NOTE else ""
    if not block.lead:
        return f"<p{css}>{_text(block.text)}</p>"
    # The label in bold, spaced from the text as `labelled` spaces them.
    return f"<p{css}><b>{_text(labelled(block.lead, ''))}</b>{_text(block.text)}</p>"


def _table(block: Table) -> str:
    parts = []
    if block.caption:
        parts.append(f'<p class="caption">{_text(block.caption)}</p>')
    head = "".join(
        f'<th width="{round(column.width * 100)}%" align="center">{_text(column.title)}</th>'
        for column in block.columns
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td{' align=center' if column.centred else ''}>{_cell(value)}</td>"
            for value, column in zip(row, block.columns, strict=True)
        )
        + "</tr>"
        for row in block.rows
    )
    parts.append(
        '<table width="100%" border="1" cellspacing="0" cellpadding="7"'
        ' style="border-collapse: collapse; border-color: #80868b; border-style: solid;">'
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
    )
    return "".join(parts)


def minutes_html(document: MinutesDocument) -> str:
    """The document as the HTML subset QTextDocument lays out."""
    parts = [
        f'<p class="title" align="center">{_text(document.title)}</p>',
        f'<p class="subtitle" align="center">{_text(document.subtitle)}</p>',
        # The red rule under the heading of an official document.
        f'<table width="100%" cellspacing="0" cellpadding="0" bgcolor="{RED}">'
        '<tr><td style="font-size: 1pt;">&nbsp;</td></tr></table>',
        '<p style="font-size: 6pt;">&nbsp;</p>',
    ]
    rows = "".join(
        f'<tr><td class="label" width="22%">{_text(label)}</td>'
        f'<td width="78%">{_text(value)}</td></tr>'
        for label, value in document.fields
    )
    parts.append(f'<table width="100%" cellspacing="0" cellpadding="3">{rows}</table>')
    for section in document.sections:
        if section.heading:
            parts.append(f'<p class="heading">{_text(section.heading)}</p>')
        for block in section.blocks:
            parts.append(_paragraph(block) if isinstance(block, Paragraph) else _table(block))
    parts.append('<p style="font-size: 8pt;">&nbsp;</p>')
    # One block, so that the lines to sign stay together on a page.
    lines = [
        f"<b>{_text(labelled(label, ''))}</b>{_text(value) if value else '_' * 18}"
        for label, value in document.signatures
    ]
    parts.append(f'<p class="signature" align="right">{"<br/><br/>".join(lines)}</p>')
    return "".join(parts)


def keep_with_next_texts(document: MinutesDocument) -> set[str]:
    """Lines that must not end a page: headings, table captions, and notes that lead a table."""
    texts: set[str] = set()
    for section in document.sections:
        texts.add(section.heading)
        for index, block in enumerate(section.blocks):
            if isinstance(block, Table):
                texts.add(block.caption)
            elif any(isinstance(later, Table) for later in section.blocks[index + 1 :]):
                texts.add(labelled(block.lead, block.text))
    texts.discard("")
    return texts


def _top_level_blocks(text: QTextDocument) -> list[QTextBlock]:
    blocks = []
    block = text.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            blocks.append(block)
        block = block.next()
    return blocks


def _paginate(text: QTextDocument, page_height: float, keep: set[str]) -> None:
    """Start a new page before a heading (with the notes under it) that would otherwise end a
    page, and before the signature lines when they would be split.

    Table rows may still break between lines: QTextDocument cannot keep a row whole, and the
    header row repeats on the next page.
    """
    layout = text.documentLayout()

    def page(y: float) -> int:
        return int(y // page_height)

    blocks = _top_level_blocks(text)
    chain_start: QTextBlock | None = None
    for block in blocks:
        if block.text() not in keep:
            chain_start = None
            continue
        chain_start = chain_start or block
        following = block.next()
        if not following.isValid():
            continue
        here = page(layout.blockBoundingRect(block).top())
        there = page(layout.blockBoundingRect(following).top())
        first = layout.blockBoundingRect(chain_start).top()
        if there > here and first > page(first) * page_height + 1:
            break_before(chain_start)
            chain_start = None
    last = blocks[-1] if blocks else None
    while last is not None and not last.text().strip() and last.previous().isValid():
        last = last.previous()
    if last is not None:
        rect = layout.blockBoundingRect(last)
        if page(rect.top()) != page(rect.bottom() - 1):
            break_before(last)


def minutes_pdf_bytes(
    document: MinutesDocument,
    *,
    font_family: str | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The minutes as a PDF file's bytes; raises ExportCancelled when `progress` is cancelled."""
    pdf = PdfPages(
        title=document.title,
        margins_mm=MARGINS_MM,
        footer_mm=FOOTER_MM,
        font_family=font_family,
        body_points=BODY_POINTS,
        style_sheet=STYLE,
    )
    text = pdf.lay_out(minutes_html(document))
    _paginate(text, pdf.height, keep_with_next_texts(document))
    return pdf.write(
        footer_points=9,
        footer=lambda page, pages: [
            (Qt.AlignmentFlag.AlignHCenter, fill(document.page_footer, page, pages))
        ],
        progress=progress,
    )


def write_minutes_pdf(
    document: MinutesDocument,
    path: Path,
    *,
    font_family: str | None = None,
    progress: Progress | None = None,
) -> None:
    write_file(
        path, minutes_pdf_bytes(document, font_family=font_family, progress=progress), progress
    )
