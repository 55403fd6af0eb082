"""Empty blocks editors put in a page to show facts kept in mkdocs.yml, such as the contact.

````markdown
```kontakt
```
````

A block becomes an HTML comment in the Markdown (a slot that Markdown leaves alone), and the
slot is replaced by the block's HTML once the page is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..content.directives import find_blocks

NAMES = ("kontakt", "opdateret")
SLOT = re.compile(r"(?:<p>)?<!--mik-site-(?P<name>[a-z]+)-->(?:</p>)?")


def mark_blocks(markdown: str) -> tuple[str, list[str]]:
    """markdown with each block replaced by its slot, and the names of the blocks found."""
    blocks = find_blocks(markdown, NAMES)
    if not blocks:
        return markdown, []
    lines = markdown.split("\n")
    for block in reversed(blocks):
        lines[block.first : block.last + 1] = [f"\n<!--mik-site-{block.name}-->\n"]
    return "\n".join(lines), [block.name for block in blocks]


def fill_slots(html: str, render: Callable[[str], str]) -> str:
    """html with every slot replaced by render(name of its block)."""
    if "<!--mik-site-" not in html:
        return html
    return SLOT.sub(lambda match: render(match["name"]), html)
