"""Decap CMS at /admin/: its configuration generated from the schemas, the vendored bundle."""
