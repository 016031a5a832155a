"""Cross-report linking against gold incidents: GVC, GVA and ECB+.

Each gold document has one incident (``gold.json``: ``doc_incident``); the
linker gives each document one main incident (its story cluster, see
:mod:`flashpoint.corpus.linking`). Scored over documents:

- **pair P/R/F1**: document pairs put in one cluster, against pairs of one
  gold incident;
- **B-cubed P/R/F1**: per document, the share of its cluster that is its
  gold incident (precision) and the share of its gold incident in its
  cluster (recall), averaged over documents;
- **figures** (GVC, GVA): for documents whose gold incident has killed > 0
  (injured > 0), whether their main incident's toll equals the gold's;
- **ECB+**: ``cross_happening_pairs``, predicted pairs of one topic but two
  different happenings (two earthquakes), the error the set exists to catch.

The **baseline** beside every figure is the naive linker the issue names:
two documents published within 2 days that share a capitalized word of a
place name the gazetteer found link, and clusters are the connected
components of those links.

``limit`` takes the first N documents in file order (the gates' fixed
subsets). Reports come from the cache (:mod:`flashpoint.evaluation.reports_cache`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.linking import Profile, link, profile, story_figures
from flashpoint.evaluation import metrics, reports_cache
from flashpoint.models import Report
from flashpoint.registry import evaluation


def _contingency(
    pred: dict[str, Any], gold: dict[str, Any]
) -> tuple[list[str], Counter[tuple[Any, Any]], Counter[Any], Counter[Any]]:
    """The documents both name; their (predicted, gold) cluster cells, rows and columns."""
    docs = [d for d in gold if d in pred]
    cells: Counter[tuple[Any, Any]] = Counter((pred[d], gold[d]) for d in docs)
    rows: Counter[Any] = Counter(pred[d] for d in docs)
    cols: Counter[Any] = Counter(gold[d] for d in docs)
    return docs, cells, rows, cols


def pair_counts(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int, int]:
    """(true pairs, predicted pairs, gold pairs) over the documents both name."""
    _, cells, rows, cols = _contingency(pred, gold)

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    return pairs(cells.values()), pairs(rows.values()), pairs(cols.values())


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Pair P/R/F1; no predicted (gold) pairs is a precision (recall) of 1."""
    return metrics.prf(tp, predicted, tp, gold, empty=1.0)


