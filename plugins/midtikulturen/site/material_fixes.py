"""Material's templates, patched where the Nu Html Checker finds errors in their output.

Each patch replaces one exact piece of Material's own template text when the template is
loaded, so the rest of the file follows Material's updates. If an update changes a piece, the
build stops and says which (a project's own override of the same template is left alone). The
loader applies other modules' patches too (`shared_nav.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound


@dataclass(frozen=True)
class Patch:
    """Replace old with new in template, count times; why says what the checker reported.

    A patch that is not required (a speed-up, not a fix) is skipped where Material's template
    no longer holds old as often, instead of stopping the build.
    """

    template: str
    old: str
    new: str
    count: int
    why: str
    required: bool = True


PATCHES = (
    Patch(
        "base.html",
        ' id="__drawer" autocomplete="off">',
        ' id="__drawer">',
        1,
        "`autocomplete` is not allowed on a checkbox",
    ),
    Patch(
        "base.html",
        ' id="__search" autocomplete="off">',
        ' id="__search">',
        1,
        "`autocomplete` is not allowed on a checkbox",
    ),
    Patch(
        "partials/nav-item.html",
        ' tabindex="{{ tabindex }}"',
        '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}',
        2,
        "`tabindex` must be an integer, not empty (section labels with navigation.tabs)",
    ),
    Patch(
        "partials/toc.html",
        '<label class="md-nav__title" for="__toc">',
        '<label class="md-nav__title"{% if page in nav.pages %} for="__toc"{% endif %}>',
        1,
        "a label's `for` must name a control: `__toc` exists only on pages in the nav",
    ),
)


class PatchError(Exception):
    """Material's template no longer holds the text a patch replaces."""


def patched(name: str, source: str, patches: tuple[Patch, ...] = PATCHES) -> str:
    """source of Material's template name with every patch for it in patches applied."""
    for patch in (p for p in patches if p.template == name):
        found = source.count(patch.old)
        if found != patch.count and not patch.required:
            continue
        if found != patch.count:
            raise PatchError(
                f"Material's {name} holds {found} of {patch.old!r}, not {patch.count}: update "
                f"midtikulturen/site/material_fixes.py for this version ({patch.why})."
            )
        source = source.replace(patch.old, patch.new)
    return source


class PatchingLoader(BaseLoader):
    """Loads templates through another loader, patching those that come from Material."""

    def __init__(
        self, inner: BaseLoader, material_dir: Path, patches: tuple[Patch, ...] = PATCHES
    ) -> None:
        self.inner = inner
        self.material_dir = material_dir
        self.patches = patches

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if filename and Path(filename).is_relative_to(self.material_dir):
            source = patched(template, source, self.patches)
        return source, filename, uptodate

    def from_material(self, environment: Environment, template: str) -> bool:
        """Whether template is Material's own file, not a project's override or missing."""
        try:
            _, filename, _ = self.inner.get_source(environment, template)
        except TemplateNotFound:
            return False
        return filename is not None and Path(filename).is_relative_to(self.material_dir)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
