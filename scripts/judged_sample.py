"""Draw a judged sample of events from a JSONL corpus, as docs/judged-sample.md does.

Not a test: it prints one sheet per drawn event (type, trigger, modality,
confidence, sides, date, place and its reason, the 700 characters before the
sentence and the sentence) for a person to judge. The draws are reproducible:

* articles: ``random.Random(seed).sample(lines of the file, n)``, extracted with
  ``extract_many(texts, dates, titles=...)``;
* events: ``random.Random(event_seed).sample(pool, k)``, where the pool is every
  event at or above ``--min-confidence``, in article-draw order, then report order.

    .venv/bin/python scripts/judged_sample.py --seed 13 --articles 60 --event-seed 2033
    .venv/bin/python scripts/judged_sample.py --seed 14 --articles 150 --event-seed 2034 \\
        --min-confidence 0.769

``--unjudged`` draws only among articles that no reading in docs/judged-sample.md
used: those readings are labelled data of the confidence table
(scripts/fit_confidence.py), so a reading meant to test it must avoid them.
``--skip FILE`` also leaves out the articles listed there: those the developers read
while writing rules (their dev draws), so a fresh reading is of unseen articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from flashpoint.pipeline import extract_many

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "t17" / "syria" / "articles.jsonl"


JUDGED = ROOT / "docs" / "judged-sample.md"
_ARTICLE_CELL = re.compile(r"^\| \d+ \| (\S+) \|", re.MULTILINE)


def judged_articles() -> set[str]:
    """The ids of every article an earlier reading judged an event of."""
    return set(_ARTICLE_CELL.findall(JUDGED.read_text(encoding="utf-8")))


def draw(path: Path, seed: int, n: int, skip: Collection[str] = ()) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    lines = [a for a in lines if a["id"] not in skip]
    return random.Random(seed).sample(lines, min(n, len(lines)))


def sheet(k: int, article: dict[str, Any], report: Any, event: Any) -> str:
    text = report.document.text
    places = {p.id: p.name for p in report.places}
    lo, hi = event.sentence.start, event.sentence.end
    mode = f"/{event.mode}" if event.mode else ""
    return "\n".join(
        [
            f"=== #{k} {article['id']} published {report.document.published}",
            f"  {event.type}{mode} `{event.trigger.text}` {event.modality}"
            f" background={event.background} confidence={event.confidence}",
            f"  source={[p.name for p in event.source]} target={[p.name for p in event.target]}"
            f" date={event.date} place={places.get(event.location or '')} ({event.place_reason})",
            "  before: " + text[max(0, lo - 700) : lo].replace("\n", " / "),
            "  sentence: " + text[lo:hi].replace("\n", " / "),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="JSONL: id, text, date, title")
    parser.add_argument("--seed", type=int, required=True, help="seed of the article draw")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--event-seed", type=int, required=True)
    parser.add_argument("--events", type=int, default=60)
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument(
        "--unjudged", action="store_true", help="skip articles an earlier reading judged"
    )
    parser.add_argument(
        "--skip",
        type=Path,
        help="a file of article ids to skip too (one per line): the ones read while writing rules",
    )
    args = parser.parse_args(argv)
    skip = judged_articles() if args.unjudged else set()
    if args.skip is not None:
        skip |= {line.strip() for line in args.skip.open(encoding="utf-8") if line.strip()}
    articles = draw(args.data, args.seed, args.articles, skip)
    reports = extract_many(
        [a["text"] for a in articles],
        [a.get("date") for a in articles],
        titles=[a.get("title") or None for a in articles],
    )
    pool = [
        (article, report, event)
        for article, report in zip(articles, reports, strict=True)
        for event in report.events
        if (event.confidence or 0.0) >= args.min_confidence
    ]
    print(
        f"{len(articles)} articles ({len(skip)} judged before skipped),"
        f" {len(pool)} events at or above {args.min_confidence}"
    )
    chosen = random.Random(args.event_seed).sample(pool, min(args.events, len(pool)))
    for k, (article, report, event) in enumerate(chosen, 1):
        print(sheet(k, article, report, event))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
