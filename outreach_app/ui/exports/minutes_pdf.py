"""Minutes as PDF: the document model laid out by QTextDocument on A4 pages with page numbers.

Runs on a worker thread: QTextDocument and QPdfWriter are not widgets, and the font family is
looked up on the GUI thread beforehand (`document_cjk_family`). The PDF is built in memory
(`pdf_pages`) and written whole (exports.files), so a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable

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
_PAGE_BREAK = ' style="page-break-before: always;"'

# Table number (in document order) -> the rows before which a new page starts.
RowBreaks = dict[int, list[int]]

STYLE = f"""
p {{ margin-top: 0px; margin-bottom: 5px; line-height: 125%; }}
p.draft {{ font-size: 13pt; font-weight: bold; color: {RED}; margin-bottom: 8px; }}
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


def _piece_firsts(starts: Sequence[int]) -> list[int]:
    """The first row of each table a table is cut into, before the rows in `starts`."""
    return [0, *sorted(set(starts) - {0})]


def _table(block: Table, starts: Sequence[int] = ()) -> str:
    """The table, cut into one table per page before each row in `starts` (0: the whole
    table, caption included, starts a page); every piece repeats the header row."""
    head = "".join(
        f'<th width="{round(column.width * 100)}%" align="center">{_text(column.title)}</th>'
        for column in block.columns
    )
    firsts = _piece_firsts(starts)
    parts = []
    if block.caption:
        parts.append(
            f'<p class="caption"{_PAGE_BREAK if 0 in starts else ""}>{_text(block.caption)}</p>'
        )
    for first, end in zip(firsts, [*firsts[1:], len(block.rows)], strict=True):
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td{' align=center' if column.centred else ''}>{_cell(value)}</td>"
                for value, column in zip(row, block.columns, strict=True)
            )
            + "</tr>"
            for row in block.rows[first:end]
        )
        breaks = first > 0 or (0 in starts and not block.caption)
        parts.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="7"'
            ' style="border-collapse: collapse; border-color: #80868b; border-style: solid;'
            f'{" page-break-before: always;" if breaks else ""}">'
            f"<thead><tr>{head}</tr></thead>{rows}</table>"
        )
    return "".join(parts)


def minutes_html(document: MinutesDocument, row_breaks: RowBreaks | None = None) -> str:
    """The document as the HTML subset QTextDocument lays out; `row_breaks` says before which
    rows of which table (numbered in document order) a new page starts."""
    row_breaks = row_breaks or {}
    tables = 0
    parts = [
        f'<p class="draft" align="center">{_text(document.draft_mark)}</p>'
        if document.draft_mark
        else "",
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
            if isinstance(block, Paragraph):
                parts.append(_paragraph(block))
                continue
            parts.append(_table(block, row_breaks.get(tables, ())))
            tables += 1
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
    page, and before the signature lines when they would be split."""
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


def _record_tables(text: QTextDocument) -> list[QTextTable]:
    """The tables of the record (the ones with a header row), in document order."""
    tables: dict[int, QTextTable] = {}
    block = text.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and table.format().headerRowCount() > 0:
            tables.setdefault(table.firstPosition(), table)
        block = block.next()
    return list(tables.values())


def _table_pieces(document: MinutesDocument, row_breaks: RowBreaks) -> list[tuple[int, int]]:
    """For each table `minutes_html` lays out: the number of its Table and its first row."""
    pieces = []
    tables = sum(
        isinstance(block, Table) for section in document.sections for block in section.blocks
    )
    for number in range(tables):
        pieces += [(number, first) for first in _piece_firsts(row_breaks.get(number, ()))]
    return pieces


def _row_to_move(
    text: QTextDocument, page_height: float, pieces: list[tuple[int, int]], row_breaks: RowBreaks
) -> tuple[int, int] | None:
    """The first row, as (table number, row), that should start a new table on a new page:
    one a page cuts, or one the layout moved to the next page (the row above it then ends
    the page without its bottom border). None when every table is laid out right."""
    layout = text.documentLayout()

    def page(y: float) -> int:
        return int(y // page_height)

    def text_extent(table: QTextTable, row: int) -> tuple[float, float]:
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        tops = (layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
        bottoms = (layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
        return min(tops), max(bottoms)

    for (number, first), table in zip(pieces, _record_tables(text), strict=True):
        header = table.format().headerRowCount()
        # Below a row's text: the cell's padding and border, and (should the row end its
        # table on a page) the table's closing border and margin, all on the same page.
        last_text_bottom = text_extent(table, table.rows() - 1)[1]
        below_text = max(
            table.format().cellPadding() + table.format().border(),
            layout.frameBoundingRect(table).bottom() - last_text_bottom,
        )
        above_page = page(text_extent(table, 0)[0])
        for row in range(header, table.rows()):
            top, bottom = text_extent(table, row)
            index = first + row - header
            # The first row of a piece already starts a page: if it is cut, it is taller than
            # a page and nothing keeps it whole. At the very top of a table, moving the first
            # row moves the whole table, so that its header does not end a page either.
            movable = index not in row_breaks.get(number, ()) and (index > first or first == 0)
            if page(bottom + below_text - 1) != above_page and movable:
                return number, index
            above_page = page(top)
    return None


def _lay_out_pages(
    pdf: PdfPages, document: MinutesDocument, progress: Progress | None = None
) -> None:
    """Lay out the minutes so that no table row is cut by a page (a table goes on, header
    repeated, on the next page) and no heading ends a page.

    QTextDocument cannot keep a table row whole, and a row it moves to the next page leaves the
    row above without its bottom border; so the table is cut into one table per page before
    such a row, and the layout done again, until there is none."""
    row_breaks: RowBreaks = {}
    keep = keep_with_next_texts(document)
    # Each layout but the last adds a break before a row that had none: this many at most.
    rows = sum(
        len(block.rows) + 1
        for section in document.sections
        for block in section.blocks
        if isinstance(block, Table)
    )
    for _ in range(rows + 1):
        if progress is not None:
            progress.check()
        text = pdf.lay_out(minutes_html(document, row_breaks))
        _paginate(text, pdf.height, keep)
        pieces = _table_pieces(document, row_breaks)
        moving = _row_to_move(text, pdf.height, pieces, row_breaks)
        if moving is None:
            return
        table, row = moving
        row_breaks.setdefault(table, []).append(row)


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
    _lay_out_pages(pdf, document, progress)
    return pdf.write(
        footer_points=9,
        footer=lambda page, pages: [
            (Qt.AlignmentFlag.AlignHCenter, fill(document.page_footer, page, pages)),
            # Every page of minutes not approved says so, even a page printed alone.
            *([(Qt.AlignmentFlag.AlignLeft, document.draft_mark)] if document.draft_mark else []),
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
