"""The Jinja environment for our HTML fragments, with autoescaping on for every template."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from . import danish


@cache
def environment() -> Environment:
    """The shared environment; metadata is untrusted text, so everything is escaped."""
    env = Environment(
        loader=PackageLoader("midtikulturen", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates ship with the package: no stat() on every render
    )
    env.filters["long_date"] = danish.long_date
    env.filters["month"] = danish.month
    env.filters["country"] = danish.country_name
    env.filters["number"] = danish.number
    env.filters["amount"] = danish.amount
    env.filters["percent"] = danish.percent
    env.filters["duration"] = danish.duration
    env.filters["timestamp"] = danish.timestamp
    return env


def render(name: str, **context: Any) -> str:
    """The template name rendered with context."""
    return environment().get_template(name).render(**context)
