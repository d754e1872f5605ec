"""Minutes as a Word document (.docx), laid out like an official record.

A4, a centred red title over a red rule, the session's particulars, one numbered section per
site with its questions and answers and its commitments as tables, the review, and lines to
sign. Chinese text names an East Asian font in every style (w:rFonts w:eastAsia), so Word picks
宋体/黑体 and LibreOffice a CJK font it has; the Latin text keeps a Latin font.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from outreach_app.core.minutes_document import (
    MinutesDocument,
    Paragraph,
    ParagraphStyle,
    Section,
    Table,
    labelled,
)
from outreach_app.exports.files import Progress, write_file

RED = RGBColor(0xA4, 0x16, 0x1A)
MUTED = RGBColor(0x5F, 0x63, 0x68)
HEADER_FILL = "F1F3F4"
TEXT_WIDTH_CM = 21.0 - 2.8 - 2.6


@dataclass(frozen=True)
class DocxFonts:
    """Font names written into the document; the reader's Word or LibreOffice resolves them."""

    body_east_asian: str = "SimSun"  # 宋体
    heading_east_asian: str = "SimHei"  # 黑体
    latin: str = "Times New Roman"
    heading_latin: str = "Arial"


def minutes_docx_bytes(
    document: MinutesDocument,
    *,
    progress: Progress | None = None,
    fonts: DocxFonts | None = None,
    created: datetime | None = None,
    author: str = "",
) -> bytes:
    fonts = fonts or DocxFonts()
    total = document.blocks()
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress.step(min(done, total), total)

    docx = Document()
    _set_up_page(docx, document)
    _set_up_styles(docx, fonts)
    _set_properties(docx, document, created, author)

    if document.draft_mark:
        draft = docx.add_paragraph()
        draft.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = draft.add_run(document.draft_mark)
        run.bold = True
        run.font.size = Pt(13)
        run.font.color.rgb = RED
    title = docx.add_paragraph(document.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = docx.add_paragraph(document.subtitle, style="Subtitle")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _bottom_rule(subtitle, RED)
    advance()
    _fields_table(docx, document.fields)
    advance()
    for section in document.sections:
        _section(docx, section, advance)
    _signatures(docx, document.signatures)
    stream = io.BytesIO()
    docx.save(stream)
    return stream.getvalue()


def write_minutes_docx(
    document: MinutesDocument,
    path: Path,
    *,
    progress: Progress | None = None,
    fonts: DocxFonts | None = None,
    created: datetime | None = None,
    author: str = "",
) -> None:
    data = minutes_docx_bytes(
        document, progress=progress, fonts=fonts, created=created, author=author
    )
    write_file(path, data, progress)


# ------------------------------------------------------------------------------ layout
def _set_up_page(docx: DocxDocument, document: MinutesDocument) -> None:
    section = docx.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    section.top_margin = Cm(3.0)
    section.bottom_margin = Cm(2.5)
    section.left_margin = Cm(2.8)
    section.right_margin = Cm(2.6)
    section.footer_distance = Cm(1.2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_line(footer, document.page_footer)
    if document.draft_mark:
        # Every page of minutes not approved says so, even a page printed alone.
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(document.draft_mark)
        run.bold = True
        run.font.color.rgb = RED


def _page_number_line(paragraph: DocxParagraph, template: str) -> None:
    """`template` such as "Page %1 of %2" with live PAGE and NUMPAGES fields."""
    rest = template
    while rest:
        positions = [(rest.find(mark), mark) for mark in ("%1", "%2") if mark in rest]
        if not positions:
            _small(paragraph.add_run(rest))
            break
        index, mark = min(positions)
        if index:
            _small(paragraph.add_run(rest[:index]))
        _field(paragraph, "PAGE" if mark == "%1" else "NUMPAGES")
        rest = rest[index + 2 :]


def _small(run: Run) -> None:
    run.font.size = Pt(9)


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _fonts_element(properties: object, latin: str, east_asian: str) -> None:
    """Explicit fonts instead of the template's theme fonts (which would win otherwise)."""
    r_fonts = properties.get_or_add_rFonts()  # type: ignore[attr-defined]
    for name in list(r_fonts.attrib):
        if name.endswith("Theme") or name.endswith("theme"):
            del r_fonts.attrib[name]
    r_fonts.set(qn("w:ascii"), latin)
    r_fonts.set(qn("w:hAnsi"), latin)
    r_fonts.set(qn("w:eastAsia"), east_asian)
    r_fonts.set(qn("w:cs"), latin)
    r_fonts.set(qn("w:hint"), "eastAsia")


def _restyle(
    style: BaseStyle,
    *,
    latin: str,
    east_asian: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
    color: RGBColor | None = None,
) -> None:
    properties = style.element.get_or_add_rPr()
    _fonts_element(properties, latin, east_asian)
    for colour in properties.findall(qn("w:color")):
        properties.remove(colour)
    font = style.font  # type: ignore[attr-defined]
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = color or RGBColor(0, 0, 0)


def _set_up_styles(docx: DocxDocument, fonts: DocxFonts) -> None:
    # The defaults every style inherits: Latin and Chinese fonts, Chinese as the East Asian
    # language (line breaking, punctuation), no theme fonts.
    defaults = docx.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
        if properties is not None:
            _fonts_element(properties, fonts.latin, fonts.body_east_asian)
            language = properties.find(qn("w:lang"))
            if language is not None:
                language.set(qn("w:eastAsia"), "zh-CN")
    normal = docx.styles["Normal"]
    _restyle(normal, latin=fonts.latin, east_asian=fonts.body_east_asian, size=11.5)
    paragraph_format = normal.paragraph_format
    paragraph_format.space_after = Pt(4)
    paragraph_format.line_spacing = 1.25

    title = docx.styles["Title"]
    _restyle(
        title,
        latin=fonts.heading_latin,
        east_asian=fonts.heading_east_asian,
        size=22,
        bold=True,
        color=RED,
    )
    title_format = title.paragraph_format
    title_format.space_before = Pt(0)
    title_format.space_after = Pt(6)
    borders = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if borders is not None:
        title.element.pPr.remove(borders)

    subtitle = docx.styles["Subtitle"]
    _restyle(subtitle, latin=fonts.latin, east_asian=fonts.body_east_asian, size=12, color=RED)
    numbering = (
        subtitle.element.pPr.find(qn("w:numPr")) if subtitle.element.pPr is not None else None
    )
    if numbering is not None:
        subtitle.element.pPr.remove(numbering)
    subtitle.paragraph_format.space_after = Pt(14)

    for name, size in (("Heading 1", 14.0), ("Heading 2", 12.0)):
        heading = docx.styles[name]
        _restyle(
            heading,
            latin=fonts.heading_latin,
            east_asian=fonts.heading_east_asian,
            size=size,
            bold=True,
        )
        heading_format = heading.paragraph_format
        heading_format.space_before = Pt(14 if name == "Heading 1" else 8)
        heading_format.space_after = Pt(4)


def _set_properties(
    docx: DocxDocument, document: MinutesDocument, created: datetime | None, author: str
) -> None:
    properties = docx.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    properties.keywords = ""
    properties.language = "zh-CN"
    # Stored as UTC (W3CDTF with Z); a naive time is this machine's local time.
    stamp = (created or datetime.now()).astimezone(UTC).replace(tzinfo=None)
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1
    # The template's preview picture shows another document: leave it out.
    package_rels = docx.part.package.rels
    for key, relationship in list(package_rels.items()):
        if relationship.reltype.endswith("/thumbnail"):
            del package_rels[key]


def _bottom_rule(paragraph: DocxParagraph, colour: RGBColor) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "12")
    bottom.set(qn("w:space"), "6")
    bottom.set(qn("w:color"), str(colour))
    borders.append(bottom)
    properties.append(borders)


# ----------------------------------------------------------------------------- content
def _fields_table(docx: DocxDocument, fields: tuple[tuple[str, str], ...]) -> None:
    table = docx.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(3.6), Cm(TEXT_WIDTH_CM - 3.6))
    for label, value in fields:
        cells = table.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        _cell_text(cells[0], label, bold=True, colour=MUTED)
        _cell_text(cells[1], value)
    _column_widths(table, widths)
    docx.add_paragraph()


