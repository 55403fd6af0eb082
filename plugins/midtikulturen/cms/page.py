"""The admin page that loads Decap CMS, and the files /admin/ serves."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .bundle import MAIN, Bundle, sri
from .decap import Backend

ADMIN_SCRIPT = Path(__file__).with_name("admin.js")
ADMIN_STYLES = Path(__file__).with_name("admin.css")
GITHUB_API = "https://api.github.com"
TITLE = "Redigér Midt i Kulturen"


@dataclass(frozen=True)
class AdminPage:
    """What the admin page needs besides the bundle: the settings its script reads."""

    settings: dict[str, Any]
    backend: Backend


def origin(url: str) -> str:
    """The scheme, host and port of url: what a Content Security Policy names."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(backend: Backend) -> str:
    """The browser may ask only the site, GitHub's API and the local proxy for anything.

    Decap's GitHub backend also asks githubstatus.com every five minutes and shows the
    editor's avatar from GitHub's image host; both are blocked here. Decap compiles its
    configuration schema with `new Function` (ajv) and decodes images with WebAssembly.
    """
    connect = " ".join(["'self'", "blob:", "data:", GITHUB_API, origin(backend.local_proxy)])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src {connect}",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


def admin_html(page: AdminPage, bundle: Bundle) -> str:
    """The HTML of /admin/: Decap from the site itself, checked by its integrity hash."""
    settings = json.dumps(page.settings, ensure_ascii=False, separators=(",", ":"))
    settings = settings.replace("<", "\\u003c")  # never ends the script element early
    main = f"{bundle.folder}/{MAIN}"
    script = ADMIN_SCRIPT.read_bytes()
    policy = escape(content_security_policy(page.backend), quote=False)
    return f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{TITLE}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="admin.css">
<script type="application/json" id="mik-cms">{settings}</script>
</head>
<body>
<script src="{escape(main)}" integrity="{bundle.integrity[MAIN]}"></script>
<script src="admin.js" integrity="{sri(script)}"></script>
</body>
</html>
"""


def admin_files(page: AdminPage, bundle: Bundle, config_text: str) -> dict[str, str | bytes]:
    """Every file under /admin/, by path below it."""
    files: dict[str, str | bytes] = {
        f"{bundle.folder}/{name}": data for name, data in bundle.files.items()
    }
    files[f"{bundle.folder}/LICENSE.txt"] = bundle.licence()
    files["index.html"] = admin_html(page, bundle)
    files["admin.js"] = ADMIN_SCRIPT.read_bytes()
    files["admin.css"] = ADMIN_STYLES.read_bytes()
    files["config.yml"] = config_text
    return files
