"""Where a project keeps its content, read from mkdocs.yml without loading MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .content.loader import Layout
from .content.problems import ContentError, Problem

COLLECTION = "midtikulturen/collection"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving `!!python/name:` and `!ENV` tags as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _any_tag)


def plugin_options(config_file: Path, plugin: str) -> dict[str, Any]:
    """The options mkdocs.yml gives plugin (empty if it has none or cannot be read)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), _ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and plugin in entry:
            return dict(entry[plugin] or {})
    return {}


def read_layout(config_file: Path) -> tuple[Path, Layout, dict[str, Any]]:
    """The project root, content layout and collection options named in config_file."""
    if not config_file.is_file():
        raise ContentError([Problem(str(config_file), 1, "filen findes ikke — kør kommandoen "
                                    "i projektets mappe, eller angiv den med --config")])
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), _ConfigLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError([Problem(str(config_file), mark.line + 1 if mark else 1,
                                    f"mkdocs.yml kan ikke læses: {error}")]) from None
    options: dict[str, Any] = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and COLLECTION in entry:
            options = entry[COLLECTION] or {}
    defaults = Layout()
    layout = Layout(
        cases_dir=options.get("cases_dir", defaults.cases_dir),
        vocabulary_file=options.get("vocabulary", defaults.vocabulary_file),
        docs_dir=str(config.get("docs_dir", "docs")),
        guides_dir=options.get("guides_dir", defaults.guides_dir),
        houses_dir=options.get("houses_dir", defaults.houses_dir),
    )
    return config_file.resolve().parent, layout, options