def _section(docx: DocxDocument, section: Section, advance: Callable[[], None]) -> None:
    if section.heading:
        docx.add_paragraph(section.heading, style="Heading 1")
    advance()
    for index, block in enumerate(section.blocks):
        if isinstance(block, Paragraph):
            paragraph = _paragraph(docx, block)
            # A line such as the time box stays on the page of the table it introduces.
            paragraph.paragraph_format.keep_with_next = any(
                isinstance(later, Table) for later in section.blocks[index + 1 :]
            )
        else:
            _table(docx, block)
        advance()


def _paragraph(docx: DocxDocument, block: Paragraph) -> DocxParagraph:
    paragraph = docx.add_paragraph()
    if block.lead:
        paragraph.add_run(labelled(block.lead, "")).bold = True
    run = paragraph.add_run(block.text)
    if block.style is ParagraphStyle.NOTE:
        run.font.color.rgb = MUTED
    return paragraph


def _table(docx: DocxDocument, block: Table) -> None:
    if block.caption:
        docx.add_paragraph(block.caption, style="Heading 2")
    table = docx.add_table(rows=1, cols=len(block.columns))
    table.style = docx.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = tuple(Cm(TEXT_WIDTH_CM * column.width) for column in block.columns)
    header = table.rows[0]
    _repeat_as_header(header)
    _keep_rows_whole(header)
    for cell, column in zip(header.cells, block.columns, strict=True):
        _cell_text(cell, column.title, bold=True, centred=True)
        _shade(cell, HEADER_FILL)
    for row in block.rows:
        added = table.add_row()
        _keep_rows_whole(added)
        cells = added.cells
        for cell, value, column in zip(cells, row, block.columns, strict=True):
            _cell_text(cell, value, centred=column.centred, details=True)
    _column_widths(table, widths)
    _cell_margins(table, top=40, bottom=40)
    spacer = docx.add_paragraph()
    spacer.paragraph_format.space_after = Pt(2)


