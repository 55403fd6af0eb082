"""A tiny real MkDocs project in a temporary folder, built in-process and read back."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

BASE_CONFIG: dict[str, Any] = {
    "site_name": "Testsite",
    "site_url": "https://example.org/",
    "theme": {"name": "material", "language": "da", "font": False},
    "plugins": [
        "search",
        "midtikulturen/collection",
        "midtikulturen/images",
        "midtikulturen/listing",
        "midtikulturen/feed",
        "midtikulturen/search",
    ],
}

PAGEFIND_SIGNATURE = b"pagefind_dcd"
VALID_CASE: dict[str, Any] = {
    "title": "Alpha",
    "description": "Kort beskrivelse.",
    "date": "2021-06-03",
    "organisation": "Kulturprinsen",
    "municipality": "Viborg",
}


def case_text(body: str = "Historien.", **fields: Any) -> str:
    """A case file from VALID_CASE with fields changed (None removes a field)."""
    meta = {k: v for k, v in {**VALID_CASE, **fields}.items() if v is not None}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{body}\n"


@dataclass
class BuiltSite:
    """The output folder of a finished build."""

    root: Path

    def text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(path), "lxml")

    def exists(self, path: str) -> bool:
        return (self.root / path).exists()

    def search_records(self) -> list[dict[str, Any]]:
        """Every page in Pagefind's index: url, content, meta and filters, from its fragments."""
        records = []
        for path in sorted((self.root / "pagefind" / "fragment").glob("*.pf_fragment")):
            data = gzip.decompress(path.read_bytes())
            assert data.startswith(PAGEFIND_SIGNATURE), path
            records.append(json.loads(data[len(PAGEFIND_SIGNATURE) :]))
        return records

    def sitemap(self) -> str:
        return self.text("sitemap.xml")


@dataclass
class SiteProject:
    """A project folder with mkdocs.yml, the repository's vocabulary and a front page."""

    root: Path
    config: dict[str, Any] = field(default_factory=lambda: json.loads(json.dumps(BASE_CONFIG)))

    def __post_init__(self) -> None:
        shutil.copy(REPO / "vocabularies.yml", self.root / "vocabularies.yml")
        self.write({"docs/index.md": "# Forside\n"})

    def write(self, files: dict[str, str | bytes]) -> SiteProject:
        for name, content in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
        return self

    def plugin_options(self, name: str, **options: Any) -> SiteProject:
        plugins = self.config["plugins"]
        index = next(i for i, p in enumerate(plugins) if p == name or name in p)
        plugins[index] = {name: options}
        return self

    def build(self, **overrides: Any) -> BuiltSite:
        build(self._load(overrides))
        return BuiltSite(self.root / "site")

    def build_fails(self, **overrides: Any) -> None:
        with pytest.raises(Abort):
            build(self._load(overrides))

    def write_config(self, **overrides: Any) -> Path:
        """Write mkdocs.yml with the given overrides and return its path."""
        config_file = self.root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump({**self.config, **overrides}), encoding="utf-8")
        return config_file

    def _load(self, overrides: dict[str, Any]) -> Any:
        return load_config(str(self.write_config(**overrides)))
