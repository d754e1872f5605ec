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
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from outreach_app.core.statistics import Dimension, Group, StatisticsReport
from outreach_app.ui.statistics.labels import (
    coinciding_label,
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
# Each line narrower than the one drawn before it, with smaller markers: where two months (or
# two whole lines) have the same value, the later line runs inside the earlier and both show.
TREND_LINES: dict[str, tuple[float, float, Qt.PenStyle]] = {
    "received": (4.5, 10.0, Qt.PenStyle.SolidLine),
    "claimed": (2.75, 7.0, Qt.PenStyle.DashLine),
    "solved": (1.25, 4.0, Qt.PenStyle.SolidLine),
}
MAX_BARS = 12  # the rest of the groups are in the tables


def _axis_font(chart: QChart, scale: float) -> QFont:
    font = QFont(chart.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def round_ticks(top: int, ticks: int = 5) -> tuple[int, int]:
    """The axis maximum and the step between ticks for values up to `top`: the step is 1, 2 or
    5 times a power of ten (no more than about `ticks` steps), and the maximum a step above the
    highest value, so that nothing touches the frame."""
    top = max(top, 1)
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if step * ticks >= top:
                return step * (top // step + 1), step
        power *= 10


def _integer_axis(axis: QValueAxis, top: int) -> None:
    """Whole numbers only, ticks at round values, some room above the highest value."""
    maximum, step = round_ticks(top)
    axis.setRange(0, maximum)
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
    names = unique_labels(
        [
            short_month_label(p.month, with_year=p.month.month == 1 and index > 0)
            for index, p in enumerate(report.trend)
        ]
    )
    if names and report.counted_to is not None:
        # The last month is not over: its fall is not a trend.
        # On a line of its own (axis labels take HTML): one long label is cut short otherwise.
        names[-1] = QCoreApplication.translate("statistics", "%1<br>(so far)").replace(
            "%1", names[-1]
        )
    months.append(names or [""])
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
    drawn: dict[str, list[int]] = {}
    for measure, (width, marker, style) in TREND_LINES.items():
        line = QLineSeries()
        counts = [int(getattr(point.counts, measure)) for point in report.trend]
        same = next((m for m, earlier in drawn.items() if earlier == counts), None)
        drawn[measure] = counts
        line.setName(measure_label(measure) if same is None else coinciding_label(measure, same))
        pen = QPen(QColor(TREND_COLOURS[measure]))
        pen.setWidthF(width * scale)
        pen.setStyle(style)
        line.setPen(pen)
        line.setPointsVisible(True)
        line.setMarkerSize(marker * scale)
        for index, count in enumerate(counts):
            line.append(QPointF(index, float(count)))
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
