"""Ingest a corpus into the store: read, check, deduplicate, extract, write in batches.

Readers turn a source into a stream of :class:`Item` (never a list): a folder
of ``.txt``/``.html`` files (recursively), a CSV or JSONL file with named
columns, or an RSS/Atom feed (a file or a URL) whose links are fetched with a
timeout, retries and a polite delay between requests to one host.

The run is idempotent and resumable: a document's id is the SHA-256 of its
text, documents already stored are passed over before any parsing, and each
batch is written in one transaction. Killing the run loses at most the batch
in flight, which the next run redoes. Inputs that cannot be used (empty,
binary, undecodable, too large, not English, unreachable) are recorded in the
``skipped`` table with the named error that says why, and never stop the run.
Near-duplicates (see :mod:`flashpoint.corpus.dedup`) are stored as copies of
their original, without extraction.

It does not crawl beyond a feed's own links, read robots.txt, or run
JavaScript; pages are read with trafilatura as fetched.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import http.client
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flashpoint.config import DEFAULT, Settings
from flashpoint.corpus import dedup
from flashpoint.corpus.parallel import Engine, Job, Outcome, run_batches
from flashpoint.corpus.store import Store
from flashpoint.errors import (
    BadRecord,
    FetchError,
    FetchTimedOut,
    FetchTooLarge,
    FlashpointError,
    MissingColumn,
    UnknownComponent,
    UnreadableInput,
    UnsupportedScheme,
)
from flashpoint.ingest.text import check_text, load_bytes
from flashpoint.models import Document, Report
from flashpoint.pipeline import document_id

TEXT_SUFFIXES = (".txt", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv")
LINES_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
_SURROGATE = re.compile("[\ud800-\udfff]")
USER_AGENT = "Flashpoint/0.1 (news-corpus research; +https://example.org/flashpoint)"


@dataclass(slots=True)
class Item:
    """One input document as a reader found it, before any checks."""

    key: str  # where it came from: a path, "file.csv:17", a URL
    text: str | None = None
    data: bytes | None = None  # raw bytes (files, fetched pages), decoded by the ingest
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    error: FlashpointError | None = None  # the reader could not get it at all


@dataclass(frozen=True, slots=True)
class Columns:
    """Which fields of a CSV or JSONL record hold what."""

    text: str = "text"
    date: str | None = "date"
    url: str | None = "url"
    title: str | None = "title"
    outlet: str | None = None


# --- fetching ---


FETCH_SCHEMES = ("http", "https")
MAX_FETCH_BYTES = 20_000_000  # a news page is well under 1 MB; a feed under a few MB
FETCH_DEADLINE = 60.0  # seconds for one whole fetch, however the server drips


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only: never to file:, ftp: or data: URLs."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:  # fmt: skip
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in FETCH_SCHEMES:
            raise UnsupportedScheme(url=newurl, detail=" (a redirect)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req: Any, fp: Any, code: int, msg: str, headers: Any) -> Any:
        # urllib refuses a file: redirect itself, but as a bare HTTP error: say why.
        target = headers.get("location") or headers.get("uri")
        if target:
            newurl = urllib.parse.urljoin(req.full_url, target)
            if urllib.parse.urlsplit(newurl).scheme.lower() not in FETCH_SCHEMES:
                raise UnsupportedScheme(url=newurl, detail=" (a redirect)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    # Built from parts, not build_opener(): no FileHandler, FTPHandler or DataHandler.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _HttpOnlyRedirects(),
    ):
        opener.add_handler(handler)
    return opener


def check_scheme(url: str) -> None:
    """``UnsupportedScheme`` unless ``url`` is an http(s) URL with a host."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in FETCH_SCHEMES or not parts.netloc:
        kind = f"a {scheme}: link" if scheme else "a relative link, with no page to point to"
        raise UnsupportedScheme(url=url, detail=f" ({kind})")


