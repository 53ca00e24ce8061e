"""The consumption chart of the account history (用气量): 24 months of bars, cycle and tiers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem, QToolTip, QWidget

from app.domain.tariff import LITRES_PER_M3, format_m3
from app.services.billing_dto import AccountHistory, BillView, MonthPoint

_BAR_COLOUR = QColor("#2b5797")
_CUMULATIVE_COLOUR = QColor("#e67e22")
_THRESHOLD_COLOUR = QColor("#c0392b")
_TAG_BACKGROUND = QColor(255, 255, 255, 215)
_ABOVE_SERIES = 100  # QtCharts draws its series at small z values; labels go on top


def cumulative_by_month(
    months: Sequence[MonthPoint], bills: Sequence[BillView], now_litres: int
) -> list[int]:
    """The cycle's cumulative volume at the end of each month, in litres.

    A month takes the cumulative of its newest bill (bills are newest first, a reversal
    included), a month without a bill keeps the month before's, and the current month shows
    the account's cumulative now — so a new cycle shows as a drop to zero.
    """
    first = months[0].month if months else date.max
    by_month: dict[date, int] = {}
    before = 0
    for bill in reversed(bills):  # oldest first, so the newest bill of a month wins
        month = bill.period_to.replace(day=1)
        if month < first:
            before = bill.cumulative_litres
        else:
            by_month[month] = bill.cumulative_litres
    values = []
    for point in months:
        before = by_month.get(point.month, before)
        values.append(before)
    if values:
        values[-1] = now_litres
    return values


def _m3(litres: int) -> float:
    return litres / LITRES_PER_M3  # display only: the chart draws floats, the totals never do


class ConsumptionChart(QChartView):
    """Monthly consumption, the cycle's cumulative volume and the tier thresholds.

    Bars: m³ per month (left axis). Line: the cycle's cumulative (right axis). Each tier
    threshold is a dashed line on the cumulative axis, labelled in the plot. The months are
    written under the bars by the chart itself (the month number, and the year under each
    January): an axis would elide 24 dates to "…" at this width.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(240, 150)  # the tab keeps a small window usable; it grows
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() * 0.8, 7.0))
        line = QFontMetrics(self._small).height()
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 0, 4, 2 * line + 8))  # room for month and year
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.legend().setFont(self._small)
        self.setChart(chart)
        self.bar_set: QBarSet | None = None
        self.cumulative_series: QLineSeries | None = None
        self.threshold_series: list[QLineSeries] = []
        self.threshold_labels: list[QGraphicsSimpleTextItem] = []
        self.month_labels: list[QGraphicsSimpleTextItem] = []
        self._tags: list[QGraphicsRectItem] = []
        self._months: tuple[MonthPoint, ...] = ()
        self._build_axes(chart)
        chart.plotAreaChanged.connect(self._place_labels)

    def _build_axes(self, chart: QChart) -> None:
        self.month_axis = QBarCategoryAxis()
        self.month_axis.setLabelsVisible(False)
        self.volume_axis = QValueAxis()
        self.volume_axis.setTitleText(self.tr("m³ per month"))
        self.cumulative_axis = QValueAxis()
        self.cumulative_axis.setTitleText(self.tr("m³ this cycle"))
        for axis in (self.volume_axis, self.cumulative_axis):
            axis.setLabelFormat("%d")
            axis.setLabelsFont(self._small)
            axis.setTitleFont(self._small)
        self.cumulative_axis.setGridLineVisible(False)
        chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.volume_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.cumulative_axis, Qt.AlignmentFlag.AlignRight)

    def clear(self) -> None:
        """Show an empty chart."""
        self.chart().removeAllSeries()
        self.bar_set = None
        self.cumulative_series = None
        self.threshold_series = []
        self._months = ()
        self._drop_labels()
        self.month_axis.clear()

    def show_history(self, history: AccountHistory) -> None:
        """Draw the history's 24 months, its cumulative line and its tier thresholds."""
        self.clear()
        months = self._months = history.months
        self.month_axis.append([f"{p.month:%Y-%m}" for p in months])
        self._add_bars(months)
        cumulative = cumulative_by_month(months, history.bills, history.cumulative_litres)
        self._add_cumulative(cumulative)
        for threshold in history.thresholds:
            self._add_threshold(threshold, len(months))
        top = max([*cumulative, *history.thresholds, 1])
        self.cumulative_axis.setRange(0, _m3(top) * 1.1)
        self.cumulative_axis.applyNiceNumbers()
        self._add_labels()
        self._place_labels()

    def _add_bars(self, months: Sequence[MonthPoint]) -> None:
        self.bar_set = QBarSet(self.tr("Consumption (m³)"))
        self.bar_set.setColor(_BAR_COLOUR)
        self.bar_set.setBorderColor(_BAR_COLOUR)
        self.bar_set.append([_m3(p.litres) for p in months])
        series = QBarSeries()
        series.setBarWidth(0.7)
        series.append(self.bar_set)
        series.hovered.connect(self._bar_hovered)
        self._attach(series, self.volume_axis)
        top = max([p.litres for p in months] + [1])
        self.volume_axis.setRange(0, _m3(top) * 1.15)
        self.volume_axis.applyNiceNumbers()

    def _add_cumulative(self, values: Sequence[int]) -> None:
        series = QLineSeries()
        series.setName(self.tr("Cumulative this cycle (m³)"))
        series.setPen(QPen(_CUMULATIVE_COLOUR, 3))
        series.setPointsVisible(True)
        series.append([QPointF(i, _m3(v)) for i, v in enumerate(values)])
        self._attach(series, self.cumulative_axis)
        self.cumulative_series = series

    def _add_threshold(self, litres: int, count: int) -> None:
        series = QLineSeries()
        series.setName(self._threshold_text(len(self.threshold_series) + 2, litres))
        series.setPen(QPen(_THRESHOLD_COLOUR, 2, Qt.PenStyle.DashLine))
        series.append([QPointF(-0.5, _m3(litres)), QPointF(count - 0.5, _m3(litres))])
        self._attach(series, self.cumulative_axis)
        for marker in self.chart().legend().markers(series):
            marker.setVisible(False)  # labelled in the plot, on the line itself
        self.threshold_series.append(series)

    def _threshold_text(self, tier: int, litres: int) -> str:
        return self.tr("Tier {tier} from {volume} m³").format(tier=tier, volume=format_m3(litres))

    def _attach(self, series: QBarSeries | QLineSeries, value_axis: QValueAxis) -> None:
        self.chart().addSeries(series)
        series.attachAxis(self.month_axis)
        series.attachAxis(value_axis)

    def _bar_hovered(self, status: bool, index: int, _bar_set: QBarSet) -> None:
        if status and 0 <= index < len(self._months):
            point = self._months[index]
            QToolTip.showText(QCursor.pos(), self.tr("{month}: {volume} m³").format(
                month=f"{point.month:%Y-%m}", volume=format_m3(point.litres)), self)
        else:
            QToolTip.hideText()

    def _add_labels(self) -> None:
        chart = self.chart()
        for series in self.threshold_series:
            tag = QGraphicsRectItem(chart)  # a light box, so the text reads across the bars
            tag.setBrush(_TAG_BACKGROUND)
            tag.setPen(QPen(Qt.PenStyle.NoPen))
            tag.setZValue(_ABOVE_SERIES)
            text = QGraphicsSimpleTextItem(series.name(), tag)
            text.setBrush(_THRESHOLD_COLOUR)
            text.setFont(self._small)
            tag.setRect(text.boundingRect().adjusted(-3, 0, 3, 0))
            self._tags.append(tag)
            self.threshold_labels.append(text)
        for k, point in enumerate(self._months):
            first = k == 0 or point.month.month == 1
            text = f"{point.month.month}\n{point.month.year}" if first else str(point.month.month)
            item = QGraphicsSimpleTextItem(text, chart)
            item.setFont(self._small)
            self.month_labels.append(item)

    def _drop_labels(self) -> None:
        for item in (*self._tags, *self.month_labels):
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)
        self._tags = []
        self.threshold_labels = []
        self.month_labels = []

    def _place_labels(self) -> None:
        """Threshold labels just above their lines at the plot's left; months under the bars."""
        chart = self.chart()
        area = chart.plotArea()
        for tag, series in zip(self._tags, self.threshold_series, strict=True):
            y = chart.mapToPosition(series.at(0), series).y()
            tag.setPos(area.left() + 8, y - tag.rect().height() - 1)
            tag.setVisible(area.top() <= y <= area.bottom())
        if not self.month_labels:
            return
        slot = area.width() / len(self.month_labels)
        for k, item in enumerate(self.month_labels):
            width = QFontMetrics(self._small).horizontalAdvance(item.text().split("\n")[0])
            item.setPos(area.left() + (k + 0.5) * slot - width / 2, area.bottom() + 4)
