"""Bar charts as inline SVG: accessible, escaped, responsive and self-contained."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from lxml import etree

from midtikulturen.houses.charts import BAR_SPACE, bar_chart, bar_width
from tests.sitebuilder import REPO

CHART_CSS = (REPO / "plugins/midtikulturen/assets/midtikulturen.css").read_text(encoding="utf-8")

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>&"'


def chart(
    rows: Sequence[tuple[str, float]],
    title: str = "Huse pr. kommune",
    description: str = "Antal huse i hver kommune.",
) -> etree._Element:
    markup = bar_chart("huse", title, description, rows, lambda v: f"{v:g} huse")
    return etree.fromstring(str(markup).encode())


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (luminance(hex_colour) + 0.05)


def test_title_and_description_label_the_image() -> None:
    svg = chart([("Viborg", 3)])
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "Huse pr. kommune"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert svg.find(f"{SVG}desc").text == "Antal huse i hver kommune."
    assert title_id != desc_id


def test_each_row_is_a_group_with_a_bar_its_name_and_its_value() -> None:
    svg = chart([("Viborg", 4), ("Skive", 2), ("Lemvig", 0)])
    groups = svg.findall(f"{SVG}g")
    assert len(groups) == 3
    texts = [[t.text for t in g.findall(f"{SVG}text")] for g in groups]
    assert texts == [["Viborg", "4 huse"], ["Skive", "2 huse"], ["Lemvig", "0 huse"]]
    widths = [g.find(f"{SVG}rect").get("width") for g in groups]
    assert widths == [f"{BAR_SPACE:g}%", f"{BAR_SPACE / 2:g}%", "0%"]


def em(value: str | None) -> float:
    assert value is not None and value.endswith("em"), value
    return float(value.removesuffix("em"))


def test_rows_are_stacked_without_overlap_inside_the_chart() -> None:
    svg = chart([("Viborg", 4), ("Skive", 2), ("Lemvig", 1)])
    tops = []
    for group in svg.findall(f"{SVG}g"):
        name, value = group.findall(f"{SVG}text")
        bar = group.find(f"{SVG}rect")
        top, bottom = em(name.get("y")) - 1, em(bar.get("y")) + em(bar.get("height"))
        assert top < em(bar.get("y")) - 0.2 and em(value.get("y")) <= bottom + 0.2
        tops.append((top, bottom))
    assert all(below[0] >= above[1] for above, below in zip(tops, tops[1:], strict=False))
    assert tops[-1][1] <= em(svg.get("height"))


def test_hostile_text_is_escaped_everywhere() -> None:
    markup = str(bar_chart("huse", HOSTILE, HOSTILE, [(HOSTILE, 1)], lambda v: HOSTILE))
    assert "<script" not in markup
    svg = etree.fromstring(markup.encode())
    assert not [e for e in svg.iter() if etree.QName(e).localname == "script"]
    assert svg.find(f"{SVG}title").text == HOSTILE
    assert svg.find(f"{SVG}desc").text == HOSTILE
    assert [t.text for t in svg.iter(f"{SVG}text")] == [HOSTILE, HOSTILE]


def test_the_chart_is_as_wide_as_its_column_and_its_text_the_pages_size() -> None:
    svg = chart([("Viborg", 4)])
    assert svg.get("viewBox") is None, "a viewBox would scale the text with the chart"
    assert svg.get("width") == "100%" and svg.get("height").endswith("em")
    assert (
        svg.get("font-size") is None
        and "font-size" not in CHART_CSS.split(".mik-chart {")[1].split("}")[0]
    )
    assert all(t.get("font-size") is None for t in svg.iter(f"{SVG}text"))


def test_colours_contrast_with_white() -> None:
    svg = chart([("Viborg", 4)])
    assert svg.get("fill") == "currentColor"
    assert all(t.get("fill") is None for t in svg.iter(f"{SVG}text"))
    bar = svg.find(f"{SVG}g/{SVG}rect").get("fill")
    assert contrast_with_white(bar) >= 3
    assert "fill: var(--md-primary-fg-color)" in CHART_CSS
    assert contrast_with_white("#4051b5") >= 3, "Material's indigo, the site's primary colour"


def test_the_chart_needs_no_script_and_fetches_nothing() -> None:
    markup = str(bar_chart("huse", "T", "D", [("Viborg", 4)], str))
    svg = etree.fromstring(markup.encode())
    attributes = [value for e in svg.iter() for value in e.attrib.values()]
    assert not [
        e for e in svg.iter() if etree.QName(e).localname in ("script", "image", "style", "a")
    ]
    assert not [v for v in attributes if "http" in v or "url(" in v]


def test_no_rows_give_a_short_danish_text_instead_of_an_empty_chart() -> None:
    markup = str(bar_chart("huse", "Hustyper", "D", [], str))
    assert "<svg" not in markup
    assert "ingen tal" in markup


def test_a_long_name_is_shortened_to_fit() -> None:
    svg = chart([("Kulturhus " * 8, 1)])
    name = svg.find(f"{SVG}g/{SVG}text").text
    assert len(name) <= 40 and name.endswith("…")


@pytest.mark.parametrize("chart_id", ["", "Huse", "a b", 'x" onload="alert(1)'])
def test_a_chart_id_that_is_not_a_plain_slug_is_refused(chart_id: str) -> None:
    with pytest.raises(ValueError):
        bar_chart(chart_id, "T", "D", [("Viborg", 1)], str)


@pytest.mark.parametrize(
    ("value", "largest", "expected"),
    [
        (0, 10, 0.0),
        (-1, 10, 0.0),
        (5, 0, 0.0),
        (10, 10, BAR_SPACE),
        (5, 10, BAR_SPACE / 2),
        (0.001, 10, 0.5),
    ],
)
def test_bar_width(value: float, largest: float, expected: float) -> None:
    assert bar_width(value, largest) == expected