class Fetcher:
    """HTTP(S) GET with a timeout, retries with backoff, and a minimum delay per host.

    Only http and https URLs are fetched (``UnsupportedScheme`` otherwise, also for a
    redirect); a body over ``max_bytes`` is cut off (``FetchTooLarge``), and one fetch,
    retries included, ends after ``deadline`` seconds (``FetchTimedOut``): ``timeout``
    alone bounds each socket read, which a server sending a byte at a time never hits.
    """

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        retries: int = 2,
        delay: float = 1.0,
        backoff: float = 1.0,
        max_bytes: int = MAX_FETCH_BYTES,
        deadline: float = FETCH_DEADLINE,
    ) -> None:
        self.timeout = timeout
        self.retries = retries
        self.delay = delay
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.deadline = deadline
        self._last: dict[str, float] = {}
        self._opener = _opener()

    def get(self, url: str) -> bytes:
        check_scheme(url)
        host = urllib.parse.urlsplit(url).netloc
        ends = time.monotonic() + self.deadline
        last_error = ""
        for attempt in range(self.retries + 1):
            self._wait(host)
            try:
                return self._once(url, ends)
            except urllib.error.HTTPError as err:
                last_error = f"HTTP {err.code}"
                if err.code < 500 and err.code != 429:
                    break  # the page is not there; asking again will not help
            except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as err:
                last_error = str(getattr(err, "reason", err)) or type(err).__name__
            except ValueError as err:  # a malformed URL (bad port, bad IPv6 literal)
                last_error = str(err)
                break
            pause = self.backoff * 2**attempt
            if attempt < self.retries and time.monotonic() + pause < ends:
                time.sleep(pause)
            elif attempt < self.retries:
                break
        if time.monotonic() >= ends:
            raise FetchTimedOut(url=url, seconds=self.deadline)
        raise FetchError(url=url, detail=f" ({last_error})")

    def _once(self, url: str, ends: float) -> bytes:
        left = ends - time.monotonic()
        if left <= 0:
            raise FetchTimedOut(url=url, seconds=self.deadline)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with self._opener.open(request, timeout=min(self.timeout, left)) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise FetchTooLarge(url=url, limit=self.max_bytes, detail=f" ({length} bytes)")
            chunks: list[bytes] = []
            size = 0
            while True:
                left = ends - time.monotonic()
                if left <= 0:
                    raise FetchTimedOut(url=url, seconds=self.deadline)
                _set_timeout(response, min(self.timeout, left))
                chunk = response.read1(65536)  # what has arrived, not a full 64 KB
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchTooLarge(url=url, limit=self.max_bytes)
                chunks.append(chunk)

    def _wait(self, host: str) -> None:
        since = time.monotonic() - self._last.get(host, -1e9)
        if since < self.delay:
            time.sleep(self.delay - since)
        self._last[host] = time.monotonic()


def _set_timeout(response: Any, seconds: float) -> None:
    """Shorten the socket timeout of an open response to what the deadline leaves."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


# --- readers ---


def read_source(
    source: str | Path, columns: Columns = Columns(), fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """The items of a folder, file, CSV, JSONL or feed (path or URL), streamed."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        return read_feed(text, fetcher or Fetcher())
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(2, "No such file or directory", text)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix in TEXT_SUFFIXES:
        return read_files(path, columns)
    if suffix in TABLE_SUFFIXES:
        return read_csv(path, columns)
    if suffix in LINES_SUFFIXES:
        return read_jsonl(path, columns)
    if suffix in FEED_SUFFIXES:
        return read_feed(path, fetcher or Fetcher())
    known = ", ".join(TEXT_SUFFIXES + TABLE_SUFFIXES + LINES_SUFFIXES + FEED_SUFFIXES)
    raise UnknownComponent(kind="input format", name=suffix or text, known=f"a folder, {known}")


def count_items(source: str | Path) -> int | None:
    """How many items a source holds, when cheap to tell (for the progress bar's ETA)."""
    path = Path(str(source))
    if str(source).startswith(("http://", "https://")) or not path.exists():
        return None
    if path.is_dir():
        return sum(count_items(f) or 1 if f.suffix.lower() in LINES_SUFFIXES else 1
                   for f in _files(path))
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
            return max(sum(1 for _ in _rows(_csv_reader(handle, path))) - 1, 0)
    if suffix in LINES_SUFFIXES:
        try:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:  # unreadable: the ingest records it as a skip
            return None
    return 1 if suffix in TEXT_SUFFIXES else None


