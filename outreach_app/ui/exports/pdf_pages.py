"""HTML laid out by QTextDocument on numbered A4 pages of a PDF built in memory.

Shared by the PDF exports (the minutes, the statistics report). Runs on any thread: QTextDocument
and QPdfWriter are not widgets, and the font family (the bundled CJK font, see
`fonts.document_cjk_family`) is looked up on the GUI thread beforehand. Pages are painted one by
one, so that progress is reported and a cancel is noticed between pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from outreach_app.exports.files import Progress

RESOLUTION = 300  # dots per inch of the layout; the PDF itself is vector text
FOOTER_COLOUR = "#5f6368"

# The footer of a page, from its number and the number of pages: texts with their horizontal
# alignment, all set at the foot of the page.
Footer = Callable[[int, int], Sequence[tuple[Qt.AlignmentFlag, str]]]


def millimetres(value: float) -> float:
    """A length in millimetres as dots of the layout."""
    return value / 25.4 * RESOLUTION


def break_before(block: QTextBlock) -> None:
    """Start a new page before `block`."""
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(page_break)


class PdfPages:
    """One PDF file: lay out its HTML (`lay_out`), adjust the page breaks if need be on
    `document`, then `write` it. Each page has `height` of text and a footer of `footer_mm`
    below."""

    def __init__(
        self,
        *,
        title: str,
        margins_mm: QMarginsF,
        footer_mm: float,
        font_family: str | None,
        body_points: float,
        style_sheet: str,
    ) -> None:
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self._buffer)
        self.writer.setResolution(RESOLUTION)
        self.writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                margins_mm,
                QPageLayout.Unit.Millimeter,
            )
        )
        self.writer.setTitle(title)
        self.writer.setCreator("Outreach")
        area = self.writer.pageLayout().paintRectPixels(RESOLUTION)
        self._footer_height = millimetres(footer_mm)
        self.width = float(area.width())
        self.height = float(area.height()) - self._footer_height

        self.font = QFont()
        if font_family:
            self.font.setFamilies([font_family])
        self.font.setPointSizeF(body_points)
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(self.writer)
        self.document.setDefaultFont(self.font)
        self.document.setDocumentMargin(0)
        self.document.setDefaultStyleSheet(style_sheet)

    def lay_out(self, html: str) -> QTextDocument:
        """Set the document's HTML and break it into pages; images it shows must have been added
        to `document` as resources before."""
        self.document.setHtml(html)
        self.document.setPageSize(QSizeF(self.width, self.height))
        return self.document

    def write(
        self, *, footer_points: float, footer: Footer, progress: Progress | None = None
    ) -> bytes:
        """The PDF file's bytes; raises ExportCancelled when `progress` is cancelled."""
        pages = self.document.pageCount()
        if progress is not None:
            progress.step(1, pages + 1)
        footer_font = QFont(self.font)
        footer_font.setPointSizeF(footer_points)
        footer_area = QRectF(0, self.height, self.width, self._footer_height)
        painter = QPainter()
        if not painter.begin(self.writer):
            raise OSError("the PDF could not be started")
        try:
            for page in range(pages):
                if page:
                    self.writer.newPage()
                painter.save()
                painter.translate(0, -page * self.height)
                self.document.drawContents(
                    painter, QRectF(0, page * self.height, self.width, self.height)
                )
                painter.restore()
                painter.setFont(footer_font)
                painter.setPen(QColor(FOOTER_COLOUR))
                for alignment, text in footer(page + 1, pages):
                    painter.drawText(
                        footer_area, int(alignment | Qt.AlignmentFlag.AlignBottom), text
                    )
                if progress is not None:
                    progress.step(page + 2, pages + 1)
        finally:
            painter.end()
        self._buffer.close()
        data: QByteArray = self._buffer.data()
        return bytes(data.data())
