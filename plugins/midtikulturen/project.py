"""A project's settings read from mkdocs.yml as MkDocs reads it, without loading the plugins."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .content.layout import Layout
from .content.problems import ContentError, Problem

COLLECTION = "midtikulturen/collection"
FEED = "midtikulturen/feed"
SITE = "midtikulturen/site"
SEARCH = "midtikulturen/search"
MAX_AGE_MONTHS = 12  # default of `guide_max_age_months`


@dataclass(frozen=True)
class Project:
    """Where a project lies, where it keeps its content, and how old a guide may get."""

    root: Path
    layout: Layout
    guide_max_age_months: int = MAX_AGE_MONTHS


# The options of our plugins that the content depends on, with their defaults: the plugins'
# MkDocs configs use the same defaults (collection/config.py, feed/config.py).
COLLECTION_OPTIONS: dict[str, Any] = {
    "cases_dir": Layout.cases_dir,
    "vocabulary": Layout.vocabulary_file,
    "guides_dir": Layout.guides_dir,
    "houses_dir": Layout.houses_dir,
    "podcast_dir": Layout.podcast_dir,
    "events_dir": Layout.events_dir,
    "guide_max_age_months": MAX_AGE_MONTHS,
}
FEED_OPTIONS: dict[str, Any] = {
    "rss_path": Layout.feed_names[0],
    "atom_path": Layout.feed_names[1],
    "max_entries": 50,
    "max_entries_per_term": 0,
}


LISTING_OPTIONS: dict[str, Any] = {"title": "Cases", "per_page": 20}
IMAGES_OPTIONS: dict[str, Any] = {"widths": [480, 960, 1600], "avif": True, "cache": True}
SITE_OPTIONS: dict[str, Any] = {
    "statement": "tilgaengelighed.md",
    "locale": "da_DK",
    "schemas": "schemas",
}
SEARCH_OPTIONS: dict[str, Any] = {"folder": "pagefind"}


@dataclass(frozen=True)
class PythonName:
    """A `!!python/name:` value of mkdocs.yml, kept as its dotted name: nothing is imported."""

    name: str


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!!python/name:` values become PythonName, other code tags plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix)
)
_ConfigLoader.add_multi_constructor("", _any_tag)


def read_project(config_file: Path) -> Project:
    """The project configured in config_file; raise ContentError naming what is wrong in it.

    The file is read by MkDocs' own loader (`!ENV`, `INHERIT`), but safely: nothing in it runs.
    """
    name = config_file.name
    if not config_file.is_file():
        raise ContentError(
            [
                Problem(
                    str(config_file),
                    1,
                    "filen findes ikke — kør kommandoen "
                    "i projektets mappe, eller angiv den med --config",
                )
            ]
        )
    config = _load(config_file)
    text = config_file.read_text(encoding="utf-8-sig", errors="replace")
    collection = _plugin_options(config, COLLECTION, COLLECTION_OPTIONS, name, text)
    feed = _plugin_options(config, FEED, FEED_OPTIONS, name, text)
    site = _plugin_options(config, SITE, SITE_OPTIONS, name, text)
    search = _plugin_options(config, SEARCH, SEARCH_OPTIONS, name, text)
    listed = plugin_names(config)
    root = config_file.resolve().parent
    docs_dir = _typed(config, "docs_dir", "docs", str, name, text)
    directory_urls = _typed(config, "use_directory_urls", True, bool, name, text)
    layout = Layout(
        cases_dir=collection["cases_dir"],
        vocabulary_file=collection["vocabulary"],
        docs_dir=_relative(root, docs_dir),
        guides_dir=collection["guides_dir"],
        houses_dir=collection["houses_dir"],
        podcast_dir=collection["podcast_dir"],
        events_dir=collection["events_dir"],
        directory_urls=directory_urls,
        feed_names=(posixpath.basename(feed["rss_path"]), posixpath.basename(feed["atom_path"])),
        schemas_dir=str(site["schemas"]).strip("/") if SITE in listed else "",
        search_dir=str(search["folder"]).strip("/") if SEARCH in listed else "",
        exclude_docs=_patterns(config.get("exclude_docs"), name, text),
    )
    return Project(root, layout, collection["guide_max_age_months"])


def plugin_options(config_file: Path, plugin: str) -> dict[str, Any]:
    """The options mkdocs.yml gives plugin, read as MkDocs reads them (empty if none)."""
    options = _options_of(_load(config_file), plugin)
    return dict(options) if isinstance(options, dict) else {}


def plugin_names(config: dict[str, Any]) -> frozenset[str]:
    """The names of the plugins config's `plugins:` lists, with options or without."""
    found: set[str] = set()
    for entry in config.get("plugins") or []:
        if isinstance(entry, str):
            found.add(entry)
        elif isinstance(entry, dict):
            found.update(str(key) for key in entry)
    return frozenset(found)


