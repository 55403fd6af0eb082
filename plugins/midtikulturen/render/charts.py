"""Horizontal bar charts as inline SVG, drawn at build time: no script, no fonts, no requests."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markupsafe import Markup

WIDTH = 400
FONT_SIZE = 16
ROW_HEIGHT = 48
BAR_HEIGHT = 18
BAR_TOP = 24
VALUE_ROOM = 120
MAX_NAME = 40
BAR_FALLBACK = "#3949ab"
_ID = re.compile(r"[a-z][a-z0-9-]*")
_SVG = Markup(
    '<svg xmlns="http://www.w3.org/2000/svg" class="mik-chart" role="img" '
    'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width} {height}" '
    'preserveAspectRatio="xMinYMin meet" fill="currentColor" font-size="{font}">'
    '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
    '{rows}</svg>'
)
_ROW = Markup(
    '<g class="mik-chart__row" transform="translate(0 {y})">'
    '<text class="mik-chart__name" x="0" y="{name_y}">{name}</text>'
    '<rect class="mik-chart__bar" x="0" y="{bar_y}" width="{width}" height="{height}" '
    'fill="{fill}"/>'
    '<text class="mik-chart__value" x="{value_x}" y="{value_y}">{value}</text></g>'
)
_EMPTY = Markup('<p class="mik-chart-empty">Der er endnu ingen tal at vise.</p>')


def bar_chart(chart_id: str, title: str, description: str, rows: Sequence[tuple[str, float]],
              value_label: Callable[[float], str]) -> Markup:
    """A bar per (name, value) row, with its name above and value_label(value) beside it.

    chart_id must be lower-case letters, digits and hyphens; it prefixes the ids of the
    title and description. Without rows, a short Danish text replaces the chart.
    """
    if not _ID.fullmatch(chart_id):
        raise ValueError(f"chart id {chart_id!r} must match {_ID.pattern}")
    if not rows:
        return _EMPTY
    largest = max(max(value for _, value in rows), 0)
    drawn = Markup("").join(_row(index, name, value, largest, value_label)
                            for index, (name, value) in enumerate(rows))
    return _SVG.format(id=chart_id, width=WIDTH, height=ROW_HEIGHT * len(rows) + 4,
                       font=FONT_SIZE, title=title, description=description, rows=drawn)


def _row(index: int, name: str, value: float, largest: float,
         value_label: Callable[[float], str]) -> Markup:
    width = bar_width(value, largest)
    return _ROW.format(y=index * ROW_HEIGHT, name_y=FONT_SIZE + 2, name=_shorten(name),
                       bar_y=BAR_TOP, width=_units(width), height=BAR_HEIGHT,
                       fill=BAR_FALLBACK, value_x=_units(width + 6),
                       value_y=BAR_TOP + BAR_HEIGHT - 4, value=value_label(value))


def bar_width(value: float, largest: float) -> float:
    """The bar's length in viewBox units; a value above zero always shows a sliver."""
    if value <= 0 or largest <= 0:
        return 0.0
    return max(value / largest * (WIDTH - VALUE_ROOM), 2.0)


def _shorten(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1].rstrip() + "…"


def _units(length: float) -> str:
    return f"{round(length, 1):g}"

