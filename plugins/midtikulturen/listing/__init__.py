"""Listing pages: the paginated list of cases."""
