"""The files the site plugin adds to a build: `/was` and the content's JSON Schemas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..content.jsonschema import schema_files
from .pages import REDIRECT_URI, is_address, redirect_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from ..content.catalog import Catalog


def statement_url(files: Files, statement: str) -> str:
    """The statement's URL from the site root, or its absolute address in the WAS-Tool."""
    if is_address(statement):
        return statement
    if page := files.get_file_from_path(statement):
        return page.url
    raise PluginError(
        f"Tilgængelighedserklæringen docs/{statement} findes ikke — skriv den, eller sæt "
        "`statement:` under midtikulturen/site i mkdocs.yml til dens adresse i WAS-Tool"
    )


def add_redirect(files: Files, config: MkDocsConfig, target: str) -> None:
    """`/was`, which sends the reader on to the accessibility statement at target."""
    if any(file.dest_uri == REDIRECT_URI for file in files):
        raise PluginError(
            f"{REDIRECT_URI} laves af midtikulturen/site, som sender /was videre til "
            "tilgængelighedserklæringen — fjern den side, der har den adresse"
        )
    content = redirect_page(target, config.site_url)
    files.append(File.generated(config, REDIRECT_URI, content=content))


def add_schemas(files: Files, config: MkDocsConfig, folder: str, found: Catalog) -> None:
    """The content's JSON Schemas under folder, made from this build's vocabulary."""
    for name, text in schema_files(found.vocabulary).items():
        uri = f"{folder.strip('/')}/{name}"
        if files.get_file_from_path(uri):
            raise PluginError(
                f"{uri} laves af midtikulturen/site ud fra indholdets skemaer — fjern filen, "
                "eller sæt `schemas:` under midtikulturen/site i mkdocs.yml til en anden mappe"
            )
        files.append(File.generated(config, uri, content=text))
