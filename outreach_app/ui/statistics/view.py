"""The statistics page: a month (or months), its key figures with their changes, charts and a
table per breakdown, and its export as a workbook, a PDF report or JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.permissions import may_run
from outreach_app.core.statistics import (
    CLAIM_MEASURES,
    COUNT_MEASURES,
    MEASURES,
    RATE_MEASURES,
    Counts,
    Dimension,
    Kpi,
    Month,
    Period,
    StatisticsReport,
)
from outreach_app.exports.statistics import ExportFormat, default_file_name, format_for_path
from outreach_app.ui.context import UiContext
from outreach_app.ui.demands.dialogs import DemandImportDialog
from outreach_app.ui.exports.file_dialogs import ask_export_file
from outreach_app.ui.formatting import format_count, format_date, format_rate
from outreach_app.ui.statistics.charts import state_chart, trend_chart
from outreach_app.ui.statistics.dialogs import ask_reopen_reason, confirm_close
from outreach_app.ui.statistics.labels import (
    change_sentence,
    claim_help,
    claim_label,
    claims_sentence,
    counting_note,
    cumulative_help,
    dimension_column,
    dimension_title,
    earlier_demands_note,
    format_change,
    format_value,
    group_label,
    measure_help,
    measure_label,
    period_label,
    publication_history,
    publication_sentence,
    rate_basis,
    revision_lines,
    trend_label,
)
from outreach_app.ui.statistics.presenter import StatisticsPresenter
from outreach_app.ui.widgets.heading import heading
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.placeholder import paint_placeholder

EARLIEST_MONTH = QDate(2000, 1, 1)
# Figures whose rise is good news; for "received" a change is neither good nor bad.
GOOD_WHEN_UP = frozenset(MEASURES) - {"received"}
GOOD, BAD, NEUTRAL = "#1d6b2c", "#a4161a", "#3c4043"
PICK_DELAY_MS = 250


def _month(value: QDate) -> Month:
    return Month(value.year(), value.month())


def _qdate(month: Month) -> QDate:
    return QDate(month.year, month.month, 1)


def change_colour(measure: str, change: float | None) -> str:
    if change is None or change == 0 or measure not in GOOD_WHEN_UP:
        return NEUTRAL
    return GOOD if change > 0 else BAD


class KpiCard(QFrame):
    """One key figure: its value, and its change on the previous period and year on year."""

    def __init__(self, measure: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure = measure
        self.setObjectName(f"kpi_{measure}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#kpi_{measure} {{ background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.setToolTip(measure_help(measure))
        self.title = QLabel(measure_label(measure))
        self.title.setStyleSheet("color: palette(placeholder-text);")
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName("kpiValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.previous = QLabel()
        self.previous.setObjectName("kpiPrevious")
        self.year = QLabel()
        self.year.setObjectName("kpiYear")
        # A rate says what it is a share of, in plain sight.
        self.basis = QLabel()
        self.basis.setObjectName("kpiBasis")
        self.basis.setStyleSheet("color: palette(placeholder-text);")
        # Counts leave the line empty: every card keeps the same height.
        self.basis.setMinimumHeight(self.basis.fontMetrics().height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.basis, self.previous, self.year):
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_kpi(
        self,
        kpi: Kpi,
        counts: Counts,
        *,
        single_month: bool,
        previous: str,
        year: str,
        running: bool = False,
    ) -> None:
        """`running`: the period is not over, and is compared with nothing."""
        self.value.setText(format_value(kpi, kpi.value))
        if kpi.is_rate:
            self.basis.setText(rate_basis(kpi.measure, counts))
        points = kpi.is_rate
        previous_name = self.tr("month on month") if single_month else self.tr("on previous")
        year_name = self.tr("year on year")
        for label, change, name, against in (
            (self.previous, kpi.change_previous, previous_name, previous),
            (self.year, kpi.change_year, year_name, year),
        ):
            if running:
                sentence = self.tr("Not compared until the period is over")
                label.setText(self.tr("Not compared yet") if label is self.previous else "")
                label.setStyleSheet(f"color: {NEUTRAL};")
            else:
                label.setText(f"{format_change(change, points=points)} {name}")
                label.setStyleSheet(f"color: {change_colour(kpi.measure, change)};")
                sentence = change_sentence(change, points=points, against=against)
            label.setToolTip(sentence)
            label.setAccessibleName(sentence)
        parts = [measure_label(kpi.measure), self.value.text()]
        parts += [self.basis.text()] if kpi.is_rate else []
        self.setAccessibleName(
            "; ".join([" ".join(parts[:2]), *parts[2:], self.previous.accessibleName()])
            + ("" if running else f"; {self.year.accessibleName()}")
        )


class FigureTable(QTableWidget):
    """A breakdown as a table: each group's counts and rates, and the total."""

    def __init__(self, dimension: Dimension, parent: QWidget | None = None) -> None:
        super().__init__(0, 1 + len(MEASURES), parent)
        self.dimension = dimension
        self.setObjectName(f"table_{dimension.value}")
        self.setAccessibleName(dimension_title(dimension))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setHorizontalHeaderLabels(
            [dimension_column(dimension), *(measure_label(m) for m in MEASURES)]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(MEASURES)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            item = self.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(measure_help(MEASURES[column - 1]))

    def show_report(self, report: StatisticsReport) -> None:
        groups = report.current.breakdown(self.dimension)
        self.setRowCount(len(groups) + (1 if groups else 0))
        for row, group in enumerate(groups):
            self._fill(row, group_label(self.dimension, group), group.counts, bold=False)
        if groups:
            self._fill(len(groups), self.tr("Total"), report.current.totals, bold=True)

    def _fill(self, row: int, name: str, counts: Counts, *, bold: bool) -> None:
        cells = [name]
        cells += [format_count(getattr(counts, m)) for m in COUNT_MEASURES]
        cells += [format_rate(getattr(counts, m)) for m in RATE_MEASURES]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.setItem(row, column, item)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.rowCount() == 0:
            paint_placeholder(self, self.tr("Nothing in this period."))


class CumulativeTable(QTableWidget):
    """January to the last month shown against the same months a year earlier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("cumulativeTable")
        self.setAccessibleName(self.tr("Year to date"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_report(self, report: StatisticsReport) -> None:
        kpis = report.cumulative_kpis
        this_year = report.cumulative.period if report.cumulative else report.period
        a_year_earlier = (
            report.cumulative_year_earlier.period
            if report.cumulative_year_earlier
            else report.period.year_earlier()
        )
        self.setHorizontalHeaderLabels(
            [
                self.tr("Figure"),
                period_label(this_year),
                period_label(a_year_earlier),
                self.tr("Change year on year"),
            ]
        )
        self.setRowCount(len(kpis))
        for row, kpi in enumerate(kpis):
            cells = [
                measure_label(kpi.measure),
                format_value(kpi, kpi.value),
                format_value(kpi, kpi.year_earlier),
                format_change(kpi.change_year, points=kpi.is_rate),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{measure_help(kpi.measure)} — {cumulative_help()}")
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 3:
                    item.setForeground(QColor(change_colour(kpi.measure, kpi.change_year)))
                self.setItem(row, column, item)


class ChartPanel(QChartView):
    """A chart view that frees the chart it replaces."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Two rows of charts under the figures still fit a 1280x800 screen.
        self.setMinimumHeight(150)

    def replace_chart(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()


class StatisticsView(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("statisticsPage")
        self.presenter = StatisticsPresenter(context.store, context.bus, context.clock, self)
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.messages.float_over(self)
        self.progress_dialog: QProgressDialog | None = None
        self._import_dialog: QWidget | None = None

        picker = self._build_period_picker()
        self._build_captions()
        status_row = self._build_publication_row()

        self.cards = {m: KpiCard(m) for m in MEASURES}
        cards = QHBoxLayout()
        cards.setSpacing(8)
        for card in self.cards.values():
            cards.addWidget(card)

        self._build_tabs()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Statistics")))
        layout.addLayout(picker)
        layout.addWidget(self.caption)
        layout.addLayout(status_row)
        layout.addWidget(self.revision_label)
        layout.addWidget(self.empty_label)
        layout.addLayout(cards)
        layout.addWidget(self.earlier_note)
        layout.addWidget(self.claims_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note_label)

        self._connect_signals()
        self.load()

    def _build_period_picker(self) -> QHBoxLayout:
        """The month or range shown, stepping through months, importing and exporting."""
        today = self.context.clock().date()
        this_month = QDate(today.year, today.month, 1)
        self.from_edit = self._month_edit(this_month, self.tr("First month"))
        self.to_edit = self._month_edit(this_month, self.tr("Last month"))
        self.to_edit.setEnabled(False)
        self.range_check = QCheckBox(self.tr("Range to"))
        self.range_check.setObjectName("rangeCheck")
        self.range_check.setToolTip(self.tr("Count several months together"))
        self.range_check.toggled.connect(self._range_toggled)
        self.earlier_button = self._step_button("◀", self.tr("Earlier month"), -1)
        self.later_button = self._step_button("▶", self.tr("Later month"), +1)
        self.import_button = QPushButton(self.tr("Import demands…"))
        self.import_button.setObjectName("importDemandsButton")
        self.import_button.setToolTip(
            self.tr("Add demands residents posted on a message board (CSV or JSON)")
        )
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(
            self.tr("Save these statistics as an Excel workbook, a PDF report or JSON")
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_export)

        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Month")))
        picker.addWidget(self.earlier_button)
        picker.addWidget(self.from_edit)
        picker.addWidget(self.later_button)
        picker.addSpacing(12)
        picker.addWidget(self.range_check)
        picker.addWidget(self.to_edit)
        picker.addStretch(1)
        picker.addWidget(self.import_button)
        picker.addWidget(self.export_button)
        return picker

    def _build_captions(self) -> None:
        self.caption = QLabel()
        self.caption.setObjectName("periodCaption")
        self.caption.setWordWrap(True)
        self.empty_label = QLabel(
            self.tr("No demands were received, claimed, responded to or solved in this period.")
        )
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setStyleSheet(
            "background: #fff4d6; color: #5c3d00; padding: 6px 10px; border-radius: 4px;"
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

    def _build_publication_row(self) -> QHBoxLayout:
        """Whether the month is closed (published), closing and reopening it (reviewers), what
        the record counts differently since, the claims by leaders and how figures count."""
        self.status_label = QLabel()
        self.status_label.setObjectName("publicationStatus")
        self.status_label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close and publish…"))
        self.close_button.setObjectName("closeMonthButton")
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.reopen_button.setObjectName("reopenMonthButton")
        self.reopen_button.clicked.connect(self.reopen_month)
        for button in (self.close_button, self.reopen_button):
            button.hide()
        self.revision_label = QLabel()
        self.revision_label.setObjectName("revisionNotice")
        self.revision_label.setWordWrap(True)
        self.revision_label.setStyleSheet(
            "background: #fff4d6; color: #5c3d00; padding: 6px 10px; border-radius: 4px;"
        )
        self.revision_label.hide()
        self.earlier_note = QLabel()
        self.earlier_note.setObjectName("earlierDemandsNote")
        self.earlier_note.setWordWrap(True)
        self.earlier_note.hide()
        self.claims_label = QLabel()
        self.claims_label.setObjectName("claimsLine")
        self.claims_label.setWordWrap(True)
        self.claims_label.setToolTip(
            "\n".join(f"{claim_label(m)}: {claim_help(m)}" for m in CLAIM_MEASURES)
        )
        self.note_label = QLabel(counting_note())
        self.note_label.setObjectName("countingNote")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.close_button)
        row.addWidget(self.reopen_button)
        return row

    def _build_tabs(self) -> None:
        """The charts on the first tab, then one table per breakdown."""
        self.trend_view = ChartPanel("trendChart")
        self.breakdown_view = ChartPanel("breakdownChart")
        self.site_view = ChartPanel("siteChart")
        self.breakdown_choice = QComboBox()
        self.breakdown_choice.setObjectName("breakdownChoice")
        self.breakdown_choice.setAccessibleName(self.tr("Chart the demands by"))
        self.breakdown_choice.addItem(dimension_title(Dimension.CHANNEL), Dimension.CHANNEL.value)
        self.breakdown_choice.addItem(dimension_title(Dimension.CATEGORY), Dimension.CATEGORY.value)
        self.breakdown_choice.currentIndexChanged.connect(lambda _: self._show_breakdown_chart())
        overview = QWidget()
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.trend_view, 0, 0, 1, 2)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("Bars:")))
        choice_row.addWidget(self.breakdown_choice)
        choice_row.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(choice_row)
        left.addWidget(self.breakdown_view, 1)
        grid.addLayout(left, 1, 0)
        grid.addWidget(self.site_view, 1, 1)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 6)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("statisticsTabs")
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tables = {d: FigureTable(d) for d in Dimension}
        for dimension, table in self.tables.items():
            self.tabs.addTab(table, dimension_title(dimension))
        self.cumulative_table = CumulativeTable()
        self.tabs.addTab(self.cumulative_table, self.tr("Year to date"))
        self.tabs.setTabToolTip(self.tabs.count() - 1, cumulative_help())

    def _connect_signals(self) -> None:
        self._pick_timer = QTimer(self)
        self._pick_timer.setSingleShot(True)
        self._pick_timer.setInterval(PICK_DELAY_MS)
        self._pick_timer.timeout.connect(self.load)
        self.presenter.reportLoaded.connect(self.show_report)
        self.presenter.exportProgress.connect(self._export_progress)
        self.presenter.exportFinished.connect(self._export_finished)
        self.presenter.exportCancelled.connect(self._export_cancelled)
        self.presenter.exportFailed.connect(self._export_failed)
        # An export that broke unexpectedly reports through `error`: its dialog goes too.
        self.presenter.error.connect(lambda _: self._close_progress())

    # ------------------------------------------------------------------------- period
    def _month_edit(self, value: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat("yyyy-MM")
        edit.setAccessibleName(name)
        edit.setMinimumDate(EARLIEST_MONTH)
        today = self.context.clock().date()
        edit.setMaximumDate(QDate(today.year, today.month, 1).addMonths(1).addDays(-1))
        edit.dateChanged.connect(lambda _: self._pick_timer.start())
        return edit

    def _step_button(self, text: str, name: str, months: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step_month(months))
        return button

    def _range_toggled(self, on: bool) -> None:
        self.to_edit.setEnabled(on)
        if on and self.to_edit.date() < self.from_edit.date():
            with QSignalBlocker(self.to_edit):
                self.to_edit.setDate(self.from_edit.date())
        self._pick_timer.start()

    def step_month(self, months: int) -> None:
        """◀ and ▶: the month (or the whole range) a month earlier or later."""
        self.from_edit.setDate(self.from_edit.date().addMonths(months))
        if self.range_check.isChecked():
            self.to_edit.setDate(self.to_edit.date().addMonths(months))

    def set_period(self, period: Period) -> None:
        with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            self.from_edit.setDate(_qdate(period.first))
            self.to_edit.setDate(_qdate(period.last))
        with QSignalBlocker(self.range_check):
            self.range_check.setChecked(not period.is_single_month)
        self.to_edit.setEnabled(not period.is_single_month)
        self.load()

    def period(self) -> Period:
        first = _month(self.from_edit.date())
        if not self.range_check.isChecked():
            return Period.month(first)
        last = _month(self.to_edit.date())
        return Period(min(first, last), max(first, last))

    def load(self) -> None:
        self._pick_timer.stop()
        self.presenter.load(self.period())

    # ------------------------------------------------------------------------ figures
    def show_report(self, report: StatisticsReport) -> None:
        period = report.period
        previous = period_label(report.previous.period)
        year = period_label(report.year_earlier.period)
        so_far = report.counted_to
        if so_far is None:
            caption = (
                self.tr("%1 — compared with %2 and with %3 a year earlier")
                .replace("%1", period_label(period))
                .replace("%2", previous)
                .replace("%3", year)
            )
        else:
            caption = (
                self.tr("%1 so far, counted to %2: not compared with whole months until it is over")
                .replace("%1", period_label(period))
                .replace("%2", format_date(so_far))
            )
        self.caption.setText(caption)
        self.empty_label.setVisible(report.is_empty)
        for kpi in report.kpis:
            self.cards[kpi.measure].show_kpi(
                kpi,
                report.current.totals,
                single_month=period.is_single_month,
                previous=previous,
                year=year,
                running=so_far is not None,
            )
        self.trend_view.replace_chart(
            trend_chart(
                self.tr("Received, claimed and solved, month by month: %1").replace(
                    "%1", trend_label(report)
                ),
                report,
            )
        )
        self._show_breakdown_chart()
        self.site_view.replace_chart(
            state_chart(
                self.tr("By site: where the demands received stood at the end"),
                Dimension.SITE,
                report.current.breakdown(Dimension.SITE),
            )
        )
        for table in self.tables.values():
            table.show_report(report)
        self.cumulative_table.show_report(report)
        self.claims_label.setText(claims_sentence(report.current))
        note = earlier_demands_note(report.current.totals)
        self.earlier_note.setText(note)
        self.earlier_note.setVisible(bool(note))
        self._show_publication(report)
        self.export_button.setEnabled(True)

    # ---------------------------------------------------------------------- publishing
    def _may_publish(self) -> bool:
        return may_run(self.context.user.role, "statistics.close_month")

    def _show_publication(self, report: StatisticsReport) -> None:
        self.status_label.setText(publication_sentence(report))
        self.status_label.setToolTip("\n".join(publication_history(report)))
        month = report.period.first
        single = report.period.is_single_month
        ended = month.last_day < self.today()
        closed = report.publication is not None
        self.close_button.setVisible(single and ended and not closed)
        self.reopen_button.setVisible(single and closed)
        for button in (self.close_button, self.reopen_button):
            button.setEnabled(self._may_publish())
        self.close_button.setToolTip(
            self.tr("Keep this month's figures as they are now, for publication")
            if self._may_publish()
            else self.tr("Only a reviewer can close or reopen a month")
        )
        self.reopen_button.setToolTip(
            self.tr("Take the published month back, saying why; the publication stays on record")
            if self._may_publish()
            else self.tr("Only a reviewer can close or reopen a month")
        )
        revision = report.revision
        self.revision_label.setVisible(revision is not None)
        if revision is not None:
            first, *changes = revision_lines(revision)
            # One paragraph: the charts below keep their room.
            separator = QCoreApplication.translate("statistics", "; ")
            self.revision_label.setText(f"{first} {separator.join(changes)}")

    def close_month(self) -> None:
        report = self.presenter.report
        if report is None or not report.period.is_single_month:
            return
        month = report.period.first
        if confirm_close(self, period_label(report.period)):
            self.presenter.close_month(month)

    def reopen_month(self) -> None:
        report = self.presenter.report
        if report is None or report.publication is None:
            return
        reason = ask_reopen_reason(self, period_label(report.period))
        if reason:
            self.presenter.reopen_month(report.period.first, reason)

    def _show_breakdown_chart(self) -> None:
        report = self.presenter.report
        if report is None:
            return
        dimension = Dimension(self.breakdown_choice.currentData())
        title = (
            self.tr("By channel: where the demands received stood at the end")
            if dimension is Dimension.CHANNEL
            else self.tr("By category: where the demands received stood at the end")
        )
        self.breakdown_view.replace_chart(
            state_chart(title, dimension, report.current.breakdown(dimension))
        )

    # ------------------------------------------------------------------------- import
    def open_import(self) -> QWidget:
        dialog = DemandImportDialog(
            self.context.store, self.context.bus, self.context.clock, self.context.settings, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.messages.show_info)
        dialog.show()
        self._import_dialog = dialog
        return dialog

    # ------------------------------------------------------------------------- export
    def choose_export(self) -> None:
        report = self.presenter.report
        if report is None:
            return
        filters = {
            self.tr("Excel workbook (*.xlsx)"): ExportFormat.XLSX,
            self.tr("PDF report (*.pdf)"): ExportFormat.PDF,
            self.tr("JSON data (*.json)"): ExportFormat.JSON,
        }
        picked = ask_export_file(
            self,
            self.context.settings,
            self.tr("Export statistics"),
            default_file_name(report.period, ExportFormat.XLSX),
            list(filters),
        )
        if picked is None:
            return
        path, chosen = picked
        fmt = format_for_path(path)
        if fmt is None:
            fmt = filters.get(chosen, ExportFormat.XLSX)
            path = path.with_name(f"{path.name}.{fmt.value}")
        self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: ExportFormat) -> None:
        """Export the report shown, with a progress dialog that can stop it."""
        if self.presenter.report is None or self.presenter.exporting:
            return
        dialog = QProgressDialog(
            self.tr("Exporting the statistics to %1…").replace("%1", path.name),
            self.tr("Cancel"),
            0,
            0,
            self,
        )
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(self.tr("Export statistics"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.presenter.cancel_export)
        self.progress_dialog = dialog
        self.export_button.setEnabled(False)
        self.presenter.export(path, fmt)

    def _export_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)

    def _close_progress(self) -> None:
        self.export_button.setEnabled(self.presenter.report is not None)
        if self.progress_dialog is not None:
            dialog, self.progress_dialog = self.progress_dialog, None
            dialog.canceled.disconnect(self.presenter.cancel_export)
            dialog.close()
            dialog.deleteLater()

    def _export_finished(self, path: str) -> None:
        self._close_progress()
        self.messages.show_info(self.tr("Statistics saved as %1.").replace("%1", path))

    def _export_cancelled(self) -> None:
        self._close_progress()
        self.messages.show_info(self.tr("Export stopped; nothing was saved."))

    def _export_failed(self, message: str) -> None:
        self._close_progress()
        self.messages.show_error(message)

    def today(self) -> date:
        return self.context.clock().date()