def _files(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
        return
    # A folder may also hold JSONL records, which carry their dates, outlets and URLs.
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES + LINES_SUFFIXES:
            yield path


def read_files(folder: Path, columns: Columns = Columns()) -> Iterator[Item]:
    for path in _files(folder):
        try:
            if path.suffix.lower() in LINES_SUFFIXES:
                yield from read_jsonl(path, columns)
                continue
            data = path.read_bytes()
        except OSError as err:  # unreadable (permissions), vanished, a broken link
            reason = f" ({err.strerror or type(err).__name__})"
            yield Item(key=str(path), error=UnreadableInput(path=str(path), detail=reason))
            continue
        yield Item(key=str(path), data=data)


def _csv_reader(handle: Any, path: Path) -> Iterator[list[str]]:
    csv.field_size_limit(2**31 - 1)
    return csv.reader(handle, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")


def read_csv(path: Path, columns: Columns) -> Iterator[Item]:
    # utf-8-sig: a spreadsheet's UTF-8 BOM is not part of the first column's name.
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        rows = _rows(_csv_reader(handle, path))
        first = next(rows, [])
        header = first if isinstance(first, list) else []
        _check_columns(columns, header, path)
        for number, values in enumerate(rows, start=2):
            key = f"{path}:{number}"
            if isinstance(values, csv.Error):
                yield Item(key=key, error=BadRecord(detail=f" at {key} ({values})"))
                continue
            yield _item(key, dict(zip(header, values, strict=False)), columns)


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str] | csv.Error]:
    """The reader's rows, with a malformed row (a NUL byte, a bad quote) as its error."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield err
            continue
        yield row


def read_jsonl(path: Path, columns: Columns) -> Iterator[Item]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            key = f"{path}:{number}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as err:
                yield Item(key=key, error=BadRecord(detail=f" at {key} ({str(err)[:200]})"))
                continue
            except RecursionError:
                yield Item(key=key, error=BadRecord(detail=f" at {key} (nested too deeply)"))
                continue
            if columns.text not in record:
                found = ", ".join(sorted(record)) or "nothing"
                missing = MissingColumn(column=columns.text, path=key, found=found)
                yield Item(key=key, error=missing)
                continue
            yield _item(key, record, columns)


def _check_columns(columns: Columns, header: list[str], path: Path) -> None:
    # Only the text column must exist: the other defaults are guesses, used when present.
    if columns.text not in header:
        raise MissingColumn(column=columns.text, path=str(path), found=", ".join(header))


def _item(key: str, record: dict[str, Any], columns: Columns) -> Item:
    def get(name: str | None) -> str | None:
        value = record.get(name) if name else None
        if value is None or value == "":
            return None
        # Metadata is stored as given, less lone surrogates, which SQLite cannot hold;
        # the text keeps them, so that the check refuses it with a reason.
        return _SURROGATE.sub("\ufffd", value if isinstance(value, str) else str(value))

    url = get(columns.url)
    text = record.get(columns.text)
    return Item(
        key=key,
        text=text if isinstance(text, str) else "" if text is None else str(text),
        title=get(columns.title),
        published=get(columns.date),
        url=url,
        outlet=get(columns.outlet) or _domain(url),
    )


def read_feed(source: str | Path, fetcher: Fetcher) -> Iterator[Item]:
    """Each entry of an RSS/Atom feed, with its linked page fetched."""
    import feedparser

    where = str(source)
    remote = where.startswith(("http://", "https://"))
    data = fetcher.get(where) if remote else Path(where).read_bytes()
    try:
        feed = feedparser.parse(data)
    except Exception as err:  # feedparser is lenient, but not with every byte string
        detail = f" at {where} (not an RSS or Atom feed: {type(err).__name__})"
        raise BadRecord(detail=detail) from None
    if feed.bozo and not feed.entries:
        raise BadRecord(detail=f" at {where} (not an RSS or Atom feed)")
    outlet = _clean(feed.feed.get("title")) or _domain(where)
    for number, entry in enumerate(feed.entries, start=1):
        link = _clean(entry.get("link"))
        published = _feed_date(entry)
        title = _clean(entry.get("title"))
        if not link:
            summary = entry.get("summary")
            key = f"{where}#{_clean(entry.get('id')) or title or number}"
            yield Item(key=key, text=summary, title=title, published=published, outlet=outlet)
            continue
        # A relative link is read against a remote feed's URL; in a local feed file it
        # has no page to point to, and is skipped below like any non-http(s) link.
        if remote and not urllib.parse.urlsplit(link).scheme:
            link = urllib.parse.urljoin(where, link)
        try:
            page = fetcher.get(link)
        except FlashpointError as err:  # unreachable, too big, too slow, or not http(s)
            yield Item(key=link, url=link, error=err)
            continue
        yield Item(
            key=link,
            data=page,
            title=title,
            published=published,
            url=link,
            outlet=outlet or _domain(link),
        )


def _feed_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return dt.date(*parsed[:3]).isoformat() if parsed else None
    except (TypeError, ValueError, OverflowError):
        return None


def _clean(value: Any) -> str | None:
    """A feed field as text without lone surrogates, or None."""
    if value is None or value == "":
        return None
    return _SURROGATE.sub("\ufffd", str(value))


def _domain(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _loose_date(value: str | dt.date | None) -> str | None:
    """An ISO date from the common forms a date column holds, or None."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# --- the run ---


