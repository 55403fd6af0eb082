"""Where "Læs også" goes in a case page."""

from __future__ import annotations

from midtikulturen.render.cards import Cards
from midtikulturen.render.case_page import RELATED_SLOT, with_related


def test_read_also_fills_the_last_slot_and_leaves_an_editors_comment_alone() -> None:
    story = f"<p>Historien{RELATED_SLOT}</p>"
    page = with_related(f"<article>{story}{RELATED_SLOT}</article>", [], Cards())
    assert page.startswith(f'<article>{story}<section class="mik-related"')
    assert page.endswith("</section></article>")
    assert page.count(RELATED_SLOT) == 1


def test_a_page_without_a_slot_is_left_as_it_is() -> None:
    assert with_related("<article>x</article>", [], Cards()) == "<article>x</article>"
