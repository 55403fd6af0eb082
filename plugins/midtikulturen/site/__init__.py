"""MkDocs plugin `midtikulturen/site`: site-wide pages and head tags every public page needs."""
