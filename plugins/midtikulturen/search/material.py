"""Material's search plugin kept for its header button and dialog, without its lunr index."""

from __future__ import annotations

from typing import Any

MATERIAL_SEARCH = "material/search"
REPLACED_EVENTS = ("page_context", "post_build", "serve")


class MissingMaterialSearch(Exception):
    """Material's search plugin is off, so the header has no search button to open."""


def take_over_material_search(plugins: Any) -> None:
    """Unregister the events in which Material's search plugin builds and writes its index.

    Material draws the header's search button and includes `partials/search.html` only while
    its search plugin is on; ours replaces that partial and the index. MkDocs registers each
    plugin's bound `on_*` methods when it loads the plugin, so they are removed from
    `plugins.events`; doing it twice (a `serve` rebuild) changes nothing.
    """
    search = plugins.get(MATERIAL_SEARCH)
    if search is None or not search.config.enabled:
        raise MissingMaterialSearch(
            "midtikulturen/search needs Material's search plugin for the header's search "
            "button: list `- search` before `- midtikulturen/search` under `plugins:` in "
            "mkdocs.yml (its lunr index is not built)."
        )
    for event in REPLACED_EVENTS:
        handlers = plugins.events[event]
        handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]
