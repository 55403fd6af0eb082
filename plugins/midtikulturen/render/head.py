"""Page metadata that themes print into `<head>` unescaped, so escaped here."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any


def page_meta(title: str, description: str | None = None, **extra: Any) -> dict[str, Any]:
    """MkDocs page meta for a title and description given as plain text.

    MkDocs renders themes without autoescaping and Material prints `page.meta.title` and
    `page.meta.description` as they are, so plain text must arrive HTML-escaped.
    """
    meta: dict[str, Any] = {"title": escape(title), **extra}
    if description is not None:
        meta["description"] = escape(description)
    return meta


def escaped_meta(meta: Mapping[str, Any]) -> dict[str, str]:
    """A hand-written page's own title and description, escaped as Material needs them."""
    return {
        key: escape(value)
        for key in ("title", "description")
        if isinstance(value := meta.get(key), str)
    }
