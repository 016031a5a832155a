"""Gold corpora for the corpus-level evaluations, and a cache of their extracted Reports.

The linking and timeline evaluations (``gvc``, ``gva``, ``ecbplus``, ``t17``)
score what the corpus layer does with Reports, not the parse; parsing
thousands of articles takes many minutes, so the Reports are cached as JSONL
(one ``{"id": gold id, "sha": text hash, "report": ...}`` per line) and reused
while the text is unchanged. The cache folder is ``--cache DIR`` or the
``FLASHPOINT_EVAL_CACHE`` environment variable; without either, nothing is
cached. A cache written by another version of the extractors is still read:
delete the file to refresh it.

Reads both layouts of ``../shared/eval``: ``docs.jsonl`` (gvc, gva, ecbplus:
id, date, title, text, url) and ``articles.jsonl`` (t17: id, date, text, outlet).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.errors import EvalDataMissing
from flashpoint.models import Report

CACHE_ENV = "FLASHPOINT_EVAL_CACHE"


def load_docs(data_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold documents in file order (the first ``limit`` of them)."""
    for name in ("docs.jsonl", "articles.jsonl"):
        path = data_dir / name
        if path.is_file():
            break
    else:
        raise EvalDataMissing(path=str(data_dir), detail=" (no docs.jsonl or articles.jsonl)")
    docs: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    if not docs:
        raise EvalDataMissing(path=str(data_dir), detail=" (no documents)")
    return docs


def load_gold(data_dir: Path, name: str = "gold.json") -> Any:
    path = data_dir / name
    if not path.is_file():
        raise EvalDataMissing(path=str(data_dir), detail=f" (no {name})")
    return json.loads(path.read_text(encoding="utf-8"))


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def cache_path(data_dir: Path, cache: Path | str | None) -> Path | None:
    root = cache if cache is not None else os.environ.get(CACHE_ENV)
    if not root:
        return None
    # t17/syria -> t17-syria.jsonl; gvc -> gvc.jsonl
    parts = data_dir.resolve().parts[-2:]
    stem = "-".join(parts) if parts[0] == "t17" else parts[-1]
    return Path(root) / f"{stem}.jsonl"


def _read_cache(path: Path | None) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    if path is None or not path.is_file():
        return found
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                row = json.loads(line)
                found[row["id"]] = (row["sha"], json.dumps(row["report"]))
            except (ValueError, KeyError):
                continue  # a line cut short by an interrupted run
    return found


def reports(
    data_dir: Path,
    docs: list[dict[str, Any]],
    cache: Path | str | None = None,
    progress: bool = False,
) -> dict[str, Report]:
    """Reports of ``docs`` by gold id: from the cache where present, else extracted (and cached)."""
    path = cache_path(data_dir, cache)
    cached = _read_cache(path)
    out: dict[str, Report] = {}
    todo: list[dict[str, Any]] = []
    for doc in docs:
        hit = cached.get(doc["id"])
        if hit and hit[0] == _sha(doc["text"]):
            out[doc["id"]] = Report.model_validate_json(hit[1])
        else:
            todo.append(doc)
    if todo:
        handle = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = path.open("a", encoding="utf-8")
        try:
            for n, (doc, report) in enumerate(_extract(todo), 1):
                out[doc["id"]] = report
                if handle is not None:
                    row = {"id": doc["id"], "sha": _sha(doc["text"]), "report": report.model_dump()}
                    handle.write(json.dumps(row) + "\n")
                    handle.flush()
                if progress and n % 50 == 0:
                    print(f"{data_dir.name}: {n}/{len(todo)} extracted", flush=True)
        finally:
            if handle is not None:
                handle.close()
    return out


def _extract(docs: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], Report]]:
    """Parse in batches; a document whose extractors fail is retried without ``events``.

    A gold corpus has thousands of real articles; one sentence that trips an
    extractor must not end the run. Such a document keeps its other fields.
    """
    from flashpoint.config import Settings
    from flashpoint.errors import FlashpointError
    from flashpoint.ingest.text import check_text, parse_date
    from flashpoint.nlp import load
    from flashpoint.pipeline import build_report
    from flashpoint.registry import ordered

    settings = Settings(check_language=False)
    good = []
    for d in docs:
        try:
            check_text(d["text"], max_chars=settings.max_chars, check_language=False)
        except FlashpointError:
            continue  # an empty or binary gold text has no Report; scored as unlinked
        good.append(d)
    nlp = load(settings.model)
    specs = ordered(None)
    fallback = [s for s in specs if s.produces != "events"]
    pairs = ((d["text"], d) for d in good)
    for parsed, d in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        date = parse_date(d.get("date") or None)
        title = d.get("title") or None
        source = d.get("outlet") or d.get("url") or None
        try:
            report = build_report(parsed, date, title=title, source=source, specs=specs)
        except (RecursionError, ValueError, IndexError, KeyError):
            report = build_report(parsed, date, title=title, source=source, specs=fallback)
        yield d, report
