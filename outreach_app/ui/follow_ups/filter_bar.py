"""Above the follow-up board: words to look for, the grouping, and the filters by site, kind,
category, status, owner unit and period."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from outreach_app.core.model import FollowUpFilters, FollowUpStatus, SessionKind
from outreach_app.ui.context import UiContext
from outreach_app.ui.follow_ups.presenter import BoardOptions, FollowUpBoardPresenter, GroupBy
from outreach_app.ui.labels import follow_up_label
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

FILTER_DELAY_MS = 250


class FilterBar(QWidget):
    """What is chosen goes to the presenter as it changes (typed words after a pause)."""

    def __init__(
        self,
        context: UiContext,
        presenter: FollowUpBoardPresenter,
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = presenter
        self.messages = messages
        self.search_edit = SearchLineEdit()
        self.search_edit.setObjectName("followUpSearch")
        self.search_edit.setAccessibleName(self.tr("Filter follow-ups by words"))
        self.search_edit.setPlaceholderText(
            self.tr("Words in the commitment, outcome, unit, person or site (Ctrl+Shift+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(FILTER_DELAY_MS)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("groupByCombo")
        self.group_combo.setAccessibleName(self.tr("Group by"))
        for label, group in (
            (self.tr("Status"), GroupBy.STATUS),
            (self.tr("Owner unit"), GroupBy.OWNER),
            (self.tr("Site"), GroupBy.SITE),
        ):
            self.group_combo.addItem(label, group.value)
        self.overdue_box = QCheckBox(self.tr("&Overdue only"))
        self.overdue_box.setObjectName("overdueOnly")
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setToolTip(self.tr("Show every follow-up"))

        self.site_combo = site_filter()
        self.kind_combo = kind_filter()
        self.category_combo = category_filter()
        self.status_combo = status_filter((follow_up_label(s), s.value) for s in FollowUpStatus)
        self.owner_combo = QComboBox()
        self.owner_combo.setAccessibleName(self.tr("Owner unit filter"))
        self.period = PeriodFilter(self.context.clock)
        self.period.setToolTip(self.tr("When the commitment was made"))
        self._combos = (
            self.site_combo,
            self.kind_combo,
            self.category_combo,
            self.status_combo,
            self.owner_combo,
        )
        for combo in self._combos:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        """Three rows: words and grouping; site, kind, category, status; unit and period."""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.search_edit, 0, 0, 1, 4)
        grid.addWidget(_buddy(self.tr("&Group by:"), self.group_combo), 0, 4)
        grid.addWidget(self.group_combo, 0, 5)
        corner = QHBoxLayout()
        corner.addWidget(self.overdue_box)
        corner.addStretch(1)
        corner.addWidget(self.clear_filters_button)
        grid.addLayout(corner, 0, 6, 1, 2)
        for column, (label, widget) in enumerate(
            (
                (self.tr("&Site:"), self.site_combo),
                (self.tr("&Kind:"), self.kind_combo),
                (self.tr("Ca&tegory:"), self.category_combo),
                (self.tr("St&atus:"), self.status_combo),
            )
        ):
            grid.addWidget(_buddy(label, widget), 1, column * 2)
            grid.addWidget(widget, 1, column * 2 + 1)
        grid.addWidget(_buddy(self.tr("&Unit:"), self.owner_combo), 2, 0)
        grid.addWidget(self.owner_combo, 2, 1)
        grid.addWidget(_buddy(self.tr("&Period:"), self.period.combo), 2, 2)
        grid.addWidget(self.period, 2, 3, 1, 5)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.filters_changed)
        self._search_timer.timeout.connect(self.filters_changed)
        for combo in self._combos:
            combo.currentIndexChanged.connect(self.filters_changed)
        self.period.changed.connect(self.filters_changed)
        self.overdue_box.toggled.connect(self.filters_changed)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        self.clear_filters_button.clicked.connect(self.clear_filters)

    def show_options(self, options: BoardOptions) -> None:
        show_sites(self.site_combo, options.sites)
        show_categories(self.category_combo, options.categories)
        owner = self.owner_combo.currentData()
        with QSignalBlocker(self.owner_combo):
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("All units"), None)
            self.owner_combo.addItem(self.tr("No unit yet"), "")
            for unit in options.owners:
                self.owner_combo.addItem(unit, unit)
            found = self.owner_combo.findData(owner) if owner is not None else 0
            self.owner_combo.setCurrentIndex(max(found, 0))
        self.filters_changed()

    def current_filters(self) -> FollowUpFilters | None:
        """The filters as chosen, or None (with a message) when the period makes no sense."""
        if not self.period.is_valid():
            self.messages.show_error(
                self.tr("The period starts after it ends: check the two dates.")
            )
            return None
        span = self.period.span()
        kind = self.kind_combo.currentData()
        status = self.status_combo.currentData()
        return FollowUpFilters(
            site_id=self.site_combo.currentData(),
            kind=SessionKind(kind) if kind else None,
            category=self.category_combo.currentData(),
            status=FollowUpStatus(status) if status else None,
            owner=self.owner_combo.currentData(),
            period_start=span[0] if span else None,
            period_end=span[1] if span else None,
            overdue_only=self.overdue_box.isChecked(),
            text=self.search_edit.text().strip(),
        )

    def has_filters(self) -> bool:
        return (
            any(combo.currentIndex() > 0 for combo in self._combos)
            or self.period.is_set()
            or self.overdue_box.isChecked()
            or bool(self.search_edit.text().strip())
        )

    def filters_changed(self) -> None:
        self._search_timer.stop()
        filters = self.current_filters()
        if filters is not None:
            self.presenter.set_filters(filters)
        self.clear_filters_button.setEnabled(self.has_filters())

    def clear_filters(self) -> None:
        widgets = [*self._combos, self.period.combo, self.overdue_box, self.search_edit]
        blockers = [QSignalBlocker(w) for w in widgets]
        for combo in self._combos:
            combo.setCurrentIndex(0)
        self.overdue_box.setChecked(False)
        self.search_edit.clear()
        del blockers
        self.period.reset()
        self.filters_changed()

    def _group_chosen(self) -> None:
        self.presenter.set_group_by(GroupBy(str(self.group_combo.currentData())))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label
