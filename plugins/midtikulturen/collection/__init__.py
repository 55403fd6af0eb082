"""Reads and validates all content and turns cases into pages."""
