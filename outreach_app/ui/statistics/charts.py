"""The statistics charts (Qt Charts): where the demands of each group stood at the end of the
period, as stacked bars, and the 13-month trend as lines. The page shows them in chart views;
the PDF report draws the same charts into images."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from outreach_app.core.statistics import Dimension, Group, StatisticsReport
from outreach_app.ui.statistics.labels import (
    group_label,
    measure_label,
    short_month_label,
    state_label,
)

# Solved in green, then the steps before it, open in grey.
STATE_COLOURS = {
    "solved": "#2e7d32",
    "responded": "#1565c0",
    "claimed": "#f29900",
    "open": "#9aa0a6",
}
TREND_COLOURS = {"received": "#a4161a", "claimed": "#f29900", "solved": "#2e7d32"}
MAX_BARS = 12  # the rest of the groups are in the tables


def _axis_font(chart: QChart, scale: float) -> QFont:
    font = QFont(chart.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def _integer_axis(axis: QValueAxis, top: int) -> None:
    """Whole numbers only, with a few ticks and some room above the highest bar."""
    top = max(top, 1)
    step = max(1, -(-top // 5))
    axis.setRange(0, step * (-(-top // step)) + (step if top >= 5 else 0))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")


def state_chart(
    title: str, dimension: Dimension, groups: Sequence[Group], *, scale: float = 1.0
) -> QChart:
    """One horizontal bar per group: its demands received, split by where they stood at the
    end of the period (solved, responded, claimed, still open)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    shown = [g for g in groups if g.counts.received][:MAX_BARS]
    # The largest group on top: horizontal bars run from the bottom up.
    shown.reverse()
    series = QHorizontalStackedBarSeries()
    for state in ("solved", "responded", "claimed", "open"):
        bar_set = QBarSet(state_label(state))
        bar_set.setColor(QColor(STATE_COLOURS[state]))
        bar_set.setBorderColor(QColor(STATE_COLOURS[state]))
        bar_set.append([float(getattr(g.counts.state_at_end, state)) for g in shown])
        series.append(bar_set)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    names = unique_labels([_elide(group_label(dimension, g)) for g in shown])
    category_axis = QBarCategoryAxis()
    category_axis.append(names or [""])
    category_axis.setLabelsFont(_axis_font(chart, scale))
    value_axis = QValueAxis()
    _integer_axis(value_axis, max((g.counts.received for g in shown), default=0))
    value_axis.setLabelsFont(_axis_font(chart, scale))
    chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    return chart


def unique_labels(labels: list[str]) -> list[str]:
    """A category axis drops a label it already has (11月 of last year and of this year):
    invisible zero-width spaces keep each one."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        count = seen.get(label, 0)
        seen[label] = count + 1
        unique.append(label + "\u200b" * count)
    return unique


def _elide(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trend_chart(title: str, report: StatisticsReport, *, scale: float = 1.0) -> QChart:
    """Received, claimed and solved in each of the 13 months up to the period's end."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    months = QBarCategoryAxis()
    months.append(
        unique_labels(
            [
                short_month_label(p.month, with_year=p.month.month == 1 and index > 0)
                for index, p in enumerate(report.trend)
            ]
        )
        or [""]
    )
    months.setLabelsFont(_axis_font(chart, scale))
    values = QValueAxis()
    top = max(
        (max(p.counts.received, p.counts.claimed, p.counts.solved) for p in report.trend),
        default=0,
    )
    _integer_axis(values, top)
    values.setLabelsFont(_axis_font(chart, scale))
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for measure in ("received", "claimed", "solved"):
        line = QLineSeries()
        line.setName(measure_label(measure))
        pen = QPen(QColor(TREND_COLOURS[measure]))
        pen.setWidthF(2.5 * scale)
        if measure == "claimed":
            pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.setPointsVisible(True)
        for index, point in enumerate(report.trend):
            line.append(QPointF(index, float(getattr(point.counts, measure))))
        chart.addSeries(line)
        line.attachAxis(months)
        line.attachAxis(values)
    return chart


def chart_image(chart: QChart, size: QSize, ratio: float = 2.0) -> QImage:
    """Draw `chart` at `size` (logical pixels) into an image `ratio` times as fine, for print.

    GUI thread only: charts are graphics widgets."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(size.width(), size.height())
    scene.setSceneRect(QRectF(0, 0, size.width(), size.height()))
    # The chart lays itself out on a later event: do it now, for this size.
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    image = QImage(
        round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), scene.sceneRect())
    painter.end()
    scene.removeItem(chart)
    return image
