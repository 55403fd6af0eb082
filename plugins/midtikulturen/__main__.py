"""`python3 -m midtikulturen`: the same as the `midtikulturen` command."""

from .cli import run

run()
