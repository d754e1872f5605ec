"""Review widgets: filters and search on the left; minutes and audit trail on the right."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.minutes_document import build_minutes_document, file_name_stem
from outreach_app.core.model import (
    AuditEntry,
    FollowUpStatus,
    Recording,
    Review,
    ReviewState,
    SearchFilters,
    SearchHit,
    Session,
    SessionKind,
    SessionStatus,
)
from outreach_app.core.recordings import recording_at
from outreach_app.core.text_search import highlight_html
from outreach_app.exports.files import Progress
from outreach_app.storage.repository import STATUS_FILTERS, SessionSummary
from outreach_app.ui.context import UiContext
from outreach_app.ui.exports.runner import (
    ExportOutcome,
    ExportTask,
    export_folder,
    remember_export_folder,
)
from outreach_app.ui.exports.vocabulary import minutes_vocabulary
from outreach_app.ui.fonts import document_cjk_family
from outreach_app.ui.formatting import count_text, format_date, format_datetime
from outreach_app.ui.labels import (
    audit_action_label,
    audit_entity_label,
    follow_up_label,
    kind_label,
    note_kind_label,
    review_label,
    role_short_label,
    status_filter_label,
    status_label,
)
from outreach_app.ui.review.dialogs import SendBackDialog
from outreach_app.ui.review.minutes_html import (
    FOLLOW_UP_SCHEME,
    PLAY_SCHEME,
    minutes_html,
    question_anchor,
    review_badge,
    site_anchor,
)
from outreach_app.ui.review.presenter import FilterOptions, ReviewPresenter, SessionRecord
from outreach_app.ui.widgets.filter_lists import (
    category_filter,
    kind_filter,
    show_categories,
    show_sites,
    site_filter,
    status_filter,
)
from outreach_app.ui.widgets.heading import heading
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.period_filter import PeriodFilter
from outreach_app.ui.widgets.search import SearchLineEdit
from outreach_app.ui.widgets.tables import read_only_table, show_rows

if TYPE_CHECKING:
    from outreach_app.ui.review.recording_player import RecordingPlayer

SEARCH_DELAY_MS = 250
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


def is_reviewable(session: Session, now: datetime) -> bool:
    """Minutes can be reviewed once the session is over, even if nobody marked it ended."""
    if session.status in (SessionStatus.LIVE, SessionStatus.CANCELLED):
        return False
    return session.status is SessionStatus.ENDED or session.end <= now


class ReviewView(QWidget):
    # A commitment's link in the minutes: the follow-up board shows that follow-up.
    followUpRequested = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = ReviewPresenter(context.store, context.bus, parent=self)
        self.recording_player: RecordingPlayer | None = None
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.send_back_dialog: SendBackDialog | None = None
        self._pending_anchor: tuple[int, SearchHit] | None = None
        self.export_task: ExportTask | None = None

        left_panel = self._build_finder()
        right_panel = self._build_reader()

        self.splitter = QSplitter()
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(left_panel)
        self.splitter.addWidget(right_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.splitter, 1)

        self._set_tab_order()
        self._connect_signals()

        self._filters_changed()
        self._show_no_record()
        self.result_label.setText(self.tr("Loading…"))
        self.presenter.load()

    def _build_finder(self) -> QWidget:
        """The left side: search, filters, and the sessions or search results."""
        filters = self._build_search_and_filters()

        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setAccessibleName(self.tr("Sessions and search results"))
        self.results.setItemDelegate(HtmlItemDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        # Rows are rich text laid out one by one; in batches the GUI never waits for all 200.
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(20)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        footer = QHBoxLayout()
        footer.addWidget(self.result_label, 1)
        footer.addWidget(self.clear_filters_button)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(self.search_edit)
        left.addLayout(filters)
        left.addLayout(footer)
        left.addWidget(self.results, 1)
        left_panel = QWidget()
        left_panel.setLayout(left)
        left_panel.setMinimumWidth(330)
        return left_panel

    def _build_search_and_filters(self) -> QFormLayout:
        self.search_edit = SearchLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setAccessibleName(self.tr("Search all notes"))
        self.search_edit.setPlaceholderText(self.tr("Search all notes (Ctrl+F) — 中文 or English"))
        self.search_edit.setToolTip(
            self.tr(
                "Searches questions, answers, agenda and follow-ups of every session as you type."
                " Several words must all match. Esc clears."
            )
        )
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.site_combo = site_filter()
        self.kind_combo = kind_filter()
        self.category_combo = category_filter()
        self.status_combo = status_filter((status_filter_label(s), s) for s in STATUS_FILTERS)
        self.period = PeriodFilter(self.context.clock, dates_below=True)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setToolTip(self.tr("Show every site, kind, category and status"))

        filters = QFormLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addRow(self.tr("&Site:"), self.site_combo)
        filters.addRow(self.tr("&Kind:"), self.kind_combo)
        filters.addRow(self.tr("Ca&tegory:"), self.category_combo)
        filters.addRow(self.tr("St&atus:"), self.status_combo)
        filters.addRow(self.tr("&Period:"), self.period)
        return filters

    def _build_reader(self) -> QWidget:
        """The right side: the minutes with their review actions, and the audit trail."""
        header = self._build_review_header()

        self.minutes_browser = QTextBrowser()
        # Minutes are a document: shown on white paper as they will print, in light or dark mode.
        paper = self.minutes_browser.palette()
        paper.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        paper.setColor(QPalette.ColorRole.Text, QColor("#202124"))
        self.minutes_browser.setPalette(paper)
        self.minutes_browser.setObjectName("minutesBrowser")
        self.minutes_browser.setAccessibleName(self.tr("Minutes"))
        self.minutes_browser.setOpenLinks(False)
        self.minutes_browser.anchorClicked.connect(self._link_clicked)
        self.audit_table = read_only_table(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What")]
        )
        self.audit_table.setObjectName("auditTable")
        self.audit_table.setAccessibleName(self.tr("Audit trail"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.minutes_browser, self.tr("Minutes"))
        self.tabs.addTab(self.audit_table, self.tr("Audit trail"))

        right = QVBoxLayout()
        right.setContentsMargins(4, 0, 0, 0)
        right.addLayout(header)
        right.addWidget(self.tabs, 1)
        right_panel = QWidget()
        right_panel.setLayout(right)
        return right_panel

    def _build_review_header(self) -> QHBoxLayout:
        self.title_label = heading(self.tr("Minutes"))
        self.title_label.setObjectName("minutesTitle")
        self.title_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("reviewState")
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        )
        self.approve_button.setShortcut("Ctrl+Shift+A")
        self.send_back_button = QPushButton(self.tr("Send &back…"))
        self.send_back_button.setObjectName("sendBackButton")
        self.send_back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.send_back_button.setShortcut("Ctrl+Shift+B")
        # Ctrl+E belongs to the page's menu action ("Export minutes…"), which calls the same.
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("exportMinutesButton")
        self.export_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.state_label)
        header.addWidget(self.approve_button)
        header.addWidget(self.send_back_button)
        header.addWidget(self.export_button)
        return header

    def _set_tab_order(self) -> None:
        self.setTabOrder(self.search_edit, self.site_combo)
        self.setTabOrder(self.site_combo, self.kind_combo)
        self.setTabOrder(self.kind_combo, self.category_combo)
        self.setTabOrder(self.category_combo, self.status_combo)
        self.setTabOrder(self.status_combo, self.period.combo)
        self.setTabOrder(self.period.combo, self.period.from_edit)
        self.setTabOrder(self.period.from_edit, self.period.to_edit)
        self.setTabOrder(self.period.to_edit, self.clear_filters_button)
        self.setTabOrder(self.clear_filters_button, self.results)
        self.setTabOrder(self.results, self.approve_button)
        self.setTabOrder(self.approve_button, self.send_back_button)
        self.setTabOrder(self.send_back_button, self.export_button)
        self.setTabOrder(self.export_button, self.tabs)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._search_text_changed)
        self.search_edit.returnPressed.connect(self.search_now)
        self._search_timer.timeout.connect(self.search_now)
        for combo in (self.site_combo, self.kind_combo, self.category_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.period.changed.connect(self._filters_changed)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.results.currentItemChanged.connect(self._result_chosen)
        self.approve_button.clicked.connect(self.approve)
        self.send_back_button.clicked.connect(self.ask_send_back)
        self.export_button.clicked.connect(self.export_minutes)

        self.presenter.optionsLoaded.connect(self._show_options)
        self.presenter.sessionsLoaded.connect(self._show_sessions)
        self.presenter.hitsLoaded.connect(self._show_hits)
        self.presenter.searchFailed.connect(self._show_search_failure)
        self.presenter.recordLoaded.connect(self._show_record)
        self.presenter.recordCleared.connect(self._show_no_record)
        self.presenter.reviewSaved.connect(self._review_saved)

    # ------------------------------------------------------------------- filters
    def _show_options(self, options: FilterOptions) -> None:
        show_sites(self.site_combo, options.sites)
        show_categories(self.category_combo, options.categories)
        self._filters_changed()

    def current_filters(self) -> SearchFilters | None:
        """The filters as chosen, or None (with a message) when the period makes no sense."""
        if not self.period.is_valid():
            self.messages.show_error(
                self.tr("The period starts after it ends: check the two dates.")
            )
            return None
        span = self.period.span()
        kind = self.kind_combo.currentData(ROLE_KEY)
        return SearchFilters(
            site_id=self.site_combo.currentData(ROLE_KEY),
            kind=SessionKind(kind) if kind else None,
            category=self.category_combo.currentData(ROLE_KEY),
            status=self.status_combo.currentData(ROLE_KEY),
            period_start=span[0] if span else None,
            period_end=span[1] if span else None,
        )

    def _filters_changed(self) -> None:
        filters = self.current_filters()
        if filters is not None:
            self.presenter.set_filters(filters)
        self.clear_filters_button.setEnabled(self._has_filters())

    def _has_filters(self) -> bool:
        return self.period.is_set() or any(
            combo.currentIndex() > 0
            for combo in (self.site_combo, self.kind_combo, self.category_combo, self.status_combo)
        )

    def clear_filters(self) -> None:
        for combo in (self.site_combo, self.kind_combo, self.category_combo, self.status_combo):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self.period.reset()
        self._filters_changed()

    # -------------------------------------------------------------------- search
    def _search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def search_now(self) -> None:
        self._search_timer.stop()
        self.presenter.set_query(self.search_edit.text())

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # ------------------------------------------------------------------- results
    def _add_item(self, key: tuple[str, int], html_text: str, plain: str) -> QListWidgetItem:
        item = QListWidgetItem(plain)
        item.setData(ROLE_KEY, key)
        item.setData(ROLE_HTML, html_text)
        item.setToolTip(plain)
        self.results.addItem(item)
        return item

    def _add_placeholder(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ROLE_HTML, f'<p class="muted"><i>{html.escape(text)}</i></p>')
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.results.addItem(item)

    def _session_html(self, summary: SessionSummary) -> str:
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
        held = session.status in (SessionStatus.LIVE, SessionStatus.ENDED)
        # A session still to come has nothing to review yet; its status says enough.
        badge = (
            review_badge(summary.review_state)
            if held or summary.review_state is not ReviewState.PENDING
            else ""
        )
        return (
            f"<b>{html.escape(session.title)}</b>&nbsp;&nbsp;{badge}"
            f'<br/><span class="muted">{line}</span>'
        )

    def _show_sessions(self, summaries: list[SessionSummary]) -> None:
        if self.presenter.searching:
            return
        wanted = self.presenter.record.session_id if self.presenter.record else None
        with QSignalBlocker(self.results):
            self.results.clear()
            for summary in summaries:
                session = summary.session
                assert session.id is not None
                plain = (
                    f"{format_datetime(session.start)} {session.title} · "
                    f"{review_label(summary.review_state)}"
                )
                self._add_item(("session", session.id), self._session_html(summary), plain)
            if not summaries:
                self._add_placeholder(
                    self.tr("No sessions match these filters — clear the filters to see all.")
                    if self._has_filters()
                    else self.tr("No sessions to review yet — they appear here once scheduled.")
                )
        self.result_label.setText(
            count_text(len(summaries), self.tr("1 session"), self.tr("%1 sessions"))
        )
        ids = [s.session.id for s in summaries]
        if not summaries:
            self.presenter.open_session(None)
            return
        now = self.context.clock()
        # Sessions still to come head the list but have no minutes yet: start at a held one.
        first_held = next((i for i, s in enumerate(summaries) if is_reviewable(s.session, now)), 0)
        row = ids.index(wanted) if wanted in ids else first_held
        self.results.setCurrentRow(row)
        if ids[row] != wanted:
            self.presenter.open_session(ids[row])

    def _hit_html(self, hit: SearchHit, query: str) -> str:
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
            f"{highlight_html(excerpt(hit.body, query), query)}"
            f'<br/><span class="muted">{line}</span>'
        )

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.presenter.query_text.strip():
            return
        with QSignalBlocker(self.results):
            self.results.clear()
            for index, hit in enumerate(hits):
                plain = f"{hit.body} · {hit.site_name} · {hit.session_title}"
                self._add_item(("hit", index), self._hit_html(hit, query), plain)
            if not hits:
                self._add_placeholder(
                    self.tr(
                        "No matches for “%1”. Try fewer or shorter words, or clear the filters."
                    ).replace("%1", query)
                )
        if hits:
            self.result_label.setText(
                count_text(len(hits), self.tr("1 match"), self.tr("%1 matches — newest first"))
                + ("" if len(hits) < 100 else " " + self.tr("(showing the first 100)"))
            )
        else:
            self.result_label.setText(self.tr("No matches"))

    def _show_search_failure(self, query: str, problem: str) -> None:
        with QSignalBlocker(self.results):
            self.results.clear()
            self._add_placeholder(self.tr("The search could not run. Change the search words."))
        self.result_label.setText(self.tr("Search failed"))
        self.messages.show_error(
            self.tr("Cannot search for “%1”: %2").replace("%1", query).replace("%2", problem)
        )

    def _result_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(ROLE_KEY)
        if not key:
            return
        kind, value = key
        if kind == "session":
            self._pending_anchor = None
            if self.presenter.record is None or self.presenter.record.session_id != value:
                self.presenter.open_session(value)
            return
        hit = self.presenter.hits[value]
        if hit.session_id is None:
            return
        self._pending_anchor = (hit.session_id, hit)
        record = self.presenter.record
        if record is not None and record.session_id == hit.session_id:
            self._show_record(record)
        else:
            self.presenter.open_session(hit.session_id)

    # -------------------------------------------------------------------- record
    def _show_no_record(self) -> None:
        self.title_label.setText(self.tr("Minutes"))
        self.state_label.setText("")
        self.minutes_browser.setHtml(
            f'<p style="color:{MUTED};">'
            + html.escape(self.tr("Choose a session on the left to read its minutes."))
            + "</p>"
        )
        self.audit_table.setRowCount(0)
        self.tabs.setTabText(1, self.tr("Audit trail"))
        self._update_actions()

    def _show_record(self, record: SessionRecord) -> None:
        minutes = record.minutes
        self.title_label.setText(minutes.session.title)
        self.state_label.setText(review_badge(minutes.review_state))
        highlight = self.presenter.query_text.strip() if self.presenter.searching else ""
        scroll = self.minutes_browser.verticalScrollBar().value()
        self.minutes_browser.setHtml(
            minutes_html(
                minutes,
                site_names=self.presenter.site_names,
                highlight=highlight,
                playable=lambda seconds: self._recording_at(record, seconds) is not None,
                follow_up_links=True,
            )
        )
        anchor = self._anchor_for(record)
        if anchor:
            self.minutes_browser.scrollToAnchor(anchor)
        else:
            # A refresh after someone else's edit keeps the reader's place.
            self.minutes_browser.verticalScrollBar().setValue(scroll)
        self._show_audit(record.audit)
        self._update_actions()

    @staticmethod
    def _recording_at(record: SessionRecord, seconds: int) -> tuple[Recording, float] | None:
        return recording_at(record.recordings, record.minutes.session.started_at, seconds)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == FOLLOW_UP_SCHEME and url.path().isdigit():
            self.followUpRequested.emit(int(url.path()))
            return
        record = self.presenter.record
        if url.scheme() != PLAY_SCHEME or record is None or not url.path().isdigit():
            return
        found = self._recording_at(record, int(url.path()))
        if found is None:
            return
        recording, seconds = found
        # Imported when a recording is first played, for a fast start: it loads Qt Multimedia.
        from outreach_app.ui.review.recording_player import RecordingPlayer

        player = RecordingPlayer(Path(recording.path), seconds, self)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.show()
        self.recording_player = player

    def _anchor_for(self, record: SessionRecord) -> str | None:
        pending, self._pending_anchor = self._pending_anchor, None
        if pending is None or pending[0] != record.session_id:
            return None
        hit = pending[1]
        questions = record.minutes.questions
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

    def _audit_what(self, entry: AuditEntry) -> str:
        if entry.action == "review":
            state_value, _, comment = entry.detail.partition(": ")
            try:
                state = review_label(ReviewState(state_value))
            except ValueError:
                return entry.detail
            return f"{state}: {comment}" if comment else state
        what = audit_entity_label(entry.entity)
        detail = entry.detail
        if entry.action == "status" and entry.entity == "session":
            detail = _label_or_value(detail, lambda v: status_label(SessionStatus(v)))
        elif entry.action == "status" and entry.entity == "follow_up":
            detail = _label_or_value(detail, lambda v: follow_up_label(FollowUpStatus(v)))
        return f"{what}: {detail}" if detail else what

    def _show_audit(self, entries: list[AuditEntry]) -> None:
        rows = [
            [
                format_datetime(entry.at),
                f"{entry.actor} ({role_short_label(entry.role)})",
                audit_action_label(entry.action),
                self._audit_what(entry),
            ]
            for entry in entries
        ]
        show_rows(self.audit_table, rows)
        self.tabs.setTabText(1, self.tr("Audit trail (%1)").replace("%1", str(len(entries))))

    def _update_actions(self) -> None:
        record = self.presenter.record
        self.export_button.setEnabled(record is not None)
        self.export_button.setToolTip(
            self.tr("Save these minutes as PDF or Word (Ctrl+E)")
            if record is not None
            else self.tr("Choose a session first")
        )
        if record is None:
            for button in (self.approve_button, self.send_back_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("Choose a session first"))
            return
        session = record.minutes.session
        state = record.minutes.review_state
        if not is_reviewable(session, self.context.clock()):
            reason = (
                self.tr("The session is still running")
                if session.status is SessionStatus.LIVE
                else self.tr("The session has not taken place yet")
            )
            for button in (self.approve_button, self.send_back_button):
                button.setEnabled(False)
                button.setToolTip(reason)
            return
        self.approve_button.setEnabled(state is not ReviewState.APPROVED)
        self.approve_button.setToolTip(
            self.tr("Already approved")
            if state is ReviewState.APPROVED
            else self.tr("Approve these minutes (Ctrl+Shift+A)")
        )
        self.send_back_button.setEnabled(state is not ReviewState.RETURNED)
        self.send_back_button.setToolTip(
            self.tr("Already sent back; waiting for corrections")
            if state is ReviewState.RETURNED
            else self.tr("Send the minutes back with a comment (Ctrl+Shift+B)")
        )

    # -------------------------------------------------------------------- review
    def approve(self) -> None:
        if self.approve_button.isEnabled():
            self.presenter.approve()

    def ask_send_back(self) -> None:
        record = self.presenter.record
        if record is None or not self.send_back_button.isEnabled():
            return
        dialog = SendBackDialog(record.minutes.session.title, self)
        dialog.commentGiven.connect(self.presenter.send_back)
        dialog.finished.connect(dialog.deleteLater)
        self.send_back_dialog = dialog
        dialog.open()

    def _review_saved(self, review: Review) -> None:
        self.messages.show_info(
            self.tr("Minutes marked “%1”.").replace("%1", review_label(review.state))
        )

    # -------------------------------------------------------------------- export
    def export_minutes(self) -> None:
        """Ask where to save the open minutes, as PDF or Word, then save them."""
        record = self.presenter.record
        if record is None:
            self.messages.show_error(self.tr("Choose a session whose minutes to export."))
            return
        if self.export_task is not None:
            return
        session = record.minutes.session
        pdf = self.tr("PDF document (*.pdf)")
        word = self.tr("Word document (*.docx)")
        stem = file_name_stem(session.start.date(), session.title, self.tr("minutes"))
        folder = export_folder(self.context.settings)
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export minutes"), str(folder / f"{stem}.pdf"), f"{pdf};;{word}", pdf
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() not in (".pdf", ".docx"):
            target = target.with_name(target.name + (".docx" if chosen_filter == word else ".pdf"))
        remember_export_folder(self.context.settings, target.parent)
        self.export_minutes_to(target)

    def export_minutes_to(self, target: Path) -> ExportTask | None:
        """Save the open minutes to `target` (.docx: Word, otherwise PDF) on a worker thread."""
        record = self.presenter.record
        if record is None or self.export_task is not None:
            return None
        session = record.minutes.session
        document = build_minutes_document(
            record.minutes, words=minutes_vocabulary(), site_names=self.presenter.site_names
        )
        author = self.context.user.name
        family = document_cjk_family()

        def job(progress: Progress) -> list[Path]:
            # The writers are imported when an export runs, for a fast start: python-docx
            # takes a while to load.
            if target.suffix.lower() == ".docx":
                from outreach_app.exports.minutes_docx import write_minutes_docx

                write_minutes_docx(document, target, progress=progress, author=author)
            else:
                from outreach_app.ui.exports.minutes_pdf import write_minutes_pdf

                write_minutes_pdf(document, target, font_family=family, progress=progress)
            return [target]

        task = ExportTask(
            self,
            self.tr("Export minutes"),
            self.tr("Saving the minutes of “%1”…").replace("%1", session.title),
        )
        self.export_task = task
        self.presenter.spawn(task.run(job, target), on_done=self._export_finished)
        return task

    def _export_finished(self, outcome: ExportOutcome) -> None:
        self.export_task = None
        if outcome.cancelled:
            self.messages.show_info(self.tr("Export cancelled; no file was written."))
        elif outcome.error:
            self.messages.show_error(outcome.error)
        else:
            self.messages.show_info(
                self.tr("Minutes saved as “%1”.").replace("%1", str(outcome.paths[0])),
                timeout_ms=8000,
            )


def _label_or_value(value: str, label: Callable[[str], str]) -> str:
    try:
        return label(value)
    except ValueError:
        return value
