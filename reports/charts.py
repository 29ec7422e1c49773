"""Geometry for the server-rendered SVG charts (no JavaScript, no chart library).

Pure functions: they take figures and return the numbers the template draws. Every bar also
carries its value as text, so the chart reads without colour, prints in black and white, and the
page repeats the figures in a table for screen readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 260
PLOT_WIDTH = 400
MARGIN = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    axis: list[tuple[float, str]]
    plot_left: float
    plot_top: float
    plot_height: float


def rate_chart(rows) -> Chart:
    """Horizontal bars: completion rate (0–100 %) per region, district, municipality or school."""
    bars = []
    top = MARGIN + 16
    for index, row in enumerate(rows):
        y = top + index * (BAR_HEIGHT + BAR_GAP)
        width = PLOT_WIDTH * row.rate / 100
        bars.append(
            Bar(
                label=row.name[:40],
                value=row.rate,
                text=f"{row.rate:g} % ({row.completed}/{row.teachers})".replace(".", ","),
                x=LABEL_WIDTH,
                y=y,
                width=round(width, 1),
                height=BAR_HEIGHT,
            )
        )
    height = top + len(bars) * (BAR_HEIGHT + BAR_GAP) + MARGIN
    axis = [(LABEL_WIDTH + PLOT_WIDTH * p / 100, f"{p} %") for p in (0, 25, 50, 75, 100)]
    return Chart(
        width=LABEL_WIDTH + PLOT_WIDTH + 140,
        height=height,
        bars=bars,
        axis=axis,
        plot_left=LABEL_WIDTH,
        plot_top=top,
        plot_height=height - top - MARGIN,
    )


def month_chart(months: list[tuple[dt.date, int]]) -> Chart:
    """Vertical bars: completions per month, every month between the first and the last."""
    filled = _every_month(months)
    column = 44
    plot_height = 200
    top = MARGIN + 20
    biggest = max((n for _m, n in filled), default=0) or 1
    bars = []
    for index, (month, count) in enumerate(filled):
        height = plot_height * count / biggest
        bars.append(
            Bar(
                label=date_format(month, "m.Y"),
                value=count,
                text=str(count),
                x=60 + index * column,
                y=round(top + plot_height - height, 1),
                width=column - 10,
                height=round(height, 1),
            )
        )
    return Chart(
        width=60 + max(len(bars), 1) * column + MARGIN,
        height=top + plot_height + 50,
        bars=bars,
        axis=[],
        plot_left=60,
        plot_top=top,
        plot_height=plot_height,
    )


def _every_month(months: list[tuple[dt.date, int]]) -> list[tuple[dt.date, int]]:
    if not months:
        return []
    counts = {m.replace(day=1): n for m, n in months}
    current, last = min(counts), max(counts)
    result = []
    while current <= last and len(result) < 60:
        result.append((current, counts.get(current, 0)))
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return result
