"""The HTML of a case page: its metadata around the rendered story."""

from __future__ import annotations

from markupsafe import Markup

from ..content.model import Case
from .templates import render


def render_case(case: Case, body_html: str, image_url: str | None) -> str:
    """The case page's content: header, facts, the story, contributors and sources."""
    return render("case.html", case=case, body=Markup(body_html), image_url=image_url)
