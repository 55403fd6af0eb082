"""When each of our plugins acts in a MkDocs build: every event priority, in one place.

MkDocs calls an event's handlers from the highest priority to the lowest; handlers without a
priority run at 0, in the order mkdocs.yml lists the plugins. NOTES.md has the same order as a
table: event, priority, who changes what, and why.
"""

from __future__ import annotations

# on_config
AFTER_MATERIAL_SEARCH = -100
"""search: Material's search plugin has read its options; ours turns its index off."""

# on_files: the content is read once, then every plugin adds what it makes from it.
READ_CONTENT = 0
"""collection: read and validate every file, build the catalog, place the items' pages."""
SWAP_PICTURES = -5
"""images: the case pictures the collection placed are replaced by their renditions."""
ADD_GENERATED = -10
"""listing, feed, cms: listing pages, data files, podcast feeds and /admin/ from the catalog."""
ADD_SITE_FILES = -20
"""site: /was and the JSON Schemas, once every page has its address."""
SELECT_SEARCH = -30
"""search: which pages the index holds, once guides and houses are placed."""

# on_page_markdown
MAKE_META_SAFE = 100
"""collection: escape the front matter MkDocs parsed, before any plugin or template reads it."""

# on_page_content: the story's HTML, sanitised by Markdown itself, is read, then wrapped.
CAPTURE_STORY = 50
"""feed: the story as feed readers get it, before it is wrapped in its page."""
PICTURES_IN_STORY = 40
"""images: `<img>` in a story becomes `<picture>`, after the feed took the plain one."""
# 0: collection wraps the story in its item page; listing fills `listing` blocks.
INDEX_FOR_SEARCH = -100
"""search: the page as readers get it, before "Læs også" and listings are added."""

# on_page_context: after Material's search plugin (0) has read the page.
AFTER_SEARCH_READ = -50
"""collection adds "Læs også"; listing assembles listing pages, only now, to hold less."""

# on_post_page
LAST = -100
"""collection, listing: drop the page's HTML once it is written."""

# on_env
INDEX_IN_BACKGROUND = -100
"""search: every page is rendered; Pagefind indexes while MkDocs renders templates."""

# on_post_build
BEFORE_MATERIAL_SEARCH = 10
"""feed: write the feeds and free their memory before Material's own post_build."""