@dataclass(slots=True)
class Summary:
    """What one ingest run did."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    unchanged: int = 0  # already in the store, or an exact copy of a text seen this run
    skipped: Counter[str] = field(default_factory=Counter)  # error code -> count
    reasons: dict[str, str] = field(default_factory=dict)  # error code -> one example
    events: int = 0
    incidents: int | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "unchanged": self.unchanged,
            "skipped": sum(self.skipped.values()),
            "skipped_by_reason": dict(self.skipped),
            "events": self.events,
            "incidents": self.incidents,
            "seconds": round(self.seconds, 2),
            "docs_per_second": round(self.read / self.seconds, 2) if self.seconds else None,
        }

    def lines(self) -> list[str]:
        out = [
            f"read {self.read}: added {self.added}, near-duplicates {self.duplicates},"
            f" already stored {self.unchanged}, skipped {sum(self.skipped.values())}"
            f" ({self.seconds:.1f}s)",
            f"events {self.events}"
            + (f", incidents {self.incidents}" if self.incidents is not None else ""),
        ]
        for code, n in sorted(self.skipped.items()):
            out.append(f"  skipped {n} x {self.reasons.get(code, code)}")
        return out


@dataclass(slots=True)
class _Batch:
    """What the parent decided for a run of items; ``jobs`` go to the workers."""

    jobs: list[Job] = field(default_factory=list)
    meta: list[tuple[str, str | None, str | None, bytes]] = field(default_factory=list)
    copies: list[tuple[Document, str, str | None, str | None]] = field(default_factory=list)
    skips: list[tuple[str, str | None, FlashpointError]] = field(default_factory=list)
    consumed: int = 0


def ingest(
    source: str | Path | Iterable[Item],
    store: Store,
    *,
    columns: Columns = Columns(),
    workers: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    limit: int | None = None,
    batch_size: int = 16,
    settings: Settings = DEFAULT,
    fetcher: Fetcher | None = None,
    progress: bool = True,
    incidents: bool = True,
    on_batch: Callable[[int], None] | None = None,
) -> Summary:
    """Add a source's documents to ``store``; safe to rerun and to interrupt.

    ``on_batch(n)`` is called after the n-th batch is committed (progress hooks,
    tests that interrupt a run).
    """
    from tqdm import tqdm

    from flashpoint.nlp.backbone import check_model

    started = time.perf_counter()
    summary = Summary()
    check_model(settings.model)  # a wrong model name fails here, before any row is written
    if isinstance(source, str | Path):
        total = count_items(source)
        items: Iterable[Item] = read_source(source, columns, fetcher)
    else:
        total, items = None, source
    if limit is not None:
        total = min(total, limit) if total is not None else limit
        items = _take(items, limit)
    deduper = dedup.Deduper()
    deduper.load(store.signatures())
    # The parent has checked the text; workers need not detect the language again.
    worker_settings = replace(settings, check_language=False)
    batches = _plan(items, store, deduper, settings, summary, batch_size)
    bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    try:
        results = run_batches(
            ((b.jobs, b) for b in batches),
            settings=worker_settings,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
        )
        for number, (batch, outcomes) in enumerate(results, start=1):
            with store.batch():
                _write(store, batch, outcomes, summary)
            bar.update(batch.consumed)
            bar.set_postfix(
                added=summary.added,
                dup=summary.duplicates,
                skipped=sum(summary.skipped.values()),
                refresh=False,
            )
            if on_batch is not None:
                on_batch(number)
    finally:
        bar.close()
    if incidents:
        summary.incidents = rebuild_incidents(store)
    summary.seconds = time.perf_counter() - started
    return summary


def _take(items: Iterable[Item], limit: int) -> Iterator[Item]:
    for n, item in enumerate(items):
        if n >= limit:
            return
        yield item


def _plan(
    items: Iterable[Item],
    store: Store,
    deduper: dedup.Deduper,
    settings: Settings,
    summary: Summary,
    batch_size: int,
) -> Iterator[_Batch]:
    """Check and deduplicate items in order, grouping them into batches of work."""
    batch = _Batch()
    pending: set[str] = set()
    for item in items:
        summary.read += 1
        batch.consumed += 1
        _decide(item, batch, store, deduper, settings, summary, pending)
        if len(batch.jobs) + len(batch.copies) + len(batch.skips) >= batch_size:
            yield batch
            batch = _Batch()
            pending = set()
    if batch.consumed:
        yield batch


def _decide(
    item: Item,
    batch: _Batch,
    store: Store,
    deduper: dedup.Deduper,
    settings: Settings,
    summary: Summary,
    pending: set[str],
) -> None:
    raw = item.data if item.data is not None else (item.text or "").encode("utf-8", "surrogatepass")
    skip_key = f"{item.key}#{hashlib.sha256(raw).hexdigest()[:16]}"
    if item.error is not None:
        batch.skips.append((skip_key, item.key, item.error))
        return
    if store.has_skipped(skip_key):
        summary.unchanged += 1
        return
    try:
        text, title, published = _text_of(item)
        check_text(
            text,
            max_chars=settings.max_chars,
            check_language=settings.check_language,
            where=item.key,
        )
    except FlashpointError as err:
        batch.skips.append((skip_key, item.key, err))
        return
    doc_id = document_id(text)
    if doc_id in pending or store.has_document(doc_id):
        summary.unchanged += 1
        return
    pending.add(doc_id)
    sig = dedup.fingerprint(text)
    source = item.url or item.key
    original = deduper.original_of(sig)
    if original is not None:
        copy = Document(id=doc_id, title=title, published=published, source=source, text=text)
        batch.copies.append((copy, original, item.url, item.outlet))
        return
    deduper.add(doc_id, sig)
    batch.jobs.append(Job(text=text, published=published, title=title, source=source))
    batch.meta.append((doc_id, item.url, item.outlet, dedup.to_bytes(sig)))


def _text_of(item: Item) -> tuple[str, str | None, str | None]:
    """The item's text, title and ISO date, reading bytes (text or HTML) when needed."""
    if item.data is None:
        return item.text or "", item.title, _loose_date(item.published)
    found = load_bytes(item.data, source=item.url or item.key, where=item.key)
    return (
        found.text,
        item.title or found.title,
        _loose_date(item.published) or _loose_date(found.published),
    )


