"""Pagefind's indexing service, fed pages while the rest of the build goes on.

`pagefind --service` reads base64 JSON requests separated by commas on its standard input and
answers each in kind on its standard output; it indexes in its own process, so it works on the
second core while MkDocs renders. Pagefind's own Python wrapper (`pagefind.index`) speaks the
same protocol but sleeps 0.1 s before reading each answer, which costs minutes at thousands of
pages; this client writes requests without waiting and a thread collects the answers.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
from pathlib import Path
from typing import IO, Any


class PagefindError(Exception):
    """Pagefind refused a request or stopped: the message says which and why."""


def pagefind_executable() -> Path:
    """The Pagefind binary of the `pagefind[bin]` package (or `PAGEFIND_BINARY_PATH`)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise PagefindError("Pagefind's binary is missing: install the project again "
                            "(`python3 -m pip install -e .` brings `pagefind[bin]`).")
    return found


class IndexingService:
    """One Pagefind index built by a `pagefind --service` process."""

    def __init__(self, config: dict[str, Any], executable: Path | None = None) -> None:
        self._process = subprocess.Popen(
            [str(executable or pagefind_executable()), "--service"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=os.getcwd())
        self._answers: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._ready = threading.Condition()
        self._last_id = 0
        self._sent_urls: dict[int, str] = {}
        self._stderr: list[bytes] = []
        self._threads = [
            threading.Thread(target=self._read_answers, name="pagefind answers", daemon=True),
            threading.Thread(target=self._read_stderr, name="pagefind stderr", daemon=True)]
        for thread in self._threads:
            thread.start()
        answer = self._wait(self._send({"type": "NewIndex", "config": config}))
        self._index_id = int(answer["index_id"])
        self.pages = 0

    def add_page(self, url: str, html: str) -> None:
        """Queue one page's HTML under its URL (relative to the site's root)."""
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                    "file_path": None, "file_contents": html}, page=url)
        self.pages += 1

    def write(self, output_path: Path) -> None:
        """Wait for every page, write the index's files to output_path and stop the service."""
        try:
            self._wait(self._send({"type": "WriteFiles", "index_id": self._index_id,
                                   "output_path": str(output_path)}))
            if self._errors:
                raise PagefindError("Pagefind could not index every page:\n  "
                                    + "\n  ".join(self._errors))
        finally:
            self.close()

    def close(self) -> None:
        """Stop the service (its index is dropped unless `write` ran first)."""
        stdin = self._process.stdin
        if stdin and not stdin.closed:
            try:
                stdin.close()  # Pagefind's service exits at the end of its input
            except BrokenPipeError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for thread in self._threads:
            thread.join(timeout=5)

    def _send(self, payload: dict[str, Any], page: str | None = None) -> int:
        self._last_id += 1
        if page is not None:
            with self._ready:
                self._sent_urls[self._last_id] = page
        request = {"message_id": self._last_id, "payload": payload}
        stdin: IO[bytes] | None = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
            stdin.flush()
        except BrokenPipeError:
            raise PagefindError(f"Pagefind stopped: {self._stderr_text()}") from None
        return self._last_id

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._ready:
            while message_id not in self._answers:
                if self._process.poll() is not None and message_id not in self._answers:
                    raise PagefindError(f"Pagefind stopped: {self._stderr_text()}")
                self._ready.wait(timeout=0.5)
            answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise PagefindError(f"Pagefind: {answer.get('message')}")
        return answer

    def _read_answers(self) -> None:
        """Collect the service's answers; keep errors, drop the pages' acknowledgements."""
        stdout = self._process.stdout
        assert stdout is not None
        buffer = b""
        while chunk := os.read(stdout.fileno(), 1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                self._receive(json.loads(base64.b64decode(message)))
        with self._ready:
            self._ready.notify_all()

    def _receive(self, answer: dict[str, Any]) -> None:
        message_id, payload = answer.get("message_id"), answer.get("payload") or {}
        with self._ready:
            if message_id in self._sent_urls:
                url = self._sent_urls.pop(message_id)
                if payload.get("type") == "Error":
                    self._errors.append(f"{url}: {payload.get('message')}")
                return
            if message_id is None:
                self._errors.append(str(payload.get("message")))
                return
            self._answers[message_id] = payload
            self._ready.notify_all()

    def _read_stderr(self) -> None:
        stderr = self._process.stderr
        assert stderr is not None
        while line := stderr.readline():
            self._stderr.append(line)

    def _stderr_text(self) -> str:
        return b"".join(self._stderr[-20:]).decode("utf-8", "replace").strip() or "no message"
