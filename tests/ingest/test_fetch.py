"""Fetching feed links: http(s) only, a size cap and a deadline per fetch (issue 11)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.corpus.ingest import Fetcher, check_scheme, ingest, read_source
from flashpoint.corpus.store import Store
from flashpoint.errors import FetchTimedOut, FetchTooLarge, UnsupportedScheme

STORY = (
    b"<html><body><article><h1>Border talks</h1><p>Envoys from the two governments met "
    b"at the border post on Tuesday and agreed to reopen the crossing to trucks.</p>"
    b"</article></body></html>"
)


def feed(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {n}</title><link>{link}</link></item>" for n, link in
                    enumerate(links))  # fmt: skip
    return f'<rss version="2.0"><channel><title>Loopback</title>{items}</channel></rss>'.encode()


class Handler(BaseHTTPRequestHandler):
    def handle(self) -> None:
        # The client hangs up on purpose (over the cap, past the deadline).
        with contextlib.suppress(OSError):
            super().handle()

    def do_GET(self) -> None:
        if self.path == "/local.xml":  # a remote feed pointing at local files
            self._send(feed(["file:/etc/passwd", "file:///etc/hostname", "ftp://127.0.0.1/x"]))
        elif self.path == "/redirecting.xml":
            self._send(feed(["/to-file", "/story"]))
        elif self.path == "/relative.xml":
            self._send(feed(["story"]))
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/story":
            self._send(STORY)
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
            self.wfile.write(b"x" * 1000)
        elif self.path == "/huge-streamed":  # no length given: the cap must count bytes
            self.send_response(200)
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"y" * 16384)
        elif self.path == "/drip":  # a byte at a time, never a socket timeout
            self.send_response(200)
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.2)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def fast(**kw: float) -> Fetcher:
    return Fetcher(timeout=kw.pop("timeout", 5), retries=0, delay=0, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url",
    ["file:/etc/passwd", "file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hi",
     "notes.txt", "/etc/passwd", "javascript:alert(1)", "http:///etc/passwd"],
)  # fmt: skip
def test_every_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(UnsupportedScheme, match="FP042"):
        check_scheme(url)
    with pytest.raises(UnsupportedScheme):
        fast().get(url)


def test_a_remote_feed_cannot_make_ingest_read_local_files(base: str, tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        summary = ingest(f"{base}/local.xml", store, fetcher=fast(), progress=False)
        assert summary.added == 0 and summary.skipped == {"FP042": 3}
        assert store.search("root") == []
        sources = {row[1] for row in store.rows("skipped")[1]}
    # (feedparser may tidy the links it hands on: file:///x can come out as file://x)
    assert len(sources) == 3 and all(s.startswith(("file:", "ftp:")) for s in sources)


def test_a_redirect_to_a_file_url_is_refused(base: str, tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        summary = ingest(
            f"{base}/redirecting.xml", store, fetcher=fast(), progress=False,
            settings=Settings(check_language=False),
        )  # fmt: skip
        assert summary.skipped == {"FP042": 1} and summary.added == 1
        assert "redirect" in summary.reasons["FP042"]


def test_a_relative_link_in_a_local_feed_is_a_skip_and_in_a_remote_one_a_page(
    base: str, tmp_path: Path
) -> None:
    local = tmp_path / "r.xml"
    local.write_bytes(feed(["notes.txt"]))
    items = list(read_source(local, fetcher=fast()))
    assert len(items) == 1 and isinstance(items[0].error, UnsupportedScheme)
    remote = list(read_source(f"{base}/relative.xml", fetcher=fast()))
    assert remote[0].error is None and remote[0].url == f"{base}/story"
    assert remote[0].data == STORY


def test_body_over_the_cap_is_refused(base: str) -> None:
    with pytest.raises(FetchTooLarge, match="FP043"):
        fast(max_bytes=100_000).get(f"{base}/huge-declared")
    with pytest.raises(FetchTooLarge, match="100000 bytes"):
        fast(max_bytes=100_000).get(f"{base}/huge-streamed")
    assert len(fast(max_bytes=2_000_000).get(f"{base}/huge-streamed")) == 64 * 16384


def test_a_dripping_server_hits_the_deadline(base: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchTimedOut, match="FP044"):
        fast(deadline=1.0).get(f"{base}/drip")
    assert time.monotonic() - started < 3.0


def test_cli_caps_the_feed_itself(base: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from flashpoint.cli import main; main()", "ingest",
         f"{base}/huge-streamed", "--db", str(tmp_path / "c.db"), "--max-bytes", "5000", "-q"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"error FP043: The page at '{base}/huge-streamed' is over the cap of 5000 bytes."
    ]
