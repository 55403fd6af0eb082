"""The page `mkdocs serve` shows in place of the site while content has problems."""

from __future__ import annotations

from collections.abc import Sequence

from ..content.problems import Problem
from .templates import render


def problems_page(problems: Sequence[Problem], epoch: int) -> str:
    """A page listing problems that reloads when the server has built anything newer than epoch.

    It polls the development server's `/livereload/` as MkDocs' own pages do, so saving the
    fix shows the site again.
    """
    return render("problems.html", problems=problems, epoch=epoch)
