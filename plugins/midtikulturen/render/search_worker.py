"""Point Material at our search worker, which wraps Material's own (see search-worker.js)."""

from __future__ import annotations

import re
from urllib.parse import quote

WORKER_URI = "assets/javascripts/workers/midtikulturen-search.js"
_MATERIAL_WORKER = re.compile(
    r'("search":\s*")([^"]*?)(search\.[0-9a-f]+\.min\.js)(")')


def use_danish_worker(page_html: str) -> str:
    """page_html with Material's search worker URL replaced by ours, which loads Material's."""
    return _MATERIAL_WORKER.sub(
        lambda m: f"{m[1]}{m[2]}midtikulturen-search.js?{quote(m[3])}{m[4]}", page_html, count=1)
