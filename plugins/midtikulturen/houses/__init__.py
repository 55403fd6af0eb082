"""The survey of culture houses: statistics, charts, the survey and house pages, open data."""
