"""The left side of the review page: the search, the filters, and the sessions or the notes
found, one of which the reader opens."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from outreach_app.core.model import SearchFilters, SearchHit, SessionKind
from outreach_app.storage.repository import STATUS_FILTERS, SessionSummary
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import count_text
from outreach_app.ui.labels import status_filter_label
from outreach_app.ui.review.presenter import FilterOptions, ReviewPresenter, is_reviewable
from outreach_app.ui.review.result_list import ResultList
from outreach_app.ui.widgets.filter_lists import (
    category_filter,
    kind_filter,
    show_categories,
    show_sites,
    site_filter,
    status_filter,
)
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.period_filter import PeriodFilter
from outreach_app.ui.widgets.search import SearchLineEdit

SEARCH_DELAY_MS = 250


class SessionFinder(QWidget):
    """Filters and search words go to the presenter; the list shows what it found and, for the
    sessions, opens the one chosen before (or the first held one)."""

    def __init__(
        self,
        context: UiContext,
        presenter: ReviewPresenter,
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = presenter
        self.messages = messages
        filters = self._build_search_and_filters()

        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.results = ResultList()

        footer = QHBoxLayout()
        footer.addWidget(self.result_label, 1)
        footer.addWidget(self.clear_filters_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addLayout(footer)
        layout.addWidget(self.results, 1)
        self.setMinimumWidth(330)
        self._connect_signals()

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

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._search_text_changed)
        self.search_edit.returnPressed.connect(self.search_now)
        self._search_timer.timeout.connect(self.search_now)
        for combo in (self.site_combo, self.kind_combo, self.category_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.filters_changed)
        self.period.changed.connect(self.filters_changed)
        self.clear_filters_button.clicked.connect(self.clear_filters)

    # ------------------------------------------------------------------- filters
    def show_options(self, options: FilterOptions) -> None:
        show_sites(self.site_combo, options.sites)
        show_categories(self.category_combo, options.categories)
        self.filters_changed()

    def current_filters(self) -> SearchFilters | None:
        """The filters as chosen, or None (with a message) when the period makes no sense."""
        if not self.period.is_valid():
            self.messages.show_error(
                self.tr("The period starts after it ends: check the two dates.")
            )
            return None
        span = self.period.span()
        kind = self.kind_combo.currentData()
        return SearchFilters(
            site_id=self.site_combo.currentData(),
            kind=SessionKind(kind) if kind else None,
            category=self.category_combo.currentData(),
            status=self.status_combo.currentData(),
            period_start=span[0] if span else None,
            period_end=span[1] if span else None,
        )

    def filters_changed(self) -> None:
        filters = self.current_filters()
        if filters is not None:
            self.presenter.set_filters(filters)
        self.clear_filters_button.setEnabled(self.has_filters())

    def has_filters(self) -> bool:
        return self.period.is_set() or any(
            combo.currentIndex() > 0
            for combo in (self.site_combo, self.kind_combo, self.category_combo, self.status_combo)
        )

    def clear_filters(self) -> None:
        for combo in (self.site_combo, self.kind_combo, self.category_combo, self.status_combo):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self.period.reset()
        self.filters_changed()

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
    def show_loading(self) -> None:
        self.result_label.setText(self.tr("Loading…"))

    def show_sessions(self, summaries: list[SessionSummary]) -> None:
        if self.presenter.searching:
            return
        wanted = self.presenter.record.session_id if self.presenter.record else None
        self.results.show_sessions(summaries, filtered=self.has_filters(), now=self.context.clock())
        self.result_label.setText(
            count_text(len(summaries), self.tr("1 session"), self.tr("%1 sessions"))
        )
        ids = [s.session.id for s in summaries]
        if wanted is not None and wanted not in ids and wanted == self.presenter.decided_session:
            # Decided and so no longer listed (awaiting review, say): it stays open and nothing
            # else is chosen under the reader's pointer.
            self.results.setCurrentRow(-1)
            return
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

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.presenter.query_text.strip():
            return
        self.results.show_hits(hits, query)
        if hits:
            self.result_label.setText(
                count_text(len(hits), self.tr("1 match"), self.tr("%1 matches — newest first"))
                + ("" if len(hits) < 100 else " " + self.tr("(showing the first 100)"))
            )
        else:
            self.result_label.setText(self.tr("No matches"))

    def show_search_failure(self, query: str, problem: str) -> None:
        self.results.show_search_failure()
        self.result_label.setText(self.tr("Search failed"))
        self.messages.show_error(
            self.tr("Cannot search for “%1”: %2").replace("%1", query).replace("%2", problem)
        )
