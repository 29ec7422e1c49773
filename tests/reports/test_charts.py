"""Chart geometry: bars proportional to the figures, every month shown, values as text."""

import datetime as dt

from reports.charts import PLOT_WIDTH, month_chart, rate_chart
from reports.selectors import GroupRow


def test_rate_bars_are_proportional_and_labelled():
    rows = [
        GroupRow(level="school", pk=1, name="ОУ „Христо Ботев“", completed=3, not_started=1),
        GroupRow(level="school", pk=2, name="СУ „Г. С. Раковски“", completed=1, in_progress=3),
    ]
    chart = rate_chart(rows)
    first, second = chart.bars
    assert first.width == PLOT_WIDTH * 0.75
    assert second.width == PLOT_WIDTH * 0.25
    assert first.text == "75 % (3/4)"
    assert second.y > first.y


def test_month_chart_fills_the_months_without_completions():
    chart = month_chart([(dt.date(2026, 1, 1), 4), (dt.date(2026, 4, 1), 2)])
    assert [bar.label for bar in chart.bars] == ["01.2026", "02.2026", "03.2026", "04.2026"]
    assert [bar.text for bar in chart.bars] == ["4", "0", "0", "2"]
    assert chart.bars[0].height == 2 * chart.bars[3].height


def test_empty_month_chart():
    assert month_chart([]).bars == []