def _write(store: Store, batch: _Batch, outcomes: list[Outcome], summary: Summary) -> None:
    for job, (doc_id, url, outlet, sig), outcome in zip(
        batch.jobs, batch.meta, outcomes, strict=True
    ):
        if outcome.ok:
            report = Report.model_validate_json(outcome.payload)
            if store.add_report(report, url=url, outlet=outlet, signature=sig):
                summary.added += 1
                summary.events += len(report.events)
            else:
                summary.unchanged += 1
        else:
            _skip(store, summary, doc_id, url or job.source, outcome.code, outcome.payload)
    for document, original, url, outlet in batch.copies:
        if store.add_duplicate(document, duplicate_of=original, url=url, outlet=outlet):
            summary.duplicates += 1
        else:
            summary.unchanged += 1
    for key, where, error in batch.skips:
        _skip(store, summary, key, where, error.code, str(error))


def _skip(
    store: Store, summary: Summary, key: str, where: str | None, code: str, reason: str
) -> None:
    store.add_skip(key, source=where, code=code, reason=reason)
    summary.skipped[code] += 1
    summary.reasons.setdefault(code, reason)


# --- incidents ---


def rebuild_incidents(store: Store) -> int | None:
    """Re-merge every stored event into incidents; None when merging is not available."""
    try:
        from flashpoint.corpus import incidents as merging
    except ImportError:
        return None
    merge = getattr(merging, "merge_incidents", None)
    if merge is None:
        return None
    return store.replace_incidents(merge(sightings(store)))


def sightings(store: Store) -> Iterator[Any]:
    """One ``EventSighting`` per stored event, streamed report by report."""
    from flashpoint.corpus.incidents import sightings as of_report

    copies = store.copies()
    for report in store.reports():
        doc_id = report.document.id
        yield from of_report(
            report, outlet=store.outlet(doc_id), duplicates=len(copies.get(doc_id, []))
        )
