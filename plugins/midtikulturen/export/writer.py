"""The exported folder: `docs/` with a Markdown file per page and every other file, and mkdocs.yml.

Each page is YAML front matter (title and description, HTML-escaped because Zensical's
templates print them as they are, as Material's do) and one raw-HTML block that Python-Markdown
passes through untouched: `<div class="mik-export">`, the body, `</div>`. Characters that
Markdown would act on before it sets raw HTML aside (code fences' backticks and tildes, tabs,
lines of spaces) are written as character references, which mean the same in HTML.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from html import escape
from pathlib import Path

import yaml

from .site import SitePlan
from .zensical import HEADER, page_file

OPENING = '<div class="mik-export">'
CLOSING = "</div>"
_MARKDOWN_SIGNS = re.compile(r"[`~\t\r]|(?<=\n) +(?=\n)")
_REFERENCES = {"`": "&#96;", "~": "&#126;", "\t": "&#9;", "\r": "&#13;"}


class ExportFolderError(Exception):
    """The folder cannot take the export; the message says why and what to do, in Danish."""


def page_markdown(title: str, description: str | None, html: str) -> str:
    """A page's exported Markdown: front matter, a blank line and the body as one HTML block."""
    meta = {"title": escape(title)}
    if description is not None:
        meta["description"] = escape(description)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{front}---\n\n{OPENING}\n{raw_html(html)}\n{CLOSING}\n"


def raw_html(html: str) -> str:
    """html as Markdown must find it to leave it alone: what its preprocessors would change
    before the block is set aside is written as character references."""
    return _MARKDOWN_SIGNS.sub(lambda m: _REFERENCES.get(m[0]) or "&#32;" * len(m[0]), html)


def write_export(plan: SitePlan, config: str, folder: Path, directory_urls: bool = True) -> None:
    """Write plan and the exported mkdocs.yml into folder, replacing an earlier export there;
    each page where Zensical must find it (`zensical.page_file`).

    Everything is written into a new folder beside it first, so a failure leaves folder as it
    was; a folder that holds anything but an earlier export is refused (ExportFolderError).
    """
    folder = folder.absolute()
    if folder.exists() and not is_export(folder):
        raise ExportFolderError(
            f"{folder}: mappen findes og er ikke en tidligere eksport — vælg en ny mappe, "
            "eller flyt den, der ligger der"
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        docs = staging / "docs"
        for page in plan.pages:
            markdown = page_markdown(page.title, page.description, page.html)
            _write(docs / page_file(page.uri, directory_urls), markdown.encode())
        for uri, body in plan.files.items():
            if isinstance(body, Path):
                (docs / uri).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(body, docs / uri)
            else:
                _write(docs / uri, body)
        (staging / "mkdocs.yml").write_text(config, encoding="utf-8")
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}-old-", dir=folder.parent))
            os.replace(folder, old / folder.name)
            os.replace(staging, folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def is_export(folder: Path) -> bool:
    """Whether folder is empty or holds what an earlier export wrote (its mkdocs.yml says so)."""
    if not folder.is_dir():
        return False
    config = folder / "mkdocs.yml"
    if config.is_file():
        with config.open(encoding="utf-8", errors="replace") as stream:
            return stream.read(len(HEADER)) == HEADER
    return not any(folder.iterdir())


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
