"""Feeds: RSS/Atom over loopback, each link fetched with timeouts, retries and a delay."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from flashpoint.config import Settings
from flashpoint.corpus.ingest import Fetcher, ingest, read_source
from flashpoint.corpus.store import Store
from flashpoint.errors import FetchError
from tests.corpus.test_ingest import STORIES


def page(title: str, body: str) -> bytes:
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1><p>{body}</p></article></body></html>".encode()


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story/{n}</link>"
        f"<pubDate>Thu, 0{2 + n} May 2024 08:00:00 GMT</pubDate></item>"
        for n in range(3)
    )
    items += f"<item><title>Gone</title><link>{base}/missing</link></item>"
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Daily</title>'
        f"<link>{base}</link>{items}</channel></rss>"
    ).encode()


def atom(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title><id>urn:wire</id><updated>2024-05-07T00:00:00Z</updated>"
        f'<entry><title>Aid stalls</title><id>urn:4</id><link href="{base}/story/4"/>'
        "<updated>2024-05-07T09:00:00Z</updated></entry></feed>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    calls: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        Handler.calls[self.path] = Handler.calls.get(self.path, 0) + 1
        if self.path == "/feed.xml":
            self._send(200, rss(base), "application/rss+xml")
        elif self.path == "/atom.xml":
            self._send(200, atom(base), "application/atom+xml")
        elif self.path.startswith("/story/"):
            n = int(self.path.rsplit("/", 1)[1])
            self._send(200, page(f"Story {n}", STORIES[n][1]), "text/html")
        elif self.path == "/flaky":
            # Fails once, then works: a retry must get it.
            code = 503 if Handler.calls[self.path] == 1 else 200
            self._send(code, page("Flaky", STORIES[3][1]), "text/html")
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, b"late", "text/plain")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.calls = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def quick() -> Fetcher:
    return Fetcher(timeout=0.3, retries=1, delay=0.0, backoff=0.0)


def test_rss_feed_links_are_fetched_and_stored(server: str, tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        summary = ingest(
            f"{server}/feed.xml", store, fetcher=quick(), progress=False, settings=Settings()
        )
        assert summary.added == 3 and dict(summary.skipped) == {"FP031": 1}
        rows = list(
            store.conn.execute("SELECT title, published, outlet, url FROM documents ORDER BY url")
        )
        reason = store.conn.execute("SELECT reason FROM skipped").fetchone()[0]
    assert rows[0] == ("Story 0", "2024-05-02", "Loopback Daily", f"{server}/story/0")
    assert [r[1] for r in rows] == ["2024-05-02", "2024-05-03", "2024-05-04"]
    assert "HTTP 404" in reason and "/missing" in reason
    assert Handler.calls["/missing"] == 1  # a 404 is not retried


def test_atom_feed_from_a_file(server: str, tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_bytes(atom(server))
    items = list(read_source(path, fetcher=quick()))
    assert [(i.title, i.published, i.outlet) for i in items] == [
        ("Aid stalls", "2024-05-07", "Atom Wire")
    ]
    assert items[0].data and b"besieged town" in items[0].data


def test_retries_timeouts_and_polite_delay(server: str) -> None:
    assert b"Flaky" in quick().get(f"{server}/flaky")
    assert Handler.calls["/flaky"] == 2
    with pytest.raises(FetchError, match="slow"):
        Fetcher(timeout=0.2, retries=0, delay=0.0).get(f"{server}/slow")
    polite = Fetcher(timeout=1.0, retries=0, delay=0.3)
    started = time.monotonic()
    for n in range(3):
        polite.get(f"{server}/story/{n}")
    assert time.monotonic() - started >= 0.6  # two waits between three requests to one host
