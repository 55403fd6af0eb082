"""`midtikulturen edit`: the CMS on this machine, saving into the working copy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from . import local
from .decap import LOCAL_PROXY


def proxy_port(options: dict[str, object]) -> int:
    """The port decap-server must listen on: the one the CMS looks at (`local_proxy`)."""
    return urlsplit(str(options.get("local_proxy") or LOCAL_PROXY)).port or 8081


def edit(
    root: Path, config_file: Path, options: dict[str, object], port: int, mode: str, out: TextIO
) -> int:
    """Run decap-server and `mkdocs serve` until Ctrl+C; the CMS is at /admin/ of the preview.

    The CMS saves through decap-server: MODE=fs writes the files (see them with `git status`),
    MODE=git commits each entry to a branch of its own, as on GitHub.
    """
    if problem := local.missing_node():
        print(f"midtikulturen edit kræver Node.js: {problem}", file=out)
        return 1
    package = root / local.PACKAGE
    proxy = f"http://127.0.0.1:{proxy_port(options)}/api/v1"
    try:
        local.install(package)
        server = local.start(package, root, proxy_port(options), mode)
        local.wait_until_up(proxy, server)
    except local.ProxyError as error:
        print(f"CMS'ens lokale server kunne ikke starte: {error}", file=out)
        return 1
    preview = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--config-file",
            str(config_file),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ]
    )
    print(
        f"Redigér i browseren: http://127.0.0.1:{port}/admin/ (klik Log ind). Sitet ses på "
        f"http://127.0.0.1:{port}/. Stop med Ctrl+C.",
        file=out,
        flush=True,
    )
    try:
        return preview.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        local.stop(preview)
        local.stop(server)