def _options_of(config: dict[str, Any], plugin: str) -> Any:
    """What config's `plugins:` gives plugin as options ({} if it is listed without)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and plugin in entry:
            return entry[plugin] or {}
    return {}


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs' own loader reads it (`!ENV`, `INHERIT`), without running anything.

    This is the only use of MkDocs here: its YAML loader, so the file means what it means to
    `mkdocs build`; ContentError says what keeps it from being read.
    """
    return _load(config_file)


def checked_options(
    config_file: Path, config: dict[str, Any], plugin: str, defaults: dict[str, Any]
) -> dict[str, Any]:
    """plugin's options in config over defaults (text, whole numbers or true/false);
    ContentError names the line of each unknown or mistyped one."""
    text = config_file.read_text(encoding="utf-8-sig", errors="replace")
    return _plugin_options(config, plugin, defaults, config_file.name, text)


def line_of(config_file: Path, key: str) -> int:
    """The line where key is first written in config_file, or 1."""
    return _line_of(config_file.read_text(encoding="utf-8-sig", errors="replace"), key)


def _load(config_file: Path) -> dict[str, Any]:
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    try:
        with config_file.open("rb") as stream:
            config = yaml_load(stream, get_yaml_loader(_ConfigLoader))
    except (ConfigurationError, OSError, KeyError, ValueError, TypeError, AttributeError) as error:
        tagged = _tagged_line(config_file)  # `!!int x`: a tag its value does not fit
        raise ContentError(
            [
                Problem(
                    config_file.name,
                    tagged,
                    "en værdi står med et YAML-mærke (som `!!int` eller `!!timestamp`), som den "
                    "ikke passer til — slet mærket",
                )
                if tagged and not isinstance(error, (ConfigurationError, OSError))
                else Problem(
                    config_file.name,
                    1,
                    f"filen kan ikke læses ({error}) — ret den, så `mkdocs build` kan læse den",
                )
            ]
        ) from None
    if not isinstance(config, dict):
        raise ContentError(
            [Problem(config_file.name, 1, "filen skal bestå af indstillinger som `site_name: …`")]
        )
    return config


_TAG = re.compile(r"!!(?!python/name:)[\w/:.]+")


def _tagged_line(config_file: Path) -> int | None:
    """The first line of config_file with a `!!` tag (but `!!python/name:`), if any."""
    text = config_file.read_text(encoding="utf-8", errors="replace")
    return next((n for n, line in enumerate(text.split("\n"), 1) if _TAG.search(line)), None)


def _plugin_options(
    config: dict[str, Any], plugin: str, defaults: dict[str, Any], name: str, text: str
) -> dict[str, Any]:
    """plugin's options in config over defaults; unknown or mistyped ones are problems."""
    options = _options_of(config, plugin)
    if not isinstance(options, dict):
        raise ContentError(
            [
                Problem(
                    name,
                    _line_of(text, plugin),
                    f"indstillingerne til {plugin} skal være felter som `navn: værdi`",
                )
            ]
        )
    problems = [
        Problem(
            name,
            _line_of(text, key),
            f"`{key}` er ikke en indstilling til {plugin} — kendte er {', '.join(defaults)}",
        )
        for key in options
        if key not in defaults
    ]
    merged = {**defaults, **options}
    for key, default in defaults.items():
        try:
            merged[key] = _typed(merged, key, default, type(default), name, text)
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return merged


_TYPE_NAMES = {str: "tekst", int: "et heltal", bool: "true eller false", list: "en liste"}


def _typed(config: dict[str, Any], key: str, default: Any, kind: type, name: str, text: str) -> Any:
    """config's value of key (default if absent), which must be of kind."""
    value = config.get(key, default)
    if type(value) is not kind:
        raise ContentError(
            [
                Problem(
                    name,
                    _line_of(text, key),
                    f"`{key}` skal være {_TYPE_NAMES[kind]}, ikke '{value}' — ret værdien",
                )
            ]
        )
    return value


def _patterns(value: Any, name: str, text: str) -> Any:
    """`exclude_docs` as MkDocs compiles it, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContentError(
            [
                Problem(
                    name,
                    _line_of(text, "exclude_docs"),
                    "`exclude_docs` skal være tekst med ét mønster pr. linje, fx `exclude_docs: |`",
                )
            ]
        )
    import pathspec

    try:
        return pathspec.gitignore.GitIgnoreSpec.from_lines(value.splitlines())
    except ValueError as error:
        raise ContentError(
            [
                Problem(
                    name,
                    _line_of(text, "exclude_docs"),
                    f"`exclude_docs` kan ikke læses ({error}) — ret mønsteret",
                )
            ]
        ) from None


def _relative(root: Path, folder: str) -> str | None:
    """folder relative to root, or None when it lies outside the project."""
    path = Path(os.path.normpath(root / folder))
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _line_of(text: str, key: str) -> int:
    """The line where key is first written in text, or 1."""
    match = re.search(rf"^[ \t-]*['\"]?{re.escape(key)}['\"]?\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
