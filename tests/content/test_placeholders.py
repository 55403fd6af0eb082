"""The example texts of `midtikulturen new` are the ones the publishing check looks for."""

from __future__ import annotations

from midtikulturen import scaffold
from midtikulturen.content.placeholders import _BODY_START, BODIES, FIELDS

TEMPLATES = (scaffold.CASE, scaffold.GUIDE, scaffold.HOUSE, scaffold.EPISODE, scaffold.EVENT)


def test_every_example_text_is_one_the_scaffold_writes() -> None:
    written = "\n".join(TEMPLATES)
    assert [text for text in FIELDS if f'"{text}"' not in written] == []
    assert [text for text in BODIES if text not in written] == []


def test_every_template_ends_in_an_example_body_the_check_finds() -> None:
    for template in TEMPLATES:
        body = template.split("\n---\n", 1)[1]
        assert any(line.strip().startswith(BODIES) for line in body.splitlines()), body
    # placeholder_problems reads a body's lines only when it holds _BODY_START
    assert all(text.startswith(_BODY_START) for text in BODIES)
