"""Web fixtures: the sample corpus ingested once (cached by content hash), an app, a live server."""

from __future__ import annotations

import hashlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.corpus.ingest import Item, ingest
from flashpoint.corpus.store import Store
from flashpoint.web import WebSettings, create_app

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"

# One extra report of our own: markup that must show as text, and a character past U+FFFF
# before the entities, so code-point offsets differ from UTF-16 ones.
HOSTILE = (
    "🛰️ Tajik forces shelled the Kyrgyz town of Batken on Sunday, killing two people,"
    " the Kyrgyz Interior Ministry said. <script>alert('owned')</script> Kyrgyzstan"
    " accused Tajikistan of breaking the ceasefire."
)
HOSTILE_URL = "https://testwire.example/hostile"
# And one whose act has only a year: the incident has no day, and the web app stands
# its first report's day in for it.
UNDATED = (
    "In 2019, Varnian customs officers seized a truck of rifles at the Millbrook crossing,"
    " officials said."
)


def _fingerprint() -> str:
    """Changes when the corpus or any extraction code or data changes."""
    digest = hashlib.sha256((HOSTILE + UNDATED).encode())
    paths = sorted(CORPUS.rglob("*.jsonl")) + sorted(
        p
        for p in (ROOT / "flashpoint").rglob("*")
        if p.is_file() and "web" not in p.parts and p.suffix in (".py", ".yaml", ".csv", ".json")
    )
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def build_sample(path: Path) -> None:
    with Store(path) as store:
        ingest(CORPUS, store, progress=False)
        hostile = Item(key="hostile", text=HOSTILE, published="2026-03-16", url=HOSTILE_URL)
        ingest([hostile], store, progress=False)
        undated = Item(key="undated", text=UNDATED, published="2026-03-17")
        ingest([undated], store, progress=False)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture(scope="session")
def sample_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the sample corpus store (built once per code version, then cached)."""
    cached = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
    folder = cached.mkdir("flashpoint-web") if cached else tmp_path_factory.mktemp("cache")
    cache = Path(folder) / f"sample-{_fingerprint()}.db"
    if not cache.exists():
        for old in cache.parent.glob("sample-*.db*"):
            old.unlink()
        building = cache.with_suffix(".tmp")
        building.unlink(missing_ok=True)
        build_sample(building)
        building.rename(cache)
    copy = tmp_path_factory.mktemp("web") / "sample.db"
    shutil.copyfile(cache, copy)
    return copy


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    with TestClient(create_app(WebSettings(db=sample_db))) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(sample_db: Path) -> Iterator[str]:
    """uvicorn on 127.0.0.1 and a free port, in a thread, for the browser tests."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        create_app(WebSettings(db=sample_db)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
