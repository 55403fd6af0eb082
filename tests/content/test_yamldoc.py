"""How front-matter YAML reads plain values: YAML 1.1 numbers and nulls, but no surprises."""

from __future__ import annotations

import pytest

from midtikulturen.content.yamldoc import parse_yaml

SCALARS = [
    # as written, as read
    ("true", True),
    ("False", False),
    ("TRUE", True),
    ("'true'", "true"),
    ("yes", "yes"),
    ("NO", "NO"),
    ("on", "on"),
    ("Off", "Off"),
    ("y", "y"),
    ("2021-06-03", "2021-06-03"),
    ("2021-13-40", "2021-13-40"),
    ("2020-10", "2020-10"),
    ("12", 12),
    ("-3", -3),
    ("0x1F", 31),
    ("1_000", 1000),
    ("010", "010"),
    ('"12"', "12"),
    ("0773", "0773"),
    ("1:20", "1:20"),
    ("-0", 0),
    ("1:20.5", "1:20.5"),
    ("0", 0),
    ("1.5", 1.5),
    ("1e3", "1e3"),
    ("~", None),
    ("null", None),
    ("", None),
    ("''", ""),
    ("Nul", "Nul"),
    ("nordisk", "nordisk"),
    ("Tønder", "Tønder"),
    ("[NO, yes]", ["NO", "yes"]),
    ("{start: 2020-10, end: true}", {"start": "2020-10", "end": True}),
]


@pytest.mark.parametrize(("written", "read"), SCALARS, ids=[w or "empty" for w, _ in SCALARS])
def test_a_plain_value_reads_as_editors_mean_it(written: str, read: object) -> None:
    assert parse_yaml(f"key: {written}\n").data == {"key": read}


def test_a_key_is_resolved_like_a_value() -> None:
    assert parse_yaml("true: a\n12: b\nno: c\n").data == {True: "a", 12: "b", "no": "c"}
