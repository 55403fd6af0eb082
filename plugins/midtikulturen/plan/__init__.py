"""The site plan: every page and file the site holds on a day, as plain data, without MkDocs."""
