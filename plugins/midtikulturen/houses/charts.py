"""Horizontal bar charts as inline SVG, drawn at build time: no script, no fonts, no requests.

The chart has no viewBox: its text is drawn at the page's own text size (it inherits the
font size, and every vertical position is in `em`), while the bars are percentages of the
chart's width. So the labels read like the body text on a phone and on a wide screen alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markupsafe import Markup

BAR_SPACE = 70.0  # percent of the width the longest bar takes; the rest holds its value
ROW_EM = 3.0  # a row: the name on a line, the bar below it with its value beside it
NAME_Y = 1.1
BAR_Y = 1.45
BAR_EM = 1.1
VALUE_Y = 2.3
VALUE_GAP = 1.5  # percent between a bar's end and its value
MAX_NAME = 40
BAR_FALLBACK = "#3949ab"
_ID = re.compile(r"[a-z][a-z0-9-]*")
_SVG = Markup(
    '<svg xmlns="http://www.w3.org/2000/svg" class="mik-chart" role="img" '
    'aria-labelledby="{id}-title {id}-desc" width="100%" height="{height}em" '
    'fill="currentColor">'
    '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
    "{rows}</svg>"
)
_ROW = Markup(
    '<g class="mik-chart__row">'
    '<text class="mik-chart__name" x="0" y="{name_y}em">{name}</text>'
    '<rect class="mik-chart__bar" x="0" y="{bar_y}em" width="{width}%" height="{height}em" '
    'fill="{fill}"/>'
    '<text class="mik-chart__value" x="{value_x}%" y="{value_y}em">{value}</text></g>'
)
_EMPTY = Markup('<p class="mik-chart-empty">Der er endnu ingen tal at vise.</p>')


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, float]],
    value_label: Callable[[float], str],
) -> Markup:
    """A bar per (name, value) row, with its name above and value_label(value) beside it.

    chart_id must be lower-case letters, digits and hyphens; it prefixes the ids of the
    title and description. Without rows, a short Danish text replaces the chart.
    """
    if not _ID.fullmatch(chart_id):
        raise ValueError(f"chart id {chart_id!r} must match {_ID.pattern}")
    if not rows:
        return _EMPTY
    largest = max(max(value for _, value in rows), 0)
    drawn = Markup("").join(
        _row(index, name, value, largest, value_label) for index, (name, value) in enumerate(rows)
    )
    return _SVG.format(
        id=chart_id,
        height=_units(ROW_EM * len(rows) + 0.3),
        title=title,
        description=description,
        rows=drawn,
    )


def _row(
    index: int, name: str, value: float, largest: float, value_label: Callable[[float], str]
) -> Markup:
    width = bar_width(value, largest)
    top = index * ROW_EM
    return _ROW.format(
        name_y=_units(top + NAME_Y),
        name=_shorten(name),
        bar_y=_units(top + BAR_Y),
        width=_units(width),
        height=_units(BAR_EM),
        fill=BAR_FALLBACK,
        value_x=_units(width + VALUE_GAP),
        value_y=_units(top + VALUE_Y),
        value=value_label(value),
    )


def bar_width(value: float, largest: float) -> float:
    """The bar's length in percent of the chart's width; a value above zero shows a sliver."""
    if value <= 0 or largest <= 0:
        return 0.0
    return max(value / largest * BAR_SPACE, 0.5)


def _shorten(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1].rstrip() + "…"


def _units(length: float) -> str:
    return f"{round(length, 2):g}"
