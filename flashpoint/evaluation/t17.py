"""Timeline17: pick the days that mattered in a crisis, and say what happened on them.

Data (``../shared/eval/t17/<crisis>/``): ``articles.jsonl`` (dated articles)
and ``gold.json``, a journalist's timeline ``[{date, summary: [sentences]}]``.
``DIR`` is one crisis folder, or the ``t17`` folder itself: then every crisis
in it is scored and the means are reported beside each crisis's figures.

Ours: the articles are merged into incidents (``merge_reports``); the days
are ranked by what the reports say happened on them
(:func:`flashpoint.corpus.timeline.day_scores`: news of the day on its
publication day, and three times over for later reports looking back to it),
and each day's summary is the evidence sentences of its two most salient
incidents. The **baseline** ranks days by how many articles were published
that day, and summarizes a day by the first sentence of its first two
articles. Both keep as many days as the gold has, within the gold's first
and last date (the usual timeline-summarization setting).

Scores, per crisis:

- ``date_f1``: predicted days that are gold days (with equal budgets, P = R = F1);
- ``date_f1_1day``: the same with days matched one-to-one within one day,
  closest pairs first;
- ``rouge1_f`` / ``rouge2_f``: ROUGE-1/2 F1 of all predicted text against
  all gold text (lower-cased word n-grams, no stemming, no stop words removed);
- ``aligned_rouge1_f``: ROUGE-1 F1 over days matched exactly, a right sentence
  on a wrong day scoring nothing.

``limit`` takes the first N articles (file order, i.e. by date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.timeline import top_dates
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation import reports_cache
from flashpoint.evaluation.metrics import f1, prf
from flashpoint.registry import evaluation

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
SUMMARY_INCIDENTS = 2

Timeline = list[tuple[dt.date, str]]


def ngrams(text: str, n: int) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def rouge(pred: str, gold: str, n: int) -> tuple[float, float, float]:
    """ROUGE-N precision, recall and F1 (clipped n-gram overlap)."""
    p, g = ngrams(pred, n), ngrams(gold, n)
    overlap = sum((p & g).values())
    return prf(overlap, sum(p.values()), overlap, sum(g.values()))


def match_within(pred: list[dt.date], gold: list[dt.date], days: int) -> int:
    """Days matched one-to-one within ``days``, closest pairs first."""
    pairs = sorted(
        (abs((p - g).days), i, j)
        for i, p in enumerate(pred)
        for j, g in enumerate(gold)
        if abs((p - g).days) <= days
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def score(pred: Timeline, gold: Timeline) -> dict[str, float]:
    pd, gd = [d for d, _ in pred], [d for d, _ in gold]
    exact = len(set(pd) & set(gd))
    near = match_within(pd, gd, 1)

    def date_f1(hits: int) -> float:
        return prf(hits, len(pd), hits, len(gd))[2]

    all_pred = " ".join(t for _, t in pred)
    all_gold = " ".join(t for _, t in gold)
    gold_by_day = dict(gold)
    aligned = [rouge(t, gold_by_day[d], 1) for d, t in pred if d in gold_by_day]
    ap = sum(a[0] for a in aligned) / len(pd) if pd else 0.0
    ar = sum(a[1] for a in aligned) / len(gd) if gd else 0.0
    return {
        "date_f1": date_f1(exact),
        "date_f1_1day": date_f1(near),
        "rouge1_f": rouge(all_pred, all_gold, 1)[2],
        "rouge2_f": rouge(all_pred, all_gold, 2)[2],
        "aligned_rouge1_f": f1(ap, ar),
    }


def read_gold(data_dir: Path) -> Timeline:
    rows = reports_cache.load_gold(data_dir)
    return sorted((dt.date.fromisoformat(r["date"]), " ".join(r["summary"])) for r in rows)


def busiest_days(docs: list[dict[str, Any]], n: int, since: dt.date, until: dt.date) -> Timeline:
    """The baseline: the days with the most articles, summarized by their first sentences."""
    by_day: dict[dt.date, list[str]] = {}
    for d in docs:
        if not d.get("date"):
            continue
        day = dt.date.fromisoformat(d["date"][:10])
        if since <= day <= until:
            by_day.setdefault(day, []).append(d["text"])
    top = sorted(by_day, key=lambda day: (-len(by_day[day]), day))[:n]
    out = []
    for day in sorted(top):
        firsts = [_SENTENCE.split(t.strip(), maxsplit=1)[0] for t in by_day[day][:2]]
        out.append((day, " ".join(firsts)))
    return out


def one(data_dir: Path, limit: int | None, baseline: bool, cache: Any) -> dict[str, Any]:
    docs = reports_cache.load_docs(data_dir, limit)
    gold = read_gold(data_dir)
    since, until = gold[0][0], gold[-1][0]
    n = len(gold)
    metrics: dict[str, Any] = {"articles": len(docs), "gold_days": n}
    base = score(busiest_days(docs, n, since, until), gold)
    if not baseline:
        reports = reports_cache.reports(data_dir, docs, cache=cache)
        incidents = merge_reports(reports.values())
        days = top_dates(
            incidents,
            n,
            per_day=SUMMARY_INCIDENTS,
            since=since,
            until=until,
            reports=reports.values(),
        )
        pred = [(e.day, " ".join(e.evidence(i) for i in e.incidents)) for e in days]
        metrics["incidents"] = len(incidents)
        metrics.update(score(pred, gold))
    metrics.update({f"baseline_{k}": v for k, v in base.items()})
    return metrics


@evaluation(
    "t17",
    split="Timeline17 Syria, Egypt, Iraq (all articles; journalists' timelines)",
    summary="timeline dates (F1, exact and within a day) and ROUGE-1/2 of day summaries",
    cached=True,
)
def evaluate(
    data_dir: Path, limit: int | None = None, baseline: bool = False, cache: Any = None
) -> dict[str, Any]:
    if (data_dir / "articles.jsonl").is_file():
        return one(data_dir, limit, baseline, cache)
    crises = sorted(p for p in data_dir.iterdir() if (p / "articles.jsonl").is_file())
    if not crises:
        raise EvalDataMissing(path=str(data_dir), detail=" (no crisis folder with articles.jsonl)")
    metrics: dict[str, Any] = {}
    per = {c.name: one(c, limit, baseline, cache) for c in crises}
    keys = [
        k
        for k in next(iter(per.values()))
        if k.startswith(("date", "rouge", "aligned", "baseline_"))
    ]
    for key in keys:
        metrics[f"mean_{key}"] = sum(m[key] for m in per.values()) / len(per)
    for name, m in per.items():
        metrics.update({f"{name}_{k}": v for k, v in m.items()})
    return metrics
