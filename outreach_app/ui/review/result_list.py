"""The list on the left of the review page: the sessions with their review state, or the notes a
search found, each row drawn as rich text."""

from __future__ import annotations

import html
import re
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from outreach_app.core.model import ReviewState, SearchHit, SessionStatus
from outreach_app.core.text_search import highlight_html
from outreach_app.storage.repository import SessionSummary
from outreach_app.ui.formatting import count_text, format_date, format_datetime
from outreach_app.ui.labels import kind_label, note_kind_label, review_label, status_label
from outreach_app.ui.review.minutes_html import review_badge
from outreach_app.ui.review.presenter import is_reviewable

EXCERPT_CHARS = 160
ROLE_KEY = Qt.ItemDataRole.UserRole  # ("session", id) or ("hit", index into the hits)
ROLE_HTML = Qt.ItemDataRole.UserRole + 1
MUTED = "#5f6368"
ITEM_STYLE = (
    "mark { background-color: #ffe066; color: #000000; }"
    f" .muted {{ color: {MUTED}; }} .warn {{ color: #b35c00; }}"
)
SELECTED_ITEM_STYLE = "mark { background-color: #ffe066; color: #000000; }"


class HtmlItemDelegate(QStyledItemDelegate):
    """Draws an item's ROLE_HTML as rich text, wrapped to the view's width."""

    PADDING = 6
    SIZE_CACHE_LIMIT = 2000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Laying out rich text is the costly part of a row; its height depends only on these.
        self._heights: dict[tuple[str, int, bool], int] = {}

    def _document(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        width: int,
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # On the selection colour the muted and warning colours would be unreadable.
        document.setDefaultStyleSheet(SELECTED_ITEM_STYLE if selected else ITEM_STYLE)
        document.setHtml(str(index.data(ROLE_HTML) or ""))
        document.setTextWidth(max(width - 2 * self.PADDING, 50))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect
        document = self._document(opt, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else 300
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        key = (str(index.data(ROLE_HTML) or ""), width, selected)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= self.SIZE_CACHE_LIMIT:
                self._heights.clear()
            height = int(self._document(option, index, width).size().height())
            self._heights[key] = height
        return QSize(width, height + 2 * self.PADDING)


def excerpt(text: str, query: str, width: int = EXCERPT_CHARS) -> str:
    """The part of `text` around the first match, so that long answers still show the match."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    terms = [t for t in query.split() if t]
    found = re.search("|".join(re.escape(t) for t in terms), flat, re.IGNORECASE) if terms else None
    start = max(0, (found.start() if found else 0) - width // 4)
    end = min(len(flat), start + width)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def hit_html(hit: SearchHit, query: str) -> str:
    where = [hit.site_name, hit.session_title]
    if hit.at is not None:
        where.append(format_date(hit.at.date()))
    if hit.category:
        where.append(hit.category)
    line = " · ".join(
        [f"<b>{html.escape(note_kind_label(hit.doc_kind))}</b>"]
        + [html.escape(w) for w in where if w]
    )
    return (
        f'{highlight_html(excerpt(hit.body, query), query)}<br/><span class="muted">{line}</span>'
    )


class ResultList(QListWidget):
    """Each row keyed ROLE_KEY; a row that only says why the list is empty has no key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.setAccessibleName(self.tr("Sessions and search results"))
        self.setItemDelegate(HtmlItemDelegate(self))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # Rows are rich text laid out one by one; in batches the GUI never waits for all 200.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(20)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_sessions(self, summaries: list[SessionSummary], filtered: bool, now: datetime) -> None:
        """`filtered`: whether filters hide some sessions (the empty list says so); `now` tells
        the sessions held, whose minutes await review, from those live or still to come."""
        with QSignalBlocker(self):
            self.clear()
            for summary in summaries:
                session = summary.session
                assert session.id is not None
                plain = (
                    f"{format_datetime(session.start)} {session.title} · "
                    f"{review_label(summary.review_state)}"
                )
                self._add_item(("session", session.id), self._session_html(summary, now), plain)
            if not summaries:
                self._add_placeholder(
                    self.tr("No sessions match these filters — clear the filters to see all.")
                    if filtered
                    else self.tr("No sessions to review yet — they appear here once scheduled.")
                )

    def show_hits(self, hits: list[SearchHit], query: str) -> None:
        with QSignalBlocker(self):
            self.clear()
            for index, hit in enumerate(hits):
                plain = f"{hit.body} · {hit.site_name} · {hit.session_title}"
                self._add_item(("hit", index), hit_html(hit, query), plain)
            if not hits:
                self._add_placeholder(
                    self.tr(
                        "No matches for “%1”. Try fewer or shorter words, or clear the filters."
                    ).replace("%1", query)
                )

    def show_search_failure(self) -> None:
        with QSignalBlocker(self):
            self.clear()
            self._add_placeholder(self.tr("The search could not run. Change the search words."))

    def _add_item(self, key: tuple[str, int], html_text: str, plain: str) -> QListWidgetItem:
        item = QListWidgetItem(plain)
        item.setData(ROLE_KEY, key)
        item.setData(ROLE_HTML, html_text)
        item.setToolTip(plain)
        self.addItem(item)
        return item

    def _add_placeholder(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ROLE_HTML, f'<p class="muted"><i>{html.escape(text)}</i></p>')
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def _session_html(self, summary: SessionSummary, now: datetime) -> str:
        session = summary.session
        notes = count_text(summary.question_count, self.tr("1 note"), self.tr("%1 notes"))
        details = [format_datetime(session.start), kind_label(session.kind), notes]
        line = " · ".join(html.escape(d) for d in details)
        if summary.open_follow_ups:
            open_text = count_text(
                summary.open_follow_ups, self.tr("1 open follow-up"), self.tr("%1 open follow-ups")
            )
            line += f' · <span class="warn">{html.escape(open_text)}</span>'
        if session.status is not SessionStatus.ENDED:
            line += f" · {html.escape(status_label(session.status))}"
        # A session live or still to come has nothing to review yet; its status says enough.
        badge = (
            review_badge(summary.review_state)
            if is_reviewable(session, now) or summary.review_state is not ReviewState.PENDING
            else ""
        )
        return (
            f"<b>{html.escape(session.title)}</b>&nbsp;&nbsp;{badge}"
            f'<br/><span class="muted">{line}</span>'
        )
