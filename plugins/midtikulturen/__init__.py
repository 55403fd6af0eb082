"""Midt i Kulturen: a static knowledge-sharing site for cultural life in Region Midtjylland."""
