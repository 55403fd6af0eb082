"""`midtikulturen export`: the site as a docs tree Zensical can build, made without MkDocs."""
