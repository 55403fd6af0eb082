"""A built site served over HTTP on a free local port, in a background thread."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without an access log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing."""


class QuietServer(ThreadingHTTPServer):
    """Ignores clients that hang up mid-response, as a browser closing a page does."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Report errors other than a dropped connection."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_directory(root: Path, port: int = 0) -> Iterator[str]:
    """Serve root at http://127.0.0.1:<port>/ (a free one by default); yield that base URL."""
    with QuietServer(("127.0.0.1", port), partial(QuietHandler, directory=str(root))) as server:
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"serve {root}",
            daemon=True,
        )
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/"
        finally:
            server.shutdown()
            thread.join()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
