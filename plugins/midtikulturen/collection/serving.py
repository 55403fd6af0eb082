"""Under `mkdocs serve`, a rebuild that fails on content shows its problems in the browser."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ..content.problems import Problem
from ..render.problems_page import problems_page

log = get_plugin_logger(__name__)


def showing_problems(
    builder: Callable[[], None], site_dir: str, problems: Callable[[], Sequence[Problem]]
) -> Callable[[], None]:
    """builder, but when it fails on content problems the site is a page listing them.

    MkDocs' server otherwise keeps the browser waiting ("will appear stuck") until a build
    succeeds. Every address then answers with the page (the server's 404 page), which
    reloads itself once a later build succeeds.
    """

    def build() -> None:
        try:
            builder()
        except Exception:
            found = problems()
            if not found:
                raise
            page = problems_page(found, epoch=round(time.monotonic() * 1000))
            for name in ("index.html", "404.html"):
                Path(site_dir, name).write_text(page, encoding="utf-8")
            log.info(
                "Problemerne vises også i browseren; siden opdaterer sig selv, når de er rettet."
            )

    return build
