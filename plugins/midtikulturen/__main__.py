"""`python3 -m midtikulturen`: the same as the `midtikulturen` command."""

import sys

from .cli import main

sys.exit(main())
