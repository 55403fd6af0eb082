"""Feeds: RSS 2.0 and Atom of the published cases, announced in every page's `<head>`."""
