"""What Zensical reads: each page's file name, and mkdocs.yml with the site's own settings.

Zensical rewrites every relative URL in a page's HTML, raw HTML included, as if it were
written relative to the page's Markdown file (MkDocs leaves raw HTML alone): in `om.md`,
published at `om/`, a link `../redaktoer/` becomes `../../redaktoer/`. So each page is written
where its file and its URL are in the same folder (`om/index.md`), and the links our
renderers make, relative to the page's URL, stay as they are.
"""

from __future__ import annotations

import posixpath
from datetime import date
from typing import Any

import yaml

from ..project import PythonName
from .settings import ExportSettings

HEADER = (
    "# Written by `midtikulturen export` for Zensical (https://zensical.org/): do not edit,\n"
    "# export again. Pages are the HTML of our renderers; see NOTES.md, issue #19.\n"
)
SITE_KEYS = ("site_name", "site_url", "site_description", "site_author", "copyright")
THEME_KEYS = ("name", "language", "font", "palette", "features", "favicon", "logo", "icon")


def page_file(uri: str, directory_urls: bool) -> str:
    """Where Zensical must find the page made from uri: `om.md` → `om/index.md`, so the
    file lies in the folder of its URL (`om/`); with `use_directory_urls: false` it does."""
    folder, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        return posixpath.join(folder, "index.md")
    return posixpath.join(folder, stem, "index.md") if directory_urls else uri


def zensical_config(settings: ExportSettings, assets: list[str]) -> str:
    """The exported site's mkdocs.yml: the site's name, address, language, theme, navigation,
    `extra` and Markdown extensions as ours, and our stylesheets and scripts.

    Our plugins are left out (Zensical does not run MkDocs plugins), dates in `extra` are
    written as text (Zensical refuses YAML dates there), and options that name Python code are
    dropped (Zensical's environment does not hold this package; every page is HTML already).
    """
    ours = settings.config
    config: dict[str, Any] = {key: ours[key] for key in SITE_KEYS if ours.get(key) is not None}
    if ours.get("use_directory_urls") is False:
        config["use_directory_urls"] = False
    theme = ours.get("theme") or {}
    if isinstance(theme, dict):
        config["theme"] = {key: theme[key] for key in THEME_KEYS if key in theme}
    directory_urls = ours.get("use_directory_urls") is not False
    if ours.get("nav") is not None:
        config["nav"] = _nav(ours["nav"], directory_urls)
    if isinstance(ours.get("not_in_nav"), str):
        config["not_in_nav"] = "".join(
            _pattern(line, directory_urls) for line in ours["not_in_nav"].splitlines(True)
        )
    if ours.get("extra"):
        config["extra"] = _plain(ours["extra"])
    config["extra_css"] = [uri for uri in assets if uri.endswith(".css")]
    config["extra_javascript"] = [uri for uri in assets if uri.endswith(".js")]
    config["markdown_extensions"] = [
        {name: options} if (options := _without_code(settings.config_of(name))) else name
        for name in settings.extensions
    ]
    return HEADER + yaml.dump(
        config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )


def _nav(nav: Any, directory_urls: bool) -> Any:
    """nav with each page's file where Zensical must find it (see `page_file`)."""
    if isinstance(nav, list):
        return [_nav(entry, directory_urls) for entry in nav]
    if isinstance(nav, dict):
        return {title: _nav(target, directory_urls) for title, target in nav.items()}
    if isinstance(nav, str) and nav.endswith(".md") and "://" not in nav:
        return page_file(nav, directory_urls)
    return nav


def _pattern(line: str, directory_urls: bool) -> str:
    """A `not_in_nav` pattern that names one page, with its file as Zensical finds it."""
    pattern = line.rstrip("\n")
    if pattern.endswith(".md") and not any(sign in pattern for sign in "*?[!"):
        lead = "/" if pattern.startswith("/") else ""
        pattern = lead + page_file(pattern.lstrip("/"), directory_urls)
    return pattern + line[len(line.rstrip("\n")) :]


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines as a literal block (`|`), as people write it."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def _plain(value: Any) -> Any:
    """value with dates as ISO text, for Zensical."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _without_code(options: dict[str, Any]) -> dict[str, Any]:
    """options without those naming Python code (`!!python/name:`)."""
    return {key: value for key, value in options.items() if not isinstance(value, PythonName)}