def _column_widths(table: DocxTable, widths: tuple[object, ...]) -> None:
    # Word reads the cell widths, LibreOffice the grid: set both.
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(getattr(width, "twips", 0))))


def _cell_margins(table: DocxTable, *, top: int, bottom: int) -> None:
    """Room above and below the text of every cell, in twentieths of a point."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("w:top", top), ("w:left", 100), ("w:bottom", bottom), ("w:right", 100)):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)


def _keep_rows_whole(row: _Row) -> None:
    """A row moves to the next page whole (unless it is taller than a page)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_as_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _cell_text(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    centred: bool = False,
    colour: RGBColor | None = None,
    details: bool = False,
) -> None:
    """`details`: lines after the first are small and muted (who asked, the resolution)."""
    lines = text.split("\n") if text else [""]
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.15
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.font.size = Pt(10.5)
        run.bold = bold or None
        if colour is not None:
            run.font.color.rgb = colour
        elif index and details:
            run.font.color.rgb = MUTED
            run.font.size = Pt(9)


def _signatures(docx: DocxDocument, signatures: tuple[tuple[str, str], ...]) -> None:
    docx.add_paragraph().paragraph_format.keep_with_next = True
    for index, (label, value) in enumerate(signatures):
        paragraph = docx.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(10)
        # The lines to sign stay together on one page.
        paragraph.paragraph_format.keep_with_next = index < len(signatures) - 1
        paragraph.add_run(labelled(label, "")).bold = True
        paragraph.add_run(value if value else "_" * 18)