def bcubed(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[float, float, float]:
    docs, cells, rows, cols = _contingency(pred, gold)
    if not docs:
        return 0.0, 0.0, 0.0
    p = sum(cells[(pred[d], gold[d])] / rows[pred[d]] for d in docs) / len(docs)
    r = sum(cells[(pred[d], gold[d])] / cols[gold[d]] for d in docs) / len(docs)
    return p, r, metrics.f1(p, r)


def _scores(prefix: str, pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    p, r, f = prf(*pair_counts(pred, gold))
    bp, br, bf = bcubed(pred, gold)
    return {
        f"{prefix}pair_precision": p,
        f"{prefix}pair_recall": r,
        f"{prefix}pair_f1": f,
        f"{prefix}bcubed_precision": bp,
        f"{prefix}bcubed_recall": br,
        f"{prefix}bcubed_f1": bf,
        f"{prefix}clusters": len(set(pred.values())),
    }


def naive_links(reports: dict[str, Report], days: int = 2) -> dict[str, int]:
    """The baseline: within ``days`` and a shared capitalized place word; connected components."""
    parent = {d: d for d in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for doc_id, report in reports.items():
        day = _ordinal(report.document.published)
        if day is None:
            continue
        place_words = {
            w for p in report.places for w in p.name.split() if w[:1].isupper() and len(w) > 2
        }
        for w in place_words:
            index[w].append((day, doc_id))
    for posting in index.values():
        posting.sort()
        start = 0
        for i, (day, doc_id) in enumerate(posting):
            while posting[start][0] < day - days:
                start += 1
            for _, other in posting[start:i]:
                a, b = find(doc_id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    roots: dict[str, int] = {}
    return {d: roots.setdefault(find(d), len(roots)) for d in reports}


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _figure_accuracy(
    pred: dict[str, Any],
    tolls: dict[Any, dict[str, int]],
    doc_incident: dict[str, str],
    incidents: dict[str, dict[str, Any]],
) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind, gold_key in (("dead", "killed"), ("injured", "injured")):
        hits = total = 0
        for doc_id, c in pred.items():
            inc = incidents.get(doc_incident.get(doc_id, ""), {})
            want = inc.get(gold_key)
            if not want:
                continue
            total += 1
            got = tolls.get(c, {}).get(kind)
            hits += got is not None and int(got) == int(want)
        out[f"{gold_key}_documents"] = total
        out[f"{gold_key}_accuracy"] = hits / total if total else 0.0
    return out


def main_incidents(reports: dict[str, Report]) -> tuple[dict[str, Any], dict[Any, dict[str, int]]]:
    """Each gold document's main incident (as ``merge_reports`` builds it) and the tolls."""
    incidents = merge_reports(reports.values())
    by_doc: dict[str, list[str]] = defaultdict(list)
    for gold_id, report in reports.items():
        by_doc[report.document.id].append(gold_id)
    pred: dict[str, Any] = {}
    tolls: dict[Any, dict[str, int]] = {}
    for inc in incidents:
        tolls[inc.id] = dict(inc.toll)
        for doc in inc.main_documents:
            for gold_id in by_doc.get(doc, []):
                pred[gold_id] = inc.id
    for gold_id in reports:
        pred.setdefault(gold_id, f"alone:{gold_id}")  # no coded main event: its own incident
    return pred, tolls


def evaluate_links(
    data_dir: Path,
    *,
    limit: int | None = None,
    baseline: bool = False,
    cache: Path | str | None = None,
    figures: bool = True,
    split: str | None = None,
    extra: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Shared scorer for the three linking sets; ``split`` keeps one gold split only.

    The scored clusters are the main incidents ``merge_reports`` gives each
    document (what a user gets); ``linker_*`` scores the story clusters of the
    document linker alone, before events are merged.
    """
    docs = reports_cache.load_docs(data_dir, limit)
    gold: dict[str, Any] = reports_cache.load_gold(data_dir)
    incidents = gold["incidents"]
    doc_incident = {
        d: i
        for d, i in gold["doc_incident"].items()
        if split is None or incidents.get(i, {}).get("split") == split
    }
    docs = [d for d in docs if d["id"] in doc_incident]
    reports = reports_cache.reports(data_dir, docs, cache=cache)
    truth = {d: doc_incident[d] for d in reports}
    metrics: dict[str, Any] = {
        "documents": len(reports),
        "gold_incidents": len(set(truth.values())),
    }
    by_profile: dict[str, Profile] = {}
    for doc_id, report in reports.items():
        prof = profile(report)
        prof.doc = doc_id  # gold ids, not text hashes: duplicate texts stay two documents
        by_profile[doc_id] = prof
    naive = naive_links(reports)
    if not baseline:
        pred, tolls = main_incidents(reports)
        metrics.update(_scores("", pred, truth))
        linker = link(by_profile.values())
        metrics.update({k: v for k, v in _scores("linker_", linker, truth).items()})
    metrics.update(_scores("baseline_", naive, truth))
    if figures:
        if not baseline:
            metrics.update(_figure_accuracy(pred, tolls, doc_incident, incidents))
        members: dict[Any, list[Profile]] = defaultdict(list)
        for doc_id, c in naive.items():
            members[c].append(by_profile[doc_id])
        base_tolls = {c: story_figures(ps) for c, ps in members.items()}
        base = _figure_accuracy(naive, base_tolls, doc_incident, incidents)
        metrics.update({f"baseline_{k}": v for k, v in base.items() if k.endswith("accuracy")})
    if extra is not None:
        if not baseline:
            metrics.update(extra(pred, gold))
        metrics.update({f"baseline_{k}": v for k, v in extra(naive, gold).items()})
    return metrics


@evaluation(
    "gvc",
    split="GVC train+dev incidents (436 documents, 207 incidents)",
    summary="cross-report linking: pair and B-cubed scores, killed/injured of main incidents",
    cached=True,
)
def gvc(
    data_dir: Path, limit: int | None = None, baseline: bool = False, cache: Any = None
) -> dict[str, Any]:
    return evaluate_links(data_dir, limit=limit, baseline=baseline, cache=cache)


@evaluation(
    "gva",
    split="GVA documents outside GVC (4,420 documents, 2,675 incidents)",
    summary="cross-report linking at scale, noisier links",
    cached=True,
)
def gva(
    data_dir: Path, limit: int | None = None, baseline: bool = False, cache: Any = None
) -> dict[str, Any]:
    return evaluate_links(data_dir, limit=limit, baseline=baseline, cache=cache)


def _cross_happenings(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    topic = gold.get("doc_topic", {})
    inc = gold["doc_incident"]
    by_cluster: dict[Any, list[str]] = defaultdict(list)
    for d, c in pred.items():
        by_cluster[c].append(d)
    wrong = same_topic = 0
    for members in by_cluster.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if topic.get(a) == topic.get(b):
                    same_topic += 1
                    wrong += inc.get(a) != inc.get(b)
    return {
        "cross_happening_pairs": wrong,
        "cross_happening_share": wrong / same_topic if same_topic else 0.0,
    }


@evaluation(
    "ecbplus",
    split="ECB+ train and val topics (772 documents)",
    summary="linking; two happenings of one topic must stay apart",
    cached=True,
)
def ecbplus(
    data_dir: Path, limit: int | None = None, baseline: bool = False, cache: Any = None
) -> dict[str, Any]:
    return evaluate_links(
        data_dir,
        limit=limit,
        baseline=baseline,
        cache=cache,
        figures=False,
        extra=_cross_happenings,
    )
