"""Under `mkdocs serve`, a build that fails on content shows its problems in the browser."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.commands import serve
from mkdocs.plugins import get_plugin_logger

from ..content.problems import Problem
from ..render.problems_page import problems_page

log = get_plugin_logger(__name__)


def show_problems_while_serving(problems: Callable[[], Sequence[Problem]]) -> None:
    """Make every build of this `mkdocs serve` session, the first one too, leave a page listing
    the content problems that stopped it, instead of stopping the server.

    MkDocs' server otherwise exits when the first build fails, and keeps the browser waiting
    ("will appear stuck") when a rebuild does. `serve` calls `build` by its module's name for
    the first build and every rebuild, so that name is wrapped once per process; a later
    session in the same process brings its own problems. Every address then answers with the
    page (the server's 404 page), which reloads itself once a later build succeeds.
    """
    if isinstance(serve.build, _ShowingProblems):
        serve.build.problems = problems
    else:
        serve.build = _ShowingProblems(serve.build, problems)


class _ShowingProblems:
    """serve's `build`, leaving the problems page in the site when content stops it."""

    def __init__(
        self, build: Callable[..., None], problems: Callable[[], Sequence[Problem]]
    ) -> None:
        self.build, self.problems = build, problems

    def __call__(self, config: Any, **options: Any) -> None:
        try:
            self.build(config, **options)
        except Exception:
            found = self.problems()
            if not found:
                raise
            page = problems_page(found, epoch=round(time.monotonic() * 1000))
            Path(config.site_dir).mkdir(parents=True, exist_ok=True)
            for name in ("index.html", "404.html"):
                Path(config.site_dir, name).write_text(page, encoding="utf-8")
            log.info(
                "Problemerne vises også i browseren; siden opdaterer sig selv, når de er rettet."
            )
