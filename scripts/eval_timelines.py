"""Score a timeline against a gold crisis timeline (../shared/eval/crisis_timelines/*.txt).

    .venv/bin/python scripts/eval_timelines.py GOLD.txt --pred timeline.jsonl [--tolerance 1]
    .venv/bin/python scripts/eval_timelines.py GOLD.txt --db corpus.db [--country SYR]
        [--actor NAME] [--dyad USA:SYR] [--since 2011-01-01] [--until 2012-12-31]
    .venv/bin/python scripts/eval_timelines.py GOLD.txt --self-check

The gold file holds date blocks: a ``YYYY-MM-DD`` line, the sentences of that
day's key events, then a line of dashes. A prediction is a list of (date, text)
entries: a JSONL file of ``{"date": ..., "text": ...}``, or the incidents of a
Flashpoint store selected like ``flashpoint timeline`` (text = the summary).

As in timeline-summarization evaluation, the prediction is cut to as many dates
as the gold has, keeping the dates with the most tension-weighted evidence
(sum over incidents of |contribution|). Scores:

- ``date_p/r/f1``: dates matched one-to-one to gold dates within
  ``--tolerance`` days (closest pairs first);
- ``concat_rouge1/2``: ROUGE-1/2 F1 of all predicted text against all gold text
  (lower-cased word n-grams, no stemming): content, ignoring dates;
- ``align_rouge1``: date-aligned ROUGE-1: for each matched date pair, the
  unigram overlap of their texts; precision divides by the predicted n-grams,
  recall by the gold n-grams (unmatched dates score nothing).

``--self-check`` scores the gold against itself (all 1.0) and against itself
shifted by ``tolerance + 1`` days (date and aligned scores collapse, except where
two gold dates lie close together; concat scores stay 1.0), to show the scorer
separates the two axes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

from flashpoint.errors import EvalDataMissing

Entry = tuple[dt.date, str]
_WORD = re.compile(r"[a-z0-9]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_gold(path: Path) -> list[Entry]:
    """The gold entries: one per date block, its sentences joined."""
    if not path.is_file():
        raise EvalDataMissing(path=str(path))
    entries: list[Entry] = []
    day: dt.date | None = None
    lines: list[str] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), "---"]:
        line = raw.strip()
        if _DATE.match(line):
            day, lines = dt.date.fromisoformat(line), []
        elif line.startswith("---"):
            if day is not None and lines:
                entries.append((day, " ".join(lines)))
            day, lines = None, []
        elif line and day is not None:
            lines.append(line)
    return entries


def read_pred(path: Path) -> list[Entry]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            entries.append((dt.date.fromisoformat(row["date"][:10]), row["text"]))
    return entries


def from_store(db: Path, args: argparse.Namespace) -> list[Entry]:
    """Incidents of a store, selected and ranked; one entry per date (summaries joined)."""
    from flashpoint.corpus.store import Store
    from flashpoint.corpus.tension import contribution, incident_day
    from flashpoint.corpus.timeline import parse_dyad, select

    with Store(db, create=False) as store:
        chosen = select(
            store.incidents(),
            actor=args.actor,
            country=args.country,
            dyad=parse_dyad(args.dyad) if args.dyad else None,
            since=dt.date.fromisoformat(args.since) if args.since else None,
            until=dt.date.fromisoformat(args.until) if args.until else None,
        )
    weight: Counter[dt.date] = Counter()
    texts: dict[dt.date, list[str]] = {}
    for inc in chosen:
        day = incident_day(inc)
        if day is not None and inc.summary:
            weight[day] += abs(contribution(inc))
            texts.setdefault(day, []).append(inc.summary)
    return [(day, " ".join(texts[day])) for day in sorted(texts, key=lambda d: -weight[d])]


def _ngrams(text: str, n: int) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def rouge(pred: str, gold: str, n: int) -> float:
    a, b = _ngrams(pred, n), _ngrams(gold, n)
    hit = sum((a & b).values())
    return _f1(hit / max(1, sum(a.values())), hit / max(1, sum(b.values())))


def match_dates(pred: list[Entry], gold: list[Entry], tolerance: int) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs within the tolerance, closest first."""
    pairs = sorted(
        (abs((p[0] - g[0]).days), i, j)
        for i, p in enumerate(pred)
        for j, g in enumerate(gold)
        if abs((p[0] - g[0]).days) <= tolerance
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(pred: list[Entry], gold: list[Entry], tolerance: int = 1) -> dict[str, float | int]:
    pred = pred[: len(gold)]  # the prediction is ranked: keep as many dates as the gold has
    matched = match_dates(pred, gold, tolerance)
    dp = len(matched) / len(pred) if pred else 0.0
    dr = len(matched) / len(gold) if gold else 0.0
    overlap = sum(
        sum((_ngrams(pred[i][1], 1) & _ngrams(gold[j][1], 1)).values()) for i, j in matched
    )
    pred_total = sum(sum(_ngrams(t, 1).values()) for _, t in pred)
    gold_total = sum(sum(_ngrams(t, 1).values()) for _, t in gold)
    ap, ar = overlap / max(1, pred_total), overlap / max(1, gold_total)
    all_pred = " ".join(t for _, t in sorted(pred))
    all_gold = " ".join(t for _, t in sorted(gold))
    return {
        "gold_dates": len(gold),
        "pred_dates": len(pred),
        "date_p": round(dp, 4),
        "date_r": round(dr, 4),
        "date_f1": round(_f1(dp, dr), 4),
        "concat_rouge1": round(rouge(all_pred, all_gold, 1), 4),
        "concat_rouge2": round(rouge(all_pred, all_gold, 2), 4),
        "align_rouge1": round(_f1(ap, ar), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--actor")
    ap.add_argument("--country")
    ap.add_argument("--dyad")
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--tolerance", type=int, default=1)
    ap.add_argument("--self-check", action="store_true")
    args = ap.parse_args()
    gold = read_gold(args.gold)
    if args.self_check:
        shift = dt.timedelta(days=args.tolerance + 1)
        print("gold vs itself:", json.dumps(score(gold, gold, args.tolerance)))
        moved = [(d + shift, t) for d, t in gold]
        print(
            f"gold vs itself shifted {shift.days} days:",
            json.dumps(score(moved, gold, args.tolerance)),
        )
        return
    if args.pred:
        pred = read_pred(args.pred)
    elif args.db:
        pred = from_store(args.db, args)
    else:
        ap.error("give --pred, --db or --self-check")
    print(json.dumps(score(pred, gold, args.tolerance)))


if __name__ == "__main__":
    main()
