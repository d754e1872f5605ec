"""The statistics page on the hand-counted database of tests/statistics_data.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalStackedBarSeries, QLineSeries
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.core.demand_import import DemandRow
from outreach_app.core.model import Role, User
from outreach_app.core.statistics import Counts, Dimension, Month, Period, StatisticsReport
from outreach_app.core.topics import Topic
from outreach_app.exports.statistics import ExportFormat
from outreach_app.storage.worker import StoreWorker
from outreach_app.ui.context import UiContext
from outreach_app.ui.presenter import ChangeBus
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.statistics import presenter as presenter_module
from outreach_app.ui.statistics.labels import earlier_demands_note
from outreach_app.ui.statistics.view import BAD, GOOD, NEUTRAL, StatisticsView
from tests.statistics_data import SITE_A, SITE_B, build_file
from tests.ui.conftest import table_item, until

NOW = datetime(2026, 11, 23, 10, 0)
# The first morning after November: the month is whole and compared with whole months.
NOVEMBER_OVER = datetime(2026, 12, 1, 9, 0)


@pytest.fixture
def english(use_language: Callable[[str], QLocale]) -> None:
    use_language("en")


@pytest.fixture
def counted(tmp_path: Path, qapp: QApplication) -> Iterator[UiContext]:
    path = tmp_path / "counted.db"
    build_file(path)
    user = User("陈静", Role.REVIEWER)
    store = StoreWorker.open_path(path, user)
    yield UiContext(
        store=store, bus=ChangeBus(), user=user, settings=AppSettings(), clock=lambda: NOW
    )
    store.close()


async def open_page(context: UiContext, qtbot: QtBot) -> StatisticsView:
    view = StatisticsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    await loaded(view)
    return view


async def loaded(view: StatisticsView) -> None:
    await until(lambda: view.presenter.report is not None and not view.presenter.is_busy)


async def open_whole_november(context: UiContext, qtbot: QtBot) -> StatisticsView:
    context.clock = lambda: NOVEMBER_OVER
    view = await open_page(context, qtbot)
    assert view.period() == Period.month(Month(2026, 12))
    view.set_period(Period.month(Month(2026, 11)))
    await until(lambda: period_shown(view) == Period.month(Month(2026, 11)))
    await loaded(view)
    return view


def period_shown(view: StatisticsView) -> Period | None:
    report = view.presenter.report
    return None if report is None else report.period


def card(view: StatisticsView, measure: str) -> tuple[str, str, str]:
    kpi = view.cards[measure]
    return kpi.value.text(), kpi.previous.text(), kpi.year.text()


def table(view: StatisticsView, dimension: Dimension) -> list[list[str]]:
    widget = view.tables[dimension]
    return [
        [table_item(widget, r, c).text() for c in range(widget.columnCount())]
        for r in range(widget.rowCount())
    ]


async def test_the_month_opens_with_its_key_figures_and_changes(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    view = await open_whole_november(counted, qtbot)
    assert view.caption.text() == (
        "November 2026 — compared with October 2026 and with November 2025 a year earlier"
    )
    assert card(view, "received") == ("4", "▲ 100.00% month on month", "▲ 33.33% year on year")
    assert card(view, "solved") == ("3", "▲ 200.00% month on month", "▲ 200.00% year on year")
    assert card(view, "responded")[1:] == ("— month on month", "— year on year")
    assert card(view, "claim_rate") == (
        "75.00%",
        "▼ 25.00 pp month on month",
        "▲ 41.67 pp year on year",
    )
    assert card(view, "solve_rate")[1] == "■ 0.00 pp month on month"
    # Colour and words both say it: a fall in the claim rate is bad news, more solved is good,
    # and more demands received is neither.
    claim = view.cards["claim_rate"]
    assert BAD in claim.previous.styleSheet() and GOOD in claim.year.styleSheet()
    assert claim.previous.toolTip() == "down 25.00 percentage points on October 2026"
    assert NEUTRAL in view.cards["received"].previous.styleSheet()
    assert view.cards["received"].year.toolTip() == "up 33.33% on November 2025"
    assert "no figure to compare with" in view.cards["responded"].previous.toolTip()
    assert view.empty_label.isHidden()
    assert view.export_button.isEnabled()


async def test_a_month_not_over_is_not_compared_with_whole_months(
    counted: UiContext, qtbot: QtBot, english: None, tmp_path: Path
) -> None:
    view = await open_page(counted, qtbot)
    assert view.period() == Period.month(Month(2026, 11))
    assert view.caption.text() == (
        "November 2026 so far, counted to 11/23/26: not compared with whole months until it is over"
    )
    for measure, kpi in view.cards.items():
        assert card(view, measure)[1:] == ("Not compared yet", ""), measure
        assert kpi.previous.toolTip() == "Not compared until the period is over"
        assert NEUTRAL in kpi.previous.styleSheet()
        assert "▲" not in kpi.accessibleName() and "▼" not in kpi.accessibleName()
    assert card(view, "received")[0] == "4"
    axis = view.trend_view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QBarCategoryAxis) and axis.categories()[-1] == "Nov 26<br>(so far)"
    # Its exports say the same: counted to the day, no change on a whole month.
    path = tmp_path / "so-far.pdf"
    view.export_to(path, ExportFormat.PDF)
    await until(lambda: not view.presenter.exporting, timeout=20)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Counted to 11/23/26" in text
    assert "▲" not in text and "▼" not in text


async def test_a_rate_says_what_it_is_a_share_of(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    view = await open_page(counted, qtbot)
    claim = view.cards["claim_rate"]
    assert claim.basis.isVisible() and claim.basis.text() == "3 of 4 received"
    assert view.cards["on_time_rate"].basis.text() == "2 of 3 solved"
    assert view.cards["received"].basis.text() == ""
    # November's claims and solutions include demands received in October (D5 was solved
    # in November): the page says so beside the rates.
    assert view.earlier_note.isVisible()
    assert view.earlier_note.text() == (
        "Solved also count demands received before the period; the claim and solve rates"
        " count only the 4 received in it."
    )
    # A month whose only claim was of a demand received before: Claimed 1 and no rate.
    view.set_period(Period.month(Month(2025, 12)))
    await until(lambda: period_shown(view) == Period.month(Month(2025, 12)))
    await loaded(view)
    assert card(view, "claimed")[0] == "1"
    assert view.cards["claim_rate"].basis.text() == "0 of 0 received"
    assert view.earlier_note.text().startswith("Claimed also count demands received before")
    assert earlier_demands_note(Counts(received=5, claimed=2, solved=1)) == (
        "Claimed and Solved also count demands received before the period; the claim and solve"
        " rates count only the 5 received in it."
    )
    assert earlier_demands_note(Counts(received=5, claimed=2, received_claimed=2)) == ""


async def test_tables_break_the_month_down(counted: UiContext, qtbot: QtBot, english: None) -> None:
    view = await open_page(counted, qtbot)
    channels = table(view, Dimension.CHANNEL)
    assert [row[:5] for row in channels] == [
        ["Sessions", "2", "2", "1", "2"],
        ["Ask Politics", "1", "1", "1", "1"],
        ["People's Voices", "1", "0", "0", "0"],
        ["Total", "4", "3", "2", "3"],
    ]
    assert channels[-1][5:] == ["3", "75.00%", "66.67%", "50.00%"]
    sites = {row[0]: row[1:5] for row in table(view, Dimension.SITE)}
    assert sites == {
        SITE_A: ["2", "2", "1", "1"],
        SITE_B: ["2", "1", "1", "2"],
        "Total": ["4", "3", "2", "3"],
    }
    kinds = [row[0] for row in table(view, Dimension.SESSION_KIND)]
    assert kinds == ["Policy briefing", "Imported (no session)", "Total"]
    categories = [row[0] for row in table(view, Dimension.CATEGORY)]
    assert "No category" in categories


async def test_charts_show_the_trend_and_where_demands_stood(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    view = await open_page(counted, qtbot)
    lines = [s for s in view.trend_view.chart().series() if isinstance(s, QLineSeries)]
    assert [s.name() for s in lines] == ["Received", "Claimed", "Solved"]
    received = [point.y() for point in lines[0].points()]
    assert len(received) == 13
    assert (received[0], received[-2], received[-1]) == (3, 2, 4)
    bars = view.site_view.chart().series()[0]
    assert isinstance(bars, QHorizontalStackedBarSeries)
    stacks = {b.label(): [b.at(i) for i in range(b.count())] for b in bars.barSets()}
    # Site B at the bottom (fewer solved), site A on top: B had D4 open and F2 solved.
    assert stacks["Solved"] == [1.0, 1.0] and sum(stacks["Still open"]) == 1.0
    view.breakdown_choice.setCurrentIndex(1)
    assert "By category" in view.breakdown_view.chart().title()


async def test_a_range_and_the_step_buttons(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    view = await open_whole_november(counted, qtbot)
    view.step_month(-1)
    await until(lambda: period_shown(view) == Period.month(Month(2026, 10)))
    assert card(view, "received")[0] == "2"
    view.range_check.setChecked(True)
    await until(lambda: period_shown(view) == Period(Month(2026, 10), Month(2026, 11)))
    assert card(view, "received") == ("6", "— on previous", "▲ 100.00% year on year")
    assert "October 2026 to November 2026" in view.caption.text()


async def test_the_boards_measures_year_to_date_and_definitions(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    view = await open_whole_november(counted, qtbot)
    assert card(view, "responded_or_solved") == (
        "3",
        "▲ 200.00% month on month",
        "▲ 200.00% year on year",
    )
    assert "each counted once" in view.cards["responded_or_solved"].toolTip()
    assert view.claims_label.text() == (
        "Claims by leaders: claimants 1 · units with a claim 2 of 2 (100.00%) · claim rate 75.00%"
    )
    assert "regions of" in view.claims_label.toolTip()
    cumulative = view.cumulative_table
    header = [cumulative.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert header[1:3] == ["January 2026 to November 2026", "January 2025 to November 2025"]
    rows = {
        table_item(cumulative, r, 0).text(): [
            table_item(cumulative, r, c).text() for c in range(1, 4)
        ]
        for r in range(cumulative.rowCount())
    }
    assert rows["Received"] == ["6", "3", "▲ 100.00%"]
    assert "From January" in table_item(cumulative, 0, 1).toolTip()
    assert "history" in view.note_label.text()


def report_of(view: StatisticsView) -> StatisticsReport:
    report = view.presenter.report
    assert report is not None, "the page has no report yet"
    return report


async def test_a_reviewer_closes_a_month_and_a_late_import_shows_as_a_revision(
    counted: UiContext, qtbot: QtBot, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_app.ui.statistics import view as view_module

    view = await open_page(counted, qtbot)
    assert view.close_button.isHidden()  # November is not over yet
    assert view.status_label.text().startswith("Not closed")
    view.step_month(-1)
    await until(lambda: report_of(view).period == Period.month(Month(2026, 10)))
    assert view.close_button.isVisible() and view.close_button.isEnabled()
    monkeypatch.setattr(view_module, "confirm_close", lambda parent, month: True)
    view.close_button.click()
    await until(lambda: report_of(view).publication is not None)
    assert view.status_label.text().startswith("Closed: published on")
    assert "陈静" in view.status_label.text()
    assert view.reopen_button.isVisible() and view.close_button.isHidden()
    assert view.revision_label.isHidden()

    site_a = counted.store.call(
        lambda r: next(s.id or 0 for s in r.sites.list_sites() if s.name == SITE_A)
    )
    late = DemandRow(2, date(2026, 10, 30), "红旗村", site_a, SITE_A, "Ask Politics", "补报")
    counted.store.call(lambda r: r.follow_ups.import_demands([late], "late.csv"))
    counted.bus.announce(Topic.FOLLOW_UPS)
    await until(lambda: view.revision_label.isVisible())
    assert card(view, "received")[0] == "2"  # as published
    assert "Revision as of" in view.revision_label.text()
    assert "Received: 2 → 3" in view.revision_label.text()

    monkeypatch.setattr(view_module, "ask_reopen_reason", lambda parent, month: "补报了10月的留言")
    view.reopen_button.click()
    await until(lambda: report_of(view).publication is None)
    assert card(view, "received")[0] == "3"
    assert "补报了10月的留言" in view.status_label.toolTip()


async def test_only_a_reviewer_may_close_a_month(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    staff = UiContext(
        store=counted.store,
        bus=counted.bus,
        user=User("李敏", Role.STAFF),
        settings=counted.settings,
        clock=counted.clock,
    )
    view = await open_page(staff, qtbot)
    view.step_month(-1)
    await until(lambda: report_of(view).period == Period.month(Month(2026, 10)))
    assert view.close_button.isVisible() and not view.close_button.isEnabled()
    assert view.close_button.toolTip() == "Only a reviewer can close or reopen a month"


async def test_an_empty_database_says_so(context: UiContext, qtbot: QtBot, english: None) -> None:
    view = await open_page(context, qtbot)
    assert not view.empty_label.isHidden()
    assert card(view, "received")[0] == "0"
    assert card(view, "claim_rate")[0] == "—"
    assert view.cards["claim_rate"].basis.text() == "0 of 0 received"
    assert view.earlier_note.isHidden()
    assert table(view, Dimension.SITE) == []


async def test_the_page_follows_new_demands(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    view = await open_page(counted, qtbot)
    site_b = counted.store.call(
        lambda r: next(s.id for s in r.sites.list_sites() if s.name == SITE_B)
    )
    assert site_b is not None
    row = DemandRow(2, NOW.date(), "朝阳区", site_b, SITE_B, "Consumer Rights", "预付卡退费")
    counted.store.call(lambda r: r.follow_ups.import_demands([row], "board.csv"))
    counted.bus.announce(Topic.FOLLOW_UPS)
    await until(lambda: card(view, "received")[0] == "5")
    assert "Consumer Rights" in [r[0] for r in table(view, Dimension.CHANNEL)]


async def test_export_writes_a_workbook_with_numbers(
    counted: UiContext, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    view = await open_page(counted, qtbot)
    path = tmp_path / "statistics.xlsx"
    steps: list[tuple[int, int]] = []
    view.presenter.exportProgress.connect(lambda done, total: steps.append((done, total)))
    view.export_to(path, ExportFormat.XLSX)
    assert (view.progress_dialog is not None, view.export_button.isEnabled()) == (True, False)
    await until(lambda: path.exists() and not view.presenter.exporting)
    assert steps and steps[-1][0] == steps[-1][1]
    assert "Statistics saved as" in view.messages.label.text()
    assert view.progress_dialog is None and view.export_button.isEnabled()
    sheet = openpyxl.load_workbook(path)["Key figures"]
    figures = {row[0].value: row for row in sheet.iter_rows(min_row=7, max_row=14)}
    assert figures["Received"][1].value == 4
    assert figures["Claim rate"][1].value == 0.75
    assert figures["Claim rate"][1].number_format == "0.00%"


async def test_a_cancelled_export_leaves_no_file(
    counted: UiContext, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    view = await open_page(counted, qtbot)
    path = tmp_path / "statistics.pdf"
    view.export_to(path, ExportFormat.PDF)
    assert view.progress_dialog is not None
    view.progress_dialog.canceled.emit()  # what its Cancel button sends
    await until(lambda: not view.presenter.exporting)
    assert "Export stopped; nothing was saved." in view.messages.label.text()
    assert not path.exists()
    assert [p.name for p in tmp_path.iterdir() if "statistics" in p.name] == []  # no .part


async def test_a_failed_export_says_why(
    counted: UiContext, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    view = await open_page(counted, qtbot)
    view.export_to(tmp_path / "missing" / "statistics.json", ExportFormat.JSON)
    await until(lambda: not view.presenter.exporting)
    assert re.search(
        r"Cannot save statistics.json: the folder does not exist", (view.messages.label.text())
    )


async def test_the_main_window_has_the_page_and_its_actions(
    counted: UiContext, qtbot: QtBot, english: None
) -> None:
    from outreach_app.app import build_main_window

    window = build_main_window(counted)
    qtbot.addWidget(window)
    assert "statistics" in window.pages
    texts = [a.text() for a in window.pages["statistics"].actions]
    assert texts == ["Import &demands…", "&Export statistics…"]
    window.pages["statistics"].actions[0].trigger()
    assert window.current_page_key() == "statistics"
    view = window.pages["statistics"].widget
    assert isinstance(view, StatisticsView)
    dialog = view._import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    for spec in window.pages.values():
        presenter = getattr(spec.widget, "presenter", None)
        if presenter is not None and hasattr(presenter, "wait_idle"):
            await presenter.wait_idle()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
async def test_export_writes_a_pdf_report_off_the_gui_thread(
    counted: UiContext, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    view = await open_page(counted, qtbot)
    path = tmp_path / "statistics.pdf"
    view.export_to(path, ExportFormat.PDF)
    await until(lambda: not view.presenter.exporting, timeout=20)
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Demand statistics" in text and "November 2026" in text
    assert SITE_A in text and "75.00%" in text


async def test_an_export_that_breaks_closes_its_progress_dialog(
    counted: UiContext, qtbot: QtBot, tmp_path: Path, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("out of ink")

    monkeypatch.setattr(presenter_module, "write_export", broken)
    view = await open_page(counted, qtbot)
    view.export_to(tmp_path / "statistics.xlsx", ExportFormat.XLSX)
    await until(lambda: not view.presenter.exporting)
    assert view.progress_dialog is None and view.export_button.isEnabled()
    assert "out of ink" in view.messages.label.text()


async def test_the_export_dialog_opens_in_the_last_export_folder_and_remembers_its_own(
    counted: UiContext,
    qtbot: QtBot,
    tmp_path: Path,
    english: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    last = tmp_path / "minutes went here"
    last.mkdir()
    counted.settings.set_export_folder(str(last))
    view = await open_page(counted, qtbot)
    chosen = tmp_path / "figures"
    chosen.mkdir()
    offered: list[Path] = []

    def save_file_name(
        parent: QWidget, caption: str, directory: str, filters: str, selected: str = ""
    ) -> tuple[str, str]:
        offered.append(Path(directory).parent)
        return str(chosen / "统计"), filters.split(";;")[2]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    view.choose_export()
    assert offered == [last]
    await until(lambda: (chosen / "统计.json").exists() and not view.presenter.exporting)
    assert counted.settings.export_folder() == str(chosen)
