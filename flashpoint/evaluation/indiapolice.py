"""IndiaPoliceEvents: document-level detection of police killings, arrests and force.

Data (slanglab/IndiaPoliceEvents, ``data/final``): ``docs.jsonl`` holds each
document's text (lower-cased Times of India stories, March 2002) and its
document labels (KILL, ARREST, FAIL, FORCE, ANY_ACTION); ``metadata.jsonl``
gives the publication date. ``limit`` takes the first N documents in file
order, which is how the accuracy gate picks its fixed subset.

A document is predicted to hold a class when one of its events, asserted
(not negated, hypothetical or future), is:

* KILL: an ASSAULT with a ``dead`` figure above zero, police among its
  source or target (PLOVER sector COP, from the actor lexicon);
* ARREST: a COERCE event in mode ``arrest`` (by anyone: the stories rarely name
  another arresting party);
* FORCE: an ASSAULT or a COERCE (other than an arrest) with police as its source.
  IndiaPoliceEvents' FORCE is the police using force (firing, beating, tear gas,
  lathi charges), so arrests, which have their own class, are left out of it.

Reported per class: precision, recall and F1 (``kill_f1``, ``arrest_f1``,
``force_f1``), with the gold and predicted document counts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.config import Settings
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.metrics import Counts
from flashpoint.models import Event, Report
from flashpoint.pipeline import extract_many
from flashpoint.registry import evaluation

CLASSES = ("KILL", "ARREST", "FORCE")
POLICE = "COP"


def load(data_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    docs_path = data_dir / "docs.jsonl"
    if not docs_path.is_file():
        raise EvalDataMissing(path=str(data_dir), detail=" (no docs.jsonl)")
    dates: dict[int, str] = {}
    meta = data_dir / "metadata.jsonl"
    if meta.is_file():
        with meta.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                dates[row["doc_id"]] = row.get("date")
    docs = []
    with docs_path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            row["date"] = dates.get(row["doc_id"])
            docs.append(row)
            if limit and len(docs) >= limit:
                break
    return docs


def _police(event: Event, roles: str = "source") -> bool:
    parts = event.source if roles == "source" else event.source + event.target
    return any(p.sector == POLICE for p in parts)


def classes(report: Report) -> set[str]:
    """The IndiaPoliceEvents classes a document's events support."""
    found: set[str] = set()
    for event in report.events:
        if event.modality != "asserted":
            continue
        dead = any(f.kind == "dead" and f.value > 0 for f in event.figures)
        if event.type == "ASSAULT" and dead and _police(event, "both"):
            found.add("KILL")
        if event.type == "COERCE" and event.mode == "arrest":
            found.add("ARREST")
        force = event.type == "ASSAULT" or (event.type == "COERCE" and event.mode != "arrest")
        if force and _police(event):
            found.add("FORCE")
    return found


@evaluation(
    "indiapolice",
    split="data/final, the first N documents (the gate scores the first 300)",
    summary="document-level police kill / arrest / force detection",
)
def evaluate(data_dir: Path, limit: int | None = None, baseline: bool = False) -> dict[str, Any]:
    docs = load(data_dir, limit)
    if not docs:
        raise EvalDataMissing(path=str(data_dir), detail=" (no documents)")
    if baseline:
        predicted = [_keywords(d["doc_text"]) for d in docs]
    else:
        settings = Settings(check_language=False)
        reports = extract_many(
            (d["doc_text"] for d in docs), published=(d["date"] for d in docs), settings=settings
        )
        predicted = [classes(r) for r in reports]
    metrics: dict[str, Any] = {"documents": len(docs)}
    for name in CLASSES:
        counts = Counts()
        for doc, found in zip(docs, predicted, strict=True):
            gold = name in doc["doc_labels"]
            guess = name in found
            counts.tp += gold and guess
            counts.fp += guess and not gold
            counts.fn += gold and not guess
        key = name.lower()
        metrics[f"{key}_gold"] = counts.tp + counts.fn
        metrics[f"{key}_predicted"] = counts.tp + counts.fp
        metrics[f"{key}_precision"] = counts.precision
        metrics[f"{key}_recall"] = counts.recall
        metrics[f"{key}_f1"] = counts.f1
    return metrics


def _keywords(text: str) -> set[str]:
    """Baseline: a keyword match on the whole document, as a quick filter would do."""
    lower = text.lower()
    found = set()
    police = "police" in lower
    if police and any(w in lower for w in ("killed", "shot dead", "died")):
        found.add("KILL")
    if any(w in lower for w in ("arrested", "detained", "held")):
        found.add("ARREST")
    if police and any(w in lower for w in ("fired", "lathi", "teargas", "tear gas", "firing")):
        found.add("FORCE")
    return found
