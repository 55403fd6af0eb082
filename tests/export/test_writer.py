"""The exported Markdown hands our HTML to Python-Markdown, which passes it through unchanged."""

from __future__ import annotations

import pytest
import yaml
from lxml import html as lxml_html
from markdown import Markdown

from midtikulturen.export.settings import read_settings
from midtikulturen.export.writer import CLOSING, OPENING, page_markdown, raw_html
from midtikulturen.export.zensical import page_file, zensical_config
from tests.sitebuilder import REPO

TRICKY = [
    "<p>Plain text &amp; an entity, &lt;b&gt; shown, &#96; and &quot;quotes&quot;.</p>",
    '<pre><code class="language-markdown">````markdown\n```listing\nshow: cases\n```\n'
    "````\n</code></pre>",
    "<pre><code>~~~\nfenced with tildes\n~~~\n\n\nthree blank lines above</code></pre>",
    "<pre><code>\tindented with a tab\n    \nspaces only on the line above</code></pre>",
    "<div><p>*not emphasis* _nor this_ [not a link](x.md) `not code`</p>\n\n<div>\n"
    "<p>nested</p>\n</div></div>",
    "<p># not a heading</p>\n<p>1. not a list</p>\n<p>&gt; not a quote</p>\n<p>[TOC]</p>",
    '<p>{: .not-attr-list }</p>\n<p>!!! note "not an admonition"</p>\n<!--mik-comment-->',
    '<table><tr><td style="text-align: right">1</td></tr></table>\n<hr>\n<p>Slut</p>',
    '<a href="../a%20b/#x" title="`~`">link</a>\n<img src="x.jpg" alt="~~~">',
]


def exported_markdown() -> Markdown:
    """Python-Markdown with the extensions the exported mkdocs.yml gives Zensical."""
    settings = read_settings(REPO / "mkdocs.yml")
    config = yaml.safe_load(zensical_config(settings, []))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            [(name, values)] = entry.items()
            options[name] = values
        else:
            name = entry
        names.append(name)
    return Markdown(extensions=names, extension_configs=options)


def body_of(markdown: str) -> str:
    """What Zensical hands Python-Markdown: the text after the front matter."""
    return markdown.split("\n---\n", 1)[1]


@pytest.mark.parametrize("html", TRICKY)
def test_markdown_passes_the_page_body_through_unchanged(html: str) -> None:
    markdown = page_markdown("Titel", "Beskrivelse", html)
    block = f"{OPENING}\n{raw_html(html)}\n{CLOSING}"
    assert body_of(markdown) == f"\n{block}\n"
    assert exported_markdown().convert(body_of(markdown)) == block


@pytest.mark.parametrize("html", TRICKY)
def test_character_references_mean_what_the_html_meant(html: str) -> None:
    def tree(fragment: str) -> bytes:
        return lxml_html.tostring(lxml_html.fragment_fromstring(fragment, create_parent="div"))

    assert tree(raw_html(html)) == tree(html)


def test_front_matter_holds_the_title_and_description_escaped_for_the_theme() -> None:
    markdown = page_markdown('Kunst & "kultur" <b>', "a: b # c", "<p>x</p>")
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front == {
        "title": "Kunst &amp; &quot;kultur&quot; &lt;b&gt;",
        "description": "a: b # c",
    }


@pytest.mark.parametrize(
    ("uri", "directory_urls", "file"),
    [
        ("index.md", True, "index.md"),
        ("om.md", True, "om/index.md"),
        ("cases/a.md", True, "cases/a/index.md"),
        ("cases/page/2.md", True, "cases/page/2/index.md"),
        ("kommuner/skive/index.md", True, "kommuner/skive/index.md"),
        ("a/README.md", True, "a/index.md"),
        ("om.md", False, "om.md"),
    ],
)
def test_each_page_lies_in_the_folder_of_its_url(uri: str, directory_urls: bool, file: str) -> None:
    assert page_file(uri, directory_urls) == file
