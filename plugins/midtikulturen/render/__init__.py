"""Pure HTML rendering of content: no MkDocs imports; links come from the caller."""
