"""What the export reads from mkdocs.yml besides the content's layout, checked with lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.problems import ContentError, Problem
from ..images.settings import Settings, settings_of
from ..project import (
    FEED,
    FEED_OPTIONS,
    IMAGES_OPTIONS,
    LISTING_OPTIONS,
    SITE,
    SITE_OPTIONS,
    checked_options,
    line_of,
    plugin_names,
    read_config,
)
from .markdown import markdown_extensions, resolved

LISTING = "midtikulturen/listing"
IMAGES = "midtikulturen/images"


@dataclass(frozen=True)
class ExportSettings:
    """The site's settings and our plugins' options as a build would use them.

    config is mkdocs.yml as read, for the exported mkdocs.yml; extensions are the Markdown
    extensions as MkDocs runs them, extension_options their options as written
    (`!!python/name:` values as `PythonName`) and extension_configs the same, names resolved.
    """

    config: dict[str, Any]
    site_name: str
    site_url: str
    listing: dict[str, Any]
    feed: dict[str, Any]
    pictures: Settings
    cache_pictures: bool
    extensions: list[str]
    extension_options: dict[str, dict[str, Any]]
    extension_configs: dict[str, dict[str, Any]]
    plugins: frozenset[str]
    site: dict[str, Any] | None = None  # midtikulturen/site's options, if it is on

    def config_of(self, extension: str) -> dict[str, Any]:
        """The options mkdocs.yml gives a Markdown extension, as written."""
        return self.extension_options.get(extension, {})

    @property
    def publisher(self) -> str:
        """Who publishes the site: `site_author`, or else the site's name."""
        return str(self.config.get("site_author") or self.site_name)


def read_settings(config_file: Path) -> ExportSettings:
    """The settings of the project configured in config_file; ContentError lists every
    problem as `mkdocs.yml:line: what — fix`."""
    config = read_config(config_file)
    name = config_file.name
    problems: list[Problem] = []
    site_name = config.get("site_name")
    if not isinstance(site_name, str) or not site_name.strip():
        problems.append(
            Problem(
                name,
                line_of(config_file, "site_name"),
                "`site_name` mangler — skriv sitets navn, fx `site_name: Midt i Kulturen`",
            )
        )
    site_url = config.get("site_url")
    if not isinstance(site_url, str) or not site_url.startswith(("https://", "http://")):
        problems.append(
            Problem(
                name,
                line_of(config_file, "site_url"),
                "eksporten kræver `site_url` (fx `site_url: https://www.midtikulturen.dk/`) — "
                "nyhedsfeeds og kalendere skal have hele adresser",
            )
        )
    plugins = plugin_names(config)
    options: dict[str, dict[str, Any]] = {}
    for plugin, defaults in (
        (LISTING, LISTING_OPTIONS),
        (FEED, FEED_OPTIONS),
        (IMAGES, IMAGES_OPTIONS),
        (SITE, SITE_OPTIONS),
    ):
        try:
            options[plugin] = checked_options(config_file, config, plugin, defaults)
        except ContentError as error:
            problems += error.problems
    pictures = None
    if IMAGES in options:
        widths = options[IMAGES]["widths"]
        try:
            if not all(type(width) is int for width in widths):
                raise ValueError("`widths` under midtikulturen/images skal være hele tal")
            pictures = settings_of(widths, options[IMAGES]["avif"])
        except ValueError as error:
            problems.append(
                Problem(
                    name,
                    line_of(config_file, "widths"),
                    f"{str(error).removeprefix('mkdocs.yml: ')} — ret tallene",
                )
            )
    if LISTING in options and options[LISTING]["per_page"] < 1:
        problems.append(
            Problem(
                name,
                line_of(config_file, "per_page"),
                "`per_page` under midtikulturen/listing skal være mindst 1 — ret tallet",
            )
        )
    extensions: list[str] = []
    options_of: dict[str, dict[str, Any]] = {}
    configs: dict[str, dict[str, Any]] = {}
    try:
        extensions, options_of = markdown_extensions(config.get("markdown_extensions"))
        configs = resolved(options_of)
    except ValueError as error:
        problems.append(Problem(name, line_of(config_file, "markdown_extensions"), str(error)))
    if problems or pictures is None:
        raise ContentError(problems)
    return ExportSettings(
        config,
        str(site_name),
        str(site_url),
        options[LISTING],
        options[FEED],
        pictures,
        bool(options[IMAGES]["cache"]),
        extensions,
        options_of,
        configs,
        plugins,
        options[SITE] if SITE in plugins else None,
    )
